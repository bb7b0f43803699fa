import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Diagrams

/// The elements and their attributes, in document order, of an XML text; nil when it is not
/// well-formed.
private func elements(of xml: String) -> [(name: String, attributes: [String: String])]? {
    final class Collector: NSObject, XMLParserDelegate {
        var found: [(name: String, attributes: [String: String])] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) { found.append((name, attributes)) }
    }
    let parser = XMLParser(data: Data(xml.utf8))
    let collector = Collector()
    parser.delegate = collector
    return parser.parse() ? collector.found : nil
}

@Test("math text: _ and ^ take one character or a {group}; the rest is literal")
func mathTextRuns() {
    #expect(MathText.runs("h_{t−1}") == [.init(text: "h", level: 0), .init(text: "t−1", level: -1)])
    #expect(MathText.runs("x_t + b") == [.init(text: "x", level: 0), .init(text: "t", level: -1), .init(text: " + b", level: 0)])
    #expect(MathText.runs("W^{(2)}_{xh}") == [.init(text: "W", level: 0), .init(text: "(2)", level: 1), .init(text: "xh", level: -1)])
    #expect(MathText.runs("a_") == [.init(text: "a_", level: 0)], "a trailing mark is literal")
    #expect(MathText.plain("W_{hh} h_{t−1}") == "Whh ht−1")
}

@Test("math text: each script is shifted by a third of the font size and the baseline comes back")
func mathTextShifts() {
    let t = MathText.tspans("h_{t−1} + x", size: 15)
    #expect(t == "h<tspan dy=\"5\" font-size=\"10.5\">t−1</tspan><tspan dy=\"-5\"> + x</tspan>")
    #expect(MathText.tspans("a<b & c", size: 15) == "a&lt;b &amp; c")
}

@Test("a diagram is well-formed SVG: its title, a background, then each shape in order, arrows with a head")
func diagramIsWellFormedSVG() throws {
    var d = Diagram(width: 300, height: 200, title: "A \"cell\" & its <input>")
    d.box(Point(100, 100), width: 80, height: 40, fill: Colour("#fde9c9"))
    d.circle(Point(200, 100), radius: 12)
    d.arrow([Point(10, 100), Point(60, 100)], stroke: Stroke(.red, width: 3))
    d.text("h_{t−1}", Point(100, 100))
    let xml = d.svg
    let found = try #require(elements(of: xml), "not well-formed:\n\(xml)")
    #expect(found.map(\.name) == ["svg", "title", "rect", "rect", "circle", "path", "polygon", "text", "tspan"])
    #expect(found[0].attributes["viewBox"] == "0 0 300 200" && found[0].attributes["width"] == "300")
    let box = found[3].attributes
    #expect(box["x"] == "60" && box["y"] == "80" && box["width"] == "80" && box["fill"] == "#fde9c9")
    // The arrow's line stops inside its head, whose tip is the last point.
    #expect(found[5].attributes["stroke"] == "#d62728" && found[5].attributes["d"]?.hasPrefix("M10,100 L") == true)
    #expect(found[6].attributes["points"]?.hasPrefix("60,100 ") == true)
    #expect(found[7].attributes["y"] == "105", "the baseline sits a third of the font size below the centre")
    #expect(xml.contains("<title>A &quot;cell&quot; &amp; its &lt;input&gt;</title>"))
}

@Test("coordinates are written with at most two decimals and no negative zero")
func coordinatesAreShort() {
    #expect(n(3) == "3" && n(2.5) == "2.5" && n(1.0 / 3) == "0.33" && n(-0.001) == "0" && n(-2.25) == "-2.25")
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LinearAlgebra
import Testing
@testable import Lab

// io-patterns at its --quick size (T = 4, D = 3, H = 8, K = 2), read through its typed result.

private let quick = Result { try runQuick(IOPatterns.self) }

/// h_1 … h_T of the model's tanh cell on `inputs` (nil: no input at that step), by hand: no BPTT.
private func statesByHand(_ m: IOPatterns.Model, _ inputs: [[Double]?]) -> [[Double]] {
    let W_xh = m.cell["W_xh"], W_hh = m.cell["W_hh"], b_h = m.cell["b_h"].elements
    var h = [Double](repeating: 0, count: W_hh.rows), states: [[Double]] = []
    for x in inputs {
        let input = x.map { W_xh.applied(to: $0) } ?? [Double](repeating: 0, count: h.count)
        let recurrent = W_hh.applied(to: h)
        h = (0..<h.count).map { tanh(input[$0] + recurrent[$0] + b_h[$0]) }
        states.append(h)
    }
    return states
}

@Test("io-patterns: the many-to-one output is W_hy h_T + b_y with h_T computed by hand, and the last many-to-many output")
func manyToOneIsTheLastReadout() throws {
    let r = try quick.get().result
    let m = IOPatterns.Model(try quickSettings(IOPatterns.self))
    let T = r.steps
    #expect(T == 4 && m.x.count == T)
    let y = m.readout(statesByHand(m, m.x)[T - 1])
    let manyToOne = try #require(r.patterns["many_to_one"]), manyToMany = try #require(r.patterns["many_to_many"])
    #expect(manyToOne.outputs.count == 1)
    let worst = zip(manyToOne.outputs[0], y).map { abs($0 - $1) }.max() ?? .nan
    #expect(worst < 1e-12, "largest difference \(worst): \(manyToOne.outputs[0]) against \(y)")
    #expect(manyToMany.outputs[T - 1] == manyToOne.outputs[0], "the same network on the same inputs")
    // Step 1 from h_0 = 0 is the same computation in every pattern that feeds x_1 and reads y_1.
    let first = m.readout(statesByHand(m, [m.x[0]])[0])
    for name in ["one_to_one", "one_to_many", "many_to_many"] {
        let y1: [Double] = try #require(r.patterns[name]?.outputs[0])
        #expect(zip(y1, first).allSatisfy { abs($0 - $1) < 1e-12 }, "\(name): y_1 = \(y1), by hand \(first)")
    }
    // One-to-many: x_1, then no input; its y_T by hand.
    let oneToMany = m.readout(statesByHand(m, [m.x[0]] + Array(repeating: nil, count: T - 1))[T - 1])
    let y4: [Double] = try #require(r.patterns["one_to_many"]?.outputs[T - 1])
    #expect(zip(y4, oneToMany).allSatisfy { abs($0 - $1) < 1e-12 }, "one-to-many y_T = \(y4), by hand \(oneToMany)")
}

@Test("io-patterns: each pattern feeds and reads its steps, and an output never sees a later input")
func patternsHaveTheirShapes() throws {
    let r = try quick.get().result
    let T = r.steps, D = r.inputSize, K = r.outputs
    #expect(r.parameters == 8 * 3 + 8 * 8 + 8 + 2 * 8 + 2, "W_xh, W_hh, b_h, W_hy, b_y")
    let shapes: [String: ([Int], [Int], Int)] = [
        "one_to_one": ([T, D], [T, K], T * (T - 1)), "one_to_many": ([1, D], [T, K], 0), "many_to_one": ([T, D], [1, K], 0),
        "many_to_many": ([T, D], [T, K], T * (T - 1) / 2), "encoder_decoder": ([T / 2, D], [T / 2, K], 0),
    ]
    for (name, (input, output, withoutPath)) in shapes {
        let p = try #require(r.patterns[name])
        #expect(p.inputShape == input && p.outputShape == output, "\(name): \(p.inputShape) → \(p.outputShape)")
        #expect(p.pairsWithoutPath == withoutPath, "\(name): \(p.pairsWithoutPath) pairs without a path")
        for s in p.outputSteps { for t in p.inputSteps {
            let v = p.sensitivity[s - 1][t - 1]
            let causal = p.pattern == .oneToOne ? t == s : t <= s
            #expect(causal ? v > 0 : v == 0, "\(name): ‖∂y_\(s)/∂x_\(t)‖ = \(v)")
        } }
    }
    #expect(r.patterns["encoder_decoder"]?.inputSteps == [1, 2] && r.patterns["encoder_decoder"]?.outputSteps == [3, 4])
}

@Test("io-patterns: ‖∂y_T/∂x_t‖ from backpropagation matches central differences of the hand-computed network")
func sensitivitiesMatchFiniteDifferences() throws {
    let r = try quick.get().result
    let m = IOPatterns.Model(try quickSettings(IOPatterns.self))
    let T = r.steps, p = try #require(r.patterns["many_to_one"])
    var worst = 0.0
    for t in 1...T {
        var squares = 0.0
        for d in 0..<r.inputSize {
            var plus = m.x, minus = m.x
            let e = 1e-6
            plus[t - 1][d] += e
            minus[t - 1][d] -= e
            let yPlus = m.readout(statesByHand(m, plus)[T - 1]), yMinus = m.readout(statesByHand(m, minus)[T - 1])
            squares += zip(yPlus, yMinus).reduce(0) { $0 + pow(($1.0 - $1.1) / (2 * e), 2) }
        }
        worst = max(worst, abs(squares.squareRoot() / p.sensitivity[T - 1][t - 1] - 1))
    }
    #expect(worst < 1e-6, "largest relative difference \(worst)")
    #expect(p.sensitivityLastInputLastOutput > p.sensitivityFirstInputLastOutput, "the last input moves y_T most")
}

@Test("io-patterns: the figure is drawable and patterns.svg draws one box per input fed, per state and per output read")
func patternsPicture() throws {
    let run = try quick.get()
    expectFiguresDrawable(run.figures, experiment: IOPatterns.name)
    let r = run.result
    let settings = try quickSettings(IOPatterns.self)
    let data: Data = try #require(IOPatterns.diagrams(r, settings: settings)["patterns.svg"].map { Data($0.svg.utf8) })
    let svg = String(decoding: data, as: UTF8.self)
    final class Counter: NSObject, XMLParserDelegate {
        var rects = 0
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) { if name == "rect" { rects += 1 } }
    }
    let parser = XMLParser(data: Data(svg.utf8)), counter = Counter()
    parser.delegate = counter
    #expect(parser.parse(), "patterns.svg is not well-formed")
    let boxes = r.ordered.reduce(0) { $0 + $1.inputSteps.count + r.steps + $1.outputSteps.count }
    #expect(counter.rects == 1 + boxes, "\(counter.rects) rectangles: the background and \(boxes) boxes expected")
}

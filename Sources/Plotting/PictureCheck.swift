import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Checks that a picture gnuplot wrote is whole before it is installed under its final name.
///
/// gnuplot exits 0 when its last write fails (a full disk leaves a PNG cut short with no IEND
/// chunk), and a broken gnuplot can write anything at all; so each format is checked for
/// the end only a complete file has:
/// - PNG: the 8-byte signature, then chunks whose declared lengths fit in the file, the
///   first IHDR, the last IEND, ending exactly at the end of the file;
/// - SVG: well-formed XML whose root element is `svg` (Foundation's XMLParser, which resolves
///   no external entity);
/// - PDF: starts with `%PDF-` and ends with `%%EOF`, then nothing but white space.
///
/// These catch a file cut short or of the wrong kind; they do not decode the pixels or the
/// page (a PNG chunk's CRC is not checked).
enum PictureCheck {
    /// nil when `data` is a whole picture in `format`; else what is wrong, as a phrase.
    static func problem(in data: Data, format: OutputFormat) -> String? {
        if data.isEmpty { return "it is empty" }
        switch format {
        case .png: return pngProblem(data)
        case .svg: return svgProblem(data)
        case .pdf: return pdfProblem(data)
        }
    }

    /// Checks the file at `url`, which must be a regular file (a link is not followed).
    /// The file is mapped, not copied, so a large SVG costs no memory of its own.
    static func problem(ofFile url: URL, format: OutputFormat) -> String? {
        guard let kind = PlotFiles.kind(atPath: url.path) else { return "it was not written" }
        guard kind == "a regular file" else { return "it is \(kind), not a regular file" }
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else { return "it cannot be read back" }
        return problem(in: data, format: format)
    }

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static func pngProblem(_ data: Data) -> String? {
        let bytes = [UInt8](data.prefix(8))
        guard bytes == pngSignature else { return "it does not start with the PNG signature" }
        var offset = 8
        var first = true
        while offset < data.count {
            guard data.count - offset >= 12 else { return "it is cut short inside a chunk header at byte \(offset) (is the disk full?)" }
            let start = data.startIndex + offset
            let length = data[start..<start + 4].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: data[start + 4..<start + 8], as: UTF8.self)
            guard length <= Int(Int32.max) else { return "chunk '\(type)' at byte \(offset) declares \(length) bytes, more than PNG allows" }
            let end = offset + 12 + length
            guard end <= data.count else {
                return "it is cut short: chunk '\(type)' at byte \(offset) needs \(end) bytes, the file has \(data.count) (is the disk full?)"
            }
            if first && type != "IHDR" { return "its first chunk is '\(type)', not IHDR" }
            first = false
            if type == "IEND" {
                return end == data.count ? nil : "\(data.count - end) bytes follow its IEND chunk"
            }
            offset = end
        }
        return "it ends without the IEND chunk: cut short (is the disk full?)"
    }

    static func svgProblem(_ data: Data) -> String? {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        let root = RootElement()
        parser.delegate = root
        guard parser.parse() else {
            let error = parser.parserError.map { " (\($0.localizedDescription))" } ?? ""
            return "it is not well-formed XML at line \(parser.lineNumber)\(error): cut short?"
        }
        guard root.name == "svg" else { return "its root element is '\(root.name ?? "none")', not svg" }
        // Foundation's parser accepts a document that stops inside its root element.
        guard root.closed else { return "it ends before its root element is closed: cut short (is the disk full?)" }
        return nil
    }

    static func pdfProblem(_ data: Data) -> String? {
        guard data.starts(with: Array("%PDF-".utf8)) else { return "it does not start with %PDF-" }
        let whiteSpace: Set<UInt8> = [0x00, 0x09, 0x0A, 0x0C, 0x0D, 0x20]
        let end = data.lastIndex { !whiteSpace.contains($0) }.map { $0 + 1 } ?? data.startIndex
        guard data[data.startIndex..<end].suffix(5).elementsEqual("%%EOF".utf8) else {
            return "it does not end with %%EOF: cut short (is the disk full?)"
        }
        return nil
    }
}

/// Records the name of the first element an XMLParser meets, and whether it was closed.
private final class RootElement: NSObject, XMLParserDelegate {
    var name: String?
    var closed = false
    private var depth = 0

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == nil { name = elementName }
        depth += 1
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        if depth == 0 { closed = true }
    }
}

import Foundation
import Testing
@testable import Plotting

/// The check every picture passes before it is installed, on bytes made here (no gnuplot).
@Suite("Picture check")
struct PictureCheckTests {
    /// A PNG chunk: length, type, data, and a CRC the check does not read.
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let n = UInt32(data.count)
        return [UInt8(n >> 24), UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff), UInt8(n & 0xff)] + Array(type.utf8) + data + [0, 0, 0, 0]
    }

    /// A 1×1 PNG's structure: signature, IHDR, IDAT, IEND.
    static let png = Data(PictureCheck.pngSignature + chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])
                          + chunk("IDAT", [0x78, 0x9c, 0x63, 0xf8, 0x0f, 0x00, 0x01, 0x01, 0x01, 0x00]) + chunk("IEND", []))
    static let svg = Data("""
        <?xml version="1.0" encoding="utf-8" standalone="no"?>
        <svg width="100" height="50" xmlns="http://www.w3.org/2000/svg"><title>t</title><text x="1" y="2">a &amp; b</text></svg>

        """.utf8)
    static let pdf = Data("%PDF-1.5\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\r\n".utf8)

    static let whole: [(OutputFormat, Data)] = [(.png, png), (.svg, svg), (.pdf, pdf)]

    @Test("Whole PNG, SVG and PDF files pass, a PDF with white space after %%EOF too")
    func wholePictures() {
        for (format, data) in Self.whole { #expect(PictureCheck.problem(in: data, format: format) == nil, "\(format)") }
        #expect(PictureCheck.problem(in: Self.pdf + Data("  \n\n".utf8), format: .pdf) == nil)
    }

    @Test("A picture cut short at any byte is refused", arguments: [OutputFormat.png, .svg, .pdf])
    func truncated(_ format: OutputFormat) {
        let data = Self.whole.first { $0.0 == format }!.1
        // Every cut except those that leave only trailing white space (a PDF's "\r\n", an SVG's last newline).
        let significant = data.lastIndex { ![0x0A, 0x0D, 0x20].contains($0) }! + 1
        for length in 0..<significant {
            #expect(PictureCheck.problem(in: data.prefix(length), format: format) != nil, "\(format) cut to \(length) bytes passed")
        }
    }

    @Test("A full disk's PNG (no IEND) is refused with a word about the disk")
    func pngWithoutEnd() {
        let cut = Self.png.prefix(Self.png.count - 12)
        #expect(PictureCheck.problem(in: cut, format: .png) == "it ends without the IEND chunk: cut short (is the disk full?)")
        #expect(PictureCheck.problem(in: Self.png + Data([0]), format: .png) == "1 bytes follow its IEND chunk")
    }

    @Test("Text, an empty file or another format under a picture's name is refused")
    func wrongKind() {
        #expect(PictureCheck.problem(in: Data("gnuplot> plot sin(x)\n".utf8), format: .png) == "it does not start with the PNG signature")
        #expect(PictureCheck.problem(in: Data(), format: .svg) == "it is empty")
        #expect(PictureCheck.problem(in: Self.png, format: .pdf) == "it does not start with %PDF-")
        #expect(PictureCheck.problem(in: Data("<html></html>".utf8), format: .svg) == "its root element is 'html', not svg")
        #expect(PictureCheck.problem(in: Self.pdf, format: .svg) != nil)
    }

    @Test("A file that is not a regular file is refused without being followed")
    func notRegular() throws {
        let folder = try makeTemporaryFolder("check")
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.png"), link = folder.appendingPathComponent("link.png")
        try Self.png.write(to: good)
        #expect(PictureCheck.problem(ofFile: good, format: .png) == nil)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: good)
        #expect(PictureCheck.problem(ofFile: link, format: .png) == "it is a symbolic link, not a regular file")
        #expect(PictureCheck.problem(ofFile: folder.appendingPathComponent("none.png"), format: .png) == "it was not written")
    }
}

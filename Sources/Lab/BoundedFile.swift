import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads an input file the lab was pointed at, refusing before reading what it should not read:
/// anything but a regular file (a directory, a FIFO that would block, a device that never ends),
/// a file over `limit` bytes, and text that is not UTF-8 or holds a NUL byte (which would cut a
/// TOML document short without a word). Every refusal is one line naming the real cause.
enum BoundedFile {
    /// Experiment files are a few kilobytes; 1 MiB leaves room for long comments and no room for a
    /// file that is not an experiment.
    static let experimentFileLimit = 1 << 20

    struct Refusal: Error, CustomStringConvertible {
        let description: String
    }

    /// The file's bytes, at most `limit` of them.
    static func read(_ url: URL, limit: Int) throws -> Data {
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            throw Refusal(description: errno == ENOENT ? "no such file" : "cannot read the file (\(String(cString: strerror(errno))))")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw Refusal(description: "is a directory, not a file")
        case S_IFIFO: throw Refusal(description: "is a FIFO (named pipe), not a file")
        case S_IFCHR, S_IFBLK: throw Refusal(description: "is a device, not a file")
        case S_IFSOCK: throw Refusal(description: "is a socket, not a file")
        default: throw Refusal(description: "is not a regular file")
        }
        guard Int(info.st_size) <= limit else {
            throw Refusal(description: "is \(info.st_size) bytes; the limit is \(limit) bytes")
        }
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw Refusal(description: "cannot open the file (\(String(cString: strerror(errno))))")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
        guard data.count <= limit else { throw Refusal(description: "grew past the limit of \(limit) bytes while being read") }
        return data
    }

    /// `data` as text: UTF-8 without NUL bytes, or a refusal naming the byte offset.
    static func text(_ data: Data) throws -> String {
        if let nul = data.firstIndex(of: 0) {
            throw Refusal(description: "holds a NUL byte at offset \(nul - data.startIndex); an experiment file is text")
        }
        var offset = 0
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): scalars.append(s); offset += UTF8.width(s)
            case .emptyInput: break decoding
            case .error: throw Refusal(description: "is not UTF-8: invalid byte at offset \(offset)")
            }
        }
        return String(scalars)
    }

    /// The first character TOML never allows unescaped (a control character other than tab,
    /// newline and carriage return), as "U+000C at line 2, column 2", or nil. A `--set` value is
    /// checked with it first: one that is not TOML is taken as a bare word, and a control
    /// character must not reach a value or a message that way. (In a file, the TOML parser
    /// refuses them itself, with their line and column.)
    static func forbiddenControlCharacter(in text: String) -> String? {
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1; column = 1; continue }
            if (scalar.value < 0x20 && scalar != "\t" && scalar != "\r") || scalar.value == 0x7F {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                return "U+" + String(repeating: "0", count: 4 - hex.count) + hex + " at line \(line), column \(column)"
            }
            column += 1
        }
        return nil
    }
}

extension String {
    /// The text with control characters shown as escapes (`\u{1B}`, `\n`), so a file name or value
    /// from the input can never move the cursor, recolour a terminal or break a message into lines.
    var escapingControlCharacters: String {
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

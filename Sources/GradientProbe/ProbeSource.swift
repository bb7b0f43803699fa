import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the probe's JSON comes from: a file, or standard input (`-`).
///
/// Read with `ProbeLimits.maximumInputBytes` enforced while reading: a regular file is
/// refused from its size before a byte is read; a stream (a pipe, a terminal, a device
/// such as /dev/zero) is refused as soon as it has delivered one byte more than the limit.
/// Either way at most the limit plus one byte is ever held.
public enum ProbeSource: Sendable, Equatable {
    case standardInput
    case file(path: String)

    /// `-` is standard input; anything else a path.
    public init(argument: String) {
        self = argument == "-" ? .standardInput : .file(path: argument)
    }

    /// How messages name the source.
    public var name: String {
        switch self {
        case .standardInput: return "standard input"
        case .file(let path): return path
        }
    }

    /// The whole input, at most `limit` bytes; a larger one is an error naming the limit.
    public func read(limit: Int = ProbeLimits.maximumInputBytes) throws -> Data {
        switch self {
        case .standardInput:
            return try Self.read(descriptor: STDIN_FILENO, name: name, failure: "cannot read", limit: limit)
        case .file(let path):
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw ProbeInputError(field: path, message: "cannot read the file: \(Self.reason(errno))") }
            defer { close(fd) }
            return try Self.read(descriptor: fd, name: path, failure: "cannot read the file", limit: limit)
        }
    }

    /// `failure` starts the message when the system refuses to read (a directory, EIO).
    private static func read(descriptor fd: Int32, name: String, failure: String, limit: Int) throws -> Data {
        var status = stat()
        var capacity = 1 << 16   // a stream's first buffer; it doubles, up to the limit + 1
        if fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG {
            let size = Int(status.st_size)
            if size > limit {
                throw ProbeInputError(field: name, message: "\(size) bytes exceeds the limit \(limit) bytes (\(mebibytes(limit)))")
            }
            capacity = size + 1   // + 1 to see the end (or a file that grew) without growing
        }
        // malloc/realloc rather than an Array: glibc moves a large block with mremap, so
        // growing never holds two copies of the input.
        guard var buffer = malloc(capacity) else { throw ProbeInputError(field: name, message: "out of memory reading the input") }
        var count = 0
        var handedOver = false
        defer { if !handedOver { free(buffer) } }
        while true {
            if count == capacity {
                capacity = min(2 * capacity, limit + 1)
                guard let grown = realloc(buffer, capacity) else { throw ProbeInputError(field: name, message: "out of memory reading the input") }
                buffer = grown
            }
            let n = systemRead(fd, buffer + count, capacity - count)
            if n < 0 {
                if errno == EINTR { continue }
                throw ProbeInputError(field: name, message: "\(failure): \(reason(errno))")
            }
            if n == 0 { break }
            count += n
            if count > limit {
                throw ProbeInputError(field: name, message: "exceeds the limit \(limit) bytes (\(mebibytes(limit)))")
            }
        }
        handedOver = true
        return Data(bytesNoCopy: buffer, count: count, deallocator: .free)
    }

    private static func mebibytes(_ n: Int) -> String {
        n % (1 << 20) == 0 ? "\(n >> 20) MiB" : "\(n) bytes"
    }

    /// strerror's text, starting in lower case as the rest of the line does.
    private static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}

/// read(2), named apart from `ProbeSource.read`, which would hide it.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
    #else
    return Darwin.read(fd, buffer, count)
    #endif
}

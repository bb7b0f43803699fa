import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading saved files with a size cap, writing files whole or not at all, and the temporary
/// files this process makes on the way.
///
/// Temporary files are named `.FILE.<pid>-<16 hex digits>.tmp` in the folder of the file they
/// become, so no two processes (nor two writes of one process) share a name; a process removes
/// only the temporaries it made itself (recorded in `own`), by name, with `unlink`, which
/// removes a symbolic link rather than what it points to.
enum PlotFiles {
    /// Reads `url` as a regular file of at most `limit` bytes, or says why it cannot.
    ///
    /// The file is opened without following a symbolic link and without blocking, so a link,
    /// a FIFO or a device planted under a saved file's name is refused instead of read (a FIFO
    /// would hang the read, a device like /dev/zero would never end). The size is checked
    /// before anything is allocated, and the read stops at `limit` + 1 bytes even if the file
    /// grows meanwhile.
    static func read(_ url: URL, limit: Int) -> Result<Data, ReadFailure> {
        let fd = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            switch errno {
            case ENOENT: return .failure(.missing)
            case ELOOP: return .failure(.notRegular("a symbolic link"))
            default: return .failure(.unreadable(String(cString: strerror(errno))))
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        guard let kind = fileKind(info.st_mode), kind == "a regular file" else {
            return .failure(.notRegular(fileKind(info.st_mode) ?? "not a regular file"))
        }
        guard Int(info.st_size) <= limit else { return .failure(.tooLarge(size: Int(info.st_size), limit: limit)) }
        var data = Data(count: Int(info.st_size) + 1)
        var filled = 0
        let failure: ReadFailure? = data.withUnsafeMutableBytes { buffer -> ReadFailure? in
            while filled < buffer.count {
                let n = systemRead(fd, buffer.baseAddress! + filled, buffer.count - filled)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { return .unreadable(String(cString: strerror(errno))) }
                if n == 0 { break }
                filled += n
            }
            return nil
        }
        if let failure { return .failure(failure) }
        guard filled <= limit else { return .failure(.tooLarge(size: filled, limit: limit)) }
        data.count = filled
        return .success(data)
    }

    enum ReadFailure: Error, Equatable {
        case missing
        case notRegular(String)
        case tooLarge(size: Int, limit: Int)
        case unreadable(String)

        var problem: String {
            switch self {
            case .missing: return "the file is missing"
            case let .notRegular(kind): return "it is \(kind), not a regular file"
            case let .tooLarge(size, limit): return "it holds \(size) bytes, more than the \(limit) a saved figure may use"
            case let .unreadable(reason): return "it cannot be read: \(reason)"
            }
        }
    }

    /// "a regular file", "a directory", "a FIFO"… for a message; nil for kinds without a name.
    static func fileKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return "a regular file"
        case S_IFDIR: return "a directory"
        case S_IFLNK: return "a symbolic link"
        case S_IFIFO: return "a FIFO"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return nil
        }
    }

    /// The kind of what `path` names itself (a link is not followed), or nil when nothing is there.
    static func kind(atPath path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return fileKind(info.st_mode) ?? "an unknown kind of file"
    }

    /// Writes `data` under a temporary name in the folder of `url`, then renames it into place,
    /// so a reader sees the old file or the new one, never half of one. Every `write` and the
    /// `close` are checked (a full disk fails one of them), and on any failure the temporary is
    /// removed and nothing is installed. Not `fsync`ed: a power cut may still lose a write.
    static func writeAtomically(_ data: Data, to url: URL) throws {
        let temp = temporaryURL(for: url)
        own.insert(temp.path)
        defer { own.remove(temp.path) }
        func fail(_ problem: String) -> PlotError {
            unlink(temp.path)
            return .io(file: url, problem: problem)
        }
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw PlotError.io(file: url, problem: String(cString: strerror(errno))) }
        let writeError: Int32? = data.withUnsafeBytes { buffer -> Int32? in
            var done = 0
            while done < buffer.count {
                let n = systemWrite(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return n < 0 ? errno : EIO }
                done += n
            }
            return nil
        }
        if let writeError {
            close(fd)
            throw fail(String(cString: strerror(writeError)))
        }
        guard close(fd) == 0 else { throw fail(String(cString: strerror(errno))) }
        guard rename(temp.path, url.path) == 0 else { throw fail(String(cString: strerror(errno))) }
    }

    /// `.NAME.<pid>-<random>.tmp` beside `url`: hidden, unique to this process and this call.
    static func temporaryURL(for url: URL) -> URL {
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let token = "\(getpid())-\(String(repeating: "0", count: 16 - random.count))\(random)"
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(token).tmp")
    }

    /// The temporary files this process has made and not yet renamed or removed.
    static let own = PathSet()

    /// Removes every temporary file of this process (on a stop, or at exit).
    static func removeOwnTemporaries() {
        for path in own.drain() { unlink(path) }
    }
}

/// A set of paths shared between threads (and read at exit).
final class PathSet: @unchecked Sendable {   // every access holds `lock`
    private let lock = NSLock()
    private var paths: Set<String> = []

    func insert(_ path: String) { lock.lock(); paths.insert(path); lock.unlock() }
    func remove(_ path: String) { lock.lock(); paths.remove(path); lock.unlock() }
    func drain() -> Set<String> { lock.lock(); defer { lock.unlock() }; let p = paths; paths = []; return p }
}

// `read` and `write` of the C library; inside `PlotFiles` the plain names are its own methods.
#if canImport(Glibc)
private let systemRead = Glibc.read
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemRead = Darwin.read
private let systemWrite = Darwin.write
#endif

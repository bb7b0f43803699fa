import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One run at a time per output folder, and a folder that is always one whole run.
///
/// The lock is an advisory `flock` on a hidden file beside the folder (`plots/.NAME.lock`):
/// the kernel drops it when the process ends, however it ends, so a killed run never leaves a
/// stale lock. A run writes into `.NAME.staging-PID` beside the target and `install` swaps it in
/// with renames, which never follow symbolic links: a symlinked target is replaced, not written
/// through.
final class FolderLock: @unchecked Sendable {  // holds only an immutable descriptor
    private let descriptor: Int32

    /// Takes the lock, calling `waiting` once if another process holds it, then blocking.
    init(_ url: URL, waiting: () -> Void) throws {
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw LockError(message: "cannot open the lock \(url.path): \(String(cString: strerror(errno)))") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                close(fd)
                throw LockError(message: "cannot lock \(url.path): \(String(cString: strerror(errno)))")
            }
            waiting()
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(fd)
                    throw LockError(message: "cannot lock \(url.path): \(String(cString: strerror(errno)))")
                }
            }
        }
        descriptor = fd
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    struct LockError: Error, CustomStringConvertible { let message: String; var description: String { message } }

    /// Staging and retired folders of `name` left by a run that was killed (only the lock's holder
    /// calls this, so none of them belongs to a live run). Removing a symlink removes the link.
    static func removeStaleStaging(of name: String, in base: URL) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
        for entry in entries where entry.hasPrefix(".\(name).staging-") || entry.hasPrefix(".\(name).old-") {
            try? FileManager.default.removeItem(at: base.appendingPathComponent(entry))
        }
    }

    /// Replaces `target` by `staging`: the old folder is renamed aside, the new one renamed into
    /// place, the old one removed. Between the two renames the target is absent for an instant;
    /// it is never a mixture of two runs.
    static func install(_ staging: URL, as target: URL) throws {
        let retired = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).old-\(getpid())")
        var exists = false
        var info = stat()
        if lstat(target.path, &info) == 0 { exists = true }
        if exists, rename(target.path, retired.path) != 0 {
            throw LockError(message: "cannot move the old \(target.lastPathComponent) aside: \(String(cString: strerror(errno)))")
        }
        if rename(staging.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            if exists { _ = rename(retired.path, target.path) }
            throw LockError(message: "cannot install the new \(target.lastPathComponent): \(reason)")
        }
        if exists { try? FileManager.default.removeItem(at: retired) }
    }
}

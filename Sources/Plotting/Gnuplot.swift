import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place that runs the gnuplot process.
///
/// It is started as `gnuplot /dev/stdin` in the figure's folder and fed the commands on its
/// standard input: gnuplot reads a pipe given as its plain standard input one byte per system
/// call, but `/dev/stdin` as a file name through stdio's buffer.
///
/// gnuplot is a child that may misbehave, so:
/// - it runs in a process group of its own (`posix_spawn` with `POSIX_SPAWN_SETPGROUP`), and
///   every way out of `run` that leaves it behind — a timeout, a stop, its own exit with a
///   child still holding the pipes — kills that whole group with SIGKILL, always before the
///   group's leader is reaped, so the group's number cannot have been reused;
/// - it has `timeout` seconds (`defaultTimeout`, or `$RNNLAB_GNUPLOT_TIMEOUT`) to finish;
/// - one loop on this thread feeds its input and drains its output and error with `poll`, so no
///   pipe can fill and stall it, and a pipe held open by a child it left cannot block the loop;
/// - what it says is capped: the first and last `standardErrorKept` bytes of its error stream,
///   the first `standardOutputKept` bytes of its output (the text picture of `show`);
/// - SIGPIPE is ignored here, so a gnuplot that quits early gives a write error to report
///   instead of killing this program with status 141; the child gets default signal handling.
/// `Plotter.stopAll()` (for a signal handler) and exit (`atexit`) kill every group still running.
struct Gnuplot {
    let executable: URL

    /// Environment variable naming the gnuplot executable (tests set it to a bogus path).
    static let environmentVariable = "RNNLAB_GNUPLOT"

    /// Environment variable giving the timeout in seconds, a number > 0.
    static let timeoutVariable = "RNNLAB_GNUPLOT_TIMEOUT"

    /// 120 s. The slowest figure the lab draws takes about a second and 200 000 points about
    /// two, so this is ample on a slow or busy machine, yet a hung gnuplot is noticed in minutes.
    static let defaultTimeout: Double = 120

    /// 4 KB from each end of gnuplot's error stream: its message is in the last lines and the
    /// first error in the first; 200 MB of repeated warnings must not become a 200 MB message.
    static let standardErrorKept = 4096

    /// 1 MB of standard output: a `dumb` picture is 120×40 characters per figure.
    static let standardOutputKept = 1 << 20

    /// How long the pipes may stay open after gnuplot's group has been killed: a process that
    /// left the group (with `setsid`) could hold them open for ever.
    static let pipeGrace: Double = 1

    /// `path` if given, else `$RNNLAB_GNUPLOT`, else `gnuplot` on `$PATH`.
    /// Fails with a sentence saying where it looked.
    static func locate(path: String?) -> Result<Gnuplot, LocateFailure> {
        let env = ProcessInfo.processInfo.environment
        let fm = FileManager.default
        if let explicit = path ?? env[environmentVariable], !explicit.isEmpty {
            let source = path != nil ? "gnuplot path" : environmentVariable
            return fm.isExecutableFile(atPath: explicit)
                ? .success(Gnuplot(executable: URL(fileURLWithPath: explicit)))
                : .failure(LocateFailure(searched: "no executable at \(source)=\(explicit)"))
        }
        for dir in (env["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") where !dir.isEmpty {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent("gnuplot")
            if fm.isExecutableFile(atPath: candidate.path) { return .success(Gnuplot(executable: candidate)) }
        }
        return .failure(LocateFailure(searched: "no `gnuplot` on PATH"))
    }

    struct LocateFailure: Error { let searched: String }

    /// `seconds` if given, else `$RNNLAB_GNUPLOT_TIMEOUT`, else `defaultTimeout`; nil for a value
    /// that is not a finite number > 0.
    static func resolveTimeout(_ seconds: Double?) -> Result<Double, PlotError> {
        if let seconds {
            return seconds.isFinite && seconds > 0 ? .success(seconds) : .failure(.badTimeout("\(seconds)"))
        }
        guard let text = ProcessInfo.processInfo.environment[timeoutVariable], !text.isEmpty else { return .success(defaultTimeout) }
        guard let value = Double(text), value.isFinite, value > 0 else { return .failure(.badTimeout("\(timeoutVariable)=\(text)")) }
        return .success(value)
    }

    /// gnuplot's own version line (`gnuplot 5.4 patchlevel 4`), asked of the process itself.
    func version() -> String? {
        guard let outcome = try? run("print sprintf('%g patchlevel %s', GPVAL_VERSION, GPVAL_PATCHLEVEL)\n",
                                     in: FileManager.default.temporaryDirectory, timeout: Self.defaultTimeout),
              outcome.status == 0 else { return nil }
        let text = outcome.standardError.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : "gnuplot " + text
    }

    struct Outcome {
        /// The exit status, or 128 + the signal that ended it.
        var status: Int32
        var standardOutput: Data
        /// Capped: the first and last `standardErrorKept` bytes, with a line saying how much was left out.
        var standardError: String
    }

    enum RunFailure: Error, Equatable {
        case couldNotStart(String)
        case timedOut(seconds: Double)
        case stopped
    }

    /// Runs `commands` through gnuplot with `folder` as its working directory and waits at most
    /// `timeout` seconds. When this returns or throws, no process of gnuplot's group is left.
    func run(_ commands: String, in folder: URL, timeout: Double) throws -> Outcome {
        signal(SIGPIPE, SIG_IGN)
        let child = try Child.spawn(executable, arguments: ["/dev/stdin"], in: folder)
        defer { child.finish() }
        let deadline = Date().addingTimeInterval(timeout)

        var input = [UInt8](commands.utf8)[...]
        var output = Data(), errors = HeadAndTail(kept: Self.standardErrorKept)
        var outputDropped = 0
        var inputOpen = true, outputOpen = true, errorOpen = true
        var exited: Int32? = nil
        var graceEnd: Date? = nil
        var buffer = [UInt8](repeating: 0, count: 65536)

        while outputOpen || errorOpen || exited == nil {
            if child.entry.isStopped { throw RunFailure.stopped }
            let now = Date()
            if exited == nil && now >= deadline {
                child.killGroup()
                throw RunFailure.timedOut(seconds: timeout)
            }
            if let graceEnd, now >= graceEnd { break }
            if exited == nil, let status = child.exitStatusIfExited() {
                // Anything still in gnuplot's group (and holding the pipes) goes with it.
                exited = status
                child.killGroup()
                graceEnd = now.addingTimeInterval(Self.pipeGrace)
            }
            if inputOpen && input.isEmpty { child.closeInput(); inputOpen = false }
            var fds: [pollfd] = []
            if inputOpen { fds.append(pollfd(fd: child.input, events: Int16(POLLOUT), revents: 0)) }
            if outputOpen { fds.append(pollfd(fd: child.output, events: Int16(POLLIN), revents: 0)) }
            if errorOpen { fds.append(pollfd(fd: child.errors, events: Int16(POLLIN), revents: 0)) }
            // Wake at least every 50 ms to notice the child's exit, a stop or the deadline.
            _ = poll(&fds, nfds_t(fds.count), 50)
            for fd in fds where fd.revents != 0 {
                if fd.fd == child.input {
                    let n = input.withUnsafeBytes { systemWrite(child.input, $0.baseAddress!, min($0.count, 65536)) }
                    if n > 0 { input = input.dropFirst(n) }
                    else if n < 0 && errno != EAGAIN && errno != EINTR {
                        // gnuplot closed its input (it quit early); its status and messages say why.
                        input = []
                    }
                } else {
                    let n = buffer.withUnsafeMutableBytes { systemRead(fd.fd, $0.baseAddress!, $0.count) }
                    if n > 0 {
                        if fd.fd == child.output {
                            let room = max(0, Self.standardOutputKept - output.count)
                            output.append(contentsOf: buffer[0..<min(n, room)])
                            outputDropped += n - min(n, room)
                        } else {
                            errors.append(buffer[0..<n])
                        }
                    } else if n == 0 || (errno != EAGAIN && errno != EINTR) {
                        if fd.fd == child.output { outputOpen = false } else { errorOpen = false }
                    }
                }
            }
        }
        if outputDropped > 0 { output.append(contentsOf: "\n(\(outputDropped) more bytes of gnuplot's output left out)\n".utf8) }
        return Outcome(status: exited ?? 128 + SIGKILL, standardOutput: output, standardError: errors.text)
    }

    /// Kills every gnuplot group this process is running and makes their `run`s throw
    /// `.stopped`; every later `run` throws `.stopped` at once. For shutting down.
    static func stopAll() {
        ChildRegistry.shared.stopAll()
    }
}

/// The first and last `kept` bytes of a stream, and how many in between were dropped.
struct HeadAndTail {
    let kept: Int
    private(set) var head = Data()
    private(set) var tail = Data()
    private(set) var dropped = 0

    init(kept: Int) { self.kept = kept }

    mutating func append<S: Collection>(_ bytes: S) where S.Element == UInt8 {
        var rest = bytes[...]
        if head.count < kept {
            let n = min(kept - head.count, rest.count)
            head.append(contentsOf: rest.prefix(n))
            rest = rest.dropFirst(n)
        }
        tail.append(contentsOf: rest)
        if tail.count > 2 * kept {
            // Trim in batches, so a long stream costs linear time.
            dropped += tail.count - kept
            tail = tail.suffix(kept)
        }
    }

    var text: String {
        let t = tail.suffix(kept)
        let left = dropped + tail.count - t.count
        let middle = left > 0 ? "\n… (\(left) bytes of gnuplot's messages left out) …\n" : ""
        return String(decoding: head, as: UTF8.self) + middle + String(decoding: t, as: UTF8.self)
    }
}

// MARK: - The child process

/// One spawned gnuplot: its pid (also its process group), the parent's ends of its pipes, and
/// its entry in the registry of running groups.
private final class Child {
    let pid: pid_t
    let input: Int32, output: Int32, errors: Int32
    let entry: ChildRegistry.Entry
    private var inputClosed = false
    private var reaped = false

    private init(pid: pid_t, input: Int32, output: Int32, errors: Int32, entry: ChildRegistry.Entry) {
        self.pid = pid; self.input = input; self.output = output; self.errors = errors; self.entry = entry
    }

    static func spawn(_ executable: URL, arguments: [String], in folder: URL) throws -> Child {
        var pipes: [(read: Int32, write: Int32)] = []
        var started = false
        defer {
            // The child's ends are the child's now; before a start, the parent's go too.
            for (i, p) in pipes.enumerated() {
                close(i == 0 ? p.read : p.write)
                if !started { close(i == 0 ? p.write : p.read) }
            }
        }
        for _ in 0..<3 {
            guard let p = makePipe() else {
                throw Gnuplot.RunFailure.couldNotStart("cannot make a pipe: \(String(cString: strerror(errno)))")
            }
            pipes.append(p)
        }
        var actions = emptySpawnActions
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipes[0].read, 0)
        posix_spawn_file_actions_adddup2(&actions, pipes[1].write, 1)
        posix_spawn_file_actions_adddup2(&actions, pipes[2].write, 2)
        guard addChdir(&actions, folder.path) == 0 else {
            throw Gnuplot.RunFailure.couldNotStart("this system cannot start a process in another folder")
        }
        var attributes = emptySpawnAttributes
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var flags = Int32(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        #if canImport(Darwin)
        flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
        #endif
        posix_spawnattr_setflags(&attributes, Int16(flags))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t(), empty = sigset_t()
        sigemptyset(&defaults)
        sigemptyset(&empty)
        for s in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        // Spawning and registering happen under the registry's lock, so a stop cannot miss the child.
        let entry = try ChildRegistry.shared.register { () throws -> pid_t in
            let status = posix_spawn(&pid, executable.path, &actions, &attributes, argv, environment)
            guard status == 0 else {
                throw Gnuplot.RunFailure.couldNotStart("\(executable.path) could not be started: \(String(cString: strerror(status)))")
            }
            return pid
        }
        started = true
        let child = Child(pid: pid, input: pipes[0].write, output: pipes[1].read, errors: pipes[2].read, entry: entry)
        for fd in [child.input, child.output, child.errors] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        return child
    }

    /// The exit status (128 + signal when killed) if the child has exited; it is not reaped yet,
    /// so its pid, and with it the group's number, stays reserved until `finish`.
    func exitStatusIfExited() -> Int32? {
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 else { return nil }
        #if canImport(Glibc)
        guard info._sifields._sigchld.si_pid == pid else { return nil }
        let code = info.si_code, status = info._sifields._sigchld.si_status
        #else
        guard info.si_pid == pid else { return nil }
        let code = info.si_code, status = info.si_status
        #endif
        return code == CLD_EXITED ? status : 128 + status
    }

    func killGroup() { kill(-pid, SIGKILL) }

    func closeInput() {
        if !inputClosed { close(input); inputClosed = true }
    }

    /// Kills what is left of the group, reaps the child, closes the pipes and leaves the registry.
    func finish() {
        guard !reaped else { return }
        reaped = true
        killGroup()
        ChildRegistry.shared.unregister(entry)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        closeInput()
        close(output)
        close(errors)
    }

    /// A pipe whose ends are closed in every child but the one they are given to.
    private static func makePipe() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [0, 0]
        #if canImport(Glibc)
        // pipe2 sets close-on-exec atomically: another thread spawning a process at the same
        // moment cannot inherit gnuplot's pipes (and so keep its input open for ever).
        if let pipe2 = LinuxCalls.pipe2 {
            guard pipe2(&fds, O_CLOEXEC) == 0 else { return nil }
            return (fds[0], fds[1])
        }
        #endif
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    private static func addChdir(_ actions: inout SpawnActions, _ path: String) -> Int32 {
        #if canImport(Glibc)
        guard let addchdir = LinuxCalls.addChdir else { return ENOSYS }
        return addchdir(&actions, path)
        #else
        return posix_spawn_file_actions_addchdir_np(&actions, path)
        #endif
    }
}

// The spawn types are opaque pointers on Darwin and structs in glibc.
#if canImport(Darwin)
private typealias SpawnActions = posix_spawn_file_actions_t?
private typealias SpawnAttributes = posix_spawnattr_t?
private var emptySpawnActions: SpawnActions { nil }
private var emptySpawnAttributes: SpawnAttributes { nil }
private var environment: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> { _NSGetEnviron().pointee! }
#else
private typealias SpawnActions = posix_spawn_file_actions_t
private typealias SpawnAttributes = posix_spawnattr_t
private var emptySpawnActions: SpawnActions { posix_spawn_file_actions_t() }
private var emptySpawnAttributes: SpawnAttributes { posix_spawnattr_t() }
private var environment: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> { environ }
#endif

#if canImport(Glibc)
/// glibc calls that Swift's Glibc module does not declare (they need `_GNU_SOURCE`):
/// looked up once by name; nil on a C library without them.
private enum LinuxCalls {
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    static let pipe2: Pipe2? = symbol("pipe2", as: Pipe2.self)
    /// glibc 2.29 and later.
    static let addChdir: AddChdir? = symbol("posix_spawn_file_actions_addchdir_np", as: AddChdir.self)

    private static func symbol<T>(_ name: String, as type: T.Type) -> T? {
        guard let handle = dlopen(nil, RTLD_NOW), let address = dlsym(handle, name) else { return nil }
        return unsafeBitCast(address, to: type)
    }
}
#endif

/// The gnuplot process groups this process is running, so a stop or an exit can kill them all.
private final class ChildRegistry: @unchecked Sendable {   // every access holds `lock`
    static let shared: ChildRegistry = {
        atexit { ChildRegistry.shared.killAll() }
        return ChildRegistry()
    }()

    final class Entry: @unchecked Sendable {   // `stopped` is read and written under the registry's lock
        let pgid: pid_t
        fileprivate var stopped = false
        init(pgid: pid_t) { self.pgid = pgid }

        var isStopped: Bool { ChildRegistry.shared.isStopped(self) }
    }

    private let lock = NSLock()
    private var entries: [ObjectIdentifier: Entry] = [:]
    private var stopping = false

    /// Runs `spawn` under the lock and records the group it started.
    func register(_ spawn: () throws -> pid_t) throws -> Entry {
        lock.lock(); defer { lock.unlock() }
        if stopping { throw Gnuplot.RunFailure.stopped }
        let entry = Entry(pgid: try spawn())
        entries[ObjectIdentifier(entry)] = entry
        return entry
    }

    func isStopped(_ entry: Entry) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return entry.stopped
    }

    func unregister(_ entry: Entry) {
        lock.lock(); entries[ObjectIdentifier(entry)] = nil; lock.unlock()
    }

    func stopAll() {
        lock.lock()
        stopping = true
        for entry in entries.values { entry.stopped = true; kill(-entry.pgid, SIGKILL) }
        lock.unlock()
        PlotFiles.removeOwnTemporaries()
    }

    /// At exit: the groups' leaders are still unreaped (a registered child is reaped only after
    /// it leaves the registry), so their numbers are still theirs.
    func killAll() {
        lock.lock()
        for entry in entries.values { kill(-entry.pgid, SIGKILL) }
        lock.unlock()
        PlotFiles.removeOwnTemporaries()
    }
}

// `read` and `write` of the C library.
#if canImport(Glibc)
private let systemRead = Glibc.read
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemRead = Darwin.read
private let systemWrite = Darwin.write
#endif

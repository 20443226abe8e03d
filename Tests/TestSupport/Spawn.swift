import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to its end as a shell would start it: every signal at its default and none
/// blocked. Foundation's `Process` passes on the blocked signals of the thread that starts it
/// (a test runner's worker threads block nearly all), so a tmux server started through it could
/// not see its children end and the program under test could not receive SIGTERM.
public enum Spawn {
    private static let spawning = NSLock()

    public struct Result: Sendable {
        /// The exit status, or 128 + the signal's number when a signal ended it (as a shell says).
        public let status: Int32
        public let output: String
        public let error: String
    }

    /// `input` nil means standard input is /dev/null; `environment` nil means this process's.
    /// A program still running after `seconds` is killed, and the result says so: a test fails,
    /// it never hangs the run.
    public static func run(_ path: String, _ arguments: [String], input: [UInt8]? = nil,
                           environment: [String: String]? = nil, seconds: Double = 120) -> Result {
        var stdinPipe: [Int32] = [-1, -1], stdoutPipe: [Int32] = [-1, -1], stderrPipe: [Int32] = [-1, -1]
        defer { for fd in stdinPipe + stdoutPipe + stderrPipe where fd >= 0 { close(fd) } }
        // Close-on-exec, and made under the lock that every spawn here takes: a program another
        // test starts at the same moment must not inherit these ends, or this child would never
        // see the end of its input, nor we the end of its output.
        spawning.lock()
        var made = pipe(&stdoutPipe) == 0 && pipe(&stderrPipe) == 0
        if made, input != nil { made = pipe(&stdinPipe) == 0 }
        for fd in stdinPipe + stdoutPipe + stderrPipe where fd >= 0 { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        guard made else {
            spawning.unlock()
            return Result(status: -1, output: "", error: "pipe failed")
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if input != nil {
            posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var nothing = sigset_t(), everything = sigset_t()
        sigemptyset(&nothing)
        sigfillset(&everything)
        posix_spawnattr_setsigmask(&attributes, &nothing)
        posix_spawnattr_setsigdefault(&attributes, &everything)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer {
            argv.forEach { free($0) }
            envp?.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = envp.map { posix_spawnp(&pid, path, &actions, &attributes, argv, $0) }
            ?? posix_spawnp(&pid, path, &actions, &attributes, argv, environ)
        spawning.unlock()
        guard spawned == 0 else { return Result(status: -1, output: "", error: "cannot start \(path): \(String(cString: strerror(spawned)))") }

        // Only the parent's ends stay open here, so the reads see their end when the child's do.
        close(stdoutPipe[1]); stdoutPipe[1] = -1
        close(stderrPipe[1]); stderrPipe[1] = -1
        if input != nil { close(stdinPipe[0]); stdinPipe[0] = -1 }
        let deadline = Date().addingTimeInterval(seconds)
        let (output, error, finished) = pump(input: input ?? [], to: &stdinPipe[1], from: stdoutPipe[0], stderrPipe[0],
                                             until: deadline)
        var timedOut = !finished
        if timedOut { kill(pid, SIGKILL) }
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid || (reaped < 0 && errno != EINTR) { break }
            if reaped == 0 {
                if !timedOut, Date() >= deadline {
                    timedOut = true
                    kill(pid, SIGKILL)
                }
                usleep(1_000)
            }
        }
        let signal = status & 0x7f
        let errorText = String(decoding: error, as: UTF8.self)
        return Result(status: signal == 0 ? (status >> 8) & 0xff : 128 + signal, output: String(decoding: output, as: UTF8.self),
                      error: timedOut ? errorText + "\n[killed: \(path) still ran after \(seconds) s]" : errorText)
    }

    /// Feeds the input and reads both outputs at once, so no pipe can fill up and stall the child.
    /// False when the deadline came first (the child is killed then).
    private static func pump(input: [UInt8], to inputFD: inout Int32, from outFD: Int32, _ errFD: Int32,
                             until deadline: Date) -> ([UInt8], [UInt8], Bool) {
        var output: [UInt8] = [], error: [UInt8] = []
        var written = 0
        var open = [outFD: true, errFD: true]
        if inputFD >= 0 {
            _ = fcntl(inputFD, F_SETFL, fcntl(inputFD, F_GETFL) | O_NONBLOCK)
            if input.isEmpty { close(inputFD); inputFD = -1 }
        }
        var buffer = [UInt8](repeating: 0, count: 65536)
        while open.values.contains(true) || inputFD >= 0 {
            var fds = [pollfd(fd: open[outFD]! ? outFD : -1, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: open[errFD]! ? errFD : -1, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: inputFD, events: Int16(POLLOUT), revents: 0)]
            let left = deadline.timeIntervalSinceNow
            if left <= 0 {
                if inputFD >= 0 { close(inputFD); inputFD = -1 }
                return (output, error, false)
            }
            if poll(&fds, 3, Int32(min(left * 1000 + 1, 60_000))) < 0 {
                if errno == EINTR { continue }
                break
            }
            for (index, fd) in [outFD, errFD].enumerated() where fds[index].revents != 0 {
                let count = read(fd, &buffer, buffer.count)
                if count > 0 {
                    if fd == outFD { output += buffer[0..<count] } else { error += buffer[0..<count] }
                } else if count == 0 || errno != EINTR {
                    open[fd] = false
                }
            }
            if inputFD >= 0, fds[2].revents != 0 {
                let count = input[written...].withUnsafeBytes { write(inputFD, $0.baseAddress, $0.count) }
                if count > 0 { written += count }
                if written == input.count || (count < 0 && errno != EAGAIN && errno != EINTR) {
                    close(inputFD)
                    inputFD = -1
                }
            }
        }
        return (output, error, true)
    }
}

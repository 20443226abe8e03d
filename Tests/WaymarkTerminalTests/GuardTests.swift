import CTerminalGuard
import Glibc
import Testing

/// The signal guard itself, in a child process: what a person would see is the clearing bytes
/// reaching the terminal (here a pipe) before the process dies.
@Suite struct GuardTests {
    /// Runs `body` in a forked child with the guard writing "CLEARED" to a pipe; returns what
    /// reached the pipe and how the child ended.
    func inChild(_ body: @convention(c) () -> Void) -> (written: String, status: Int32) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return ("no pipe", -1) }
        let child = fork()
        if child == 0 {
            close(ends[0])
            _ = "CLEARED".withCString { wm_guard_install(ends[1], $0, 7) }
            body()
            _exit(0)
        }
        close(ends[1])
        var status: Int32 = 0
        waitpid(child, &status, 0)
        var bytes = [UInt8](repeating: 0, count: 256)
        let count = read(ends[0], &bytes, bytes.count)
        close(ends[0])
        return (String(decoding: bytes.prefix(max(count, 0)), as: UTF8.self), status)
    }

    /// A stack overflow's SIGSEGV finds no stack to run a handler on, unless the handler has a
    /// stack of its own: then the screen is still cleared, and no core file is written.
    @Test func aStackOverflowStillClearsTheScreenAndLeavesNoCore() {
        let (written, status) = inChild { _ = overflowTheStack(0) }
        #expect(written.contains("CLEARED"), "the clearing bytes were written: \(written.debugDescription)")
        #expect(status & 0x7F == SIGSEGV, "it ended by SIGSEGV (status \(status))")
        #expect(status & 0x80 == 0, "no core was dumped")
    }

    /// Core dumps are off before main, in any program that links the guard (this test runner
    /// too): nothing has been typed yet when the limit is set.
    @Test func coreDumpsAreOffBeforeAnythingRuns() {
        var limit = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &limit)
        #expect(limit.rlim_cur == 0 && limit.rlim_max == 0)
    }
}

@inline(never)
func overflowTheStack(_ depth: Int) -> Int {
    var frame = (depth, depth, depth, depth, depth, depth, depth, depth)
    withUnsafeMutablePointer(to: &frame) { _ in }
    return overflowTheStack(depth + 1) + frame.0
}

import Glibc
import WaymarkCore

/// A plan-file operation that derives a key (slow on purpose) on a thread of its own, so that the
/// input loop keeps answering the quick exit meanwhile. `readyFD` becomes readable when it is done.
final class BackgroundWork: @unchecked Sendable {
    // @unchecked: `result` is written once by the worker before it writes to the pipe, and read
    // by the loop only after the pipe said so (the pipe's write and read order the two).
    private let work: () -> PlanOutcome
    private var result: PlanOutcome?
    private var pipeEnds: [Int32] = [-1, -1]
    private var thread = pthread_t()
    /// The thread's stack is ours, so that it can be zeroed after the thread ends: the C library
    /// keeps the stacks of ended threads for reuse, with a passphrase's bytes still in them.
    private let stackSize = 1 << 20
    private var stack: UnsafeMutableRawPointer?

    /// nil when no thread or pipe could be made (then the caller does the work itself).
    init?(_ work: @escaping () -> PlanOutcome) {
        self.work = work
        guard pipe(&pipeEnds) == 0 else { return nil }
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        let retained = Unmanaged.passRetained(self).toOpaque()
        // The thread starts with every signal blocked, so signals reach the main thread, whose
        // handlers clear the screen on its alternate stack.
        var all = sigset_t(), previous = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_BLOCK, &all, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        stack = aligned_alloc(4096, stackSize)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        if let stack { pthread_attr_setstack(&attributes, stack, stackSize) }
        let started = pthread_create(&thread, &attributes, { context in
            let job = Unmanaged<BackgroundWork>.fromOpaque(context!).takeRetainedValue()
            job.result = job.work()
            var byte: UInt8 = 1
            _ = write(job.pipeEnds[1], &byte, 1)
            return nil
        }, retained)
        guard started == 0 else {
            free(stack)
            Unmanaged<BackgroundWork>.fromOpaque(retained).release()
            close(pipeEnds[0]); close(pipeEnds[1])
            return nil
        }
    }

    var readyFD: Int32 { pipeEnds[0] }

    /// Waits for the work to end and gives its result.
    func finish() -> PlanOutcome {
        pthread_join(thread, nil)
        if let stack { explicit_bzero(stack, stackSize) }
        free(stack)
        stack = nil
        close(pipeEnds[0]); close(pipeEnds[1])
        return result!
    }
}


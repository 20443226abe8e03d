#include "terminal_guard.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <termios.h>
#include <unistd.h>

static int guarded_fd = -1;
static struct termios saved_modes;
static int have_saved_modes = 0;
static char clear_buffer[512];
static size_t clear_length = 0;
static int resize_pipe[2] = {-1, -1};
static int termination_pipe[2] = {-1, -1};
static volatile sig_atomic_t in_emergency = 0;
static volatile sig_atomic_t defer_termination = 0;
// Set around a save's write and rename: a termination signal then only records that it came,
// and the save's caller ends the process once the file is whole.
static volatile sig_atomic_t save_in_progress = 0;
static volatile sig_atomic_t termination_pending = 0;
// The backstop alarm armed by a deferred termination (any other SIGALRM is a fatal signal).
static volatile sig_atomic_t backstop_armed = 0;
static volatile sig_atomic_t backstop_extensions = 0;

static void write_all(int fd, const char *bytes, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, bytes, len);
        if (n < 0) {
            if (errno == EINTR) continue;
            return;
        }
        bytes += n;
        len -= (size_t)n;
    }
}

// Blanks every cell without ESC[2J, so that a terminal which keeps the screen in its scrollback
// on ESC[2J (GNU screen, VTE) and ignores ESC[3J keeps only blanks: erase from the second row
// down (away from the top-left corner, where GNU screen takes ESC[J as ESC[2J), then the first
// row. A few bytes at any size: writing rows of spaces made the quick exit 8 times slower.
static void fill_with_blanks(void) {
    static const char erase[] = "\033[2;1H\033[J\033[1;1H\033[2K";
    write_all(guarded_fd, erase, sizeof erase - 1);
}

void wm_guard_restore_modes(void) {
    if (have_saved_modes && guarded_fd >= 0) tcsetattr(guarded_fd, TCSAFLUSH, &saved_modes);
}

void wm_guard_emergency_clear(void) {
    if (guarded_fd >= 0) {
        // WM_FILL_HERE marks where every cell is overwritten with a blank.
        size_t start = 0;
        for (size_t i = 0; i < clear_length; i++) {
            if (clear_buffer[i] != WM_FILL_HERE) continue;
            write_all(guarded_fd, clear_buffer + start, i - start);
            fill_with_blanks();
            start = i + 1;
        }
        write_all(guarded_fd, clear_buffer + start, clear_length - start);
    }
    wm_guard_restore_modes();
}

static void on_termination(int sig) {
    (void)sig;
    int saved_errno = errno;
    // The screen is cleared at once, whatever else happens.
    if (!in_emergency) {
        in_emergency = 1;
        wm_guard_emergency_clear();
    }
    if (save_in_progress) {
        // Cutting the write short would leave a temporary file and lose the last keys.
        termination_pending = 1;
        errno = saved_errno;
        return;
    }
    if (defer_termination && termination_pipe[1] >= 0) {
        // Plan changes not yet saved: the session now saves them (encrypted) and ends, as the
        // quick exit does. A second signal meanwhile only waits for that save; if it has not
        // started within a second, SIGALRM ends the process.
        if (!termination_pending) {
            termination_pending = 1;
            char byte = 1;
            ssize_t ignored = write(termination_pipe[1], &byte, 1);
            (void)ignored;
            backstop_armed = 1;
            alarm(1);
        }
        errno = saved_errno;
        return;
    }
    // Same as the quick exit, exit status included; _exit also means no core file from SIGQUIT.
    _exit(0);
}

static void on_crash(int sig);

// The backstop: never in the middle of a save (a few more seconds for a slow disk), else end.
static void on_alarm(int sig) {
    if (!backstop_armed) {
        on_crash(sig);
        return;
    }
    if (save_in_progress && backstop_extensions < 10) {
        backstop_extensions++;
        alarm(1);
        return;
    }
    _exit(0);
}

static void on_crash(int sig) {
    if (!in_emergency) {
        in_emergency = 1;
        wm_guard_emergency_clear();
    }
    struct rlimit none = {0, 0};
    setrlimit(RLIMIT_CORE, &none);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void on_resize(int sig) {
    (void)sig;
    int saved_errno = errno;
    if (resize_pipe[1] >= 0) {
        char byte = 1;
        ssize_t ignored = write(resize_pipe[1], &byte, 1);
        (void)ignored;
    }
    errno = saved_errno;
}

static void make_pipe(int ends[2]) {
    if (ends[0] >= 0 || pipe(ends) != 0) return;
    for (int i = 0; i < 2; i++) {
        fcntl(ends[i], F_SETFL, fcntl(ends[i], F_GETFL) | O_NONBLOCK);
        fcntl(ends[i], F_SETFD, FD_CLOEXEC);
    }
}

// Handlers run on a stack of their own, so a stack overflow's SIGSEGV can still clear.
static char alternate_stack[64 * 1024];

static void install(int sig, void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigfillset(&action.sa_mask);
    action.sa_flags = SA_ONSTACK | ((handler == on_resize) ? SA_RESTART : 0);
    sigaction(sig, &action, NULL);
}

// Before main, so nothing typed can reach a core file or be read by ptrace from the start.
__attribute__((constructor)) static void no_core_dumps_from_the_start(void) {
    struct rlimit none = {0, 0};
    setrlimit(RLIMIT_CORE, &none);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

void wm_guard_set_clear_bytes(const char *clear_bytes, size_t clear_len) {
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    if (clear_len > sizeof clear_buffer) clear_len = sizeof clear_buffer;
    memcpy(clear_buffer, clear_bytes, clear_len);
    clear_length = clear_len;
    sigprocmask(SIG_SETMASK, &old, NULL);
}

// Every other signal whose default ends the process (SIGKILL and SIGSTOP cannot be caught).
static const int other_fatal_signals[] = {SIGXFSZ, SIGXCPU, SIGSYS, SIGUSR1, SIGUSR2, SIGVTALRM,
                                          SIGPROF, SIGSTKFLT, SIGPWR, SIGIO};

static const int handled_signals[] = {SIGTERM, SIGHUP, SIGQUIT, SIGINT, SIGSEGV, SIGBUS, SIGILL,
                                      SIGTRAP, SIGFPE, SIGABRT, SIGWINCH, SIGXFSZ, SIGXCPU, SIGSYS,
                                      SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGSTKFLT, SIGPWR, SIGIO};

void wm_unblock_signals(void) {
    sigset_t handled;
    sigemptyset(&handled);
    for (size_t i = 0; i < sizeof handled_signals / sizeof handled_signals[0]; i++) sigaddset(&handled, handled_signals[i]);
    for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++) sigaddset(&handled, sig);
    sigprocmask(SIG_UNBLOCK, &handled, NULL);
}

int wm_guard_install(int fd, const char *clear_bytes, size_t clear_len) {
    stack_t stack = {.ss_sp = alternate_stack, .ss_size = sizeof alternate_stack, .ss_flags = 0};
    sigaltstack(&stack, NULL);
    guarded_fd = fd;
    if (tcgetattr(fd, &saved_modes) == 0) have_saved_modes = 1;
    wm_guard_set_clear_bytes(clear_bytes, clear_len);
    make_pipe(resize_pipe);
    make_pipe(termination_pipe);
    install(SIGTERM, on_termination);
    install(SIGHUP, on_termination);
    install(SIGQUIT, on_termination);
    install(SIGINT, on_termination);
    install(SIGSEGV, on_crash);
    install(SIGBUS, on_crash);
    install(SIGILL, on_crash);
    install(SIGTRAP, on_crash);
    install(SIGFPE, on_crash);
    install(SIGABRT, on_crash);
    for (size_t i = 0; i < sizeof other_fatal_signals / sizeof other_fatal_signals[0]; i++)
        install(other_fatal_signals[i], on_crash);
    for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++) install(sig, on_crash);
    install(SIGALRM, on_alarm);
    install(SIGWINCH, on_resize);
    signal(SIGPIPE, SIG_IGN);
    wm_unblock_signals();
    return have_saved_modes ? 0 : -1;
}

int wm_disable_core_dumps(void) {
    struct rlimit none = {0, 0};
    return setrlimit(RLIMIT_CORE, &none);
}

int wm_resize_pipe_fd(void) { return resize_pipe[0]; }

int wm_termination_pipe_fd(void) { return termination_pipe[0]; }

void wm_guard_defer_termination(int defer) { defer_termination = defer ? 1 : 0; }

void wm_guard_save_begin(void) { save_in_progress = 1; }

int wm_guard_save_end(void) {
    save_in_progress = 0;
    return termination_pending;
}


void wm_drain_resize_pipe(void) {
    char buffer[64];
    if (resize_pipe[0] < 0) return;
    while (read(resize_pipe[0], buffer, sizeof buffer) > 0) {}
}

// Zeroes the dead part of the calling thread's stack (frames of calls that have returned, which
// may have held a passphrase as a short inline string).
__attribute__((noinline)) void wm_wipe_dead_stack(void) {
    char dead[256 * 1024];
    explicit_bzero(dead, sizeof dead);
    __asm__ volatile("" : : "r"(dead) : "memory");
}

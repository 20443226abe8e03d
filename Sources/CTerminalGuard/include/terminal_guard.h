#ifndef WAYMARK_TERMINAL_GUARD_H
#define WAYMARK_TERMINAL_GUARD_H
#include <stddef.h>

/// The largest grid Waymark draws; a bigger window shows the rest blank (memory stays small).
#define WM_MAX_ROWS 200
#define WM_MAX_COLUMNS 500

/// In the clearing bytes, this byte (never sent) stands for "write a blank into every cell".
#define WM_FILL_HERE '\001'

/// Remembers the terminal's modes (from `fd`) and the bytes that clear and restore the screen,
/// and installs handlers for termination and crash signals that write those bytes, restore the
/// modes and end the process. Everything the handlers touch is set up here, before any signal;
/// the handled signals are unblocked last.
int wm_guard_install(int fd, const char *clear_bytes, size_t clear_len);

/// Replaces the clearing bytes (e.g. once terminfo is known). Signals are blocked meanwhile.
void wm_guard_set_clear_bytes(const char *clear_bytes, size_t clear_len);

/// Restores the saved terminal modes on the guarded fd. Safe to call more than once.
void wm_guard_restore_modes(void);

/// Writes the clearing bytes, restores modes. Async-signal-safe; used by the quick exit too.
void wm_guard_emergency_clear(void);

/// Unblocks the signals the program relies on (termination, crashes, resizes): a blocked mask is
/// inherited from whatever started the program, and a blocked SIGTERM would leave the screen up.
void wm_unblock_signals(void);

/// Turns core dumps off (RLIMIT_CORE = 0) for the rest of the process.
int wm_disable_core_dumps(void);

/// A pipe whose read end becomes readable when the window size changes (SIGWINCH).
int wm_resize_pipe_fd(void);

/// While `defer` is non-zero, a termination signal (TERM, HUP, QUIT, INT) clears the screen and
/// restores the modes at once, as always, but instead of ending the process it makes
/// `wm_termination_pipe_fd()` readable and gives the program one second (then SIGALRM) to save
/// what is unsaved and end.
void wm_guard_defer_termination(int defer);

/// Around writing the plan's file: a termination signal meanwhile clears the screen at once but
/// lets the write and rename finish; `wm_guard_save_end` then returns non-zero, and the caller
/// must end the process (`_exit`). The backstop alarm never ends the process mid-save (it waits
/// up to ten more seconds for a slow disk).
void wm_guard_save_begin(void);
int wm_guard_save_end(void);

/// Becomes readable when a termination signal arrived while termination was deferred.
int wm_termination_pipe_fd(void);

/// Reads and discards pending resize notifications.
void wm_drain_resize_pipe(void);
/// Zeroes the dead part of the calling thread's stack (after a passphrase was used).
void wm_wipe_dead_stack(void);
#endif

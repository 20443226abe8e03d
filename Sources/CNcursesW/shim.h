#ifndef WAYMARK_NCURSESW_SHIM_H
#define WAYMARK_NCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE flags; without these the wide API is invisible.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Macros and globals Swift cannot import (or refuses in Swift 6 mode) wrapped as functions.
static inline WINDOW *wm_stdscr(void) { return stdscr; }
static inline int wm_lines(void) { return LINES; }
static inline int wm_cols(void) { return COLS; }
static inline attr_t wm_a_normal(void) { return A_NORMAL; }
static inline attr_t wm_a_bold(void) { return A_BOLD; }
static inline attr_t wm_a_reverse(void) { return A_REVERSE; }
static inline attr_t wm_a_underline(void) { return A_UNDERLINE; }
static inline attr_t wm_a_dim(void) { return A_DIM; }
static inline int wm_colors(void) { return COLORS; }

static inline int wm_put_cell(WINDOW *win, int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, wch, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(win, y, x, &cell);
}
#endif

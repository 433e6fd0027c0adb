// The ncurses surface abmboard uses, made importable by Swift: the wide-character API needs
// these two defines before the header (SwiftPM drops pkg-config's -D flags), and the macros
// Swift cannot import get small inline functions.
#ifndef ABMBOARD_CNCURSESW_SHIM_H
#define ABMBOARD_CNCURSESW_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline attr_t abm_a_bold(void) { return A_BOLD; }
static inline attr_t abm_a_reverse(void) { return A_REVERSE; }
static inline attr_t abm_a_underline(void) { return A_UNDERLINE; }
static inline attr_t abm_a_dim(void) { return A_DIM; }
static inline attr_t abm_a_normal(void) { return A_NORMAL; }
static inline attr_t abm_a_italic(void) { return A_ITALIC; }
static inline int abm_key_f(int n) { return KEY_F(n); }
static inline mmask_t abm_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t abm_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t abm_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t abm_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline WINDOW *abm_stdscr(void) { return stdscr; }
static inline int abm_lines(void) { return LINES; }
static inline int abm_cols(void) { return COLS; }
static inline int abm_colors(void) { return COLORS; }
static inline int abm_color_pairs(void) { return COLOR_PAIRS; }

/// Draws one cell: `text` (a grapheme, NUL-terminated wide string) with attributes and a colour pair.
static inline int abm_put_cell(int y, int x, const wchar_t *text, attr_t attributes, int pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, (short)0, &pair) != OK) return ERR;
    return mvadd_wch(y, x, &cell);
}
#endif

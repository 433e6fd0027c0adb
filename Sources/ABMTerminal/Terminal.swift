import ABMBoardUI
import CNcursesw
import Foundation
import Glibc

/// The terminal through ncurses — the only code that touches it. Starts curses mode, reads
/// keys, draws a `ScreenBuffer` by sending only the cells that differ from the last one drawn,
/// and always restores the terminal: on `stop()`, on SIGINT/SIGTERM/SIGHUP (noticed at the next
/// key poll) and on a crash (a signal handler that restores it and re-raises).
public final class Terminal {
    private var drawn: ScreenBuffer?
    private var colours: ColourTable
    private var colourCount = 0
    private var running = false

    /// Starts curses mode, drawing with `theme` (its colours mapped to what the terminal has;
    /// attributes only on a terminal without colour).
    public init(theme: Theme) {
        setlocale(LC_ALL, "")
        _ = initscr()
        raw()
        noecho()
        nonl()
        keypad(abm_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        // Clicks and the wheel (SPEC §6); no drag reporting, so presses arrive at once.
        mouseinterval(0)
        _ = mousemask(abm_button1_pressed() | abm_button4_pressed() | abm_button5_pressed(), nil)
        colourCount = Self.startColours(if: theme.usesColour)
        colours = ColourTable(theme: theme, colourCount: colourCount)
        TerminalSignals.install()
        running = true
    }

    /// Restores the terminal (idempotent).
    public func stop() {
        guard running else { return }
        running = false
        endwin()
        TerminalSignals.running = false
    }

    deinit { stop() }

    /// The terminal's size now.
    public var size: (width: Int, height: Int) { (Int(abm_cols()), Int(abm_lines())) }

    /// Whether SIGINT, SIGTERM or SIGHUP arrived (the caller should stop and exit).
    public var terminationRequested: Bool { TerminalSignals.requested != 0 }

    /// What `nextKey` returns.
    public enum Input: Equatable {
        /// A key.
        case key(Key)
        /// The mouse was clicked or its wheel turned.
        case mouse(Mouse)
        /// The terminal was resized.
        case resize
        /// No key came within the timeout.
        case none
        /// The terminal went away (its input hung up): the board should leave.
        case hangup
    }

    /// Waits up to `milliseconds` for a key.
    public func nextKey(timeout milliseconds: Int32) -> Input {
        timeout(milliseconds)
        var character: wint_t = 0
        let result = get_wch(&character)
        if result == ERR { return inputHungUp() ? .hangup : .none }
        if result == KEY_CODE_YES && Int32(character) == KEY_MOUSE { return mouse() }
        return KeyDecoding.input(isKeyCode: result == KEY_CODE_YES, character: UInt32(character))
    }

    /// Whether standard input has hung up (the terminal closed while SIGHUP is blocked or
    /// ignored): `get_wch` then fails at once, and the loop would spin.
    private func inputHungUp() -> Bool {
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) > 0 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// The mouse event ncurses has queued, as the board understands it.
    private func mouse() -> Input {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return .none }
        if event.bstate & abm_button4_pressed() != 0 { return .mouse(.wheelUp) }
        if event.bstate & abm_button5_pressed() != 0 { return .mouse(.wheelDown) }
        if event.bstate & abm_button1_pressed() != 0 { return .mouse(.click(x: Int(event.x), y: Int(event.y))) }
        return .none
    }

    /// Draws `buffer`, sending only the cells that changed since the last draw (everything
    /// after a resize).
    /// Returns the number of cells sent.
    @discardableResult
    public func draw(_ buffer: ScreenBuffer) -> Int {
        let previous = drawn.flatMap { $0.width == buffer.width && $0.height == buffer.height ? $0 : nil }
        if previous == nil { clear() }
        let changed = buffer.changes(since: previous)
        for position in changed {
            let x = position % buffer.width
            let y = position / buffer.width
            let cell = buffer[x, y]
            let style = colours.style(for: cell.role)
            var wide = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
            wide.append(0)
            _ = abm_put_cell(Int32(y), Int32(x), wide, style.attributes, style.pair)
        }
        refresh()
        drawn = buffer
        return changed.count
    }

    /// Puts `text` on the clipboard of the terminal the board is shown in, through the OSC 52
    /// escape sequence (so it works over SSH and, with `set-clipboard on`, in tmux); a
    /// terminal without it ignores the sequence.
    public func copyToClipboard(_ text: String) {
        let sequence = "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
        // Straight to the terminal's descriptor: curses has flushed its own output by now.
        var bytes = Array(sequence.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Draws with `theme` from now on (the next draw sends every cell).
    public func use(_ theme: Theme) {
        if colourCount == 0 { colourCount = Self.startColours(if: theme.usesColour) }
        colours = ColourTable(theme: theme, colourCount: theme.usesColour ? colourCount : 0)
        drawn = nil
    }

    /// Starts curses colour when `wanted` and the terminal has colour; the number of colours
    /// (0: none started).
    private static func startColours(if wanted: Bool) -> Int {
        guard wanted && has_colors() else { return 0 }
        start_color()  // sets COLORS
        use_default_colors()
        return Int(abm_colors())
    }

    /// Forgets what was drawn, so the next draw sends every cell.
    public func invalidate() { drawn = nil }
}

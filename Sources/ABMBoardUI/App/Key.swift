/// A key press as the board understands it, whatever terminal it came from.
public enum Key: Sendable, Hashable {
    /// A printable character.
    case character(Character)
    /// Arrow keys.
    case up, down, left, right
    /// Page keys.
    case pageUp, pageDown, home, end
    /// Enter, Escape, Backspace, Tab.
    case enter, escape, backspace, tab
    /// Ctrl-C (raw mode delivers it as a key).
    case interrupt
}

/// A mouse action: a click selects, the wheel scrolls.
public enum Mouse: Sendable, Hashable {
    /// The left button clicked at column `x`, row `y`.
    case click(x: Int, y: Int)
    /// The wheel turned up.
    case wheelUp
    /// The wheel turned down.
    case wheelDown
}

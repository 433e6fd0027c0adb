import ABMBoardUI
import CNcursesw

/// What one `get_wch` result means to the board: a function key (`isKeyCode`) by its ncurses
/// code, or a character. Pure, so the fuzzer can feed it every value (the mouse is read
/// separately, with `getmouse`).
public enum KeyDecoding {
    /// The input for a key code or a character; `.none` for what the board does not use.
    public static func input(isKeyCode: Bool, character: UInt32) -> Terminal.Input {
        if isKeyCode {
            switch Int32(truncatingIfNeeded: character) {
            case KEY_RESIZE: return .resize
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_ENTER: return .key(.enter)
            case KEY_BACKSPACE: return .key(.backspace)
            default: return .none
            }
        }
        switch character {
        case 3: return .key(.interrupt)
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        default:
            guard character >= 32, let scalar = Unicode.Scalar(character) else { return .none }
            return .key(.character(Character(scalar)))
        }
    }
}

/// Text from the data made safe to show: control characters (C0, DEL, C1), bidirectional
/// overrides, line and paragraph separators and the non-characters U+FFFE/U+FFFF become
/// visible placeholders, so an escape sequence inside an account name is shown, never obeyed
/// by a terminal, and a note cannot break a line or a table row. One classifier for the board,
/// the commands' text and the report.
public enum SafeText {
    /// `text` with every control character replaced: ESC by `␛`, other C0 by their control
    /// pictures (`␀`…`␟`), DEL by `␡`, the others by `�`.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(isControl(scalar) ? picture(scalar) : scalar)
        }
        return String(out)
    }

    /// `text` with every control character replaced by `placeholder` (the report uses `�`).
    public static func replacingControls(in text: String, with placeholder: Unicode.Scalar) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(isControl(scalar) ? placeholder : scalar)
        }
        return String(out)
    }

    /// Whether `scalar` must not reach a terminal or a document as it is.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFFFE || v == 0xFFFF
    }

    private static func picture(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let v = scalar.value
        if v < 0x20 { return Unicode.Scalar(0x2400 + v) ?? "\u{FFFD}" }
        if v == 0x7F { return "\u{2421}" }
        return "\u{FFFD}"
    }
}

/// Thousands separators for counts and amounts shown to people.
public enum Grouping {
    /// `1204311` → `1,204,311`.
    public static func digits(_ value: Int) -> String {
        let text = String(value.magnitude)
        var out = ""
        for (offset, character) in text.enumerated() {
            if offset > 0 && (text.count - offset) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }
}

/// A number without a needless `.0` (`3`, `2.5`), as the rules' conditions and the card quote them.
public func plainNumber(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}

/// Gives each distinct string a small integer, so records can hold 4 bytes instead of a string.
public struct Interner: Sendable, Hashable {
    /// The strings in order of first appearance; a string's number is its index.
    public private(set) var strings: [String] = []
    private var numbers: [String: Int32] = [:]

    /// An empty interner.
    public init() {}

    /// The number of `string`, adding it if new.
    public mutating func intern(_ string: String) -> Int32 {
        if let number = numbers[string] { return number }
        let number = Int32(strings.count)
        strings.append(string)
        numbers[string] = number
        return number
    }

    /// The number of `string`, or `nil` if it was never interned.
    public func number(of string: String) -> Int32? { numbers[string] }

    /// The string with number `number`; `nil` for −1 (absent).
    public subscript(number: Int32) -> String? {
        number >= 0 && Int(number) < strings.count ? strings[Int(number)] : nil
    }

    /// The number of distinct strings.
    public var count: Int { strings.count }
}

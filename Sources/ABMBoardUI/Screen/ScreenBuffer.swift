import ABMCore

/// One terminal cell: a character (grapheme) and its role. A wide character fills its cell and
/// leaves the next one as a continuation (`text` empty).
public struct Cell: Sendable, Hashable {
    /// The character drawn, or "" for the second column of a wide character.
    public var text: String
    /// What it shows.
    public var role: Role

    /// A blank cell.
    public static let blank = Cell(text: " ", role: .text)

    /// A cell.
    public init(text: String, role: Role) {
        self.text = text
        self.role = role
    }
}

/// A grid of cells the views draw into; the terminal draws it by its difference from the last
/// one drawn, and tests compare it, as lines of text, with golden files.
public struct ScreenBuffer: Sendable, Hashable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// The cells, row by row.
    public private(set) var cells: [Cell]

    /// A blank buffer (negative sizes count as zero).
    public init(width: Int, height: Int) {
        self.width = max(width, 0)
        self.height = max(height, 0)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Writes `text` at column `x` of row `y`, made safe (`SafeText`) and clipped to `limit`
    /// columns (to the edge when `nil`); a wide character that does not fit leaves a space.
    /// Returns the columns written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, role: Role = .text, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, limit.map { x + max($0, 0) } ?? width)
        var column = x
        for character in SafeText.visible(text) {
            let columns = DisplayWidth.of(character)
            if columns == 0 {
                // A lone combining mark or format character: attach to the previous cell.
                if column > x, column - 1 >= 0, column - 1 < width {
                    cells[y * width + column - 1].text.append(contentsOf: String(character))
                }
                continue
            }
            if column + columns > end {
                if column < end { fill(x: column, y: y, count: end - column, role: role) }
                return end - x
            }
            if column >= 0 {
                cells[y * width + column] = Cell(text: String(character), role: role)
                if columns == 2 { cells[y * width + column + 1] = Cell(text: "", role: role) }
            }
            column += columns
        }
        return column - x
    }

    /// Fills `count` cells of row `y` from column `x` with spaces in `role`.
    public mutating func fill(x: Int, y: Int, count: Int, role: Role) {
        let start = max(x, 0)
        let stop = min(x + count, width)
        guard y >= 0, y < height, start < stop else { return }
        for column in start..<stop { cells[y * width + column] = Cell(text: " ", role: role) }
    }

    /// Gives every cell of row `y` the role `role`, keeping the characters (a selected row).
    public mutating func paint(row y: Int, role: Role) {
        guard y >= 0, y < height else { return }
        for column in 0..<width { cells[y * width + column].role = role }
    }

    /// The positions (`y * width + x`) of the cells that differ from `previous` and must be
    /// sent to the terminal: every cell when there is no previous buffer of the same size.
    /// The second column of a wide character is never sent (the character covers it).
    public func changes(since previous: ScreenBuffer?) -> [Int] {
        var positions: [Int] = []
        let same = previous.map { $0.width == width && $0.height == height } ?? false
        for index in cells.indices where !cells[index].text.isEmpty {
            if same, let previous, previous.cells[index] == cells[index] {
                // A wide character's neighbour changing under it forces it to be sent again.
                if index + 1 < cells.count, cells[index + 1].text.isEmpty,
                    previous.cells[index + 1] != cells[index + 1]
                {
                    positions.append(index)
                }
                continue
            }
            positions.append(index)
        }
        return positions
    }

    /// The rows as text, trailing spaces removed (for golden files).
    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width { line += cells[y * width + x].text }
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}

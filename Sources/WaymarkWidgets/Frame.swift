import WaymarkText

/// One terminal cell. A wide character sits in its first cell; the next cell is a continuation.
public struct Cell: Sendable, Equatable {
    public var character: Character
    public var tone: Tone
    public var isContinuation: Bool

    public static let blank = Cell(character: " ", tone: .plain, isContinuation: false)
}

/// A whole screen as a grid of cells: what the renderer makes and the backend draws.
public struct Frame: Sendable, Equatable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should sit, or nil to hide it.
    public var cursor: (x: Int, y: Int)? = nil

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: size.width * size.height)
    }

    public static func == (a: Frame, b: Frame) -> Bool {
        a.size == b.size && a.cells == b.cells && a.cursor?.x == b.cursor?.x && a.cursor?.y == b.cursor?.y
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * size.width + x]
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    /// Fills a row from `x` to `limit` (default: the right edge) with blanks of a tone (title
    /// bars, selections).
    public mutating func fill(row y: Int, from x: Int = 0, limit: Int? = nil, tone: Tone) {
        guard y >= 0, y < size.height else { return }
        let right = min(size.width, limit ?? size.width)
        guard max(0, x) < right else { return }
        for column in max(0, x)..<right {
            cells[y * size.width + column] = Cell(character: " ", tone: tone, isContinuation: false)
        }
    }

    /// Writes text from (x, y), clipped at `limit` columns (default: the right edge). Returns the
    /// column after the last cell written. A wide character that would straddle the edge is
    /// replaced by a space, never half-drawn.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, tone: Tone, limit: Int? = nil) -> Int {
        guard y >= 0, y < size.height else { return x }
        let right = min(size.width, limit ?? size.width)
        if let end = putASCII(text, x: x, y: y, tone: tone, right: right) { return end }
        var column = x
        for character in text {
            let width = DisplayWidth.of(character)
            if width == 0 {
                // Combining marks join the character before them.
                if column > 0, column - 1 < right, column - 1 >= max(0, x) {
                    var base = column - 1
                    while base > 0, cells[y * size.width + base].isContinuation { base -= 1 }
                    let index = y * size.width + base
                    var combined = String(cells[index].character)
                    combined.unicodeScalars.append(contentsOf: character.unicodeScalars)
                    if combined.count == 1 { cells[index].character = Character(combined) }
                }
                continue
            }
            if column + width > right {
                if column < right { set(column, y, Cell(character: " ", tone: tone, isContinuation: false)) }
                return right
            }
            if column >= 0 {
                set(column, y, Cell(character: character, tone: tone, isContinuation: false))
                if width == 2 { set(column + 1, y, Cell(character: " ", tone: tone, isContinuation: true)) }
            }
            column += width
        }
        return column
    }

    /// `put` for text that is all ASCII (most is), on bytes rather than Characters: one cell per
    /// byte, and controls take none, as in the general path.
    private mutating func putASCII(_ text: String, x: Int, y: Int, tone: Tone, right: Int) -> Int? {
        let end = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            for byte in bytes where byte >= 0x80 { return nil }
            var column = x
            for byte in bytes where byte >= 0x20 && byte != 0x7F {
                if column >= right { return right }
                if column >= 0 {
                    set(column, y, Cell(character: Character(Unicode.Scalar(byte)), tone: tone, isContinuation: false))
                }
                column += 1
            }
            return column
        }
        return end ?? nil
    }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < size.width else { return }
        let index = y * size.width + x
        // Overwriting half of a wide character blanks the other half.
        if cells[index].isContinuation, x > 0 { cells[index - 1] = Cell(character: " ", tone: cells[index - 1].tone, isContinuation: false) }
        if !cells[index].isContinuation, x + 1 < size.width, cells[index + 1].isContinuation, !cell.isContinuation {
            cells[index + 1] = Cell(character: " ", tone: cells[index + 1].tone, isContinuation: false)
        }
        cells[index] = cell
    }

    /// The frame as text, one string per row, trailing spaces kept: for snapshots and plain mode.
    public var lines: [String] {
        (0..<size.height).map { y in
            var line = ""
            for x in 0..<size.width where !self[x, y].isContinuation { line.append(self[x, y].character) }
            return line
        }
    }

    public var text: String {
        lines.map { line in String(line.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
    }

    /// Each row's tones, one letter per cell (a wide character's two cells share one letter):
    /// snapshots keep what is bold, selected or a field, not only the words.
    public var toneLines: [String] {
        (0..<size.height).map { y in
            var line = ""
            for x in 0..<size.width where !self[x, y].isContinuation { line.append(self[x, y].tone.letter) }
            return line
        }
    }
}

extension Tone {
    /// One letter per tone, for snapshots: "." is plain, so the rest stands out.
    public var letter: Character {
        switch self {
        case .plain: return "."
        case .title: return "T"
        case .heading: return "h"
        case .emphasis: return "e"
        case .callout: return "c"
        case .selected: return "S"
        case .footer: return "F"
        case .number: return "n"
        case .dim: return "d"
        case .field: return "_"
        }
    }
}

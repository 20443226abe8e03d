/// What a person is typing into a form field: the text, the cursor, and how far the field is
/// scrolled. Pure and value-typed, so every edit is tested without a terminal.
///
/// The text is edited by user-perceived character (grapheme cluster): Backspace removes "é"
/// whole whether it was typed as one code point or as "e" plus a combining accent, and a
/// combining mark typed after a letter joins that letter. Positions on screen are measured with
/// `DisplayWidth` (ñ and é take one cell, 中 two, a combining mark none).
///
/// A single-line field turns pasted new lines and tabs into spaces; a multi-line field keeps new
/// lines ("\r\n" and "\r" become "\n"), and Up/Down move between its lines keeping the column.
/// Other control characters are ignored. The text never grows past `maxLength` characters: what
/// does not fit is refused with `.tooLong` and everything already typed stays.
public struct TextFieldModel: Sendable, Equatable {
    public private(set) var characters: [Character]
    /// Index into `characters`: the cursor stands before `characters[cursor]` (or at the end).
    public private(set) var cursor: Int
    public let multiLine: Bool
    public let maxLength: Int
    /// First display column shown (horizontal scrolling); see `scrollToCursor`.
    public private(set) var scrollColumn = 0
    /// First line shown (multi-line fields).
    public private(set) var scrollRow = 0
    /// The column Up/Down aim for, kept while moving up and down through shorter lines.
    private var goalColumn: Int?

    public enum EditResult: Sendable, Equatable {
        case changed
        /// Nothing to do (Backspace at the start, a control character, an arrow at the edge).
        case unchanged
        /// The field is full: `dropped` characters were not added (all others were).
        case tooLong(dropped: Int)
    }

    public init(text: String = "", multiLine: Bool = false, maxLength: Int) {
        self.multiLine = multiLine
        self.maxLength = max(1, maxLength)
        // Saved text is kept whole, even past the limit (never cut without the person seeing).
        self.characters = Array(String(TextFieldModel.clean(text, multiLine: multiLine)))
        self.cursor = characters.count
    }

    public var text: String { String(characters) }
    public var count: Int { characters.count }
    public var isEmpty: Bool { characters.isEmpty }
    public var isFull: Bool { characters.count >= maxLength }

    // MARK: - Typing

    /// Types one character (a key press).
    @discardableResult
    public mutating func insert(_ character: Character) -> EditResult {
        guard let clean = TextFieldModel.clean(character, multiLine: multiLine) else { return .unchanged }
        return splice([clean])
    }

    /// Inserts pasted text: as much as fits, in one step (a 100 kB paste takes one pass).
    @discardableResult
    public mutating func insert(_ text: String) -> EditResult {
        splice(TextFieldModel.clean(text, multiLine: multiLine))
    }

    /// Enter in a multi-line field: a new line. (In a single-line field Enter is the UI's: it
    /// leaves the field; this returns `.unchanged`.)
    @discardableResult
    public mutating func newline() -> EditResult {
        multiLine ? splice(["\n"]) : .unchanged
    }

    @discardableResult
    public mutating func backspace() -> EditResult {
        guard cursor > 0 else { return .unchanged }
        characters.remove(at: cursor - 1)
        cursor -= 1
        joinIfOneCharacter(at: cursor)
        goalColumn = nil
        return .changed
    }

    @discardableResult
    public mutating func delete() -> EditResult {
        guard cursor < characters.count else { return .unchanged }
        characters.remove(at: cursor)
        joinIfOneCharacter(at: cursor)
        goalColumn = nil
        return .changed
    }

    /// Replaces the whole text (cursor at the end); text past the limit is refused as `.tooLong`.
    @discardableResult
    public mutating func setText(_ text: String) -> EditResult {
        characters = []
        cursor = 0
        scrollColumn = 0
        scrollRow = 0
        return insert(text)
    }

    // MARK: - Moving

    @discardableResult
    public mutating func left() -> EditResult { move(to: cursor - 1) }
    @discardableResult
    public mutating func right() -> EditResult { move(to: cursor + 1) }
    /// To the start of the line (the whole text, for a single-line field).
    @discardableResult
    public mutating func home() -> EditResult { move(to: lineStart(cursor)) }
    /// To the end of the line.
    @discardableResult
    public mutating func end() -> EditResult { move(to: lineEnd(cursor)) }

    /// Up one line at the same display column (or the nearest one before it). `.unchanged` on
    /// the first line, and always in a single-line field: the UI then moves to the field above.
    @discardableResult
    public mutating func up() -> EditResult {
        let start = lineStart(cursor)
        guard multiLine, start > 0 else { return .unchanged }
        let goal = goalColumn ?? column(of: cursor)
        cursor = position(inLineStartingAt: lineStart(start - 1), column: goal)
        goalColumn = goal
        return .changed
    }

    /// Down one line at the same display column; `.unchanged` on the last line.
    @discardableResult
    public mutating func down() -> EditResult {
        let end = lineEnd(cursor)
        guard multiLine, end < characters.count else { return .unchanged }
        let goal = goalColumn ?? column(of: cursor)
        cursor = position(inLineStartingAt: end + 1, column: goal)
        goalColumn = goal
        return .changed
    }

    private mutating func move(to position: Int) -> EditResult {
        goalColumn = nil
        let clamped = min(max(0, position), characters.count)
        guard clamped != cursor else { return .unchanged }
        cursor = clamped
        return .changed
    }

    // MARK: - Lines and columns

    /// The line the cursor is on (0-based) and its display column within that line.
    public var cursorLine: Int { characters[..<cursor].reduce(0) { $0 + ($1 == "\n" ? 1 : 0) } }
    public var cursorColumn: Int { column(of: cursor) }

    func lineStart(_ index: Int) -> Int {
        var i = index
        while i > 0, characters[i - 1] != "\n" { i -= 1 }
        return i
    }

    func lineEnd(_ index: Int) -> Int {
        var i = index
        while i < characters.count, characters[i] != "\n" { i += 1 }
        return i
    }

    func column(of index: Int) -> Int {
        DisplayWidth.of(String(characters[lineStart(index)..<index]))
    }

    /// The width of the whole line that holds `index`.
    func lineWidth(around index: Int) -> Int { column(of: lineEnd(index)) }

    /// The last position in the line whose column is at most `column`.
    func position(inLineStartingAt start: Int, column goal: Int) -> Int {
        var i = start
        var col = 0
        while i < characters.count, characters[i] != "\n" {
            let w = DisplayWidth.of(characters[i])
            if col + w > goal { break }
            col += w
            i += 1
        }
        return i
    }

    // MARK: - What is shown

    /// The visible part of the field at a given size.
    public struct Window: Sendable, Equatable {
        /// One row per visible line, each at most `width` cells wide (a single-line field has one).
        public var rows: [String]
        /// Where the cursor is drawn, in cells from the field's top-left corner.
        public var cursorRow: Int
        public var cursorColumn: Int
        /// Text is hidden past an edge (draw a marker such as ‹ › or a scroll hint).
        public var moreLeft: Bool
        public var moreRight: Bool
        public var moreAbove: Bool
        public var moreBelow: Bool
        /// For each row, whether its own line goes on past the left or the right edge.
        public var cutLeft: [Bool]
        public var cutRight: [Bool]
        /// The single row (for a single-line field).
        public var text: String { rows.first ?? "" }

        public init(rows: [String], cursorRow: Int, cursorColumn: Int,
                    moreLeft: Bool, moreRight: Bool, moreAbove: Bool, moreBelow: Bool,
                    cutLeft: [Bool]? = nil, cutRight: [Bool]? = nil) {
            self.rows = rows
            self.cutLeft = cutLeft ?? rows.indices.map { $0 == 0 && moreLeft }
            self.cutRight = cutRight ?? rows.indices.map { $0 == 0 && moreRight }
            self.cursorRow = cursorRow
            self.cursorColumn = cursorColumn
            self.moreLeft = moreLeft
            self.moreRight = moreRight
            self.moreAbove = moreAbove
            self.moreBelow = moreBelow
        }
    }

    /// Remembers the scroll position that shows the cursor at this size, moving as little as
    /// possible from the last one. Call it after each edit (and on resize) so the field scrolls
    /// smoothly; `visibleWindow` works without it, but then keeps the cursor at the right edge.
    public mutating func scrollToCursor(width: Int, height: Int = 1) {
        (scrollColumn, scrollRow) = scroll(width: width, height: height)
    }

    func scroll(width: Int, height: Int) -> (column: Int, row: Int) {
        let cursorCol = column(of: cursor)
        let cellWidth = cursor < characters.count && characters[cursor] != "\n" ? max(1, DisplayWidth.of(characters[cursor])) : 1
        var col = scrollColumn
        if cursorCol < col { col = cursorCol }
        if cursorCol + cellWidth > col + width { col = cursorCol + cellWidth - max(1, width) }
        // No more scrolled than the cursor's line needs: after Backspace, or on a shorter line,
        // the text comes back into view (a cell is kept for the cursor at the end).
        col = min(col, max(0, lineWidth(around: cursor) + 1 - max(1, width)))
        let line = multiLine ? cursorLine : 0
        var row = multiLine ? scrollRow : 0
        if line < row { row = line }
        if line >= row + max(1, height) { row = line - max(1, height) + 1 }
        return (max(0, col), max(0, row))
    }

    /// The slice of text to draw in a field `width` cells wide (and `height` lines high for a
    /// multi-line field), and where the cursor goes. A wide character cut by the left or right
    /// edge is shown as a space, so every row is exactly as wide as it says.
    public func visibleWindow(width: Int, height: Int = 1) -> Window {
        guard width > 0, height > 0 else {
            return Window(rows: [], cursorRow: 0, cursorColumn: 0, moreLeft: false, moreRight: false, moreAbove: false, moreBelow: false)
        }
        let rowsShown = multiLine ? height : 1
        let (col, row) = scroll(width: width, height: rowsShown)
        var lines: [ArraySlice<Character>] = []
        var start = 0
        for (i, c) in characters.enumerated() where c == "\n" {
            lines.append(characters[start..<i])
            start = i + 1
        }
        lines.append(characters[start...])

        var rows: [String] = []
        var cutLeft: [Bool] = []
        var cutRight: [Bool] = []
        for line in lines.dropFirst(row).prefix(rowsShown) {
            var out = ""
            var x = 0
            var left = false, right = false
            for c in line {
                let w = DisplayWidth.of(c)
                defer { x += w }
                if x + w <= col {
                    left = true
                    continue
                }
                if x < col {  // a wide character cut by the left edge
                    left = true
                    out += String(repeating: " ", count: x + w - col)
                    continue
                }
                if x + w > col + width {
                    right = true
                    if x < col + width { out += String(repeating: " ", count: col + width - x) }
                    break
                }
                out.append(c)
            }
            rows.append(out)
            cutLeft.append(left)
            cutRight.append(right)
        }
        return Window(rows: rows, cursorRow: (multiLine ? cursorLine : 0) - row, cursorColumn: column(of: cursor) - col,
                      moreLeft: cutLeft.contains(true), moreRight: cutRight.contains(true), moreAbove: row > 0,
                      moreBelow: row + rowsShown < lines.count, cutLeft: cutLeft, cutRight: cutRight)
    }

    // MARK: - Inside

    /// Inserts at the cursor, as much as fits, and joins characters that Unicode reads as one
    /// at both ends (a combining accent typed after its letter).
    private mutating func splice(_ new: [Character]) -> EditResult {
        guard !new.isEmpty else { return .unchanged }
        goalColumn = nil
        var insert = new
        var dropped = 0
        let room = maxLength - characters.count
        if insert.count > room {
            // A lone combining mark still fits when it joins the character before it.
            if room <= 0, insert.count == 1, cursor > 0, (String(characters[cursor - 1]) + String(insert[0])).count == 1 {
                characters[cursor - 1] = Character(String(characters[cursor - 1]) + String(insert[0]))
                return .changed
            }
            dropped = insert.count - max(0, room)
            insert.removeLast(dropped)
        }
        guard !insert.isEmpty else { return .tooLong(dropped: dropped) }
        let at = cursor
        characters.insert(contentsOf: insert, at: at)
        cursor = at + insert.count
        joinIfOneCharacter(at: cursor)
        joinIfOneCharacter(at: at)
        return dropped > 0 ? .tooLong(dropped: dropped) : .changed
    }

    /// Joins `characters[index - 1]` and `characters[index]` when together they are one
    /// character. Returns whether it did.
    @discardableResult
    private mutating func joinIfOneCharacter(at index: Int) -> Bool {
        guard index > 0, index < characters.count else { return false }
        let joined = String(characters[index - 1]) + String(characters[index])
        guard joined.count == 1 else { return false }
        characters[index - 1] = Character(joined)
        characters.remove(at: index)
        if cursor >= index { cursor = max(index, cursor - 1) }
        return true
    }

    static func clean(_ character: Character, multiLine: Bool) -> Character? {
        if character == "\n" || character == "\r" || character == "\r\n" { return multiLine ? "\n" : " " }
        if character == "\t" { return " " }
        if character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
           scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) {
            return nil
        }
        return character
    }

    static func clean(_ text: String, multiLine: Bool) -> [Character] {
        var out: [Character] = []
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if let c = clean(character, multiLine: multiLine) { out.append(c) }
        }
        return out
    }
}

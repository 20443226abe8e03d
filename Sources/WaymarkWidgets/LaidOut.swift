import WaymarkText

/// One laid-out line: its spans, its indent in cells, and where it starts in the source (block
/// index and character offset) so that a resize can keep the same text at the top.
public struct LaidOutLine: Sendable, Hashable {
    public var indent: Int
    public var spans: [Span]
    public var block: Int
    public var offset: Int
    public init(indent: Int = 0, spans: [Span], block: Int, offset: Int) {
        self.indent = indent
        self.spans = spans
        self.block = block
        self.offset = offset
    }

    /// The line as text in a form of the marks, indent included.
    public func text(_ form: Mark.Form) -> String {
        var text = String(repeating: " ", count: indent)
        for span in spans { text += span.text(form) }
        return text
    }
}

/// What a widget lays out: its lines, the lines each of its items takes, and where the text
/// cursor goes while a field is typed in (line, and column from the text's left edge).
public struct ScreenLayout: Sendable, Equatable {
    public var lines: [LaidOutLine]
    public var items: [Range<Int>]
    public var cursor: (line: Int, column: Int)?

    public init(lines: [LaidOutLine], items: [Range<Int>] = [], cursor: (line: Int, column: Int)? = nil) {
        self.lines = lines
        self.items = items
        self.cursor = cursor
    }

    public static let empty = ScreenLayout(lines: [])

    public static func == (a: ScreenLayout, b: ScreenLayout) -> Bool {
        a.lines == b.lines && a.items == b.items && a.cursor?.line == b.cursor?.line && a.cursor?.column == b.cursor?.column
    }

    /// Draws the lines from `scroll` that fit in `rect`. The selected item's lines are
    /// highlighted across the rect and marked with ">" so that the selection shows without
    /// colour too; while its field is typed in, the field keeps its own look (so the text and
    /// cursor read clearly) and only the ">" marks it.
    public func draw(into frame: inout Frame, in rect: Rect, scroll: Int, selected: Int? = nil, typing: Bool = false) {
        let highlighted = selected.flatMap { items.indices.contains($0) ? items[$0] : nil } ?? 0..<0
        let pointer = Mark.pointer.unicode
        for row in 0..<rect.height {
            let index = scroll + row
            guard index >= 0, index < lines.count else { break }
            let line = lines[index]
            let y = rect.y + row
            var x = rect.x + line.indent
            let isSelected = highlighted.contains(index)
            if isSelected, !typing { frame.fill(row: y, from: rect.x, limit: rect.maxX, tone: .selected) }
            if isSelected, index == highlighted.lowerBound {
                frame.put(pointer, x: rect.x, y: y, tone: typing ? .emphasis : .selected, limit: rect.maxX)
            }
            for span in line.spans {
                x = frame.put(span.text, x: x, y: y, tone: isSelected && !typing ? .selected : span.tone, limit: rect.maxX)
            }
        }
        if let cursor {
            let y = rect.y + cursor.line - scroll
            let x = rect.x + cursor.column
            if y >= rect.y, y < rect.maxY, x < rect.maxX { frame.cursor = (x, y) }
        }
    }
}

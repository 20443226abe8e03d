import WaymarkText

/// Words above, then rows: a checklist row is "[x] label" with any help under it; a field is its
/// label, then a box of one or several lines; an action is its label and any detail.
public struct Form: Sendable {
    public enum Row: Sendable, Equatable {
        case check(label: String, checked: Bool, help: String?)
        /// A secret field (a passphrase) never shows what is in it, not even while it is typed.
        case field(label: String, value: String, multiLine: Bool, placeholder: String?, secret: Bool)
        case action(label: String, detail: String?)
    }

    public static let fieldIndent = 4
    public static let multiLineHeight = 3

    /// The width of a field's box inside a text width: the indent and the box's two edges.
    public static func boxWidth(textWidth: Int) -> Int { max(1, textWidth - fieldIndent - 2) }

    public var intro: [Block]
    public var rows: [Row]
    /// The field being typed in, which is the selected row.
    public var editing: TextFieldModel?
    public var selection: Int

    public init(intro: [Block] = [], rows: [Row], editing: TextFieldModel? = nil, selection: Int = 0) {
        self.intro = intro
        self.rows = rows
        self.editing = editing
        self.selection = selection
    }

    public func layout(width: Int) -> ScreenLayout {
        var lines = Pager(intro).introLines(width: width)
        var ranges: [Range<Int>] = []
        var cursor: (line: Int, column: Int)?
        // A screen of actions only is a menu: its rows show their numbers, as every menu's do
        // (1-9, the keys there are; the plain mode numbers the rest).
        let numbered = rows.allSatisfy { if case .action = $0 { return true } else { return false } }
        func add(_ text: [Span], lead: Span, indent: Int = 2, row: Int) {
            let blank = Span(String(repeating: " ", count: DisplayWidth.of(lead.text)))
            for (n, line) in Wrap.lines(text, width: max(1, width - indent - DisplayWidth.of(lead.text))).enumerated() {
                lines.append(LaidOutLine(indent: indent, spans: [n == 0 ? lead : blank] + line.spans, block: row, offset: line.offset))
            }
        }
        for (index, row) in rows.enumerated() {
            let start = lines.count
            switch row {
            case .check(let label, let checked, let help):
                add([Span(label)], lead: Span(checked ? .checked : .unchecked, .number), row: index)
                if let help {
                    for line in Wrap.lines([Span(help, .dim)], width: max(1, width - 6)) {
                        lines.append(LaidOutLine(indent: 6, spans: line.spans, block: index, offset: line.offset))
                    }
                }
            case .action(let label, let detail):
                let text = detail.map { "\(label)  (\($0))" } ?? label
                add([Span(text)], lead: !numbered ? Span(.arrow, .number) : Span(index < 9 ? "\(index + 1). " : "   ", .number), row: index)
            case .field(let label, let value, let multiLine, let placeholder, let secret):
                if !label.isEmpty {
                    for line in Wrap.lines([Span(label)], width: max(1, width - 2)) {
                        lines.append(LaidOutLine(indent: 2, spans: line.spans, block: index, offset: line.offset))
                    }
                }
                let boxWidth = Form.boxWidth(textWidth: width)
                let height = multiLine ? Form.multiLineHeight : 1
                let typedIn = index == selection ? editing : nil
                // The text as the box would keep it (a single line has no line breaks).
                let shown = secret ? "" : TextFieldModel(text: value, multiLine: multiLine, maxLength: .max).text
                // Not being typed in (or secret): the start of the text.
                let window = typedIn.flatMap { secret ? nil : $0.visibleWindow(width: boxWidth, height: height) }
                    ?? Form.startWindow(of: shown, width: boxWidth, height: height)
                let showPlaceholder = typedIn == nil && shown.isEmpty && placeholder != nil
                for r in 0..<height {
                    var text = r < window.rows.count ? window.rows[r] : ""
                    var tone = Tone.field
                    if showPlaceholder, r == 0 {
                        text = Wrap.truncate(placeholder!, width: boxWidth)
                        tone = .dim
                    }
                    let padded = text + String(repeating: " ", count: max(0, boxWidth - DisplayWidth.of(text)))
                    // Each row says whether its own line goes on past an edge; the first and
                    // last rows also say whether there are lines above or below.
                    let cutLeft = window.cutLeft.indices.contains(r) && window.cutLeft[r]
                    let cutRight = window.cutRight.indices.contains(r) && window.cutRight[r]
                    let left: Mark = cutLeft || (r == 0 && window.moreAbove) ? .moreBefore : .boxLeft
                    let right: Mark = cutRight || (r == height - 1 && window.moreBelow) ? .moreAfter : .boxRight
                    lines.append(LaidOutLine(indent: Form.fieldIndent - 1,
                                             spans: [Span(left, .dim), Span(padded, tone), Span(right, .dim)],
                                             block: index, offset: 0))
                }
                if typedIn != nil {
                    cursor = (lines.count - height + window.cursorRow, Form.fieldIndent + window.cursorColumn)
                }
            }
            ranges.append(start..<lines.count)
        }
        return ScreenLayout(lines: lines, items: ranges, cursor: cursor)
    }

    /// The first lines of a text that is not being typed in, from its start.
    static func startWindow(of text: String, width: Int, height: Int) -> TextFieldModel.Window {
        var rows: [String] = []
        var cutRight: [Bool] = []
        let textLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for line in textLines.prefix(height) {
            let line = String(line)
            let cut = DisplayWidth.of(line) > width
            rows.append(cut ? Wrap.truncate(line, width: width) : line)
            cutRight.append(cut)
        }
        return TextFieldModel.Window(rows: rows, cursorRow: 0, cursorColumn: 0, moreLeft: false, moreRight: cutRight.contains(true),
                                     moreAbove: false, moreBelow: textLines.count > height,
                                     cutLeft: rows.map { _ in false }, cutRight: cutRight)
    }
}

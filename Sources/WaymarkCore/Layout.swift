import WaymarkText

/// One laid-out line of a page: its spans, its indent in cells, and where it starts in the source
/// (block index and character offset) so that a resize can keep the same text at the top.
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
}

public struct Size: Sendable, Hashable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }
    public var description: String { "\(width)x\(height)" }
}

/// Where things go on the screen. Shared by the core (for scroll bounds) and the renderer.
public enum Layout {
    /// Below this the program shows "make the window bigger" instead of a squeezed screen.
    public static let minimum = Size(width: 20, height: 6)
    /// Long lines are hard to read: text never runs wider than this.
    public static let maxTextWidth = 76

    public static func isTooSmall(_ size: Size) -> Bool {
        size.width < minimum.width || size.height < minimum.height
    }

    /// Rows between the title bar and the footer.
    public static func bodyHeight(_ size: Size) -> Int { max(1, size.height - 2) }

    public static func margin(_ size: Size) -> Int { size.width >= 60 ? 2 : 1 }

    public static func textWidth(_ size: Size) -> Int {
        max(1, min(maxTextWidth, size.width - 2 * margin(size)))
    }
}

public enum PageLayout {
    public static func lines(_ page: Page, width: Int) -> [LaidOutLine] {
        var lines: [LaidOutLine] = []
        for (index, block) in page.blocks.enumerated() {
            if !lines.isEmpty { lines.append(LaidOutLine(spans: [], block: index, offset: 0)) }
            switch block {
            case .heading(let text):
                for line in Wrap.lines([Span(text, .heading)], width: width) {
                    lines.append(LaidOutLine(spans: line.spans, block: index, offset: line.offset))
                }
            case .paragraph(let spans):
                for line in Wrap.lines(spans, width: width) {
                    lines.append(LaidOutLine(spans: line.spans, block: index, offset: line.offset))
                }
            case .bullet(let spans):
                for (n, line) in Wrap.lines(spans, width: width - 2).enumerated() {
                    let lead = n == 0 ? [Span("• ", .plain)] : [Span("  ", .plain)]
                    lines.append(LaidOutLine(spans: lead + line.spans, block: index, offset: line.offset))
                }
            case .callout(let spans):
                let toned = spans.map { Span($0.text, $0.tone == .plain ? .callout : $0.tone) }
                for line in Wrap.lines(toned, width: width - 2) {
                    lines.append(LaidOutLine(spans: [Span("┃ ", .callout)] + line.spans,
                                             block: index, offset: line.offset))
                }
            }
        }
        // Bullets read as a list: no blank line between neighbours.
        return lines.enumerated().filter { i, line in
            guard line.spans.isEmpty, i + 1 < lines.count, i > 0 else { return true }
            if case .bullet = page.blocks[lines[i + 1].block], case .bullet = page.blocks[lines[i - 1].block] {
                return false
            }
            return true
        }.map(\.element)
    }

    /// The line index that shows the same text as `line` did in `old`.
    public static func anchor(_ old: LaidOutLine, in lines: [LaidOutLine]) -> Int {
        var best = 0
        for (i, line) in lines.enumerated() {
            if line.block < old.block || (line.block == old.block && line.offset <= old.offset) {
                best = i
            } else {
                break
            }
        }
        return best
    }
}

/// The words above a screen's choices, with a blank line after them (none when there are none).
func introLines(_ intro: [Block], width: Int) -> [LaidOutLine] {
    guard !intro.isEmpty else { return [] }
    var lines = PageLayout.lines(Page(id: "", title: "", blocks: intro), width: width).map {
        var line = $0
        line.block = -1
        return line
    }
    lines.append(LaidOutLine(spans: [], block: -1, offset: 0))
    return lines
}

public enum ListLayout {
    /// Words above, then numbered choices (1-9; more are shown without a number), each wrapped
    /// under its own label. Returns the lines and, for each choice, the lines it takes.
    public static func lines(intro: [Block], items: [String], width: Int) -> ScreenLayout {
        var lines = introLines(intro, width: width)
        var ranges: [Range<Int>] = []
        for (index, label) in items.enumerated() {
            let start = lines.count
            let number = index < 9 ? "\(index + 1). " : "   "
            let labelWidth = max(1, width - 2 - number.count)
            for (n, line) in Wrap.lines([Span(label)], width: labelWidth).enumerated() {
                let lead = n == 0 ? [Span(number, .number)] : [Span(String(repeating: " ", count: number.count))]
                lines.append(LaidOutLine(indent: 2, spans: lead + line.spans, block: index, offset: line.offset))
            }
            ranges.append(start..<lines.count)
        }
        return ScreenLayout(lines: lines, items: ranges)
    }
}

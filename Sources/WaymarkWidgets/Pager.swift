import WaymarkText

/// A page of blocks, wrapped to a width and scrolled through.
public struct Pager: Sendable {
    public var blocks: [Block]
    public init(_ blocks: [Block]) { self.blocks = blocks }

    public func layout(width: Int) -> ScreenLayout { ScreenLayout(lines: lines(width: width)) }

    public func lines(width: Int) -> [LaidOutLine] {
        var lines: [LaidOutLine] = []
        for (index, block) in blocks.enumerated() {
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
                    let lead = n == 0 ? Span(.bullet) : Span("  ")
                    lines.append(LaidOutLine(spans: [lead] + line.spans, block: index, offset: line.offset))
                }
            case .callout(let spans):
                let toned = spans.map { Span($0.text, $0.tone == .plain ? .callout : $0.tone) }
                for line in Wrap.lines(toned, width: width - 2) {
                    lines.append(LaidOutLine(spans: [Span(.bar, .callout)] + line.spans, block: index, offset: line.offset))
                }
            }
        }
        // Bullets read as a list: no blank line between neighbours.
        return lines.enumerated().filter { i, line in
            guard line.spans.isEmpty, i + 1 < lines.count, i > 0 else { return true }
            if case .bullet = blocks[lines[i + 1].block], case .bullet = blocks[lines[i - 1].block] {
                return false
            }
            return true
        }.map(\.element)
    }

    /// The words above a list or a form, with a blank line after them (none when there are none).
    func introLines(width: Int) -> [LaidOutLine] {
        guard !blocks.isEmpty else { return [] }
        var lines = self.lines(width: width).map {
            var line = $0
            line.block = -1
            return line
        }
        lines.append(LaidOutLine(spans: [], block: -1, offset: 0))
        return lines
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

/// Words above, then numbered choices (1-9; more are shown without a number), each wrapped under
/// its own label.
public struct ChoiceList: Sendable {
    public var intro: [Block]
    public var items: [String]
    public init(intro: [Block] = [], items: [String]) {
        self.intro = intro
        self.items = items
    }

    public func layout(width: Int) -> ScreenLayout {
        var lines = Pager(intro).introLines(width: width)
        var ranges: [Range<Int>] = []
        for (index, label) in items.enumerated() {
            let start = lines.count
            let number = index < 9 ? "\(index + 1). " : "   "
            let labelWidth = max(1, width - 2 - number.count)
            for (n, line) in Wrap.lines([Span(label)], width: labelWidth).enumerated() {
                let lead = n == 0 ? Span(number, .number) : Span(String(repeating: " ", count: number.count))
                lines.append(LaidOutLine(indent: 2, spans: [lead] + line.spans, block: index, offset: line.offset))
            }
            ranges.append(start..<lines.count)
        }
        return ScreenLayout(lines: lines, items: ranges)
    }
}

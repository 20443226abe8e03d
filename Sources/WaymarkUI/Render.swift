import WaymarkCore
import WaymarkText

/// Draws the whole state into a frame. Pure: the same state always gives the same frame.
public func render(_ state: AppState) -> Frame {
    var frame = Frame(size: state.size)
    guard state.size.width > 0, state.size.height > 0 else { return frame }
    if Layout.isTooSmall(state.size) {
        drawTooSmall(&frame, state.content.strings)
        return frame
    }
    let screen = state.screen
    let layout = state.layout
    let bodyHeight = Layout.bodyHeight(state.size)
    if state.hasChoices {
        let selection = screen.selection
        let selected = layout.items.indices.contains(selection) ? layout.items[selection] : 0..<0
        drawLines(&frame, layout.lines, scroll: screen.scroll, selected: selected, typing: state.context == .editing)
        if let cursor = layout.cursor {
            let y = 1 + cursor.line - screen.scroll
            let x = Layout.margin(state.size) + cursor.column
            if y >= 1, y <= bodyHeight, x < state.size.width { frame.cursor = (x, y) }
        }
    } else {
        drawLines(&frame, layout.lines, scroll: screen.scroll, selected: 0..<0)
    }
    var position: String? = nil
    if layout.lines.count > bodyHeight {
        let shown = min(layout.lines.count, screen.scroll + bodyHeight)
        position = "\(shown * 100 / layout.lines.count)%"
    }
    drawTitle(&frame, state.title(of: screen), position: position)
    drawFooter(&frame, state.content.strings, context: state.context, notice: state.notice)
    return frame
}

private func drawTitle(_ frame: inout Frame, _ title: String, position: String?) {
    frame.fill(row: 0, tone: .title)
    let width = frame.size.width
    var limit = width
    if let position, DisplayWidth.of(position) + 8 <= width {
        let start = width - DisplayWidth.of(position) - 1
        frame.put(position, x: start, y: 0, tone: .title)
        limit = start - 1
    }
    frame.put(Wrap.truncate(title, width: limit - 1), x: 1, y: 0, tone: .title, limit: limit)
}

private func drawFooter(_ frame: inout Frame, _ strings: Strings, context: Context, notice: String?) {
    let y = frame.size.height - 1
    let width = frame.size.width
    frame.fill(row: y, tone: .footer)
    let choices = [
        [strings[.quickExit], strings[.emergency], strings[.footerAgency]],
        [strings[.quickExit], strings[.emergency]],
        [strings[.quickExit], "911"],
        [strings[.quickExitShort], "911"],
    ]
    if let notice {
        // A notice says what just went wrong: the longest form of the rest that leaves it whole.
        let parts = (choices.first { DisplayWidth.of(spaced($0 + [notice])) + 2 <= width } ?? [strings[.quickExitShort]]) + [notice]
        frame.put(Wrap.truncate(spaced(parts), width: width - 2), x: 1, y: y, tone: .footer)
        return
    }
    var parts = choices.first { DisplayWidth.of(spaced($0)) + 2 <= width } ?? [strings[.quickExitShort]]
    // Each part is measured once; parts are joined by two spaces, and the row keeps one cell free at each end.
    var used = DisplayWidth.of(spaced(parts)) + 2
    for binding in Bindings.footer(in: context) {
        let part = "\(binding.footerLabel) \(strings[binding.footerDescription])"
        let partWidth = DisplayWidth.of(part) + 2
        if used + partWidth <= width {
            parts.append(part)
            used += partWidth
        }
    }
    frame.put(spaced(parts), x: 1, y: y, tone: .footer)
}

/// The footer's parts with two spaces between. Not `joined(separator:)`, whose generic metadata
/// costs a search of every conformance record on the first frame (docs/PERFORMANCE.md).
private func spaced(_ parts: [String]) -> String {
    var line = parts.first ?? ""
    for part in parts.dropFirst() {
        line += "  "
        line += part
    }
    return line
}

/// Draws the visible lines; the lines of the selected choice are highlighted across the row and
/// marked with ">" so that the selection shows without colour too.
/// While typing, the field keeps its own look (so the text and cursor read clearly) and only the
/// ">" marks it.
private func drawLines(_ frame: inout Frame, _ lines: [LaidOutLine], scroll: Int, selected: Range<Int>, typing: Bool = false) {
    let size = frame.size
    let margin = Layout.margin(size)
    for row in 0..<Layout.bodyHeight(size) {
        let index = scroll + row
        guard index >= 0, index < lines.count else { break }
        let line = lines[index]
        let y = row + 1
        var x = margin + line.indent
        if selected.contains(index), typing {
            if index == selected.lowerBound { frame.put(">", x: margin, y: y, tone: .emphasis) }
            for span in line.spans { x = frame.put(span.text, x: x, y: y, tone: span.tone) }
        } else if selected.contains(index) {
            frame.fill(row: y, from: margin, tone: .selected)
            if index == selected.lowerBound { frame.put(">", x: margin, y: y, tone: .selected) }
            for span in line.spans { x = frame.put(span.text, x: x, y: y, tone: .selected) }
        } else {
            for span in line.spans { x = frame.put(span.text, x: x, y: y, tone: span.tone) }
        }
    }
}

private func drawTooSmall(_ frame: inout Frame, _ strings: Strings) {
    let size = frame.size
    func wrapped(_ text: String, _ tone: Tone) -> [(String, Tone)] {
        Wrap.lines([Span(text)], width: size.width).map { ($0.spans.map(\.text).joined(), tone) }
    }
    let title = wrapped(strings[.tooSmallTitle], .emphasis)
    let body = wrapped(strings[.tooSmallBody], .plain)
    let exit = wrapped(strings[.quickExit], .plain)
    // The way out matters more than the explanation when not everything fits.
    var lines = title + [("", .plain)] + body + [("", .plain)] + exit
    if lines.count > size.height { lines = title + exit }
    if lines.count > size.height { lines = exit + title }
    let top = max(0, (size.height - lines.count) / 2)
    for (i, (text, tone)) in lines.prefix(size.height).enumerated() {
        let x = max(0, (size.width - DisplayWidth.of(text)) / 2)
        frame.put(text, x: x, y: min(size.height - 1, top + i), tone: tone)
    }
}

import WaymarkText

/// The row at the top: the screen's title, and how far down a long screen one is.
public struct TitleBar: Sendable {
    public var title: String
    public var position: String?
    public init(_ title: String, position: String? = nil) {
        self.title = title
        self.position = position
    }

    public func draw(into frame: inout Frame, in rect: Rect) {
        guard rect.height > 0 else { return }
        frame.fill(row: rect.y, from: rect.x, limit: rect.maxX, tone: .title)
        var limit = rect.maxX
        if let position, DisplayWidth.of(position) + 8 <= rect.width {
            let start = rect.maxX - DisplayWidth.of(position) - 1
            frame.put(position, x: start, y: rect.y, tone: .title, limit: rect.maxX)
            limit = start - 1
        }
        frame.put(Wrap.truncate(title, width: limit - rect.x - 1), x: rect.x + 1, y: rect.y, tone: .title, limit: limit)
    }
}

/// The row at the bottom: parts two spaces apart, one cell free at each end. `forms` are the
/// parts that must show, longest first: the first that fits is used, and the last when none
/// does. `extras` follow while they fit. A notice (what just went wrong) replaces the extras and
/// is kept whole where any form leaves room for it.
public struct StatusBar: Sendable {
    public var forms: [[String]]
    public var extras: [String]
    public var notice: String?
    public init(forms: [[String]], extras: [String] = [], notice: String? = nil) {
        self.forms = forms
        self.extras = extras
        self.notice = notice
    }

    public func draw(into frame: inout Frame, in rect: Rect) {
        guard rect.height > 0 else { return }
        let y = rect.y, width = rect.width
        frame.fill(row: y, from: rect.x, limit: rect.maxX, tone: .footer)
        func fits(_ parts: [String]) -> Bool { DisplayWidth.of(spaced(parts)) + 2 <= width }
        if let notice {
            let parts = (forms.first { fits($0 + [notice]) } ?? forms.last ?? []) + [notice]
            frame.put(Wrap.truncate(spaced(parts), width: width - 2), x: rect.x + 1, y: y, tone: .footer, limit: rect.maxX)
            return
        }
        var parts = forms.first(where: fits) ?? forms.last ?? []
        // Each part is measured once.
        var used = DisplayWidth.of(spaced(parts)) + 2
        for extra in extras {
            let extraWidth = DisplayWidth.of(extra) + 2
            if used + extraWidth <= width {
                parts.append(extra)
                used += extraWidth
            }
        }
        frame.put(spaced(parts), x: rect.x + 1, y: y, tone: .footer, limit: rect.maxX)
    }
}

/// The parts with two spaces between. Not `joined(separator:)`, whose generic metadata costs a
/// search of every conformance record on the first frame (docs/PERFORMANCE.md).
private func spaced(_ parts: [String]) -> String {
    var line = parts.first ?? ""
    for part in parts.dropFirst() {
        line += "  "
        line += part
    }
    return line
}

/// A message in the middle of the screen: a title, the words, and the way out. When not all of
/// it fits, the way out matters more than the words, and then more than the title.
public struct Dialog: Sendable {
    public var title: String
    public var body: String
    public var way: String
    public init(title: String, body: String, way: String) {
        self.title = title
        self.body = body
        self.way = way
    }

    public func draw(into frame: inout Frame, in rect: Rect) {
        func wrapped(_ text: String, _ tone: Tone) -> [(String, Tone)] {
            Wrap.lines([Span(text)], width: rect.width).map { line in
                var text = ""
                for span in line.spans { text += span.text }
                return (text, tone)
            }
        }
        let title = wrapped(self.title, .emphasis)
        let way = wrapped(self.way, .plain)
        var lines = title + [("", .plain)] + wrapped(body, .plain) + [("", .plain)] + way
        if lines.count > rect.height { lines = title + way }
        if lines.count > rect.height { lines = way + title }
        let top = max(0, (rect.height - lines.count) / 2)
        for (i, (text, tone)) in lines.prefix(rect.height).enumerated() {
            let x = rect.x + max(0, (rect.width - DisplayWidth.of(text)) / 2)
            frame.put(text, x: x, y: min(rect.maxY - 1, rect.y + top + i), tone: tone, limit: rect.maxX)
        }
    }
}

/// How a run of text should look. The backend maps these to attributes and, where the terminal
/// has colours and the person allows them, to colours; meaning never rests on colour alone.
public enum Tone: UInt8, Sendable, Hashable {
    case plain, title, heading, emphasis, callout, selected, footer, number, dim
    /// The inside of a text box.
    case field
}

public struct Span: Sendable, Hashable {
    public var text: String
    public var tone: Tone
    public init(_ text: String, _ tone: Tone = .plain) {
        self.text = text
        self.tone = tone
    }
}

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

public enum Wrap {
    /// Breaks styled text into lines of at most `width` cells, at spaces where possible; a word
    /// longer than a whole line is split by cells (never by bytes, never inside a character).
    /// Returns, for each line, its spans and the character offset where it starts.
    public static func lines(_ spans: [Span], width: Int) -> [(spans: [Span], offset: Int)] {
        asciiLines(spans, width: max(1, width)) ?? characterLines(spans, width: max(1, width))
    }

    /// The general way, by Character.
    static func characterLines(_ spans: [Span], width: Int) -> [(spans: [Span], offset: Int)] {
        var words: [(chars: [(Character, Tone)], offset: Int)] = []
        var current: [(Character, Tone)] = []
        var currentStart = 0
        var offset = 0
        for span in spans {
            for character in span.text {
                if character == " " || character == "\n" || character == "\t" {
                    if !current.isEmpty { words.append((current, currentStart)) }
                    current = []
                } else {
                    if current.isEmpty { currentStart = offset }
                    current.append((character, span.tone))
                }
                offset += 1
            }
        }
        if !current.isEmpty { words.append((current, currentStart)) }

        var result: [(spans: [Span], offset: Int)] = []
        var line: [(Character, Tone)] = []
        var lineWidth = 0
        var lineOffset = 0
        func flush() {
            result.append((merge(line), lineOffset))
            line = []
            lineWidth = 0
        }
        for word in words {
            let wordWidth = word.chars.reduce(0) { $0 + DisplayWidth.of($1.0) }
            let gap = line.isEmpty ? 0 : 1
            if lineWidth + gap + wordWidth <= width {
                if gap == 0 {
                    lineOffset = word.offset
                } else {
                    // The space keeps the style only inside a styled run, so bold never bleeds.
                    let tone = line.last?.1 == word.chars.first?.1 ? word.chars.first!.1 : Tone.plain
                    line.append((" ", tone))
                    lineWidth += 1
                }
                line.append(contentsOf: word.chars)
                lineWidth += wordWidth
                continue
            }
            if !line.isEmpty { flush() }
            if wordWidth <= width {
                lineOffset = word.offset
                line = word.chars
                lineWidth = wordWidth
                continue
            }
            // A word wider than the line: split it by cells.
            var position = word.offset
            lineOffset = position
            for (character, tone) in word.chars {
                let cells = DisplayWidth.of(character)
                if lineWidth + cells > width, !line.isEmpty {
                    flush()
                    lineOffset = position
                }
                line.append((character, tone))
                lineWidth += cells
                position += 1
            }
        }
        if !line.isEmpty || result.isEmpty { flush() }
        return result
    }

    /// The same wrapping for text that is all ASCII (most is), on bytes: one character per byte,
    /// one cell per printable byte. Nil when a byte is not ASCII or is a CR (a CR LF pair is one
    /// Character, so offsets would differ).
    static func asciiLines(_ spans: [Span], width: Int) -> [(spans: [Span], offset: Int)]? {
        var bytes: [UInt8] = []
        var tones: [Tone] = []
        for span in spans {
            let copied = span.text.utf8.withContiguousStorageIfAvailable { text -> Bool in
                for byte in text where byte >= 0x80 || byte == 0x0D { return false }
                bytes.append(contentsOf: text)
                tones.append(contentsOf: repeatElement(span.tone, count: text.count))
                return true
            }
            guard copied == true else { return nil }
        }
        func isBreak(_ byte: UInt8) -> Bool { byte == 32 || byte == 10 || byte == 9 }
        func cells(_ byte: UInt8) -> Int { byte >= 0x20 && byte != 0x7F ? 1 : 0 }

        var result: [(spans: [Span], offset: Int)] = []
        var lineBytes: [UInt8] = []
        var lineTones: [Tone] = []
        var lineWidth = 0
        var lineOffset = 0
        func flush() {
            var merged: [Span] = []
            var start = 0
            while start < lineBytes.count {
                var end = start + 1
                while end < lineBytes.count, lineTones[end] == lineTones[start] { end += 1 }
                merged.append(Span(String(decoding: lineBytes[start..<end], as: UTF8.self), lineTones[start]))
                start = end
            }
            result.append((merged, lineOffset))
            lineBytes.removeAll(keepingCapacity: true)
            lineTones.removeAll(keepingCapacity: true)
            lineWidth = 0
        }
        func take(_ index: Int) {
            lineBytes.append(bytes[index])
            lineTones.append(tones[index])
        }
        var start = 0
        while start < bytes.count {
            if isBreak(bytes[start]) { start += 1; continue }
            var end = start
            var wordWidth = 0
            while end < bytes.count, !isBreak(bytes[end]) { wordWidth += cells(bytes[end]); end += 1 }
            let gap = lineBytes.isEmpty ? 0 : 1
            if lineWidth + gap + wordWidth <= width {
                if gap == 0 {
                    lineOffset = start
                } else {
                    // The space keeps the style only inside a styled run, so bold never bleeds.
                    lineBytes.append(32)
                    lineTones.append(lineTones.last == tones[start] ? tones[start] : .plain)
                    lineWidth += 1
                }
                for index in start..<end { take(index) }
                lineWidth += wordWidth
            } else {
                if !lineBytes.isEmpty { flush() }
                lineOffset = start
                if wordWidth <= width {
                    for index in start..<end { take(index) }
                    lineWidth = wordWidth
                } else {
                    // A word wider than the line: split it by cells.
                    for index in start..<end {
                        if lineWidth + cells(bytes[index]) > width, !lineBytes.isEmpty {
                            flush()
                            lineOffset = index
                        }
                        take(index)
                        lineWidth += cells(bytes[index])
                    }
                }
            }
            start = end
        }
        if !lineBytes.isEmpty || result.isEmpty { flush() }
        return result
    }

    static func merge(_ characters: [(Character, Tone)]) -> [Span] {
        var spans: [Span] = []
        for (character, tone) in characters {
            if let last = spans.last, last.tone == tone {
                spans[spans.count - 1].text.append(character)
            } else {
                spans.append(Span(String(character), tone))
            }
        }
        return spans
    }

    /// Cuts text to at most `width` cells, ending with "…" when something was cut.
    public static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var result = ""
        var used = 0
        for character in text {
            let cells = DisplayWidth.of(character)
            if used + cells > width - 1 { break }
            result.append(character)
            used += cells
        }
        return result + "…"
    }
}

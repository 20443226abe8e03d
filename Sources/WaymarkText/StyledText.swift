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
    /// Set when the span is a drawing mark rather than words (see `Mark`).
    public internal(set) var mark: Mark?
    public init(_ text: String, _ tone: Tone = .plain) {
        self.text = text
        self.tone = tone
    }
}

/// A block of a page: the text model that the screens, the plain mode and the content share.
public enum Block: Sendable, Equatable {
    case heading(String)
    case paragraph([Span])
    case bullet([Span])
    case callout([Span])
}

public enum Wrap {
    /// Breaks styled text into lines of at most `width` cells, at spaces where possible; a word
    /// longer than a whole line is split by cells (never by bytes, never inside a character).
    /// Returns, for each line, its spans and the character offset where it starts.
    public static func lines(_ spans: [Span], width: Int) -> [(spans: [Span], offset: Int)] {
        let width = max(1, width)
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

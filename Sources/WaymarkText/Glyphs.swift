/// The marks the screens are drawn with, in the three forms they take: Unicode for a terminal
/// that has it, ASCII for one that does not, and spoken for the plain mode, where a screen
/// reader would read a drawing mark aloud as noise. One table, so that a new mark cannot be
/// drawn in one form and forgotten in another.
public enum Mark: Sendable, Hashable, CaseIterable {
    case bullet, bar, arrow, checked, unchecked, pointer
    /// The edges of a text box, and the edges that say the text goes on past them.
    case boxLeft, boxRight, moreBefore, moreAfter

    public enum Form: Sendable { case unicode, ascii, spoken }

    public func text(_ form: Form) -> String {
        switch form {
        case .unicode: return unicode
        case .ascii: return Glyphs.ascii(unicode)
        case .spoken:
            switch self {
            case .bullet: return "- "
            case .bar, .arrow: return ""
            case .checked, .unchecked, .pointer, .boxLeft, .boxRight, .moreBefore, .moreAfter: return Glyphs.ascii(unicode)
            }
        }
    }

    /// Every form but the spoken one takes as many cells as this, so layout never depends on it.
    public var unicode: String {
        switch self {
        case .bullet: return "• "
        case .bar: return "┃ "
        case .arrow: return "→ "
        case .checked: return "[x] "
        case .unchecked: return "[ ] "
        case .pointer: return ">"
        case .boxLeft: return "["
        case .boxRight: return "]"
        case .moreBefore: return "‹"
        case .moreAfter: return "›"
        }
    }
}

public enum Glyphs {
    /// The ASCII form of a drawing or typographic mark, from the marks above and from content
    /// (an ellipsis, arrows), or nil for anything else.
    public static func ascii(_ character: Character) -> String? {
        switch character {
        case "•": return "*"
        case "┃", "│": return "|"
        case "…": return "."
        case "↑": return "^"
        case "↓": return "v"
        case "←", "‹": return "<"
        case "→", "›": return ">"
        default: return nil
        }
    }

    static func ascii(_ text: String) -> String {
        var out = ""
        for character in text { out += ascii(character) ?? String(character) }
        return out
    }
}

extension Span {
    /// A drawing mark: its Unicode text, and which mark it is for the other forms.
    public init(_ mark: Mark, _ tone: Tone = .plain) {
        self.init(mark.unicode, tone)
        self.mark = mark
    }

    /// The span's text in a form: a mark in that form, other text as it is.
    public func text(_ form: Mark.Form) -> String {
        mark.map { $0.text(form) } ?? text
    }
}

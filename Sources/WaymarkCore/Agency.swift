import WaymarkText

/// The agency that offers Waymark, and the other places near it that help, in one language, as
/// loaded from `Content/agency.yaml`. Pages, strings, the screener and the plan refer to it with
/// placeholders such as `{agency.phone}` (see `AgencyPlaceholder`), so an agency changes its
/// number in one place.
public struct Agency: Sendable, Equatable {
    /// The agency's name, as a person would say it.
    public var name: String
    /// The 24-hour line.
    public var phone: String
    /// A number that takes text messages, and the word to send, if any.
    public var text: String?
    public var textWord: String?
    public var tty: String?
    /// Where to walk in, and when.
    public var address: String?
    public var hours: String?
    public var website: String?
    /// The languages the agency's people speak, written out ("English, Spanish").
    public var languages: String?
    /// Other places that help: shelters, legal aid, health, rights at work, national lines.
    public var resources: [LocalResource]
    /// The labels for the generated parts of pages (`{agency.details}`, `{agency.resources}`).
    public var words: AgencyWords

    public init(name: String, phone: String, text: String? = nil, textWord: String? = nil, tty: String? = nil,
                address: String? = nil, hours: String? = nil, website: String? = nil, languages: String? = nil,
                resources: [LocalResource] = [], words: AgencyWords = AgencyWords()) {
        self.name = name
        self.phone = phone
        self.text = text
        self.textWord = textWord
        self.tty = tty
        self.address = address
        self.hours = hours
        self.website = website
        self.languages = languages
        self.resources = resources
        self.words = words
    }
}

/// One other place that helps, with what it helps with.
public struct LocalResource: Sendable, Equatable {
    public var name: String
    /// What they help with, in a sentence or two.
    public var help: String
    public var phone: String?
    public var text: String?
    public var textWord: String?
    public var tty: String?
    public var address: String?
    public var hours: String?
    public var website: String?

    public init(name: String, help: String, phone: String? = nil, text: String? = nil, textWord: String? = nil,
                tty: String? = nil, address: String? = nil, hours: String? = nil, website: String? = nil) {
        self.name = name
        self.help = help
        self.phone = phone
        self.text = text
        self.textWord = textWord
        self.tty = tty
        self.address = address
        self.hours = hours
        self.website = website
    }
}

/// Labels for generated text, in one language. `{number}` and `{word}` in them are replaced.
public struct AgencyWords: Sendable, Equatable {
    public var call: String
    public var text: String
    public var textWord: String
    public var tty: String
    public var address: String
    public var hours: String
    public var website: String
    public var languages: String

    public static let keys = ["call", "text", "text_word", "tty", "address", "hours", "website", "languages"]

    public init(call: String = "Call {number}", text: String = "Text {number}", textWord: String = "Text {word} to {number}",
                tty: String = "TTY: {number}", address: String = "Walk in", hours: String = "Hours",
                website: String = "Website", languages: String = "Languages") {
        self.call = call
        self.text = text
        self.textWord = textWord
        self.tty = tty
        self.address = address
        self.hours = hours
        self.website = website
        self.languages = languages
    }
}

extension Agency {
    /// The text of the placeholder `{agency.<name>}` inside a line of text (a name from
    /// `inlinePlaceholders`); nil when the agency has no such value.
    public func value(of name: String) -> String? {
        switch name {
        case "name": return self.name
        case "phone": return phone
        case "text": return text
        case "text_word": return textWord
        case "tty": return tty
        case "address": return address
        case "hours": return hours
        case "website": return website
        case "languages": return languages
        default: return nil
        }
    }

    /// Placeholders that go in a line of text.
    public static let inlinePlaceholders = ["name", "phone", "text", "text_word", "tty", "address", "hours", "website", "languages"]
    /// Placeholders that stand alone on a line of a page and become whole blocks.
    public static let blockPlaceholders = ["details", "resources"]

    /// `{agency.details}`: the ways to reach the agency other than its 24-hour line (text, TTY,
    /// walk-in address and hours, website, languages), one bullet each, only those it has.
    public var detailBlocks: [Block] {
        Agency.contactBullets(text: text, textWord: textWord, tty: tty, address: address, hours: hours,
                              website: website, languages: languages, words: words)
    }

    /// `{agency.resources}`: each resource as a heading, what it helps with, and how to reach it.
    public var resourceBlocks: [Block] {
        resources.flatMap { resource -> [Block] in
            var blocks: [Block] = [.heading(resource.name), .paragraph([Span(resource.help)])]
            if let phone = resource.phone { blocks.append(.bullet(Agency.fill(words.call, ["number": phone]))) }
            blocks += Agency.contactBullets(text: resource.text, textWord: resource.textWord, tty: resource.tty,
                                            address: resource.address, hours: resource.hours, website: resource.website,
                                            languages: nil, words: words)
            return blocks
        }
    }

    static func contactBullets(text: String?, textWord: String?, tty: String?, address: String?, hours: String?,
                               website: String?, languages: String?, words: AgencyWords) -> [Block] {
        var blocks: [Block] = []
        if let text {
            if let textWord {
                blocks.append(.bullet(fill(words.textWord, ["number": text, "word": textWord])))
            } else {
                blocks.append(.bullet(fill(words.text, ["number": text])))
            }
        }
        if let tty { blocks.append(.bullet(fill(words.tty, ["number": tty]))) }
        for (label, value) in [(words.address, address), (words.hours, hours), (words.website, website), (words.languages, languages)] {
            if let value { blocks.append(.bullet([Span(label + ": "), Span(value, .emphasis)])) }
        }
        return blocks
    }

    /// Replaces `{name}` in a label by its value, shown in bold.
    public static func fill(_ template: String, _ values: [String: String]) -> [Span] {
        var spans: [Span] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}"),
                  let value = values[String(rest[rest.index(after: open)..<close])] else {
                spans.append(Span(String(rest[...open])))
                rest = rest[rest.index(after: open)...]
                continue
            }
            if open > rest.startIndex { spans.append(Span(String(rest[..<open]))) }
            spans.append(Span(value, .emphasis))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { spans.append(Span(String(rest))) }
        // Neighbouring plain runs (from a '{' that is not a placeholder) join into one.
        return spans.reduce(into: []) { joined, span in
            if let last = joined.last, last.tone == span.tone {
                joined[joined.count - 1].text += span.text
            } else {
                joined.append(span)
            }
        }
    }
}

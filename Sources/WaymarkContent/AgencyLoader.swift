import WaymarkCore

/// Loads and validates `Content/agency.yaml`: the agency's name and numbers and the other places
/// that help, in one file for every language (format: the comment at the top of the shipped file
/// and Content/README.md). Words that differ between languages are written once per language:
///
///     name:
///       en: Local advocates
///       es: Intercesores locales
///
/// or once for all languages (`name: Casa Esperanza`). Numbers are the same in every language.
/// Every problem is reported as `file:line: message`, all at once.
public enum AgencyLoader {
    public static let fileName = "agency.yaml"
    static let agencyKeys = ["name", "phone", "text", "text_word", "tty", "address", "hours", "website", "languages",
                             "resources", "words"]
    static let resourceKeys = ["name", "help", "phone", "text", "text_word", "tty", "address", "hours", "website"]
    static let phoneKeys: Set<String> = ["phone", "text", "tty"]

    public static func file(directory: String) -> String { "\(directory)/\(fileName)" }

    /// The agency in `language`, or a throw with every problem in the file (in any language).
    public static func load(directory: String, language: String) throws(ContentProblems) -> Agency {
        var problems: [ContentProblem] = []
        let agency = load(file: file(directory: directory), language: language, &problems)
        guard let agency, problems.isEmpty else { throw ContentProblems(problems) }
        return agency
    }

    /// nil with no problems when there is no agency.yaml; nil with problems when it is broken.
    static func loadIfPresent(directory: String, language: String, _ problems: inout [ContentProblem]) -> Agency? {
        let path = file(directory: directory)
        guard Files.exists(path) else { return nil }
        return load(file: path, language: language, &problems)
    }

    static func load(file: String, language: String, _ problems: inout [ContentProblem]) -> Agency? {
        // The languages are the folders next to agency.yaml that have a language.yaml.
        let folder = file.utf8.lastIndex(of: 47).map { String(Substring(file.utf8[..<$0])) } ?? "."
        var reader = Reader(file: file, language: language, languages: LanguageLoader.codes(directory: folder))
        defer { problems += reader.decoder.problems }
        // Read without placeholders: agency.yaml is where their values come from.
        guard let root = reader.decoder.read(context: nil),
              let mapping = reader.decoder.mapping(root, else: "expected 'name:', 'phone:', 'resources:' and 'words:'") else {
            return nil
        }
        reader.decoder.unknownKeys(mapping, agencyKeys, in: "agency.yaml")
        let name = reader.words(mapping, "name", required: true, at: root.line)
        let phone = reader.phone(mapping, "phone", required: true, at: root.line)
        let text = reader.phone(mapping, "text", required: false, at: root.line)
        let textWord = reader.words(mapping, "text_word", required: false, at: root.line)
        reader.textWordNeedsText(mapping, text: text)
        let tty = reader.phone(mapping, "tty", required: false, at: root.line)
        let address = reader.words(mapping, "address", required: false, at: root.line)
        let hours = reader.words(mapping, "hours", required: false, at: root.line)
        let website = reader.words(mapping, "website", required: false, at: root.line)
        let languages = reader.words(mapping, "languages", required: false, at: root.line)

        var resources: [LocalResource] = []
        if let node = mapping["resources"] {
            if let list = node.sequence {
                for item in list {
                    if let resource = reader.resource(item) { resources.append(resource) }
                }
            } else if node.string?.isEmpty != true {
                reader.decoder.problem(node.line, "'resources:' needs a list of places (- name: ...), or nothing")
            }
        }

        var words = AgencyWords()
        let wordsNode = mapping["words"]
        if let table = reader.decoder.mapping(wordsNode, else: "needs 'words:' with the labels for each language ("
            + AgencyWords.keys.joined(separator: ", ") + ")", missingAt: root.line), let node = wordsNode {
            reader.decoder.unknownKeys(table, AgencyWords.keys, in: "'words:'")
            var found: [String: String] = [:]
            for key in AgencyWords.keys {
                found[key] = reader.words(table, key, required: true, at: node.line, in: "'words:'")
            }
            words = AgencyWords(call: found["call"] ?? words.call, text: found["text"] ?? words.text,
                                textWord: found["text_word"] ?? words.textWord, tty: found["tty"] ?? words.tty,
                                address: found["address"] ?? words.address, hours: found["hours"] ?? words.hours,
                                website: found["website"] ?? words.website, languages: found["languages"] ?? words.languages)
            for (key, needed) in [("call", ["{number}"]), ("text", ["{number}"]), ("text_word", ["{word}", "{number}"]), ("tty", ["{number}"])] {
                reader.needs(table, key, needed)
            }
        }

        guard reader.decoder.problems.isEmpty, let name, let phone else { return nil }
        return Agency(name: name, phone: phone, text: text, textWord: textWord, tty: tty, address: address, hours: hours,
                      website: website, languages: languages, resources: resources, words: words)
    }

    // MARK: - Phone numbers

    /// Digits, with `.`, `-`, spaces, `(`, `)` and a leading `+` between them; at least 3 digits
    /// (so 911, 711 and short text codes such as 233733 are numbers too).
    public static func isPhoneNumber(_ text: String) -> Bool {
        var digits = 0
        for (index, character) in text.enumerated() {
            switch character {
            case "0"..."9": digits += 1
            case ".", "-", " ", "(", ")": break
            case "+" where index == 0: break
            default: return false
            }
        }
        guard let first = text.first, let last = text.last else { return false }
        return digits >= 3 && (first.isNumber || first == "+" || first == "(") && last.isNumber
    }

    // MARK: - Reading fields

    /// The decoder, and the languages whose words agency.yaml must give.
    struct Reader {
        var decoder: ContentDecoder
        let language: String
        /// Every language of the content (their codes): each needs its own words, or one text for all.
        let languages: [String]

        init(file: String, language: String, languages: [String]) {
            decoder = ContentDecoder(file: file)
            self.language = language
            self.languages = languages
        }

        /// Words: one text for every language, or `en:`, `es:` … with one text each. Every
        /// language is checked whichever is being loaded, so `check-content` finds a missing one.
        mutating func words(_ mapping: YAMLNode.Mapping, _ key: String, required: Bool, at line: Int,
                            in place: String? = nil) -> String? {
            let where_ = place.map { " in \($0)" } ?? ""
            guard let node = mapping[key] else {
                if required { decoder.problem(line, "needs '\(key):'\(where_)") }
                return nil
            }
            if let text = node.string {
                guard ContentDecoder.hasText(text) else {
                    if required { decoder.problem(node.line, "'\(key)'\(where_) needs some text") }
                    return nil
                }
                return oneLine(text)
            }
            guard let perLanguage = decoder.mapping(node, else: "'\(key)'\(where_) needs a text, or one text per language (en: ..., es: ...)") else {
                return nil
            }
            var chosen: String?
            for (languageKey, value) in perLanguage {
                guard let code = languageKey.string, languages.contains(code) else {
                    decoder.problem(languageKey.line, "'\(languageKey.string ?? "?")' is not a language Waymark has (\(languages.joined(separator: ", ")))")
                    continue
                }
                guard let text = decoder.text(value, else: "'\(key)'\(where_) needs some text for '\(code)'") else { continue }
                if code == language { chosen = oneLine(text) }
            }
            let keyLine = mapping.line(of: key) ?? node.line
            for code in languages where perLanguage[code] == nil {
                decoder.problem(keyLine, "'\(key)'\(where_) has no text for '\(code)' (every language needs one, or write one text for all)")
            }
            return chosen
        }

        mutating func phone(_ mapping: YAMLNode.Mapping, _ key: String, required: Bool, at line: Int, in place: String? = nil) -> String? {
            let where_ = place.map { " in \($0)" } ?? ""
            guard let node = mapping[key] else {
                if required { decoder.problem(line, "needs '\(key):'\(where_) (a phone number)") }
                return nil
            }
            guard let text = node.string else {
                decoder.problem(node.line, "'\(key)'\(where_) needs one phone number (the same in every language)")
                return nil
            }
            let number = text.trimmingSpaces()
            guard AgencyLoader.isPhoneNumber(number) else {
                decoder.problem(node.line, "'\(key)'\(where_): '\(number)' is not a phone number (write its digits, with . - ( ) + or spaces between them, e.g. 860.763.4542 or 1-888-373-7888)")
                return nil
            }
            return number
        }

        mutating func textWordNeedsText(_ mapping: YAMLNode.Mapping, text: String?, in place: String? = nil) {
            if let node = mapping["text_word"], mapping["text"] == nil {
                decoder.problem(node.line, "'text_word'\(place.map { " in \($0)" } ?? "") needs 'text:', the number to send it to")
            }
        }

        mutating func needs(_ mapping: YAMLNode.Mapping, _ key: String, _ needed: [String]) {
            guard let node = mapping[key] else { return }
            let texts = node.string.map { [$0] } ?? node.mapping.map { $0.pairs.compactMap(\.value.string) } ?? []
            for text in texts {
                let missing = needed.filter { !text.containsBytes($0) }
                if !missing.isEmpty {
                    decoder.problem(node.line, "'\(key)' in 'words:' needs \(missing.joined(separator: " and ")) (where the number goes)")
                    return
                }
            }
        }

        mutating func resource(_ node: YAMLNode) -> LocalResource? {
            guard let mapping = decoder.mapping(node, else: "a place needs 'name:', 'help:' and 'phone:'") else { return nil }
            decoder.unknownKeys(mapping, AgencyLoader.resourceKeys, in: "a place")
            let name = words(mapping, "name", required: true, at: node.line, in: "this place")
            let place = "'\(name ?? "this place")'"
            let help = words(mapping, "help", required: true, at: node.line, in: place)
            let phone = self.phone(mapping, "phone", required: true, at: node.line, in: place)
            let text = self.phone(mapping, "text", required: false, at: node.line, in: place)
            let textWord = words(mapping, "text_word", required: false, at: node.line, in: place)
            textWordNeedsText(mapping, text: text, in: place)
            let tty = self.phone(mapping, "tty", required: false, at: node.line, in: place)
            let address = words(mapping, "address", required: false, at: node.line, in: place)
            let hours = words(mapping, "hours", required: false, at: node.line, in: place)
            let website = words(mapping, "website", required: false, at: node.line, in: place)
            guard let name, let help else { return nil }
            return LocalResource(name: name, help: help, phone: phone, text: text, textWord: textWord, tty: tty,
                                 address: address, hours: hours, website: website)
        }

        /// A folded or literal block (`|`, `>`) may hold new lines; labels and values are one line.
        func oneLine(_ text: String) -> String {
            if !text.utf8.contains(where: { $0 == 10 || $0 == 13 }) { return text.trimmingSpaces() }
            return text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
                .joined(separator: " ")
        }
    }
}

extension Substring {
    func trimmingSpaces() -> String { String(self).trimmingSpaces() }
}

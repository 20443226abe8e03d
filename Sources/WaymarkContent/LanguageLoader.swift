import WaymarkCore

/// The languages of a content folder: every folder `<code>/` in it that has a `language.yaml`
/// (`name: "Español"`, the language's own name for itself). Nothing else lists them, so a
/// language is added by adding its folder (Content/README.md, docs/DECISIONS.md).
public enum LanguageLoader {
    public static let fileName = "language.yaml"
    static let keys = ["name"]

    /// The languages found in `directory`, the default language (English) first and then the
    /// others by code. A folder whose language.yaml is broken is left out here; `check` and
    /// loading that language report it.
    public static func languages(directory: String) -> [Language] {
        var ignored: [ContentProblem] = []
        return languages(directory: directory, &ignored)
    }

    /// The same, with the problems of every broken language.yaml.
    public static func languages(directory: String, _ problems: inout [ContentProblem]) -> [Language] {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var found: [Language] = []
        for code in codes(directory: base) {
            if let language = load(file: file(directory: base, language: code), code: code, &problems) { found.append(language) }
        }
        return found
    }

    /// The codes of the folders that have a language.yaml (good or not), in the languages' order.
    static func codes(directory base: String) -> [String] {
        let codes = (Files.list(base) ?? []).filter { name in
            !name.hasPrefix(".") && Files.exists("\(base)/\(name)/\(fileName)") && Files.isDirectory("\(base)/\(name)")
        }
        return codes.filter { $0 == Content.defaultLanguage } + codes.filter { $0 != Content.defaultLanguage }
    }

    public static func file(directory: String, language: String) -> String {
        "\(directory)/\(language)/\(fileName)"
    }

    /// One language.yaml: a mapping with `name:` (some text) and nothing else.
    static func load(file: String, code: String, _ problems: inout [ContentProblem]) -> Language? {
        var decoder = ContentDecoder(file: file)
        defer { problems += decoder.problems }
        if !isValidCode(code) {
            decoder.problem(0, "'\(code)' is not a language code: a language's folder is named with a-z and '-' (e.g. es, pt-br)")
        }
        // Read without placeholders: a language's name is its own.
        guard let root = decoder.read(context: nil),
              let mapping = decoder.mapping(root, else: "expected 'name: ' and the language's own name (e.g. name: \"Español\")") else {
            return nil
        }
        decoder.unknownKeys(mapping, keys)
        guard let node = mapping["name"] else {
            decoder.problem(root.line, "missing 'name:' (the language's own name, e.g. name: \"Español\")")
            return nil
        }
        guard let name = decoder.text(node, else: "'name' needs some text (the language's own name)"),
              decoder.problems.isEmpty else { return nil }
        return Language(code: code, name: name.trimmingSpaces())
    }

    static func isValidCode(_ code: String) -> Bool {
        guard let first = code.utf8.first, first >= 97, first <= 122 else { return false }
        return code.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || $0 == 45 } && code.utf8.last != 45
    }

    // MARK: - The language names in strings.yaml

    /// `{language.next}`: the name of the language `L` goes to; `{language.all}`: every
    /// language's name, joined by " / " (for the help line).
    static let placeholders = ["{language.next}", "{language.all}"]

    static func fill(_ text: String, language: String, languages: [Language]) -> String {
        guard text.containsBytes("{language.") else { return text }
        let next = Language.next(after: language, in: languages)?.name ?? ""
        let all = languages.map(\.name).joined(separator: " / ")
        return text.replacing("{language.next}", with: next).replacing("{language.all}", with: all)
    }

    /// The menus with `{language.next}` and `{language.all}` filled in. With more than two
    /// languages, a language item (`language: true`) goes to the next one in turn, so its label
    /// must say which: written out ("Español (Spanish)") it would be wrong in some language.
    static func fill(_ menus: [String: Menu], itemLines: [String: [Int]], file: String, language: String,
                     languages: [Language], _ problems: inout [ContentProblem]) -> [String: Menu] {
        var filled = menus
        for id in menus.keys.sorted() {
            guard var menu = menus[id] else { continue }
            menu.title = fill(menu.title, language: language, languages: languages)
            menu.intro = menu.intro.map { fill($0, language: language, languages: languages) }
            for (index, item) in menu.items.enumerated() {
                if item.target == .language, languages.count > 2, !item.label.containsBytes("{language.next}") {
                    problems.append(ContentProblem(file, itemLines[id]?[index] ?? 1,
                        "item '\(item.label)': with more than two languages this item goes to the next one in turn; write its label with {language.next} (the name of the language it goes to)"))
                }
                menu.items[index].label = fill(item.label, language: language, languages: languages)
            }
            filled[id] = menu
        }
        return filled
    }
}

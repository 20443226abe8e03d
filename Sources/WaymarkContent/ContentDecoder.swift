/// Reads content out of one file's YAML tree, the same way in every loader: whether a node is a
/// mapping or a list, which keys a mapping may have, whether a value has text. Each check that
/// fails adds a problem with the file and the line of the node it is about, and the loader goes
/// on, so that all the problems of a file are found at once.
struct ContentDecoder {
    let file: String
    /// In the order they were found. A loader may add another file's problem here (`sources.yaml`
    /// names the pages that have none), so that the order stays the order of the checks.
    var problems: [ContentProblem] = []

    init(file: String) { self.file = file }

    /// The file's tree, or nil when it cannot be read or is not YAML (the problem is added). With
    /// a context, `{agency.…}` placeholders are filled in; without, text is left as written.
    mutating func read(context: LoadContext?) -> YAMLNode? {
        guard let text = ContentLoader.readText(file, &problems) else { return nil }
        do {
            guard let node = try YAML.parse(text) else {
                problem(1, "the file is empty")
                return nil
            }
            guard let context else { return node }
            return AgencyPlaceholders.substitute(node, file: file, context: context, &problems)
        } catch {
            problem(error.line, "YAML: \(error.message)")
            return nil
        }
    }

    mutating func problem(_ line: Int, _ message: String) {
        problems.append(ContentProblem(file, line, message))
    }

    /// The node's pairs. When it is not a mapping, nil and `message` at its line; when there is
    /// no node, the same at `missingAt` (where it should have been).
    mutating func mapping(_ node: YAMLNode?, else message: String, missingAt line: Int = 1) -> YAMLNode.Mapping? {
        guard let mapping = node?.mapping else {
            problem(node?.line ?? line, message)
            return nil
        }
        return mapping
    }

    /// The node's items when it is a list of at least one; else nil and `message`, as `mapping`.
    mutating func list(_ node: YAMLNode?, else message: String, missingAt line: Int = 1) -> [YAMLNode]? {
        guard let items = node?.sequence, !items.isEmpty else {
            problem(node?.line ?? line, message)
            return nil
        }
        return items
    }

    /// Whether `key` is one of `allowed`; when not, false and "unknown key 'k' in <place> (<hint>)"
    /// at its line, the hint being by default the keys allowed.
    mutating func isKnown(_ key: YAMLNode, _ allowed: [String], in place: String? = nil, hint: String? = nil) -> Bool {
        let name = key.string ?? "?"
        guard !allowed.contains(name) else { return true }
        problem(key.line, "unknown key '\(name)'\(place.map { " in \($0)" } ?? "") (\(hint ?? "expected " + allowed.joined(separator: ", ")))")
        return false
    }

    /// Every key of the mapping that is not in `allowed`, reported as `isKnown` does.
    mutating func unknownKeys(_ mapping: YAMLNode.Mapping, _ allowed: [String], in place: String? = nil, hint: String? = nil) {
        for (key, _) in mapping { _ = isKnown(key, allowed, in: place, hint: hint) }
    }

    /// The node's text when it has more than blanks; else (blank, or a list or mapping) nil and
    /// `message` at its line.
    mutating func text(_ node: YAMLNode, else message: String) -> String? {
        guard let text = node.string, ContentDecoder.hasText(text) else {
            problem(node.line, message)
            return nil
        }
        return text
    }

    /// A table of texts (`words:`, `reasons:`): every one of `keys`, each with some text, and no
    /// other key. `line` is where the section is (or should be).
    mutating func texts(_ node: YAMLNode?, section: String, line: Int, keys: [String]) -> [String: String] {
        guard let mapping = mapping(node, else: "expected '\(section):' with lines of the form 'key: \"text\"'",
                                    missingAt: line) else { return [:] }
        var table: [String: String] = [:]
        for (key, value) in mapping where isKnown(key, keys, in: "'\(section):'", hint: "is it misspelt?") {
            table[key.string!] = text(value, else: "'\(key.string!)' needs some text")
        }
        for key in keys where mapping[key] == nil {
            problem(line, "'\(section):' is missing '\(key)'")
        }
        return table
    }

    /// Something besides spaces, tabs and line breaks. Any visible ASCII byte settles it, so most
    /// texts are not walked Character by Character.
    static func hasText(_ text: String) -> Bool {
        text.utf8.contains { $0 > 32 && $0 < 127 } || !text.allSatisfy(\.isWhitespace)
    }
}

extension YAMLNode.Mapping {
    /// The line `key:` is written on (its value may start on a later one).
    func line(of key: String) -> Int? { pairs.first { $0.key.string == key }?.key.line }
}

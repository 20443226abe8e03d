import WaymarkCore

/// Loads and validates `Content/<lang>/plan.yaml` (format: the comment at the top of the English
/// file) with the content's own YAML reader. Every problem is reported as `file:line: message`,
/// all at once.
public enum PlanLoader {
    public static let fileName = "plan.yaml"
    static let topKeys = ["title", "intro", "sections", "words"]
    static let sectionKeys = ["id", "title", "intro", "items", "fields"]
    static let itemKeys = ["id", "label", "help"]
    static let fieldKeys = ["id", "label", "kind", "help", "placeholder"]
    /// Placeholders a word must contain.
    static let placeholders: [PlanWord: [String]] = [.count: ["{done}", "{total}"], .fieldTooLong: ["{max}"], .evidenceFull: ["{max}"]]

    public static func load(file: String) throws(ContentProblems) -> SafetyPlanTemplate {
        var problems: [ContentProblem] = []
        let template = load(file: file, &problems)
        guard let template, problems.isEmpty else { throw ContentProblems(problems) }
        return template
    }

    static func load(file: String, context: LoadContext? = nil, _ problems: inout [ContentProblem]) -> SafetyPlanTemplate? {
        var decoder = ContentDecoder(file: file)
        defer { problems += decoder.problems }
        guard let root = decoder.read(context: context),
              let mapping = decoder.mapping(root, else: "expected 'title:', 'sections:' and 'words:'") else { return nil }
        decoder.unknownKeys(mapping, topKeys)
        let title = text(mapping["title"], "title", required: true, at: root.line, &decoder) ?? ""
        let intro = text(mapping["intro"], "intro", required: false, at: root.line, &decoder)

        var ids: [String: Int] = [:]  // every item and field id, with its line
        var sections: [PlanSection] = []
        if let list = decoder.list(mapping["sections"], else: "expected 'sections:' with a list of sections (- id: ...)",
                                   missingAt: root.line) {
            var sectionIDs: [String: Int] = [:]
            for node in list {
                if let section = parseSection(node, sectionIDs: &sectionIDs, ids: &ids, &decoder) { sections.append(section) }
            }
        }

        let wordsLine = mapping.line(of: "words") ?? root.line
        let table = decoder.texts(mapping["words"], section: "words", line: wordsLine, keys: PlanWord.allCases.map(\.rawValue))
        for (word, needed) in placeholders.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            guard let value = table[word.rawValue] else { continue }
            let missing = needed.filter { !value.contains($0) }
            if !missing.isEmpty {
                let line = mapping["words"]?.mapping?[word.rawValue]?.line ?? wordsLine
                decoder.problem(line, "'\(word.rawValue)' needs \(missing.joined(separator: " and "))")
            }
        }
        guard decoder.problems.isEmpty else { return nil }
        return SafetyPlanTemplate(title: title, intro: intro, sections: sections, words: PlanWords(table))
    }

    static func parseSection(_ node: YAMLNode, sectionIDs: inout [String: Int], ids: inout [String: Int],
                             _ decoder: inout ContentDecoder) -> PlanSection? {
        guard let mapping = decoder.mapping(node, else: "a section needs 'id:', 'title:' and 'items:' or 'fields:'") else { return nil }
        decoder.unknownKeys(mapping, sectionKeys, in: "a section")
        guard let id = identifier(mapping["id"], what: "section", at: node.line, seen: &sectionIDs, &decoder) else { return nil }
        let title = text(mapping["title"], "title", required: true, at: node.line, &decoder, in: "section '\(id)'")
        let intro = text(mapping["intro"], "intro", required: false, at: node.line, &decoder, in: "section '\(id)'")

        var items: [PlanItem] = []
        if let itemsNode = mapping["items"], let list = decoder.list(itemsNode, else: "'items:' in section '\(id)' needs a list (- id: ...)") {
            for itemNode in list {
                guard let item = entry(itemNode, "item", in: "an item", keys: itemKeys, else: "an item needs 'id:' and 'label:'",
                                       ids: &ids, &decoder) else { continue }
                if let id = item.id, let label = item.label { items.append(PlanItem(id: id, label: label, help: item.help)) }
            }
        }

        var fields: [PlanField] = []
        if let fieldsNode = mapping["fields"], let list = decoder.list(fieldsNode, else: "'fields:' in section '\(id)' needs a list (- id: ...)") {
            for fieldNode in list {
                guard let field = entry(fieldNode, "field", in: "a field", keys: fieldKeys, else: "a field needs 'id:', 'label:' and 'kind:'",
                                        ids: &ids, &decoder) else { continue }
                let placeholder = text(field.mapping["placeholder"], "placeholder", required: false, at: fieldNode.line, &decoder)
                var kind: PlanFieldKind?
                if let kindNode = field.mapping["kind"] {
                    kind = kindNode.string.flatMap(PlanFieldKind.init(rawValue:))
                    if kind == nil {
                        decoder.problem(kindNode.line, "'kind:' is 'line' (one line) or 'lines' (several lines)")
                    }
                } else {
                    decoder.problem(fieldNode.line, "field '\(field.id ?? "?")' needs 'kind: line' or 'kind: lines'")
                }
                if let id = field.id, let label = field.label, let kind {
                    fields.append(PlanField(id: id, label: label, kind: kind, help: field.help, placeholder: placeholder))
                }
            }
        }
        if mapping["items"] == nil && mapping["fields"] == nil {
            decoder.problem(node.line, "section '\(id)' needs 'items:' or 'fields:'")
        }
        guard let title else { return nil }
        return PlanSection(id: id, title: title, intro: intro, items: items, fields: fields)
    }

    // MARK: - Pieces

    /// What an item and a field share: a mapping with only `keys`, an id not used before, a label
    /// and perhaps help. nil when the node is not a mapping.
    static func entry(_ node: YAMLNode, _ what: String, in place: String, keys: [String], else message: String,
                      ids: inout [String: Int], _ decoder: inout ContentDecoder)
        -> (mapping: YAMLNode.Mapping, id: String?, label: String?, help: String?)? {
        guard let mapping = decoder.mapping(node, else: message) else { return nil }
        decoder.unknownKeys(mapping, keys, in: place)
        let id = identifier(mapping["id"], what: what, at: node.line, seen: &ids, &decoder)
        let label = text(mapping["label"], "label", required: true, at: node.line, &decoder, in: "\(what) '\(id ?? "?")'")
        let help = text(mapping["help"], "help", required: false, at: node.line, &decoder)
        return (mapping, id, label, help)
    }

    /// An id: a-z, 0-9 and '-', not used before (`seen` holds the ids so far and their lines).
    static func identifier(_ node: YAMLNode?, what: String, at line: Int, seen: inout [String: Int],
                           _ decoder: inout ContentDecoder) -> String? {
        guard let node else {
            decoder.problem(line, "this \(what) needs an 'id:'")
            return nil
        }
        guard let id = node.string, !id.isEmpty, id.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            decoder.problem(node.line, "a \(what) id may use only a-z, 0-9 and '-'")
            return nil
        }
        if let first = seen[id] {
            decoder.problem(node.line, "the id '\(id)' is used twice (first on line \(first)); every id must be different")
            return nil
        }
        seen[id] = node.line
        return id
    }

    static func text(_ node: YAMLNode?, _ key: String, required: Bool, at line: Int, _ decoder: inout ContentDecoder,
                     in place: String? = nil) -> String? {
        guard let node else {
            if required { decoder.problem(line, "\(place.map { "\($0) " } ?? "")needs '\(key):'") }
            return nil
        }
        return decoder.text(node, else: "'\(key):' needs some text")
    }
}

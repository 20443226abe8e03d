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
        let before = problems.count
        guard let root = ContentLoader.readYAML(file, context: context, &problems) else { return nil }
        guard let mapping = root.mapping else {
            problems.append(ContentProblem(file, root.line, "expected 'title:', 'sections:' and 'words:'"))
            return nil
        }
        for (key, _) in mapping where !topKeys.contains(key.string ?? "") {
            problems.append(ContentProblem(file, key.line, "unknown key '\(key.string ?? "?")' (expected \(topKeys.joined(separator: ", ")))"))
        }
        let title = text(mapping["title"], "title", required: true, at: root.line, file, &problems) ?? ""
        let intro = text(mapping["intro"], "intro", required: false, at: root.line, file, &problems)

        var ids: [String: Int] = [:]  // every item and field id, with its line
        var sections: [PlanSection] = []
        let sectionsNode = mapping["sections"]
        if let list = sectionsNode?.sequence, !list.isEmpty {
            var sectionIDs: [String: Int] = [:]
            for node in list {
                if let section = parseSection(node, sectionIDs: &sectionIDs, ids: &ids, file, &problems) { sections.append(section) }
            }
        } else {
            problems.append(ContentProblem(file, sectionsNode?.line ?? root.line, "expected 'sections:' with a list of sections (- id: ...)"))
        }

        let wordsLine = mapping.pairs.first { $0.key.string == "words" }?.key.line ?? root.line
        let table = ScreenerLoader.texts(mapping["words"], section: "words", line: wordsLine,
                                         keys: PlanWord.allCases.map(\.rawValue), file, &problems)
        for (word, needed) in placeholders.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            guard let value = table[word.rawValue] else { continue }
            let missing = needed.filter { !value.contains($0) }
            if !missing.isEmpty {
                let line = mapping["words"]?.mapping?[word.rawValue]?.line ?? wordsLine
                problems.append(ContentProblem(file, line, "'\(word.rawValue)' needs \(missing.joined(separator: " and "))"))
            }
        }
        guard problems.count == before else { return nil }
        return SafetyPlanTemplate(title: title, intro: intro, sections: sections, words: PlanWords(table))
    }

    static func parseSection(_ node: YAMLNode, sectionIDs: inout [String: Int], ids: inout [String: Int],
                             _ file: String, _ problems: inout [ContentProblem]) -> PlanSection? {
        guard let mapping = node.mapping else {
            problems.append(ContentProblem(file, node.line, "a section needs 'id:', 'title:' and 'items:' or 'fields:'"))
            return nil
        }
        unknownKeys(mapping, allowed: sectionKeys, what: "a section", file, &problems)
        guard let id = identifier(mapping["id"], what: "section", at: node.line, seen: &sectionIDs, file, &problems) else { return nil }
        let title = text(mapping["title"], "title", required: true, at: node.line, file, &problems, in: "section '\(id)'")
        let intro = text(mapping["intro"], "intro", required: false, at: node.line, file, &problems, in: "section '\(id)'")

        var items: [PlanItem] = []
        if let itemsNode = mapping["items"] {
            if let list = itemsNode.sequence, !list.isEmpty {
                for itemNode in list {
                    guard let itemMapping = itemNode.mapping else {
                        problems.append(ContentProblem(file, itemNode.line, "an item needs 'id:' and 'label:'"))
                        continue
                    }
                    unknownKeys(itemMapping, allowed: itemKeys, what: "an item", file, &problems)
                    let itemID = identifier(itemMapping["id"], what: "item", at: itemNode.line, seen: &ids, file, &problems)
                    let label = text(itemMapping["label"], "label", required: true, at: itemNode.line, file, &problems, in: "item '\(itemID ?? "?")'")
                    let help = text(itemMapping["help"], "help", required: false, at: itemNode.line, file, &problems)
                    if let itemID, let label { items.append(PlanItem(id: itemID, label: label, help: help)) }
                }
            } else {
                problems.append(ContentProblem(file, itemsNode.line, "'items:' in section '\(id)' needs a list (- id: ...)"))
            }
        }

        var fields: [PlanField] = []
        if let fieldsNode = mapping["fields"] {
            if let list = fieldsNode.sequence, !list.isEmpty {
                for fieldNode in list {
                    guard let fieldMapping = fieldNode.mapping else {
                        problems.append(ContentProblem(file, fieldNode.line, "a field needs 'id:', 'label:' and 'kind:'"))
                        continue
                    }
                    unknownKeys(fieldMapping, allowed: fieldKeys, what: "a field", file, &problems)
                    let fieldID = identifier(fieldMapping["id"], what: "field", at: fieldNode.line, seen: &ids, file, &problems)
                    let label = text(fieldMapping["label"], "label", required: true, at: fieldNode.line, file, &problems, in: "field '\(fieldID ?? "?")'")
                    let help = text(fieldMapping["help"], "help", required: false, at: fieldNode.line, file, &problems)
                    let placeholder = text(fieldMapping["placeholder"], "placeholder", required: false, at: fieldNode.line, file, &problems)
                    var kind: PlanFieldKind?
                    if let kindNode = fieldMapping["kind"] {
                        kind = kindNode.string.flatMap(PlanFieldKind.init(rawValue:))
                        if kind == nil {
                            problems.append(ContentProblem(file, kindNode.line, "'kind:' is 'line' (one line) or 'lines' (several lines)"))
                        }
                    } else {
                        problems.append(ContentProblem(file, fieldNode.line, "field '\(fieldID ?? "?")' needs 'kind: line' or 'kind: lines'"))
                    }
                    if let fieldID, let label, let kind {
                        fields.append(PlanField(id: fieldID, label: label, kind: kind, help: help, placeholder: placeholder))
                    }
                }
            } else {
                problems.append(ContentProblem(file, fieldsNode.line, "'fields:' in section '\(id)' needs a list (- id: ...)"))
            }
        }
        if mapping["items"] == nil && mapping["fields"] == nil {
            problems.append(ContentProblem(file, node.line, "section '\(id)' needs 'items:' or 'fields:'"))
        }
        guard let title else { return nil }
        return PlanSection(id: id, title: title, intro: intro, items: items, fields: fields)
    }

    // MARK: - Pieces

    static func unknownKeys(_ mapping: YAMLNode.Mapping, allowed: [String], what: String, _ file: String, _ problems: inout [ContentProblem]) {
        for (key, _) in mapping where !allowed.contains(key.string ?? "") {
            problems.append(ContentProblem(file, key.line, "unknown key '\(key.string ?? "?")' in \(what) (expected \(allowed.joined(separator: ", ")))"))
        }
    }

    /// An id: a-z, 0-9 and '-', not used before (`seen` holds the ids so far and their lines).
    static func identifier(_ node: YAMLNode?, what: String, at line: Int, seen: inout [String: Int],
                           _ file: String, _ problems: inout [ContentProblem]) -> String? {
        guard let node else {
            problems.append(ContentProblem(file, line, "this \(what) needs an 'id:'"))
            return nil
        }
        guard let id = node.string, !id.isEmpty, id.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            problems.append(ContentProblem(file, node.line, "a \(what) id may use only a-z, 0-9 and '-'"))
            return nil
        }
        if let first = seen[id] {
            problems.append(ContentProblem(file, node.line, "the id '\(id)' is used twice (first on line \(first)); every id must be different"))
            return nil
        }
        seen[id] = node.line
        return id
    }

    static func text(_ node: YAMLNode?, _ key: String, required: Bool, at line: Int, _ file: String,
                     _ problems: inout [ContentProblem], in place: String? = nil) -> String? {
        guard let node else {
            if required { problems.append(ContentProblem(file, line, "\(place.map { "\($0) " } ?? "")needs '\(key):'")) }
            return nil
        }
        guard let value = node.string, !value.allSatisfy(\.isWhitespace) else {
            problems.append(ContentProblem(file, node.line, "'\(key):' needs some text"))
            return nil
        }
        return value
    }
}

import WaymarkCore

/// Loads and validates `Content/<lang>/screener.yaml` (format: the comment at the top of that
/// file) with the content's own YAML reader. Every problem is reported as `file:line: message`,
/// all at once.
public enum ScreenerLoader {
    public static let fileName = "screener.yaml"
    static let sectionKeys = ["questions", "words", "reasons"]
    static let questionKeys = ["id", "text", "help", "helper_text", "helper_help", "choices", "next"]
    static let resultsTarget = "results"

    /// Questions that must come after another one on every way through the graph, and why.
    static let mustFollow: [(later: QuestionID, earlier: QuestionID, why: String)] = [
        (.atPortOfEntry, .inUS, "it is only asked when the person is not in the US or not sure"),
        (.compliedWithRequests, .lawEnforcementAsked, "it is only asked when law enforcement asked for help"),
        (.couldNotLeave, .forcedLabor, "it asks about the work that question describes"),
        (.abuserStatus, .abuserRelationship, "it asks about the person that question names"),
        (.divorcedWithin2Years, .abuserRelationship, "it is about a former husband or wife"),
        (.hasInformation, .under16OrIncapacitated, "its wording depends on that answer"),
        (.helpfulToLawEnforcement, .under16OrIncapacitated, "its wording depends on that answer"),
    ]

    /// The screener file for a language (every language has its own).
    public static func file(directory: String, language: String) -> String {
        "\(directory)/\(language)/\(fileName)"
    }

    public static func load(file: String) throws(ContentProblems) -> Screener {
        var problems: [ContentProblem] = []
        let screener = load(file: file, &problems)
        guard let screener, problems.isEmpty else { throw ContentProblems(problems) }
        return screener
    }

    static func load(file: String, context: LoadContext? = nil, _ problems: inout [ContentProblem]) -> Screener? {
        var decoder = ContentDecoder(file: file)
        defer { problems += decoder.problems }
        guard let root = decoder.read(context: context),
              let mapping = decoder.mapping(root, else: "expected 'questions:', 'words:' and 'reasons:'") else { return nil }
        decoder.unknownKeys(mapping, sectionKeys)
        let parsed = questions(mapping["questions"], line: mapping.line(of: "questions") ?? root.line, &decoder)
        let words = decoder.texts(mapping["words"], section: "words", line: mapping.line(of: "words") ?? root.line,
                                  keys: ScreenerWord.allCases.map(\.rawValue))
        if let progress = words[ScreenerWord.progress.rawValue], !(progress.contains("{n}") && progress.contains("{total}")) {
            decoder.problem(mapping.line(of: "words") ?? 1, "'progress' needs both {n} and {total}")
        }
        let reasons = decoder.texts(mapping["reasons"], section: "reasons", line: mapping.line(of: "reasons") ?? root.line,
                                    keys: Reason.allCases.map(\.rawValue))
        guard decoder.problems.isEmpty, let parsed else { return nil }
        return Screener(questions: parsed.questions, first: parsed.first, words: words, reasons: reasons)
    }

    // MARK: - Questions and their graph

    /// An answer's way on, with the line it is written on.
    struct Edge {
        var from: QuestionID
        var to: ScreenerNext
        var line: Int
    }

    static func questions(_ node: YAMLNode?, line sectionLine: Int, _ decoder: inout ContentDecoder)
        -> (questions: [QuestionID: ScreenerQuestion], first: QuestionID)? {
        guard let sequence = decoder.list(node, else: "expected 'questions:' with a list of questions (- id: ...)",
                                          missingAt: sectionLine) else { return nil }
        var questions: [QuestionID: ScreenerQuestion] = [:]
        var idLines: [QuestionID: Int] = [:]
        var order: [QuestionID] = []
        var edges: [Edge] = []
        let before = decoder.problems.count
        for item in sequence {
            // A question with a known id counts as present even if something else in it is wrong,
            // so one mistake is reported once, not again as a missing question.
            guard let (id, idLine, parsed, itemEdges) = question(item, &decoder) else { continue }
            if let first = idLines[id] {
                decoder.problem(idLine, "question '\(id.rawValue)' appears twice (first at line \(first))")
                continue
            }
            idLines[id] = idLine
            order.append(id)
            edges += itemEdges
            if let parsed { questions[id] = parsed }
        }
        for id in QuestionID.allCases where idLines[id] == nil {
            decoder.problem(sectionLine, "question '\(id.rawValue)' is missing (every question of the screener must be here once)")
        }
        var reportedEdges: Set<String> = []
        for edge in edges {
            if case .question(let target) = edge.to, idLines[target] == nil,
               reportedEdges.insert("\(edge.line) \(target.rawValue)").inserted {
                decoder.problem(edge.line, "'\(edge.from.rawValue)' leads to '\(target.rawValue)', which is not in this file")
            }
        }
        guard decoder.problems.count == before, let first = order.first else { return nil }
        checkGraph(first: first, edges: edges, idLines: idLines, &decoder)
        guard decoder.problems.count == before else { return nil }
        return (questions, first)
    }

    /// A question's id and its line (nil when there is no known id), the question when it has
    /// no problem, and its ways on.
    static func question(_ node: YAMLNode, _ decoder: inout ContentDecoder) -> (QuestionID, Int, ScreenerQuestion?, [Edge])? {
        guard let mapping = decoder.mapping(node, else: "a question needs 'id:', 'text:' and 'next:'") else { return nil }
        decoder.unknownKeys(mapping, questionKeys)
        guard let idNode = mapping["id"], let name = idNode.string, !name.isEmpty else {
            decoder.problem(node.line, "this question needs an 'id:'")
            return nil
        }
        guard let id = QuestionID(rawValue: name) else {
            decoder.problem(idNode.line, "unknown question id '\(name)'; the ids are: "
                + QuestionID.allCases.map(\.rawValue).joined(separator: ", "))
            return nil
        }
        let before = decoder.problems.count
        func text(_ key: String, required: Bool) -> String? {
            guard let value = mapping[key] else {
                if required { decoder.problem(idNode.line, "question '\(name)' needs '\(key):'") }
                return nil
            }
            return decoder.text(value, else: "'\(key):' of question '\(name)' needs some text")
        }
        let questionText = text("text", required: true)
        let help = text("help", required: false)
        let reworded = QuestionID.reworded.contains(id)
        let helperText = text("helper_text", required: reworded)
        let helperHelp = text("helper_help", required: false)
        if !reworded {
            for key in ["helper_text", "helper_help"] {
                guard let keyLine = mapping.line(of: key) else { continue }
                decoder.problem(keyLine, "only " + QuestionID.reworded.map(\.rawValue).sorted().joined(separator: " and ")
                    + " have a '\(key):' (their wording when someone speaks for the person)")
            }
        }
        let optionIDs = id.options.map(\.id)
        let choices = choiceWords(mapping["choices"], line: mapping.line(of: "choices"), question: id, &decoder)
        var next: [String: ScreenerNext] = [:]
        var edges: [Edge] = []
        if let nextNode = mapping["next"] {
            if nextNode.string != nil {
                if let target = target(nextNode, from: name, &decoder) {
                    for option in optionIDs {
                        next[option] = target
                        edges.append(Edge(from: id, to: target, line: nextNode.line))
                    }
                }
            } else if let branches = nextNode.mapping {
                for (key, value) in branches {
                    guard let option = key.string, optionIDs.contains(option) else {
                        decoder.problem(key.line, "'\(key.string ?? "?")' is not an answer to '\(name)'; 'next:' takes "
                            + optionIDs.joined(separator: ", "))
                        continue
                    }
                    if let target = target(value, from: name, &decoder) {
                        next[option] = target
                        edges.append(Edge(from: id, to: target, line: value.line))
                    }
                }
                let missing = optionIDs.filter { branches[$0] == nil }
                if !missing.isEmpty {
                    decoder.problem(mapping.line(of: "next") ?? nextNode.line, "question '\(name)': 'next:' says nowhere for "
                        + missing.joined(separator: ", ") + " (give every answer, or one target for all)")
                }
            } else {
                decoder.problem(nextNode.line, "question '\(name)': 'next:' needs a question id, 'results', or yes/no/unsure")
            }
        } else {
            decoder.problem(idNode.line, "question '\(name)' needs 'next:' (a question id, or 'results')")
        }
        guard decoder.problems.count == before, let questionText else { return (id, idNode.line, nil, edges) }
        return (id, idNode.line, ScreenerQuestion(id: id, text: questionText, help: help, helperText: helperText,
                                                  helperHelp: helperHelp, choices: choices, next: next), edges)
    }

    /// `choices:` of a question with its own answers: words for each (for "unsure" optional).
    /// A yes/no question takes the shared words and has none.
    static func choiceWords(_ node: YAMLNode?, line keyLine: Int?, question id: QuestionID,
                            _ decoder: inout ContentDecoder) -> [String: String] {
        let optionIDs = id.options.map(\.id)
        guard id.kind != .yesNo else {
            if let keyLine {
                decoder.problem(keyLine, "question '\(id.rawValue)' is answered yes, no or not sure: "
                    + "it takes no 'choices:' (their words are choice.yes, choice.no and choice.unsure under 'words:')")
            }
            return [:]
        }
        let required = optionIDs.filter { $0 != "unsure" }
        guard let mapping = decoder.mapping(node, else: "question '\(id.rawValue)' needs 'choices:' with the words for "
            + required.joined(separator: ", "), missingAt: keyLine ?? 1), let node else { return [:] }
        var words: [String: String] = [:]
        for (key, value) in mapping {
            guard let option = key.string, optionIDs.contains(option) else {
                decoder.problem(key.line, "'\(key.string ?? "?")' is not an answer to '\(id.rawValue)'; its choices are "
                    + optionIDs.joined(separator: ", "))
                continue
            }
            words[option] = decoder.text(value, else: "choice '\(option)' of '\(id.rawValue)' needs some text")
        }
        for option in required where mapping[option] == nil {
            decoder.problem(node.line, "'choices:' of '\(id.rawValue)' is missing '\(option)'")
        }
        return words
    }

    static func target(_ node: YAMLNode, from: String, _ decoder: inout ContentDecoder) -> ScreenerNext? {
        guard let name = node.string else {
            decoder.problem(node.line, "question '\(from)': a way on must be a question id or 'results'")
            return nil
        }
        if name == resultsTarget { return .results }
        guard let id = QuestionID(rawValue: name) else {
            decoder.problem(node.line, "question '\(from)' leads to '\(name)': there is no such question (write a question id or 'results')")
            return nil
        }
        return .question(id)
    }

    /// No loops; every question reachable from the first; the questions that depend on another
    /// one come after it on every way.
    static func checkGraph(first: QuestionID, edges: [Edge], idLines: [QuestionID: Int], _ decoder: inout ContentDecoder) {
        var out: [QuestionID: [Edge]] = [:]
        for edge in edges { out[edge.from, default: []].append(edge) }
        // Loops: a depth-first walk; an edge back to a question on the current way closes one.
        enum Mark { case onWay, done }
        var marks: [QuestionID: Mark] = [:]
        var way: [QuestionID] = []
        var reported: Set<Int> = []
        func visit(_ id: QuestionID) {
            marks[id] = .onWay
            way.append(id)
            var seenTargets: Set<QuestionID> = []
            for edge in out[id] ?? [] {
                guard case .question(let target) = edge.to, seenTargets.insert(target).inserted else { continue }
                switch marks[target] {
                case .onWay:
                    let loop = way[way.lastIndex(of: target)!...].map(\.rawValue) + [target.rawValue]
                    if reported.insert(edge.line).inserted {
                        decoder.problem(edge.line, "a loop: " + loop.joined(separator: " → ")
                            + " (every way must lead on to the results)")
                    }
                case .done: break
                case nil: visit(target)
                }
            }
            way.removeLast()
            marks[id] = .done
        }
        for id in [first] + QuestionID.allCases where marks[id] == nil && idLines[id] != nil { visit(id) }

        let reachable = reach(from: first, out, avoiding: nil)
        for id in QuestionID.allCases where !reachable.contains(id) {
            decoder.problem(idLines[id] ?? 1, "question '\(id.rawValue)' cannot be reached from the first question ('\(first.rawValue)')")
        }
        for rule in mustFollow where reachable.contains(rule.later) {
            if rule.later == first || reach(from: first, out, avoiding: rule.earlier).contains(rule.later) {
                decoder.problem(idLines[rule.later] ?? 1, "'\(rule.later.rawValue)' can be reached without "
                    + "'\(rule.earlier.rawValue)' before it, but it must come after it: \(rule.why)")
            }
        }
    }

    static func reach(from start: QuestionID, _ out: [QuestionID: [Edge]], avoiding: QuestionID?) -> Set<QuestionID> {
        var seen: Set<QuestionID> = []
        var queue = start == avoiding ? [] : [start]
        while let id = queue.popLast() {
            guard seen.insert(id).inserted else { continue }
            for edge in out[id] ?? [] {
                if case .question(let target) = edge.to, target != avoiding { queue.append(target) }
            }
        }
        return seen
    }
}

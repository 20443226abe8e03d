import WaymarkCore

/// Every language must offer the same things: the same pages, the same menus with the same items
/// opening the same things, in the same order. Only the words differ.
enum Parity {
    static func compare(_ a: Content, _ b: Content, directory: String) -> [ContentProblem] {
        var problems: [ContentProblem] = []
        let menuFile = { (c: Content) in "\(directory)/\(c.language)/menu.yaml" }
        let lines = { (c: Content) -> [String] in
            guard case .bytes(let bytes) = Files.read(menuFile(c), limit: ContentLoader.maxFileBytes) else { return [] }
            return String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        let bLines = lines(b)
        /// The line where menu `id` starts in b's menu.yaml (its "  id:" line), else 1.
        func line(ofMenu id: String) -> Int {
            1 + (bLines.firstIndex { $0.trimmingSpaces() == "\(id):" } ?? 0)
        }

        for id in a.pages.keys.sorted() where b.pages[id] == nil {
            problems.append(ContentProblem("\(directory)/\(b.language)/pages/\(id).md", 0,
                                           "missing: \(a.language)/pages/\(id).md has no \(b.language) version"))
        }
        for id in b.pages.keys.sorted() where a.pages[id] == nil {
            problems.append(ContentProblem("\(directory)/\(b.language)/pages/\(id).md", 1,
                                           "extra: there is no \(a.language)/pages/\(id).md"))
        }
        for id in a.menus.keys.sorted() {
            guard let menuB = b.menus[id] else {
                problems.append(ContentProblem(menuFile(b), 1, "missing menu '\(id)' (it is in \(a.language)/menu.yaml)"))
                continue
            }
            let menuA = a.menus[id]!
            if menuA.items.count != menuB.items.count {
                problems.append(ContentProblem(menuFile(b), line(ofMenu: id),
                    "menu '\(id)' has \(menuB.items.count) items; \(a.language)/menu.yaml has \(menuA.items.count)"))
                continue
            }
            for (n, (itemA, itemB)) in zip(menuA.items, menuB.items).enumerated() where itemA.target != itemB.target {
                problems.append(ContentProblem(menuFile(b), line(ofMenu: id),
                    "menu '\(id)', item \(n + 1) ('\(itemB.label)') opens \(describe(itemB.target)); in \(a.language) it opens \(describe(itemA.target))"))
            }
        }
        for id in b.menus.keys.sorted() where a.menus[id] == nil {
            problems.append(ContentProblem(menuFile(b), line(ofMenu: id), "extra menu '\(id)': it is not in \(a.language)/menu.yaml"))
        }
        if let planA = a.plan, let planB = b.plan {
            problems += comparePlans(planA, a.language, planB, b.language, directory: directory)
        }
        if let screenerA = a.screener, let screenerB = b.screener {
            problems += compareScreeners(screenerA, a.language, screenerB, b.language, directory: directory)
        }
        return problems
    }

    /// The same questions, the same first question and the same branches: answers given in one
    /// language must lead to the same place in the other.
    static func compareScreeners(_ a: Screener, _ langA: String, _ b: Screener, _ langB: String,
                                 directory: String) -> [ContentProblem] {
        let file = ScreenerLoader.file(directory: directory, language: langB)
        var lines: [Substring] = []
        if case .bytes(let bytes) = Files.read(file, limit: ContentLoader.maxFileBytes) {
            lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        }
        func line(of id: QuestionID) -> Int {
            1 + (lines.firstIndex { $0.contains("id: \(id.rawValue)") && !$0.contains("id: \(id.rawValue)_") } ?? 0)
        }
        var problems: [ContentProblem] = []
        if a.flow.first != b.flow.first {
            problems.append(ContentProblem(file, line(of: b.flow.first),
                "the first question is '\(b.flow.first.rawValue)'; in \(langA) it is '\(a.flow.first.rawValue)'"))
        }
        for id in QuestionID.allCases {
            for option in id.options {
                let nextA = a.flow.next(after: id, option.value)
                let nextB = b.flow.next(after: id, option.value)
                if nextA != nextB {
                    problems.append(ContentProblem(file, line(of: id),
                        "question '\(id.rawValue)': after '\(option.id)' it goes to \(describe(nextB)); in \(langA) to \(describe(nextA))"))
                }
            }
            let ownA = Set(a.questions[id]?.choices.keys.map { $0 } ?? [])
            let ownB = Set(b.questions[id]?.choices.keys.map { $0 } ?? [])
            for option in ownA.subtracting(ownB).sorted() {
                problems.append(ContentProblem(file, line(of: id),
                    "question '\(id.rawValue)': choice '\(option)' has its own words in \(langA) but not here"))
            }
        }
        return problems
    }

    static func describe(_ next: ScreenerNext) -> String {
        switch next {
        case .question(let id): return "'\(id.rawValue)'"
        case .results: return "the results"
        }
    }

    /// The same sections, items and fields (ids, and each field's kind) in the same order: a plan
    /// saved in one language must open in the other. Reported on b's plan.yaml, at the line of
    /// the first id that differs.
    static func comparePlans(_ a: SafetyPlanTemplate, _ langA: String, _ b: SafetyPlanTemplate, _ langB: String,
                             directory: String) -> [ContentProblem] {
        let file = "\(directory)/\(langB)/\(PlanLoader.fileName)"
        var lines: [String] = []
        if case .bytes(let bytes) = Files.read(file, limit: ContentLoader.maxFileBytes) {
            lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        func line(of id: String) -> Int {
            1 + (lines.firstIndex { $0.trimmingSpaces().hasSuffix("id: \(id)") } ?? 0)
        }
        func list(_ t: SafetyPlanTemplate) -> [String] {
            t.sections.flatMap { section in
                ["section \(section.id)"] + section.items.map { "item \($0.id)" }
                    + section.fields.map { "field \($0.id) (kind: \($0.kind.rawValue))" }
            }
        }
        let listA = list(a)
        let listB = list(b)
        guard listA != listB else { return [] }
        let n = zip(listA, listB).prefix { $0 == $1 }.count
        if n < listB.count {
            let id = String(listB[n].split(separator: " ")[1])
            let expected = n < listA.count ? listA[n] : "nothing more"
            return [ContentProblem(file, line(of: id), "the plan has \(listB[n]) here; \(langA)/\(PlanLoader.fileName) has \(expected) (same ids, same order)")]
        }
        return [ContentProblem(file, max(1, lines.count), "the plan is missing \(listA[n]) and what follows it in \(langA)/\(PlanLoader.fileName)")]
    }

    static func describe(_ target: MenuTarget) -> String {
        switch target {
        case .page(let id): return "page '\(id)'"
        case .menu(let id): return "menu '\(id)'"
        case .screener: return "the screener"
        case .help: return "the help"
        case .language: return "the language switch"
        case .plan: return "the safety plan"
        case .settings: return "the settings"
        }
    }
}

extension String {
    /// Whether `part` occurs in the text, byte for byte (for ASCII markers such as `{number}`,
    /// where Unicode-aware matching would only cost time).
    func containsBytes(_ part: String) -> Bool {
        let bytes = Array(utf8), needle = Array(part.utf8)
        guard let head = needle.first else { return true }
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == head {
            if bytes[start..<start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }

    /// Without spaces at either end. By bytes: walking Characters here cost milliseconds of
    /// start-up (docs/PERFORMANCE.md).
    public func trimmingSpaces() -> String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { $0 != 32 }) else { return "" }
        var end = bytes.endIndex
        while end > first, bytes[bytes.index(before: end)] == 32 { end = bytes.index(before: end) }
        return String(Substring(bytes[first..<end]))
    }
}

import WaymarkCore

/// Loads and validates `Content/<lang>/`. Every problem is reported with `file:line`, and all of
/// them at once, so an editor can fix a whole batch in one go.
public enum ContentLoader {
    /// The languages of a content folder (its `<code>/language.yaml` files).
    public static func languages(directory: String) -> [Language] { LanguageLoader.languages(directory: directory) }
    /// A content file bigger than this is surely a mistake (and would slow the start).
    public static let maxFileBytes = 1_000_000

    /// How much to read: everything, or just what the first screen needs (menus, interface
    /// words, the agency) so that it can be drawn sooner. See docs/DECISIONS.md, entry 16.
    public enum Extent: Sendable {
        case everything
        case firstScreen
    }

    /// Reads a language, or fails with every problem at once (`check-content`, tests, the first screen).
    public static func load(directory: String, language: String, extent: Extent = .everything) throws(ContentProblems) -> Content {
        var reader = LanguageReading(directory: directory, language: language, extent: extent)
        while true {
            switch reader.step() {
            case .reading: continue
            case .done(let content): return content
            case .failed(let problems): throw problems
            }
        }
    }

    /// The same, a file (or stage) per `step()`, so that the caller can read keys between files.
    /// `report` turns the problems into the message of `.failed`.
    public static func reading(directory: String, language: String, extent: Extent = .everything,
                               report: @escaping (ContentProblems) -> String = \.description) -> ContentReading {
        var reader = LanguageReading(directory: directory, language: language, extent: extent)
        return ContentReading {
            switch reader.step() {
            case .reading: return .reading
            case .done(let content): return .done(content)
            case .failed(let problems): return .failed(report(problems))
            }
        }
    }

    /// Checks every language, and that each matches the default one, English (same pages, menus,
    /// items and targets, in the same order). Returns all problems (empty when all is good).
    public static func check(directory: String) -> [ContentProblem] {
        var problems: [ContentProblem] = []
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let codes = LanguageLoader.codes(directory: base)
        if Files.isDirectory(base) {
            for name in Files.list(base) ?? [] where !name.hasPrefix(".") && !codes.contains(name)
                && Files.isDirectory("\(base)/\(name)") && Files.exists("\(base)/\(name)/menu.yaml") {
                problems.append(ContentProblem("\(base)/\(name)/\(LanguageLoader.fileName)", 0,
                    "missing: this folder looks like a language but has no \(LanguageLoader.fileName) (name: and the language's own name), so it is not offered"))
            }
            if codes.isEmpty {
                problems.append(ContentProblem(base, 0, "no languages here: each language is a folder with a \(LanguageLoader.fileName) (e.g. en/\(LanguageLoader.fileName))"))
            }
        }
        var loaded: [Content] = []
        for language in codes.isEmpty ? [Content.defaultLanguage] : codes {
            do { loaded.append(try load(directory: directory, language: language)) } catch { problems += error.problems }
        }
        // Every language against the default one (the first), when the default loaded.
        if loaded.count > 1, let first = loaded.first, first.language == codes.first {
            for other in loaded.dropFirst() {
                problems += Parity.compare(first, other, directory: directory)
            }
        }
        // agency.yaml is shared by the languages: its problems come once per language.
        var seen: Set<String> = []
        return problems.filter { seen.insert($0.description).inserted }
    }

    /// One language's screener alone, with the agency's words filled in (for `waymark screen`).
    public static func loadScreener(directory: String, language: String) throws(ContentProblems) -> Screener {
        var problems: [ContentProblem] = []
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let context = LoadContext.reading(directory: base, language: language, &problems)
        let screener = ScreenerLoader.load(file: ScreenerLoader.file(directory: base, language: language), context: context, &problems)
        guard let screener, problems.isEmpty else { throw ContentProblems(problems) }
        return screener
    }

    /// The language's own screener.yaml (every language has one).
    static func loadScreener(context: LoadContext, _ problems: inout [ContentProblem]) -> Screener? {
        ScreenerLoader.load(file: ScreenerLoader.file(directory: context.directory, language: context.language),
                            context: context, &problems)
    }

    // MARK: - Files

    static func readText(_ file: String, _ problems: inout [ContentProblem]) -> String? {
        let bytes: [UInt8]
        switch Files.read(file, limit: maxFileBytes) {
        case .unreadable:
            problems.append(ContentProblem(file, 0, "cannot read this file (missing, or no permission)"))
            return nil
        case .notAFile:
            problems.append(ContentProblem(file, 0, "this is not a plain file (a pipe, a device or a folder?); content files must be text files"))
            return nil
        case .tooLarge(let size):
            problems.append(ContentProblem(file, 0, "the file is too large (\(size / 1000) kB; the limit is \(maxFileBytes / 1000) kB)"))
            return nil
        case .bytes(let read):
            bytes = read
        }
        if let nul = bytes.firstIndex(of: 0) {
            problems.append(ContentProblem(file, line(at: nul, in: bytes), "a NUL byte: this does not look like a text file"))
            return nil
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidUTF8(bytes)
            problems.append(ContentProblem(file, line(at: bad, in: bytes), "this line is not valid UTF-8 text (save the file as UTF-8)"))
            return nil
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    static func line(at offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes[..<offset].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var low = 0
        var high = bytes.count
        // The longest valid prefix, found by halving; a cut inside a character counts as invalid.
        while low < high {
            let mid = (low + high + 1) / 2
            if String(validating: bytes[..<mid], as: UTF8.self) != nil || isCutCharacter(bytes, mid) { low = mid } else { high = mid - 1 }
        }
        return min(low, max(0, bytes.count - 1))
    }

    private static func isCutCharacter(_ bytes: [UInt8], _ end: Int) -> Bool {
        var start = end
        while start > 0, end - start < 4, bytes[start - 1] & 0xC0 == 0x80 { start -= 1 }
        if start > 0, bytes[start - 1] >= 0xC0 { start -= 1 }
        return String(validating: bytes[..<start], as: UTF8.self) != nil && start != end
    }

    static func listPages(_ folder: String, _ problems: inout [ContentProblem]) -> [String] {
        guard let names = Files.list(folder) else {
            problems.append(ContentProblem(folder, 0, "no pages folder"))
            return []
        }
        var ids: [String] = []
        for name in names where !name.hasPrefix(".") {
            guard name.hasSuffix(".md") else {
                problems.append(ContentProblem("\(folder)/\(name)", 0, "only .md files belong in pages/"))
                continue
            }
            let id = String(name.dropLast(3))
            if isValidID(id) { ids.append(id) } else {
                problems.append(ContentProblem("\(folder)/\(name)", 0, "a page file name may use only a-z, 0-9 and '-' (it is the page's id)"))
            }
        }
        return ids
    }

    static func isValidID(_ id: String) -> Bool {
        // Bytes: every allowed character is ASCII, and any other byte makes the id invalid.
        !id.isEmpty && id.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }

    static func loadStrings(_ file: String, context: LoadContext, _ problems: inout [ContentProblem]) -> Strings {
        var decoder = ContentDecoder(file: file)
        defer { problems += decoder.problems }
        guard let node = decoder.read(context: context),
              let mapping = decoder.mapping(node, else: "expected lines of the form 'key: text'") else { return Strings([:]) }
        var table: [String: String] = [:]
        let known = StringKey.allCases.map(\.rawValue)
        for (key, value) in mapping where decoder.isKnown(key, known, hint: "is it misspelt?") {
            let name = key.string!
            guard let text = decoder.text(value, else: "'\(name)' needs some text") else { continue }
            let filled = LanguageLoader.fill(text, language: context.language, languages: context.languages)
            if filled.containsBytes("{language.") {
                decoder.problem(value.line,
                    "'\(name)': an unknown {language.…} placeholder (there are \(LanguageLoader.placeholders.joined(separator: " and ")))")
            }
            table[name] = filled
        }
        let strings = Strings(table)
        for key in strings.missing() where table[key.rawValue] == nil && mapping[key.rawValue] == nil {
            decoder.problem(node.line, "missing '\(key.rawValue)'")
        }
        return strings
    }

    /// The menus, the line of each menu's id, and the line of each item (by menu id, in order).
    static func loadMenus(_ file: String, context: LoadContext? = nil, _ problems: inout [ContentProblem])
        -> ([String: Menu], [String: Int], [String: [Int]]) {
        var menus: [String: Menu] = [:]
        var lines: [String: Int] = [:]
        var itemLines: [String: [Int]] = [:]
        var decoder = ContentDecoder(file: file)
        defer { problems += decoder.problems }
        guard let root = decoder.read(context: context) else { return (menus, lines, itemLines) }
        guard let mapping = root.mapping?["menus"]?.mapping else {
            decoder.problem(root.line, "expected 'menus:' with one entry per menu")
            return (menus, lines, itemLines)
        }
        for (key, value) in mapping {
            guard let id = key.string, isValidID(id) else {
                decoder.problem(key.line, "a menu id may use only a-z, 0-9 and '-'")
                continue
            }
            lines[id] = key.line
            if let (menu, itemLine) = parseMenu(id: id, value, &decoder) {
                menus[id] = menu
                itemLines[id] = itemLine
            }
        }
        return (menus, lines, itemLines)
    }

    static let menuKeys = ["title", "intro", "items"]
    static let targetKeys = ["page", "menu", "screener", "help", "language", "plan", "settings"]

    static func parseMenu(id: String, _ node: YAMLNode, _ decoder: inout ContentDecoder) -> (Menu, [Int])? {
        guard let mapping = decoder.mapping(node, else: "menu '\(id)' needs 'title:' and 'items:'") else { return nil }
        decoder.unknownKeys(mapping, menuKeys, in: "menu '\(id)'")
        let title = mapping["title"]?.string ?? ""
        if title.isEmpty { decoder.problem(node.line, "menu '\(id)' needs a 'title:'") }
        let itemsNode = mapping["items"]
        guard let sequence = decoder.list(itemsNode, else: "menu '\(id)' needs a list of 'items:'", missingAt: node.line),
              let itemsNode else { return nil }
        if sequence.count > 9 {
            decoder.problem(itemsNode.line, "menu '\(id)' has \(sequence.count) items; at most 9 (the keys 1-9 choose them)")
        }
        var items: [MenuItem] = []
        var itemLines: [Int] = []
        for itemNode in sequence {
            if let item = parseItem(itemNode, menu: id, &decoder) {
                items.append(item)
                itemLines.append(itemNode.line)
            }
        }
        return (Menu(id: id, title: title, intro: mapping["intro"]?.string, items: items), itemLines)
    }

    static func parseItem(_ node: YAMLNode, menu: String, _ decoder: inout ContentDecoder) -> MenuItem? {
        let line = node.line
        guard let mapping = decoder.mapping(node, else: "an item needs 'label:' and one of page, menu, screener, help, language") else {
            return nil
        }
        decoder.unknownKeys(mapping, ["label"] + targetKeys, hint: "expected label, page, menu, screener, help, language, plan or settings")
        guard let label = mapping["label"]?.string, !label.isEmpty else {
            decoder.problem(line, "this item in menu '\(menu)' needs a 'label:'")
            return nil
        }
        let present = targetKeys.filter { mapping[$0] != nil }
        guard present.count == 1, let kind = present.first, let value = mapping[kind] else {
            decoder.problem(line, "item '\(label)' needs exactly one of page, menu, screener, help, language, plan or settings")
            return nil
        }
        switch kind {
        case "page", "menu":
            guard let id = value.string, isValidID(id) else {
                decoder.problem(value.line, "item '\(label)': '\(kind):' needs an id")
                return nil
            }
            return MenuItem(label: label, target: kind == "page" ? .page(id) : .menu(id))
        default:
            guard value.bool == true else {
                decoder.problem(value.line, "item '\(label)': write '\(kind): true'")
                return nil
            }
            switch kind {
            case "screener": return MenuItem(label: label, target: .screener)
            case "help": return MenuItem(label: label, target: .help)
            case "plan": return MenuItem(label: label, target: .plan)
            case "settings": return MenuItem(label: label, target: .settings)
            default: return MenuItem(label: label, target: .language)
            }
        }
    }

    /// Every target exists, the main menu exists, and every menu and page can be reached.
    static func validate(menus: [String: Menu], lines: [String: Int], itemLines: [String: [Int]],
                         pageIDs: Set<String>, file: String,
                         _ problems: inout [ContentProblem]) {
        guard !lines.isEmpty else { return }
        guard menus[Content.mainMenuID] != nil || lines[Content.mainMenuID] != nil else {
            problems.append(ContentProblem(file, 1, "there is no menu called 'main' (the first screen)"))
            return
        }
        var reachedMenus: Set<String> = []
        var reachedPages: Set<String> = []
        var queue = [Content.mainMenuID]
        while let id = queue.popLast() {
            guard !reachedMenus.contains(id), let menu = menus[id] else { continue }
            reachedMenus.insert(id)
            for (index, item) in menu.items.enumerated() {
                let line = itemLines[id]?[index] ?? lines[id] ?? 1
                switch item.target {
                case .menu(let target):
                    if lines[target] == nil {
                        problems.append(ContentProblem(file, line, "item '\(item.label)': there is no menu '\(target)'"))
                    }
                    queue.append(target)
                case .page(let target):
                    if !pageIDs.contains(target) {
                        problems.append(ContentProblem(file, line, "item '\(item.label)': there is no page '\(target)' (pages/\(target).md)"))
                    }
                    reachedPages.insert(target)
                case .screener, .help, .language, .plan, .settings: break
                }
            }
        }
        for (id, line) in lines.sorted(by: { $0.value < $1.value }) where !reachedMenus.contains(id) {
            problems.append(ContentProblem(file, line, "menu '\(id)' cannot be reached from the main menu"))
        }
        for id in pageIDs.sorted() where !reachedPages.contains(id) {
            let folder = file.dropLast("menu.yaml".count)
            problems.append(ContentProblem("\(folder)pages/\(id).md", 1,
                                           "no menu opens this page (add it to menu.yaml)"))
        }
    }
}

import WaymarkCore

/// `Content/sources.yaml`: where every page's and every screener rule's facts come from, and
/// when each source was last checked. Only `waymark check-content` reads it; the program never
/// does, so it costs nothing at start-up (docs/DECISIONS.md, entry 24).
///
/// Problems (check-content fails): a page or rule with no sources, an unknown source name, page
/// or rule, a malformed or future date, and an About line that does not say the month of the
/// last review. Warnings (check-content passes): a source not checked in the last 12 months,
/// and a source no page or rule uses.
public enum SourcesCheck {
    public static let fileName = "sources.yaml"

    /// A calendar day. The caller gives "today": WaymarkContent reads no clock.
    public struct Day: Sendable, Equatable, Comparable, CustomStringConvertible {
        public var year: Int
        public var month: Int
        public var day: Int
        public init(year: Int, month: Int, day: Int) {
            self.year = year
            self.month = month
            self.day = day
        }

        /// `YYYY-MM-DD`, a real day of the Gregorian calendar, or nil.
        public init?(_ text: String) {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                  parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }),
                  let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
                  (1...12).contains(month), day >= 1, day <= Day.days(in: month, of: year) else { return nil }
            self.init(year: year, month: month, day: day)
        }

        static func days(in month: Int, of year: Int) -> Int {
            switch month {
            case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
            case 4, 6, 9, 11: return 30
            default: return 31
            }
        }

        /// The same day a year earlier (28 February for 29 February).
        public var aYearEarlier: Day {
            Day(year: year - 1, month: month, day: min(day, Day.days(in: month, of: year - 1)))
        }

        public static func < (a: Day, b: Day) -> Bool {
            (a.year, a.month, a.day) < (b.year, b.month, b.day)
        }

        public var description: String {
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return "\(year)-\(two(month))-\(two(day))"
        }
    }

    public struct Report: Sendable {
        public var problems: [ContentProblem] = []
        public var warnings: [ContentProblem] = []
        public init() {}
    }

    /// The month names the About line uses, by language ("Information checked: December 2026").
    static let monthNames: [String: [String]] = [
        "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"],
        "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
               "octubre", "noviembre", "diciembre"],
    ]

    /// The menu whose intro says when the information was checked.
    public static let aboutMenuID = "about"

    /// The screener rules that need sources: every option the screener can point to.
    public static var screenerRuleIDs: [String] { ScreenerOption.allCases.map(\.rawValue) }

    public static func check(directory: String, today: Day) -> Report {
        var report = Report()
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let file = "\(base)/\(fileName)"
        guard Files.exists(file) else {
            report.problems.append(ContentProblem(file, 0, "there is no sources file: every page and screener rule needs its sources (see Content/README.md, \"Sources and dates\")"))
            return report
        }
        var decoder = ContentDecoder(file: file)
        let reviewed = check(&decoder, base: base, today: today, &report.warnings)
        report.problems += decoder.problems
        if let reviewed { checkAbout(base: base, reviewed: reviewed, &report) }
        return report
    }

    /// sources.yaml itself; the date of the last review when the file could be read.
    static func check(_ decoder: inout ContentDecoder, base: String, today: Day, _ warnings: inout [ContentProblem]) -> Day? {
        let file = decoder.file
        guard let root = decoder.read(context: nil),
              let mapping = decoder.mapping(root, else: "expected 'checked:', 'sources:', 'pages:' and 'screener:'") else { return nil }
        decoder.unknownKeys(mapping, ["checked", "sources", "pages", "screener"])

        // The date of the last review of everything: the About line says its month.
        var reviewed: Day?
        if let node = mapping["checked"] {
            reviewed = date(node, what: "'checked'", today: today, &decoder)
        } else {
            decoder.problem(root.line, "missing 'checked:', the date of the last review of all the content (YYYY-MM-DD)")
        }
        if let reviewed, reviewed < today.aYearEarlier {
            warnings.append(ContentProblem(file, mapping["checked"]?.line ?? 1, "the content was last reviewed on \(reviewed), more than 12 months ago"))
        }

        // The named sources.
        var sources: [String: (checked: Day?, line: Int)] = [:]
        if let node = mapping["sources"], let table = node.mapping, table.count > 0 {
            for (key, value) in table {
                guard let name = key.string, ContentLoader.isValidID(name) else {
                    decoder.problem(key.line, "a source's name may use only a-z, 0-9 and '-'")
                    continue
                }
                if sources[name] != nil {
                    decoder.problem(key.line, "source '\(name)' is listed twice")
                }
                sources[name] = (source(name, value, today: today, &decoder), key.line)
            }
        } else {
            decoder.problem(mapping["sources"]?.line ?? root.line, "'sources:' needs at least one named source (title, where, checked)")
        }

        var used: Set<String> = []
        func entries(_ key: String, kind: String, expected: [(id: String, file: String)]) {
            var listed: [String: Int] = [:]
            if let node = mapping[key] {
                guard let table = decoder.mapping(node, else: "'\(key):' needs one line per \(kind): id: [source, source]") else { return }
                let known = Set(expected.map(\.id))
                for (idNode, list) in table {
                    guard let id = idNode.string else { continue }
                    listed[id] = idNode.line
                    guard known.contains(id) else {
                        decoder.problem(idNode.line, "there is no \(kind) '\(id)'")
                        continue
                    }
                    let names = list.sequence ?? (list.string.map { $0.isEmpty ? [] : [list] } ?? [])
                    if names.isEmpty {
                        decoder.problem(idNode.line, "\(kind) '\(id)' has no sources")
                    }
                    var stale: [String] = []
                    for nameNode in names {
                        guard let name = nameNode.string else { continue }
                        guard let source = sources[name] else {
                            decoder.problem(nameNode.line, "\(kind) '\(id)': there is no source '\(name)' under 'sources:'")
                            continue
                        }
                        used.insert(name)
                        if let checked = source.checked, checked < today.aYearEarlier { stale.append("'\(name)' (\(checked))") }
                    }
                    if !stale.isEmpty {
                        warnings.append(ContentProblem(file, idNode.line, "\(kind) '\(id)': not checked in the last 12 months: \(stale.joined(separator: ", "))"))
                    }
                }
            }
            for entry in expected where listed[entry.id] == nil {
                // The page's own file, in the order of the checks.
                decoder.problems.append(ContentProblem(entry.file, 1, "\(kind) '\(entry.id)' has no sources (add it under '\(key):' in \(fileName))"))
            }
        }

        var pages: [(id: String, file: String)] = []
        var seenPages: Set<String> = []
        for language in LanguageLoader.codes(directory: base) {
            for name in Files.list("\(base)/\(language)/pages") ?? [] where name.hasSuffix(".md") && !name.hasPrefix(".") {
                let id = String(name.dropLast(3))
                // A file name that is no page id is reported by the loader, once.
                if ContentLoader.isValidID(id), seenPages.insert(id).inserted { pages.append((id, "\(base)/\(language)/pages/\(name)")) }
            }
        }
        entries("pages", kind: "page", expected: pages)
        entries("screener", kind: "screener rule", expected: screenerRuleIDs.map { ($0, file) })

        for (name, source) in sources.sorted(by: { $0.value.line < $1.value.line }) where !used.contains(name) {
            warnings.append(ContentProblem(file, source.line, "source '\(name)' is not used by any page or screener rule"))
        }
        return reviewed
    }

    static func source(_ name: String, _ node: YAMLNode, today: Day, _ decoder: inout ContentDecoder) -> Day? {
        guard let table = decoder.mapping(node, else: "source '\(name)' needs 'title:', 'where:' and 'checked:'") else { return nil }
        decoder.unknownKeys(table, ["title", "where", "checked", "note"], in: "source '\(name)'")
        for key in ["title", "where"] where (table[key]?.string ?? "").isEmpty {
            decoder.problem(table[key]?.line ?? node.line, "source '\(name)' needs '\(key):'")
        }
        guard let checked = table["checked"] else {
            decoder.problem(node.line, "source '\(name)' needs 'checked:', the day it was last checked (YYYY-MM-DD)")
            return nil
        }
        return date(checked, what: "source '\(name)': 'checked'", today: today, &decoder)
    }

    static func date(_ node: YAMLNode, what: String, today: Day, _ decoder: inout ContentDecoder) -> Day? {
        guard let text = node.string, let day = Day(text) else {
            decoder.problem(node.line, "\(what): '\(node.string ?? "")' is not a date (write YYYY-MM-DD, e.g. 2026-12-03)")
            return nil
        }
        if today < day {
            decoder.problem(node.line, "\(what): \(day) is after today (\(today))")
        }
        return day
    }

    /// The About menu's intro, in every language whose month names are known, names the month
    /// and year of the last review.
    static func checkAbout(base: String, reviewed: Day, _ report: inout Report) {
        for language in LanguageLoader.codes(directory: base) {
            guard let months = monthNames[language] else { continue }
            let file = "\(base)/\(language)/menu.yaml"
            var ignored: [ContentProblem] = []
            let (menus, lines, _) = ContentLoader.loadMenus(file, &ignored)
            guard let line = lines[aboutMenuID] else { continue }
            let month = months[reviewed.month - 1]
            let intro = (menus[aboutMenuID]?.intro ?? "").lowercased()
            if !(intro.contains(month.lowercased()) && intro.contains("\(reviewed.year)")) {
                report.problems.append(ContentProblem(file, line, "the '\(aboutMenuID)' menu's intro must say when the information was checked, \"\(month) \(reviewed.year)\" (\(fileName), checked: \(reviewed))"))
            }
        }
    }
}

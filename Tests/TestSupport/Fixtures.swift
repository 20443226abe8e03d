import Foundation
import WaymarkContent
import WaymarkCore
import WaymarkText

public enum Fixtures {
    public static let repoRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/TestSupport/Fixtures.swift
        return parts.joined(separator: "/")
    }()

    public static let shipped: Content = {
        do { return try ContentLoader.load(directory: repoRoot + "/Content", language: "en") } catch {
            fatalError("shipped content does not load: \(error)")
        }
    }()

    public static let spanish: Content = {
        do { return try ContentLoader.load(directory: repoRoot + "/Content", language: "es") } catch {
            fatalError("shipped Spanish content does not load: \(error)")
        }
    }()

    public static func page(_ id: String, paragraphs: Int) -> Page {
        Page(id: id, title: "Long \(id)", blocks: (1...paragraphs).map { n in
            .paragraph([Span("Paragraph \(n) says something long enough to wrap onto more than one line at forty columns.")])
        })
    }

    /// A small content set with a long page and a long menu, independent of the shipped words.
    public static let synthetic: Content = {
        let strings = Strings(Dictionary(uniqueKeysWithValues: StringKey.allCases.map { ($0.rawValue, $0.rawValue) }))
        let items = (1...9).map { MenuItem(label: "Item \($0) with a label", target: .page("long")) }
        return Content(
            language: "en",
            menus: [
                "main": Menu(id: "main", title: "Main", intro: "Intro text.", items: [
                    MenuItem(label: "Long page", target: .page("long")),
                    MenuItem(label: "Big menu", target: .menu("big")),
                    MenuItem(label: "Short page", target: .page("short")),
                    MenuItem(label: "Keys", target: .help),
                ]),
                "big": Menu(id: "big", title: "Big", intro: nil, items: items),
            ],
            pages: ["long": page("long", paragraphs: 30), "short": page("short", paragraphs: 1)],
            strings: strings)
    }()
}

extension Fixtures {
    /// A new empty folder; the caller removes it.
    public static func temporaryFolder() -> String {
        let path = temporaryPath()
        _ = try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A copy of the shipped content in a new temporary folder (the caller removes it), for tests
    /// that break it on purpose.
    public static func copyOfShippedContent() -> String {
        let path = temporaryPath()
        _ = try? FileManager.default.copyItem(atPath: repoRoot + "/Content", toPath: path)
        return path
    }

    /// A copy of the shipped content with a third language, `xx` ("Testish"), added the way an
    /// editor adds one (Content/README.md, "Adding a language"), with no change to the program:
    /// `xx/` is a copy of `en/` with its own language.yaml and a few words changed, agency.yaml
    /// gets an `xx:` text wherever it has an `en:` one, and the menus' language items are
    /// labelled `{language.next}`. The caller removes the folder.
    public static func copyWithThirdLanguage() throws -> String {
        let root = copyOfShippedContent()
        try FileManager.default.copyItem(atPath: root + "/en", toPath: root + "/xx")
        try "name: \"Testish\"\n".write(toFile: root + "/xx/language.yaml", atomically: true, encoding: .utf8)
        for (file, old, new) in thirdLanguageChanges {
            let path = root + "/xx/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard text.contains(old) else { throw FixtureProblem("'\(old)' is not in en/\(file)") }
            try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        }
        // With three languages, the language item says where it goes (the next language's name).
        for (language, label) in [("en", "Español (Spanish)"), ("es", "English (inglés)"), ("xx", "Español (Spanish)")] {
            let path = root + "/\(language)/menu.yaml"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard text.contains("label: \(label)\n") else { throw FixtureProblem("'label: \(label)' is not in \(language)/menu.yaml") }
            try text.replacingOccurrences(of: "label: \(label)\n", with: "label: \"{language.next}\"\n")
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        let agency = root + "/agency.yaml"
        var lines: [String] = []
        for line in try String(contentsOfFile: agency, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(String(line))
            let indent = line.prefix { $0 == " " }
            if line.dropFirst(indent.count).hasPrefix("en: ") {
                lines.append(indent + "xx: " + line.dropFirst(indent.count + 4))
            }
        }
        try lines.joined(separator: "\n").write(toFile: agency, atomically: true, encoding: .utf8)
        return root
    }

    /// What differs in the third language: (file in xx/, English words, Testish words).
    public static let thirdLanguageChanges = [
        ("menu.yaml", "label: Get help now", "label: Get testish help now"),
        ("menu.yaml", "    title: Waymark\n", "    title: Testmark\n"),
        ("strings.yaml", "footer.quit: quit", "footer.quit: testish quit"),
    ]

    public struct FixtureProblem: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    private static func temporaryPath() -> String { "/tmp/waymark-test-\(UInt64.random(in: 0...UInt64.max))" }
}

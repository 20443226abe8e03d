import Foundation
import Testing
import TestSupport
import WaymarkContent
import WaymarkCore

/// A language is a folder `Content/<code>/` with a `language.yaml` giving its own name; the
/// loader finds them, so a third language needs no change to the program (docs/DECISIONS.md).
@Suite struct LanguageRegistryTests {
    @Test func theShippedLanguagesAreFoundEnglishFirst() {
        #expect(ContentLoader.languages(directory: Fixtures.repoRoot + "/Content")
                == [Language(code: "en", name: "English"), Language(code: "es", name: "Español")])
        #expect(Fixtures.shipped.allLanguages.map(\.code) == ["en", "es"])
        #expect(Fixtures.shipped.nextLanguage?.code == "es")
        #expect(Fixtures.spanish.nextLanguage?.code == "en")
    }

    @Test func theWordsShownForLAreTheSameAsBeforeWithTwoLanguages() {
        #expect(Fixtures.shipped.strings[.footerLanguage] == "Español")
        #expect(Fixtures.spanish.strings[.footerLanguage] == "English")
        #expect(Fixtures.shipped.strings[.language] == "switch language: English / Español")
        #expect(Fixtures.spanish.strings[.language] == "cambiar de idioma: English / Español")
        #expect(Fixtures.shipped.strings[.plainPrompt].contains("L: Español."))
        #expect(Fixtures.spanish.strings[.plainPrompt].contains("L: English."))
    }

    @Test func aThirdLanguageFromAFolderIsCheckedAndLoaded() throws {
        let root = try Fixtures.copyWithThirdLanguage()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(ContentLoader.check(directory: root) == [])
        #expect(ContentLoader.languages(directory: root).map(\.code) == ["en", "es", "xx"])

        let xx = try ContentLoader.load(directory: root, language: "xx")
        #expect(xx.language == "xx")
        #expect(xx.menus["main"]?.title == "Testmark")
        #expect(xx.menus["main"]?.items.first?.label == "Get testish help now")
        #expect(xx.strings[.footerQuit] == "testish quit")
        // L goes en → es → xx → en, and says where it goes in that language's own name.
        #expect(xx.nextLanguage?.code == "en")
        #expect(xx.strings[.footerLanguage] == "English")
        let es = try ContentLoader.load(directory: root, language: "es")
        #expect(es.nextLanguage?.code == "xx")
        #expect(es.strings[.footerLanguage] == "Testish")
        #expect(es.strings[.language] == "cambiar de idioma: English / Español / Testish")
        let en = try ContentLoader.load(directory: root, language: "en")
        #expect(en.nextLanguage?.code == "es")
        #expect(en.strings[.footerLanguage] == "Español")
        // The language item names the language it goes to.
        #expect(es.menus["main"]?.items.last { $0.target == .language }?.label == "Testish")
        #expect(xx.menus["main"]?.items.last { $0.target == .language }?.label == "English")
        // The agency's words in the third language are its own.
        #expect(xx.agency?.name == en.agency?.name)
    }

    @Test func theThirdLanguageIsComparedWithEnglish() throws {
        let root = try Fixtures.copyWithThirdLanguage()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let menu = root + "/xx/menu.yaml"
        let text = try String(contentsOfFile: menu, encoding: .utf8)
        #expect(text.contains("language: true"))
        try text.replacingOccurrences(of: "language: true", with: "help: true").write(toFile: menu, atomically: true, encoding: .utf8)
        let found = ContentLoader.check(directory: root).map(\.description)
        #expect(found.count == 1, "\(found)")
        #expect(found.contains { $0.hasPrefix("\(menu):") && $0.hasSuffix("opens the help; in en it opens the language switch") }, "\(found)")
    }

    @Test func withThreeLanguagesTheLanguageItemMustSayWhereItGoes() throws {
        let root = try Fixtures.copyWithThirdLanguage()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/es/menu.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "label: \"{language.next}\"", with: "label: English (inglés)").write(toFile: path, atomically: true, encoding: .utf8)
        let line = 1 + (try String(contentsOfFile: path, encoding: .utf8)).split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("label: English (inglés)") }!
        let found = ContentLoader.check(directory: root).map(\.description)
        #expect(found == ["\(path):\(line): item 'English (inglés)': with more than two languages this item goes to the next one in turn; write its label with {language.next} (the name of the language it goes to)"], "\(found)")
    }

    /// (what language.yaml says, the problem reported, as language.yaml:line: message)
    @Test(arguments: [
        ("", "language.yaml:1: the file is empty"),
        ("# only a comment\n", "language.yaml:1: the file is empty"),
        ("# Spanish\nnombre: Español\n", "language.yaml:2: unknown key 'nombre' (expected name)"),
        ("# Spanish\nnombre: Español\n", "language.yaml:2: missing 'name:' (the language's own name, e.g. name: \"Español\")"),
        ("name: \"\"\n", "language.yaml:1: 'name' needs some text (the language's own name)"),
        ("name: \"\\t\"\n", "language.yaml:1: 'name' needs some text (the language's own name)"),
        ("name: Español\ncode: es\n", "language.yaml:2: unknown key 'code' (expected name)"),
        ("- Español\n", "language.yaml:1: expected 'name: ' and the language's own name (e.g. name: \"Español\")"),
        ("name: [Español\n", "language.yaml:1: YAML: a '[ ]' list must close on the same line"),
    ])
    func aBadLanguageYAMLIsReportedAtItsLine(_ text: String, _ expected: String) throws {
        let root = Fixtures.copyOfShippedContent()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try text.write(toFile: root + "/es/language.yaml", atomically: true, encoding: .utf8)
        let checked = ContentLoader.check(directory: root).map { "\(($0.file as NSString).lastPathComponent):\($0.line): \($0.message)" }
        #expect(checked.contains(expected), "\(checked)")
        // Starting in that language reports it too; English still starts, without it.
        var started: [String] = []
        do { _ = try ContentLoader.load(directory: root, language: "es") } catch {
            started = error.problems.map { "\(($0.file as NSString).lastPathComponent):\($0.line): \($0.message)" }
        }
        #expect(started.contains(expected), "\(started)")
        #expect(ContentLoader.languages(directory: root).map(\.code) == ["en"])
    }

    @Test func aLanguageFolderWithoutLanguageYAMLIsReported() throws {
        let root = Fixtures.copyOfShippedContent()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.removeItem(atPath: root + "/es/language.yaml")
        let found = ContentLoader.check(directory: root).map(\.description)
        #expect(found.contains { $0.hasPrefix("\(root)/es/language.yaml:0: missing: this folder looks like a language") }, "\(found)")
    }

    @Test func anUnknownLanguagePlaceholderInStringsIsReported() throws {
        let root = Fixtures.copyOfShippedContent()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/en/strings.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\"{language.next}\"", with: "\"{language.nxt}\"").write(toFile: path, atomically: true, encoding: .utf8)
        let found = ContentLoader.check(directory: root).map(\.message)
        #expect(found.contains("'footer.language': an unknown {language.…} placeholder (there are {language.next} and {language.all})"), "\(found)")
    }
}

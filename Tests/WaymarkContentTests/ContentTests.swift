import Foundation
import Testing
import TestSupport
import WaymarkContent
import WaymarkCore
import WaymarkText

@Suite struct ShippedContentTests {
    @Test func everyLanguageThatShipsLoadsWithoutProblems() {
        #expect(ContentLoader.check(directory: Fixtures.repoRoot + "/Content") == [])
    }

    @Test func theBriefsTopicsAreAllThere() {
        let pages = Fixtures.shipped.pages
        for id in ["get-help", "rights-at-work", "what-is-trafficking", "how-traffickers-control", "who-it-affects",
                   "warning-signs", "intimate-partner-trafficking", "trafficking-by-family", "t-visa", "u-visa",
                   "other-options", "dont-retaliate", "collect-evidence", "safety-plan", "self-care", "privacy",
                   "leave-no-trace", "not-legal-advice"] {
            #expect(pages[id] != nil, "page \(id)")
        }
    }

    @Test func theNumbersOfTheBriefAreOnTheHelpPage() {
        let text = "\(Fixtures.shipped.pages["get-help"]!.blocks)"
        for number in ["911", "860.763.4542", "1-888-373-7888", "233733", "1-800-799-7233", "88788"] {
            #expect(text.contains(number), "\(number)")
        }
    }
}

/// Each kind of mistake an editor can make, and the file:line it must be reported at.
@Suite struct ContentErrorTests {
    /// Replaces `old` with `new` in a file of a fresh copy of the shipped content; returns the problems.
    func problems(in file: String, replacing old: String, with new: String) throws -> [String] {
        let root = Fixtures.copyOfShippedContent()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/en/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old), "fixture: \(old) not in \(file)")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        return problems(root)
    }

    func problems(_ root: String) -> [String] {
        do {
            _ = try ContentLoader.load(directory: root, language: "en")
            return []
        } catch {
            return error.problems.map { "\(($0.file as NSString).lastPathComponent):\($0.line): \($0.message)" }
        }
    }

    func line(of needle: String, in file: String) throws -> Int {
        let text = try String(contentsOfFile: Fixtures.repoRoot + "/Content/en/" + file, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return 1 + lines.firstIndex { $0.contains(needle) }!
    }

    @Test func aMenuItemPointingAtAMissingPage() throws {
        let line = try line(of: "page: rights-at-work", in: "menu.yaml") - 1
        let found = try problems(in: "menu.yaml", replacing: "page: rights-at-work", with: "page: rights-at-wrok")
        #expect(found.contains("menu.yaml:\(line): item 'Your rights at work': there is no page 'rights-at-wrok' (pages/rights-at-wrok.md)"))
        #expect(found.contains("rights-at-work.md:1: no menu opens this page (add it to menu.yaml)"))
    }

    @Test func aMenuItemPointingAtAMissingMenu() throws {
        let line = try line(of: "menu: dv", in: "menu.yaml") - 1
        let found = try problems(in: "menu.yaml", replacing: "menu: dv", with: "menu: dvv")
        #expect(found.contains { $0.hasPrefix("menu.yaml:\(line): item ") && $0.hasSuffix("there is no menu 'dvv'") }, "\(found)")
    }

    @Test func yamlSyntax() throws {
        let line = try line(of: "title: What trafficking is", in: "menu.yaml")
        let found = try problems(in: "menu.yaml", replacing: "title: What trafficking is", with: "title: [What trafficking is")
        #expect(found == ["menu.yaml:\(line): YAML: a '[ ]' list must close on the same line"])
    }

    @Test func anUnknownKeyInAnItem() throws {
        let line = try line(of: "page: get-help", in: "menu.yaml")
        let found = try problems(in: "menu.yaml", replacing: "page: get-help", with: "pgae: get-help")
        #expect(found.contains("menu.yaml:\(line): unknown key 'pgae' (expected label, page, menu, screener, help, language, plan or settings)"), "\(found)")
    }

    /// Only blanks is no text in every file (strings.yaml once took tabs and line breaks).
    @Test func aStringOfOnlyBlanks() throws {
        let line = try line(of: "footer.help:", in: "strings.yaml")
        let found = try problems(in: "strings.yaml", replacing: "footer.help: help", with: "footer.help: \"\\t\\n\"")
        #expect(found == ["strings.yaml:\(line): 'footer.help' needs some text"], "\(found)")
    }

    @Test func aDuplicateMenuID() throws {
        let first = try line(of: "  trafficking:", in: "menu.yaml")
        let second = try line(of: "  dv:", in: "menu.yaml")
        let found = try problems(in: "menu.yaml", replacing: "\n  dv:\n", with: "\n  trafficking:\n")
        #expect(found == ["menu.yaml:\(second): YAML: the key 'trafficking' appears twice (first on line \(first))"])
    }

    @Test func anEmptyPage() throws {
        let root = Fixtures.copyOfShippedContent()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "".write(toFile: root + "/en/pages/self-care.md", atomically: true, encoding: .utf8)
        #expect(problems(root) == ["self-care.md:1: the page is empty"])
        try "# Title only\n\n".write(toFile: root + "/en/pages/self-care.md", atomically: true, encoding: .utf8)
        #expect(problems(root) == ["self-care.md:1: the page has a title but no text"])
    }

    @Test func aPageWithoutATitleAndUnclosedBold() throws {
        let root = Fixtures.copyOfShippedContent()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "Some text\n\nMore **bold text\n".write(toFile: root + "/en/pages/self-care.md", atomically: true, encoding: .utf8)
        #expect(problems(root) == [
            "self-care.md:1: a page must start with its title, like '# My title'",
            "self-care.md:3: '**' starts bold text that is never closed with another '**'",
        ])
    }

    @Test func aThirdLevelHeading() throws {
        let root = Fixtures.copyOfShippedContent()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "# T\n\ntext\n### small\n".write(toFile: root + "/en/pages/self-care.md", atomically: true, encoding: .utf8)
        #expect(problems(root) == ["self-care.md:4: only '# ' (the title) and '## ' (a heading) are understood"])
    }

    @Test func invalidUTF8IsReportedAtItsLine() throws {
        let root = Fixtures.copyOfShippedContent()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var bytes = Array("# T\n\nfine\nbad \u{00F1} here\n".utf8)
        bytes[bytes.firstIndex(of: 0xC3)!] = 0xFF
        _ = FileManager.default.createFile(atPath: root + "/en/pages/self-care.md", contents: Data(bytes))
        #expect(problems(root) == ["self-care.md:4: this line is not valid UTF-8 text (save the file as UTF-8)"])
    }

    @Test func aBinaryFile() throws {
        let root = Fixtures.copyOfShippedContent()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = FileManager.default.createFile(atPath: root + "/en/pages/self-care.md", contents: Data([0x7F, 0x45, 0x4C, 0x46, 0, 1, 2]))
        #expect(problems(root) == ["self-care.md:1: a NUL byte: this does not look like a text file"])
    }

    @Test func aHugePage() throws {
        let root = Fixtures.copyOfShippedContent()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let big = "# Big\n\n" + String(repeating: "words words words words\n", count: 500_000)
        try big.write(toFile: root + "/en/pages/self-care.md", atomically: true, encoding: .utf8)
        #expect(problems(root) == ["self-care.md:0: the file is too large (12000 kB; the limit is 1000 kB)"])
    }

    @Test func tooManyItems() throws {
        let extra = String(repeating: "      - label: Again\n        page: self-care\n", count: 6)
        let found = try problems(in: "menu.yaml", replacing: "        page: self-care\n", with: "        page: self-care\n" + extra)
        #expect(found.contains { $0.contains("menu 'self-help' has 10 items; at most 9 (the keys 1-9 choose them)") }, "\(found)")
    }

    @Test func noMainMenu() throws {
        let found = try problems(in: "menu.yaml", replacing: "\n  main:\n", with: "\n  start:\n")
        #expect(found.contains("menu.yaml:1: there is no menu called 'main' (the first screen)"), "\(found)")
    }

    @Test func aMissingOrUnknownInterfaceString() throws {
        let line = try line(of: "key.move:", in: "strings.yaml")
        let found = try problems(in: "strings.yaml", replacing: "key.move:", with: "key.moev:")
        #expect(found.contains("strings.yaml:\(line): unknown key 'key.moev' (is it misspelt?)"), "\(found)")
        #expect(found.contains { $0.hasSuffix("missing 'key.move'") }, "\(found)")
    }

    @Test func aMissingFolder() {
        #expect(problems("/nonexistent/waymark") == ["waymark:0: no content folder here (expected a folder with en/ and es/ inside)"])
    }

    @Test func aFileThatIsNotAPageInPages() throws {
        let root = Fixtures.copyOfShippedContent()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "x".write(toFile: root + "/en/pages/notes.txt", atomically: true, encoding: .utf8)
        #expect(problems(root) == ["notes.txt:0: only .md files belong in pages/"])
    }
}

@Suite struct ParityTests {
    func check(_ change: (String) throws -> Void) rethrows -> [String] {
        let root = Fixtures.copyOfShippedContent()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try change(root)
        return ContentLoader.check(directory: root).map {
            $0.description.replacingOccurrences(of: root + "/", with: "")
        }
    }

    @Test func theShippedLanguagesMatch() {
        #expect(ContentLoader.check(directory: Fixtures.repoRoot + "/Content") == [])
    }

    func edit(_ path: String, _ old: String, _ new: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old), "fixture: \(old)")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func aPageMissingInOneLanguage() throws {
        let found = try check { root in
            try FileManager.default.removeItem(atPath: root + "/es/pages/self-care.md")
            let menu = try String(contentsOfFile: root + "/es/menu.yaml", encoding: .utf8)
            let item = menu.range(of: "      - label: Cuídese\n        page: self-care\n")
            try #require(item != nil)
            try menu.replacingCharacters(in: item!, with: "").write(toFile: root + "/es/menu.yaml", atomically: true, encoding: .utf8)
        }
        #expect(found.contains("es/pages/self-care.md:0: missing: en/pages/self-care.md has no es version"), "\(found)")
        #expect(found.contains { $0.hasPrefix("es/menu.yaml:") && $0.hasSuffix("menu 'self-help' has 3 items; en/menu.yaml has 4") }, "\(found)")
    }

    @Test func aPageOnlyInOneLanguage() throws {
        let found = try check { root in
            try "# Extra\n\nText.\n".write(toFile: root + "/es/pages/extra.md", atomically: true, encoding: .utf8)
            try edit(root + "/es/menu.yaml", "        page: self-care\n", "        page: self-care\n      - label: Extra\n        page: extra\n")
        }
        #expect(found.contains("es/pages/extra.md:1: extra: there is no en/pages/extra.md"), "\(found)")
    }

    @Test func aScreenerBranchThatGoesElsewhere() throws {
        let found = try check { root in
            let path = root + "/es/screener.yaml"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let range = try #require(text.range(of: "unsure: at_port_of_entry"))
            try text.replacingCharacters(in: range, with: "unsure: forced_labor").write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(found == ["es/screener.yaml:\(try lineOfInUS()): question 'in_us': after 'unsure' it goes to 'forced_labor'; in en to 'at_port_of_entry'"])
    }

    func lineOfInUS() throws -> Int {
        let text = try String(contentsOfFile: Fixtures.repoRoot + "/Content/es/screener.yaml", encoding: .utf8)
        return 1 + text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("id: in_us") }!
    }

    @Test func aLanguageWithoutItsScreener() throws {
        let found = try check { root in try FileManager.default.removeItem(atPath: root + "/es/screener.yaml") }
        #expect(found.contains { $0.hasPrefix("es/screener.yaml:0:") }, "\(found)")
    }

    @Test func anItemThatOpensSomethingElse() throws {
        let found = try check { root in
            try edit(root + "/es/menu.yaml", "page: t-visa", "page: PLACEHOLDER")
            try edit(root + "/es/menu.yaml", "page: u-visa", "page: t-visa")
            try edit(root + "/es/menu.yaml", "page: PLACEHOLDER", "page: u-visa")
        }
        let line = try String(contentsOfFile: Fixtures.repoRoot + "/Content/es/menu.yaml", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "  immigration:" }! + 1
        #expect(found.contains("es/menu.yaml:\(line): menu 'immigration', item 1 ('Visa T (trata de personas)') opens page 'u-visa'; in en it opens page 't-visa'"), "\(found)")
    }
}

@Suite struct PageParserTests {
    @Test func theFormat() {
        let text = """
        % a comment for editors
        # Title

        First line
        continues here with **bold** words.

        ## Heading
        - one
          more of one
        - two
        > careful
        > still careful
        """
        let (page, problems) = PageParser.parse(text, id: "x", file: "x.md")
        #expect(problems.isEmpty)
        #expect(page?.title == "Title")
        #expect(page?.blocks == [
            .paragraph([Span("First line continues here with "), Span("bold", .emphasis), Span(" words.")]),
            .heading("Heading"),
            .bullet([Span("one more of one")]),
            .bullet([Span("two")]),
            .callout([Span("careful still careful")]),
        ])
    }
}

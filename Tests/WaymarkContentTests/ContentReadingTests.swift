import Foundation
import Testing
import WaymarkText
import TestSupport
import WaymarkContent
import WaymarkCore

/// `ContentLoader.reading`: a language read a file at a time, and `LoadContext`, which carries
/// the agency to every reader in the call.
@Suite struct ContentReadingTests: EditsContentCopies {
    static let shipped = Fixtures.repoRoot + "/Content"

    /// Steps until the end; the number of steps and how it ended.
    func stepThrough(_ reading: ContentReading) -> (steps: Int, last: ContentReadStep) {
        var steps = 1
        while true {
            let step = reading.step()
            if case .reading = step { steps += 1 } else { return (steps, step) }
        }
    }

    @Test func aWholeLanguageIsReadInManyStepsAndMatchesTheSynchronousLoad() throws {
        let pages = try FileManager.default.contentsOfDirectory(atPath: Self.shipped + "/en/pages").filter { $0.hasSuffix(".md") }
        let (steps, last) = stepThrough(ContentLoader.reading(directory: Self.shipped, language: "en"))
        // The start, each page, the menus, the screener, the plan.
        #expect(steps == pages.count + 4, "\(steps) steps for \(pages.count) pages")
        guard case .done(let content) = last else { Issue.record("not done: \(last)"); return }
        let loaded = try ContentLoader.load(directory: Self.shipped, language: "en")
        #expect(content.pages == loaded.pages && content.menus == loaded.menus
                && StringKey.allCases.allSatisfy { content.strings[$0] == loaded.strings[$0] })
        #expect(content.screener != nil && content.plan != nil && content.agency == loaded.agency)
        #expect(content.allLanguages == loaded.allLanguages)
    }

    @Test func theFirstScreenIsTwoStepsAndHasNoPages() {
        let (steps, last) = stepThrough(ContentLoader.reading(directory: Self.shipped, language: "es", extent: .firstScreen))
        #expect(steps == 2)
        guard case .done(let content) = last else { Issue.record("not done: \(last)"); return }
        #expect(content.pages.isEmpty && content.screener == nil && !content.menus.isEmpty)
    }

    @Test func aFinishedReadingGivesTheSameEndAgain() {
        let reading = ContentLoader.reading(directory: Self.shipped, language: "en", extent: .firstScreen)
        _ = stepThrough(reading)
        guard case .done = reading.step() else { Issue.record("a second step after the end is not done"); return }
    }

    @Test func aHostileFolderFailsWithEveryProblemAtItsLine() throws {
        let root = try copy { root in
            try edit(root + "/en/strings.yaml", "footer.help:", "footer.hlp:")
            try "# A\n\n\u{0}\n".write(toFile: root + "/en/pages/get-help.md", atomically: true, encoding: .utf8)
            try "questions: [".write(toFile: root + "/en/screener.yaml", atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (steps, last) = stepThrough(ContentLoader.reading(directory: root, language: "en"))
        #expect(steps > 3, "a broken file does not stop the reading of the others")
        guard case .failed(let message) = last else { Issue.record("not failed: \(last)"); return }
        var thrown: [ContentProblem] = []
        do { _ = try ContentLoader.load(directory: root, language: "en") } catch { thrown = error.problems }
        #expect(message == ContentProblems(thrown).description)
        #expect(message.contains("\(root)/en/strings.yaml:") && message.contains("unknown key 'footer.hlp'"))
        #expect(message.contains("\(root)/en/pages/get-help.md:3: a NUL byte"))
        #expect(message.contains("\(root)/en/screener.yaml:1: YAML:"))
    }

    @Test func theReportOfAFailureIsTheCallersToWord() throws {
        let reading = ContentLoader.reading(directory: "/nonexistent/content", language: "en") { "first: \($0.problems[0].message)" }
        guard case .failed(let message) = reading.step() else { Issue.record("a missing folder is not a failure at once"); return }
        #expect(message == "first: no content folder here (expected a folder with en/ and es/ inside)")
    }

    @Test func aPageIsFilledFromTheContextItIsGiven() throws {
        let agency = Agency(name: "Casa Esperanza", phone: "(860) 555-0100")
        let context = LoadContext(directory: "/c", language: "en", agency: agency, agencyFile: "/c/agency.yaml")
        let (page, problems) = AgencyPlaceholders.parsePage("# {agency.name}\n\nCall {agency.phone}.\n", id: "a", file: "a.md", context: context)
        #expect(problems == [])
        #expect(page == Page(id: "a", title: "Casa Esperanza", blocks: [.paragraph([Span("Call (860) 555-0100.")])]))

        let none = LoadContext(directory: "/c", language: "en", agency: nil, agencyFile: "/c/agency.yaml")
        let (missing, found) = AgencyPlaceholders.parsePage("# A\n\nCall {agency.phone}.\n", id: "a", file: "a.md", context: none)
        #expect(missing == nil)
        #expect(found == [ContentProblem("a.md", 3, "{agency.phone} needs /c/agency.yaml, and there is none")])
        let broken = LoadContext(directory: "/c", language: "en", agency: nil, agencyFile: "/c/agency.yaml", agencyBroken: true)
        #expect(AgencyPlaceholders.parsePage("# A\n\nCall {agency.phone}.\n", id: "a", file: "a.md", context: broken).1 == [],
                "a broken agency.yaml is reported there, not again at each placeholder")
    }

    @Test func twoLanguagesReadSideBySideKeepTheirOwnWords() throws {
        let en = ContentLoader.reading(directory: Self.shipped, language: "en")
        let es = ContentLoader.reading(directory: Self.shipped, language: "es")
        var ends: [String: Content] = [:]
        while ends.count < 2 {
            for (code, reading) in [("en", en), ("es", es)] where ends[code] == nil {
                if case .done(let content) = reading.step() { ends[code] = content }
            }
        }
        #expect(ends["en"].map { $0.strings[.footerHelp] } == Fixtures.shipped.strings[.footerHelp])
        #expect(ends["es"].map { $0.strings[.footerHelp] } == Fixtures.spanish.strings[.footerHelp])
        #expect(ends["es"]?.pages == Fixtures.spanish.pages)
    }
}

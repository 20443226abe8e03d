import Foundation
import Testing
import TestSupport
import WaymarkContent
import WaymarkCore

/// Content/sources.yaml: every page and screener rule has sources, and each source a check date.
@Suite struct SourcesTests: EditsContentCopies {
    static let today = SourcesCheck.Day(year: 2026, month: 12, day: 3)

    func lineNumber(of text: String, in path: String) throws -> Int {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.contains(text) }) + 1
    }

    @Test func theShippedContentHasSourcesForEverything() {
        let report = SourcesCheck.check(directory: Fixtures.repoRoot + "/Content", today: Self.today)
        #expect(report.problems.map(\.description) == [])
        #expect(report.warnings.map(\.description) == [])
    }

    @Test func aPageWithoutSourcesFailsWithItsFile() throws {
        let root = try copy { root in try edit(root + "/sources.yaml", "\n  self-care: [agency-brief, ndvh]", "") }
        defer { try? FileManager.default.removeItem(atPath: root) }
        let report = SourcesCheck.check(directory: root, today: Self.today)
        #expect(report.problems.map(\.description)
                == ["\(root)/en/pages/self-care.md:1: page 'self-care' has no sources (add it under 'pages:' in sources.yaml)"])
    }

    @Test func aPageInOneLanguageOnlyStillNeedsSources() throws {
        let root = try copy { root in
            try "# Solo\n\nTexto.\n".write(toFile: root + "/es/pages/solo.md", atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(atPath: root) }
        let report = SourcesCheck.check(directory: root, today: Self.today)
        #expect(report.problems.map(\.description).contains("\(root)/es/pages/solo.md:1: page 'solo' has no sources (add it under 'pages:' in sources.yaml)"))
    }

    @Test func anEmptyListAnUnknownNameAndAnUnknownPage() throws {
        let root = try copy { root in
            try edit(root + "/sources.yaml", "  self-care: [agency-brief, ndvh]", "  self-care: []\n  no-such-page: [ndvh]")
            try edit(root + "/sources.yaml", "  privacy: [waymark-design]", "  privacy: [waymark-desing]")
        }
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/sources.yaml"
        let report = SourcesCheck.check(directory: root, today: Self.today)
        #expect(report.problems.map(\.description) == [
            "\(file):\(try lineNumber(of: "  self-care: []", in: file)): page 'self-care' has no sources",
            "\(file):\(try lineNumber(of: "  no-such-page:", in: file)): there is no page 'no-such-page'",
            "\(file):\(try lineNumber(of: "  privacy: [waymark-desing]", in: file)): page 'privacy': there is no source 'waymark-desing' under 'sources:'",
        ])
    }

    @Test func aScreenerRuleWithoutSourcesFails() throws {
        let root = try copy { root in try edit(root + "/sources.yaml", "\n  wage-claim: [dol-whd, h2-contract-wages]", "") }
        defer { try? FileManager.default.removeItem(atPath: root) }
        let report = SourcesCheck.check(directory: root, today: Self.today)
        #expect(report.problems.map(\.description)
                == ["\(root)/sources.yaml:1: screener rule 'wage-claim' has no sources (add it under 'screener:' in sources.yaml)"])
    }

    @Test func aMalformedDateFails() throws {
        let root = try copy { root in
            try edit(root + "/sources.yaml", "  bash-manual:\n    title: \"GNU Bash manual: HISTCONTROL (ignorespace, ignoreboth) and history -d\"\n    where: https://www.gnu.org/software/bash/manual/bash.html\n    checked: 2026-12-03",
                     "  bash-manual:\n    title: \"GNU Bash manual: HISTCONTROL (ignorespace, ignoreboth) and history -d\"\n    where: https://www.gnu.org/software/bash/manual/bash.html\n    checked: 2026-02-30")
        }
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/sources.yaml"
        let report = SourcesCheck.check(directory: root, today: Self.today)
        #expect(report.problems.map(\.description)
                == ["\(file):\(try lineNumber(of: "2026-02-30", in: file)): source 'bash-manual': 'checked': '2026-02-30' is not a date (write YYYY-MM-DD, e.g. 2026-12-03)"])
    }

    @Test func anOldDateWarnsButDoesNotFail() throws {
        let root = try copy { root in
            try edit(root + "/sources.yaml", "    where: https://www.gnu.org/software/bash/manual/bash.html\n    checked: 2026-12-03",
                     "    where: https://www.gnu.org/software/bash/manual/bash.html\n    checked: 2025-12-02")
        }
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/sources.yaml"
        let report = SourcesCheck.check(directory: root, today: Self.today)
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.warnings.map(\.description)
                == ["\(file):\(try lineNumber(of: "  leave-no-trace:", in: file)): page 'leave-no-trace': not checked in the last 12 months: 'bash-manual' (2025-12-02)"])
        // Exactly 12 months is still recent enough.
        let recent = SourcesCheck.check(directory: root, today: SourcesCheck.Day(year: 2026, month: 12, day: 2))
        #expect(recent.warnings.isEmpty)
    }

    @Test func theAboutLineMustSayTheMonthOfTheReview() throws {
        let root = try copy { root in try edit(root + "/sources.yaml", "checked: 2026-12-03\n", "checked: 2026-11-20\n") }
        defer { try? FileManager.default.removeItem(atPath: root) }
        let report = SourcesCheck.check(directory: root, today: Self.today)
        #expect(report.problems.count == 2)
        #expect(report.problems.allSatisfy { $0.message.contains("'about' menu's intro") && $0.file.hasSuffix("menu.yaml") })
        #expect(report.problems.first?.message.contains("\"November 2026\"") == true)
    }

    @Test func aFutureDateAndAMissingFile() throws {
        let root = try copy { root in try edit(root + "/sources.yaml", "checked: 2026-12-03\n", "checked: 2027-01-01\n") }
        defer { try? FileManager.default.removeItem(atPath: root) }
        let future = SourcesCheck.check(directory: root, today: Self.today)
        #expect(future.problems.contains { $0.message == "'checked': 2027-01-01 is after today (2026-12-03)" })
        try FileManager.default.removeItem(atPath: root + "/sources.yaml")
        let missing = SourcesCheck.check(directory: root, today: Self.today)
        #expect(missing.problems.count == 1 && missing.problems[0].line == 0)
    }

    @Test func days() {
        #expect(SourcesCheck.Day("2024-02-29") != nil)
        #expect(SourcesCheck.Day("2026-02-29") == nil)
        #expect(SourcesCheck.Day("2026-13-01") == nil)
        #expect(SourcesCheck.Day("2026-1-01") == nil)
        #expect(SourcesCheck.Day("December 2026") == nil)
        #expect(SourcesCheck.Day(year: 2024, month: 2, day: 29).aYearEarlier == SourcesCheck.Day(year: 2023, month: 2, day: 28))
    }
}

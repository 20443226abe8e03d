import Foundation
import Testing
import WaymarkWidgets
import TestSupport
import WaymarkCore
import WaymarkUI
import WaymarkText

/// Whole screens as text, then their tones (one letter per cell, see `Tone.letter`), compared
/// with files in Snapshots/ named after the screen and size.
/// To accept a deliberate change: WAYMARK_RECORD=1 swift test, then review the diff in git.
func assertSnapshot(_ frame: Frame, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(frame.lines.count == frame.size.height, sourceLocation: sourceLocation)
    for line in frame.lines {
        #expect(DisplayWidth.of(line) == frame.size.width, "every row fills the width exactly", sourceLocation: sourceLocation)
    }
    let file = Fixtures.repoRoot + "/Tests/WaymarkUITests/Snapshots/\(name)-\(frame.size).txt"
    let actual = frame.text + "\n\ntones:\n" + frame.toneLines.joined(separator: "\n") + "\n"
    let recorded = FileManager.default.contents(atPath: file).flatMap { String(data: $0, encoding: .utf8) }
    if recorded == nil || ProcessInfo.processInfo.environment["WAYMARK_RECORD"] == "1" {
        _ = FileManager.default.createFile(atPath: file, contents: Data(actual.utf8))
        if recorded == nil { Issue.record("recorded a new snapshot \(file); run again", sourceLocation: sourceLocation) }
        return
    }
    #expect(actual == recorded, "\(name) at \(frame.size) differs from \(file)", sourceLocation: sourceLocation)
}

@Suite struct SnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 40, height: 12), Layout.minimum]

    func state(_ size: Size, _ actions: [Action] = [], content: Content = Fixtures.shipped) -> AppState {
        var s = AppState(content: content, size: size)
        for action in actions { _ = s.update(action) }
        return s
    }

    @Test(arguments: sizes) func mainMenu(_ size: Size) {
        assertSnapshot(render(state(size)), "main-menu")
    }

    @Test(arguments: sizes) func mainMenuWithTheLastItemSelected(_ size: Size) {
        assertSnapshot(render(state(size, [.end])), "main-menu-end")
    }

    @Test(arguments: sizes) func longPageScrolled(_ size: Size) {
        // Immigration options → T visa, two screens down.
        assertSnapshot(render(state(size, [.number(5), .number(1), .pageDown, .pageDown])), "t-visa-scrolled")
    }

    @Test(arguments: sizes) func helpScreen(_ size: Size) {
        assertSnapshot(render(state(size, [.number(2), .help])), "help")
    }

    @Test(arguments: [Size(width: 19, height: 12), Size(width: 40, height: 5), Size(width: 12, height: 4)])
    func tooSmall(_ size: Size) {
        assertSnapshot(render(state(size)), "too-small")
    }

    static let spanishSizes = [Size(width: 80, height: 24), Size(width: 40, height: 12)]

    func spanish(_ size: Size, _ actions: [Action] = []) -> AppState {
        state(size, actions, content: Fixtures.spanish)
    }

    @Test(arguments: spanishSizes) func spanishMainMenu(_ size: Size) {
        assertSnapshot(render(spanish(size)), "es-main-menu")
    }

    @Test(arguments: spanishSizes) func spanishPage(_ size: Size) {
        assertSnapshot(render(spanish(size, [.number(2)])), "es-rights-at-work")
    }

    @Test(arguments: spanishSizes) func spanishSubmenu(_ size: Size) {
        assertSnapshot(render(spanish(size, [.number(5)])), "es-immigration")
    }

    @Test(arguments: spanishSizes) func spanishHelp(_ size: Size) {
        assertSnapshot(render(spanish(size, [.help])), "es-help")
    }

    @Test(arguments: spanishSizes) func spanishTooSmall(_ size: Size) {
        assertSnapshot(render(spanish(Size(width: size.width / 3, height: size.height / 3))), "es-too-small")
    }

    /// Spanish words are long: at 40 columns no word may be cut, and nothing may overflow.
    @Test(arguments: ["en", "es"]) func noWordIsCutAtFortyColumns(_ language: String) {
        let content = language == "es" ? Fixtures.spanish : Fixtures.shipped
        let width = Layout.textWidth(Size(width: 40, height: 12))
        for page in content.pages.values {
            let lines = Pager(page.blocks).lines(width: width)
            let shown = Set(lines.flatMap { $0.spans.map(\.text).joined().split(separator: " ").map(String.init) })
            for block in page.blocks {
                let text: String
                switch block {
                case .heading(let t): text = t
                case .paragraph(let spans), .bullet(let spans), .callout(let spans): text = spans.map(\.text).joined()
                }
                for word in text.split(separator: " ") where DisplayWidth.of(word) <= width - 2 {
                    #expect(shown.contains(String(word)), "'\(word)' on page \(page.id) is cut")
                }
            }
            for line in lines {
                #expect(line.indent + line.spans.reduce(0) { $0 + DisplayWidth.of($1.text) } <= width, "\(page.id)")
            }
        }
        for menu in content.menus.values {
            #expect(DisplayWidth.of(menu.title) <= 38, "menu title '\(menu.title)' fits the title bar")
            for item in menu.items { #expect(DisplayWidth.of(item.label) <= 33, "'\(item.label)' fits on one line") }
        }
        for page in content.pages.values { #expect(DisplayWidth.of(page.title) <= 34, "title '\(page.title)' fits") }
    }

    /// The screener opened from the immigration menu, then `actions`.
    func screener(_ size: Size, _ content: Content, _ actions: [Action]) -> AppState {
        var s = AppState(content: content, size: size)
        let immigration = s.content.menus["main"]!.items.firstIndex { $0.target == .menu("immigration") }! + 1
        let n = s.content.menus["immigration"]!.items.firstIndex { $0.target == .screener }! + 1
        for action in [.number(immigration), .number(n)] + actions { _ = s.update(action) }
        return s
    }

    /// in_us yes; no trafficking; a listed crime in the US, serious harm, information, help; then
    /// the question of who abused the person.
    static let toTheFamilyQuestion: [Action] = [.number(1), .number(1), .number(2), .number(2), .number(2), .number(2), .number(1),
                                                .number(1), .number(1), .number(2), .number(1), .number(1)]

    @Test(arguments: spanishSizes) func screenerIntro(_ size: Size) {
        assertSnapshot(render(screener(size, Fixtures.shipped, [])), "screener-intro")
        assertSnapshot(render(screener(size, Fixtures.spanish, [])), "screener-intro-es")
    }

    @Test(arguments: spanishSizes) func screenerChoiceQuestion(_ size: Size) {
        let s = screener(size, Fixtures.shipped, Self.toTheFamilyQuestion)
        #expect(s.screener?.current == .abuserRelationship)
        assertSnapshot(render(s), "screener-who")
        let es = screener(size, Fixtures.spanish, Self.toTheFamilyQuestion)
        #expect(es.screener?.current == .abuserRelationship)
        assertSnapshot(render(es), "screener-who-es")
    }

    @Test(arguments: spanishSizes) func screenerResults(_ size: Size) {
        // A US-citizen husband who abuses her; then no to everything else asked.
        var s = screener(size, Fixtures.shipped, Self.toTheFamilyQuestion + [.number(1), .number(1)])
        var guardCount = 0
        while s.screen.kind == .screener(.question), guardCount < 20 {
            _ = s.update(.number(2))
            guardCount += 1
        }
        #expect(s.screen == ScreenEntry(.screener(.results), scroll: 0))
        #expect(s.screener?.results().alsoAskAbout.map(\.option) == [.vawaSelfPetition])
        assertSnapshot(render(s), "screener-results")
    }

    /// The safety plan with a few things ticked and written, as a person would have it.
    func plan(_ size: Size, _ actions: [Action]) -> AppState {
        var s = AppState(content: Fixtures.shipped, size: size)
        let n = s.content.menus["main"]!.items.firstIndex { $0.target == .plan }! + 1
        for action in [.number(n), .open, .open, .down, .down, .open, .nextField, .insert("At Ana's, under the stairs — ñ 中文"), .open,
                       .back] + actions {
            _ = s.update(action)
        }
        return s
    }

    @Test(arguments: spanishSizes) func planOverview(_ size: Size) {
        assertSnapshot(render(plan(size, [])), "plan-overview")
    }

    @Test(arguments: spanishSizes) func planChecklistWithABox(_ size: Size) {
        assertSnapshot(render(plan(size, [.open])), "plan-checklist")
    }

    @Test(arguments: spanishSizes) func planTypingInABox(_ size: Size) {
        let s = plan(size, [.open, .nextField, .insert(" and more")])
        let frame = render(s)
        #expect(frame.cursor != nil, "the cursor shows where typing goes")
        assertSnapshot(frame, "plan-typing")
    }

    @Test(arguments: spanishSizes) func planSummary(_ size: Size) {
        var s = plan(size, [])
        let summary = s.form(for: s.screen)!.rows.firstIndex { if case .action(.summary, _, _) = $0 { true } else { false } }!
        for _ in 0..<summary { _ = s.update(.down) }
        _ = s.update(.open)
        #expect(s.screen == ScreenEntry(.plan(.summary), scroll: 0))
        assertSnapshot(render(s), "plan-summary")
    }

    @Test func theFooterAlwaysShowsTheQuickExitAndTheEmergencyNumber() {
        for size in Self.sizes {
            let footer = render(state(size)).lines.last ?? ""
            #expect(footer.contains("Esc"), "\(size)")
            #expect(footer.contains("911"), "\(size)")
        }
    }

    @Test func theSelectionIsMarkedWithoutColour() {
        let frame = render(state(Size(width: 80, height: 24), [.down]))
        let row = frame.lines.firstIndex { $0.contains("2. Your rights at work") }!
        #expect(frame.lines[row].contains("> 2."))
        #expect(frame[10, row].tone == .selected)
        #expect(frame[70, row].tone == .selected, "the whole row is highlighted")
    }

    @Test func aScrolledPageShowsHowFarThrough() {
        let top = render(state(Size(width: 40, height: 12), [.number(5), .number(1)]))
        let end = render(state(Size(width: 40, height: 12), [.number(5), .number(1), .end]))
        #expect(!top.lines[0].contains("100%"))
        #expect(end.lines[0].hasSuffix("100% "))
    }

    @Test func everySizeFromOneByOneRendersAFullGrid() {
        for width in [1, 2, 5, 19, 20, 33, 80, 300] {
            for height in [1, 2, 5, 6, 12, 100] {
                let size = Size(width: width, height: height)
                for s in [state(size), state(size, [.number(5), .number(1), .end])] {
                    let frame = render(s)
                    #expect(frame.cells.count == width * height)
                    #expect(frame.lines.allSatisfy { DisplayWidth.of($0) == width })
                }
            }
        }
    }
}

@Suite struct FrameTests {
    @Test func wideCharactersTakeTwoCellsAndCombiningMarksNone() {
        var frame = Frame(size: Size(width: 8, height: 1))
        let end = frame.put("a中e\u{301}b", x: 0, y: 0, tone: .plain)
        #expect(end == 5)
        #expect(frame[1, 0].character == "中")
        #expect(frame[2, 0].isContinuation)
        #expect(frame[3, 0].character == "e\u{301}")
        #expect(frame[4, 0].character == "b")
        #expect(frame.lines == ["a中éb   "])
    }

    @Test func aWideCharacterNeverStraddlesTheEdge() {
        var frame = Frame(size: Size(width: 4, height: 1))
        frame.put("abc中", x: 0, y: 0, tone: .plain)
        #expect(frame.lines == ["abc "])
        #expect(!frame[3, 0].isContinuation)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var frame = Frame(size: Size(width: 4, height: 1))
        frame.put("中中", x: 0, y: 0, tone: .plain)
        frame.put("x", x: 1, y: 0, tone: .plain)
        #expect(frame.lines == [" x中"])
    }
}

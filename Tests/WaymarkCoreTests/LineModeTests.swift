import Testing
import WaymarkText
import WaymarkWidgets
import TestSupport
import WaymarkCore

/// The plain line mode pages whole screenfuls: each line of a page is printed once, and the
/// last page starts where the one before ended.
@Suite struct LineModeTests {
    @Test(arguments: [Size(width: 40, height: 10), Size(width: 80, height: 24), Size(width: 60, height: 13)])
    func enterAloneTurnsWholePagesAndNoLineComesTwice(_ size: Size) {
        var s = AppState(content: Fixtures.synthetic, size: size, lineMode: true)
        _ = s.update(.number(1))
        let total = s.layout.lines.count
        let height = Layout.bodyHeight(size)
        var tops: [Int] = []
        for _ in 0..<(total / height + 3) {
            tops.append(s.screen.scroll)
            _ = s.update(.pageDown)
        }
        let pages = (total + height - 1) / height
        #expect(Array(Set(tops)).sorted() == (0..<pages).map { $0 * height }, "\(tops), \(total) lines")
    }

    @Test func theFullScreenKeepsALineOfThePageBefore() {
        var s = AppState(content: Fixtures.synthetic, size: Size(width: 40, height: 10))
        _ = s.update(.number(1))
        _ = s.update(.pageDown)
        #expect(s.screen.scroll == Layout.bodyHeight(s.size) - 1)
    }

    @Test func theMainMenuSpeaksOfTypingInTheLineMode() {
        let lines = AppState(content: Fixtures.shipped, size: Size(width: 80, height: 24), lineMode: true)
        let full = AppState(content: Fixtures.shipped, size: Size(width: 80, height: 24))
        let text = { (s: AppState) in s.layout.lines.map { $0.spans.map(\.text).joined() }.joined(separator: " ") }
        #expect(text(lines).contains("Type a number"))
        #expect(!text(full).contains("Type a number"))
    }

    @Test func plainLinesBecomeMessages() {
        let s = AppState(content: Fixtures.shipped, size: Size(width: 80, height: 24), lineMode: true)
        #expect(s.plainMessages(for: " x ").count == 1)
        if case .key(.quickExit) = s.plainMessages(for: "X")[0] {} else { Issue.record("x is the quick exit") }
        if case .key(.pageDown) = s.plainMessages(for: "  ")[0] {} else { Issue.record("Enter alone: more") }
        if case .noSuchChoice(nil) = s.plainMessages(for: "zz")[0] {} else { Issue.record("a word chooses nothing") }
        var chosen = s
        for msg in s.plainMessages(for: "3") { _ = chosen.update(msg) }
        #expect(chosen.title(of: chosen.screen) == "What trafficking is", "a number chooses")
    }

    /// Found by an attack run: 13 on a screen of 12 choices opened the 12th ("Save as a text
    /// file"), and choices past 9 could not be typed at all in the screener's answer list.
    @Test(arguments: ["13", "0", "-2", "100"]) func aNumberThatNamesNoChoiceOpensNothingAndSaysSo(_ number: String) {
        var s = AppState(content: Fixtures.shipped, size: Size(width: 80, height: 24), lineMode: true)
        for msg in s.plainMessages(for: "7") { _ = s.update(msg) }
        let before = s.screen
        #expect(s.layout.items.count == 12)
        for msg in s.plainMessages(for: number) { _ = s.update(msg) }
        #expect(s.screen == before)
        #expect(s.notice == "There is no choice \(Int(number)!) here. Type one of the numbers shown.")
        for msg in s.plainMessages(for: "b") { _ = s.update(msg) }
        #expect(s.notice == nil, "until the next answer")
    }

    /// Found by hand: a word, or any number on a page that has no choices, printed the whole
    /// screen again (page and all) and said nothing, or told a reader to type a number shown
    /// where none is.
    @Test func anAnswerThatChoosesNothingSaysWhatToDoInstead() {
        var s = AppState(content: Fixtures.shipped, size: Size(width: 80, height: 24), lineMode: true)
        let menu = s.screen
        for msg in s.plainMessages(for: "yes") { _ = s.update(msg) }
        #expect(s.screen == menu)
        #expect(s.notice == "Type one of the numbers shown and press Enter. ?: help.")
        for msg in s.plainMessages(for: "2") { _ = s.update(msg) }
        let page = s.screen
        #expect(!s.hasChoices)
        for answer in ["1", "hello"] {
            for msg in s.plainMessages(for: answer) { _ = s.update(msg) }
            #expect(s.screen == page)
            #expect(s.notice == "There is nothing to choose here. Enter alone: read on. b: back.")
        }
    }

    @Test func choicesPastNineAreTypedByTheirNumber() {
        var s = AppState(content: Fixtures.shipped, size: Size(width: 80, height: 24), lineMode: true)
        for line in ["7", "10"] { for msg in s.plainMessages(for: line) { _ = s.update(msg) } }
        #expect(s.screen.kind == .plan(.summary))
    }

    @Test func keysReadTogetherWithEscKeepOnlyTheTextBeforeIt() {
        let menu = AppState(content: Fixtures.shipped, size: Size(width: 80, height: 24))
        #expect(menu.keysBeforeLeaving([.down, .enter, .escape, .char("a")]) == [.escape])
        #expect(menu.keysBeforeLeaving([.down, .enter]) == [.down, .enter])
    }
}

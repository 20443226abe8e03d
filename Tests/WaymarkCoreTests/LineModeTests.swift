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
        if case .key(.number(3)) = s.plainMessages(for: "3")[0] {} else { Issue.record("a number chooses") }
        #expect(s.plainMessages(for: "zz").isEmpty && s.plainMessages(for: "0").isEmpty && s.plainMessages(for: "-2").isEmpty)
    }

    @Test func keysReadTogetherWithEscKeepOnlyTheTextBeforeIt() {
        let menu = AppState(content: Fixtures.shipped, size: Size(width: 80, height: 24))
        #expect(menu.keysBeforeLeaving([.down, .enter, .escape, .char("a")]) == [.escape])
        #expect(menu.keysBeforeLeaving([.down, .enter]) == [.down, .enter])
    }
}

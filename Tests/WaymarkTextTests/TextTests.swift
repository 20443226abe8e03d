import Testing
import TestSupport
import WaymarkText

@Suite struct TextTests {
    /// Issue 15: control characters from files are shown, never obeyed by the terminal.
    @Test func controlCharactersAreMadeVisible() {
        #expect(TerminalText.visible("a\u{1B}[31mb\nc\u{7}\u{9B}2J\u{7F}\t\r") == "a^[[31mb\nc^G^[[2J^?^I^M")
        #expect(TerminalText.visible("\u{1B}]0;title\u{9C}") == "^[]0;title^[\\")
        let clean = "Años, niños, 中文, \u{00A0}é\n"
        #expect(TerminalText.visible(clean) == clean)
    }

    @Test func widths() {
        #expect(DisplayWidth.of("a") == 1)
        #expect(DisplayWidth.of("ñ") == 1)
        #expect(DisplayWidth.of("中") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1, "e with a combining accent is one character, one cell")
        #expect(DisplayWidth.of(Unicode.Scalar(0x301)!) == 0)
        #expect(DisplayWidth.of("中文 ok") == 7)
        #expect(DisplayWidth.of("한글") == 4)
        #expect(DisplayWidth.of("\u{1F600}") == 2)
    }

    func texts(_ lines: [(spans: [Span], offset: Int)]) -> [String] {
        lines.map { $0.spans.map(\.text).joined() }
    }

    @Test func wrapsAtSpacesWithinTheWidth() {
        let lines = Wrap.lines([Span("the quick brown fox jumps over the lazy dog")], width: 10)
        #expect(texts(lines) == ["the quick", "brown fox", "jumps over", "the lazy", "dog"])
        #expect(lines.map(\.offset) == [0, 10, 20, 31, 40])
    }

    @Test func splitsAWordLongerThanTheLine() {
        #expect(texts(Wrap.lines([Span("abcdefghij kl")], width: 4)) == ["abcd", "efgh", "ij", "kl"])
    }

    @Test func wideCharactersWrapByCells() {
        let lines = texts(Wrap.lines([Span("中文中文中 ab")], width: 4))
        #expect(lines == ["中文", "中文", "中", "ab"])
        for line in lines { #expect(DisplayWidth.of(line) <= 4) }
    }

    @Test func boldRunsKeepTheirStyleAndSpacesBetweenThem() {
        let lines = Wrap.lines([Span("Call "), Span("1-888-373-7888", .emphasis), Span(" now")], width: 80)
        #expect(lines.count == 1)
        #expect(lines[0].spans == [Span("Call "), Span("1-888-373-7888", .emphasis), Span(" now")])
    }

    @Test func truncateEndsWithAnEllipsis() {
        #expect(Wrap.truncate("Trafficking and domestic violence", width: 12) == "Trafficking…")
        #expect(Wrap.truncate("short", width: 12) == "short")
        #expect(DisplayWidth.of(Wrap.truncate("中文中文中文", width: 6)) <= 6)
    }
}

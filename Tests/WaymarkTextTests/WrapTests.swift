import Testing
import TestSupport
import WaymarkText

/// What a reader sees of wrapped text, checked on random text: no line is wider than the screen,
/// no word is lost or reordered, and each line's offset points at its first character.
@Suite struct WrapTests {
    static let pieces = ["a", "word", "longerword", "x", " ", "  ", "\n", "\t", "-", "\u{7}", "supercalifragilistic", "1.",
                         "año", "中文", "e\u{301}", "\r\n"]

    func randomSpans(_ random: inout SeededRandom) -> [Span] {
        let tones: [Tone] = [.plain, .emphasis, .heading, .number]
        return (0..<random.below(4) + 1).map { _ in
            let text = (0..<random.below(12)).map { _ in Self.pieces[random.below(Self.pieces.count)] }.joined()
            return Span(text, tones[random.below(tones.count)])
        }
    }

    func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r\n" }).map(String.init)
    }

    @Test func randomTextKeepsEveryWordWithinTheWidth() {
        var random = SeededRandom(seed: 7)
        for round in 0..<3000 {
            let spans = randomSpans(&random)
            let width = random.below(30) + 2
            let lines = Wrap.lines(spans, width: width)
            let source = Array(spans.map(\.text).joined())
            let shown = lines.map { $0.spans.map(\.text).joined() }
            let ok = shown.allSatisfy { DisplayWidth.of($0) <= width }
                && words(shown.joined(separator: " ")).joined() == words(String(source)).joined()
                && zip(lines, shown).allSatisfy { line, text in
                    text.isEmpty || (line.offset < source.count && source[line.offset] == text.first!)
                }
            #expect(ok, "round \(round): \(spans) at width \(width)")
            if !ok { return }
        }
    }

    @Test func aWordWiderThanTheLineIsSplitByCharacters() {
        #expect(Wrap.lines([Span("año nuevo")], width: 4).map(\.offset) == [0, 4, 8])
        #expect(Wrap.lines([Span("中文中文")], width: 3).map { $0.spans.map(\.text).joined() } == ["中", "文", "中", "文"])
    }

    @Test func theSpaceBetweenTwoStyledWordsKeepsTheStyleOnlyInsideOneRun() {
        let lines = Wrap.lines([Span("bold words", .emphasis), Span(" plain")], width: 80)
        #expect(lines.first?.spans == [Span("bold words", .emphasis), Span(" plain")])
    }
}

import Testing
import TestSupport
@testable import WaymarkCore

/// `Wrap.lines` takes a byte path for ASCII text; it must lay out exactly as the Character path.
@Suite struct WrapPathsTests {
    static let pieces = ["a", "word", "longerword", "x", " ", "  ", "\n", "\t", "-", "\u{7}", "supercalifragilistic", "1."]

    func randomSpans(_ random: inout SeededRandom) -> [Span] {
        let tones: [Tone] = [.plain, .emphasis, .heading, .number]
        return (0..<random.below(4) + 1).map { _ in
            let text = (0..<random.below(12)).map { _ in Self.pieces[random.below(Self.pieces.count)] }.joined()
            return Span(text, tones[random.below(tones.count)])
        }
    }

    func same(_ a: [(spans: [Span], offset: Int)], _ b: [(spans: [Span], offset: Int)]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.spans == $1.spans && $0.offset == $1.offset }
    }

    @Test func asciiPathMatchesTheCharacterPath() {
        var random = SeededRandom(seed: 7)
        for round in 0..<3000 {
            let spans = randomSpans(&random)
            let width = random.below(30) + 1
            let fast = Wrap.asciiLines(spans, width: width)
            #expect(fast != nil)
            let slow = Wrap.characterLines(spans, width: width)
            #expect(same(fast ?? [], slow), "round \(round): \(spans) at width \(width)")
            if !same(fast ?? [], slow) { return }
        }
    }

    @Test func textThatIsNotPlainASCIITakesTheCharacterPath() {
        #expect(Wrap.asciiLines([Span("año")], width: 10) == nil)
        #expect(Wrap.asciiLines([Span("a\r\nb")], width: 10) == nil)
        #expect(Wrap.asciiLines([Span("plain"), Span("中")], width: 10) == nil)
        #expect(Wrap.lines([Span("año nuevo")], width: 4).map(\.offset) == [0, 4, 8], "a word wider than the line is split by characters")
    }
}

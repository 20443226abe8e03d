import Testing
import TestSupport
import WaymarkCore
import WaymarkTerminal

@Suite struct KeyDecoderTests {
    func decode(_ bytes: [UInt8], final: Bool = true) -> [Key] {
        var decoder = KeyDecoder()
        return decoder.feed(bytes, final: final)
    }

    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func aLoneEscIsTheEscKeyAtOnce() {
        #expect(decode([0x1B]) == [.escape])
    }

    @Test func anEscThatMayStartASequenceWaitsOnlyWhileMoreIsComing() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B], final: false) == [])
        #expect(decoder.feed(bytes("[A"), final: true) == [.up])
    }

    @Test(arguments: [
        ("\u{1B}[A", Key.up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
        ("\u{1B}OA", .up), ("\u{1B}OB", .down), ("\u{1B}[H", .home), ("\u{1B}[F", .end),
        ("\u{1B}[1~", .home), ("\u{1B}[4~", .end), ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown),
        ("\u{1B}[3~", .delete), ("\u{1B}OP", .function(1)), ("\u{1B}[11~", .function(1)),
        ("\u{1B}[Z", .backTab), ("\u{1B}[1;5A", .up), ("\r", .enter), ("\n", .enter), ("\t", .tab),
        ("\u{7F}", .backspace), ("\u{08}", .backspace), ("\u{03}", .ctrl("c")), ("\u{0C}", .ctrl("l")),
        ("q", .char("q")), ("ñ", .char("ñ")), ("中", .char("中")), ("\u{1F600}", .char("\u{1F600}")),
    ])
    func sequences(_ input: String, _ key: Key) {
        #expect(decode(bytes(input)) == [key])
    }

    @Test func mouseReports() {
        #expect(decode(bytes("\u{1B}[<0;10;5M")) == [.click(x: 10, y: 5)])
        #expect(decode(bytes("\u{1B}[<0;10;5m")) == [], "a release is not a click")
        #expect(decode(bytes("\u{1B}[<64;3;3M\u{1B}[<65;3;3M")) == [.wheelUp, .wheelDown])
        #expect(decode(bytes("\u{1B}[<2;1;1M")) == [], "other buttons do nothing")
    }

    @Test func severalKeysInOneRead() {
        #expect(decode(bytes("j\u{1B}[Bk5")) == [.char("j"), .down, .char("k"), .char("5")])
    }

    @Test func escBeforeAnotherKeyIsStillTheQuickExit() {
        #expect(decode(bytes("\u{1B}x")) == [.escape, .char("x")])
        #expect(decode([0x1B, 0x1B]) == [.escape, .escape])
    }

    @Test func anEscAfterAnUnfinishedSequenceIsNeverSwallowed() {
        for start in ["\u{1B}[1", "\u{1B}[1;", "\u{1B}O", "\u{C3}"] {
            var decoder = KeyDecoder()
            _ = decoder.feed(bytes(start), final: true)
            #expect(decoder.feed([0x1B], final: true) == [.escape], "after \(start.debugDescription)")
        }
    }

    @Test func utf8SplitAcrossReads() {
        var decoder = KeyDecoder()
        let ene = bytes("ñ")
        #expect(decoder.feed([ene[0]], final: false) == [])
        #expect(decoder.feed([ene[1]], final: true) == [.char("ñ")])
    }

    @Test func invalidBytesAreDroppedNotFatal() {
        #expect(decode([0xFF, 0xC3, 0x41, 0x80, 0x62]) == [.char("A"), .char("b")])
    }

    @Test func randomBytesNeverCrashOrGrowWithoutBound() {
        var generator = SeededRandom(seed: 42)
        var decoder = KeyDecoder()
        for _ in 0..<20_000 {
            let count = Int(generator.next() % 16)
            let chunk = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            _ = decoder.feed(chunk, final: generator.next() % 2 == 0)
        }
        #expect(decoder.feed([0x1B], final: true).last == .escape, "still decodes after garbage")
    }

    // MARK: - Bracketed paste

    @Test func aBracketedPasteIsTextEvenWithLineBreaksQAndEsc() {
        let keys = decode(bytes("\u{1B}[200~first line\rq\n\u{1B}[A2\u{1B}[201~"))
        #expect(keys == [.paste("first line\rq\n\u{1B}[A2")])
    }

    @Test func aPasteSplitAcrossReadsAndInsideItsEndMarkerArrivesWhole() {
        var decoder = KeyDecoder()
        var keys: [Key] = []
        let all = bytes("x\u{1B}[200~héllo\nwörld\u{1B}[201~y")
        for byte in all { keys += decoder.feed([byte], final: false) }
        #expect(keys == [.char("x"), .paste("héllo\nwörld"), .char("y")])
    }

    @Test func anEscReadOnItsOwnLeavesEvenIfAPasteNeverEnded() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(bytes("\u{1B}[200~half a paste"), final: true) == [])
        #expect(decoder.feed([0x1B], final: true) == [.paste("half a paste"), .escape])
        #expect(decoder.feed(bytes("q"), final: true) == [.char("q")], "the paste is over")
    }

    @Test func aHugePasteIsCappedAndTheKeysAfterItStillCount() {
        var decoder = KeyDecoder()
        var keys = decoder.feed(bytes("\u{1B}[200~"), final: false)
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 64 * 1024)
        for _ in 0..<40 { keys += decoder.feed(chunk, final: false) }
        keys += decoder.feed(bytes("\u{1B}[201~\u{1B}"), final: true)
        guard case .paste(let text) = keys.first else { Issue.record("no paste: \(keys.prefix(2))"); return }
        #expect(text.utf8.count == KeyDecoder.pasteLimit)
        #expect(keys.dropFirst() == [.escape])
    }
}

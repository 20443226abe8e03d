import Testing
@testable import WaymarkTerminal

/// The plain mode's own line editing, at a terminal: what Backspace keeps must be what the
/// screen shows.
@Suite struct PlainLineEditTests {
    func typed(_ text: String, then bytes: [UInt8]) -> (line: String, echo: String) {
        var line: [UInt8] = []
        var echo: [UInt8] = []
        for byte in Array(text.utf8) + bytes {
            if case .more(let shown) = PlainBackend.edit(&line, byte) { echo += shown }
        }
        return (String(decoding: line, as: UTF8.self), String(decoding: echo, as: UTF8.self))
    }

    @Test func backspaceErasesAWideCharacterWhole() {
        let (line, echo) = typed("X日本", then: [0x7F])
        #expect(line == "X日")
        #expect(echo == "X日本\u{8} \u{8}\u{8} \u{8}", "both of its columns are cleared")
    }

    @Test func backspaceErasesALetterTypedWithItsAccent() {
        let (line, echo) = typed("Xe\u{301}", then: [0x7F])
        #expect(line == "X", "the letter goes with its accent, as on the screen")
        #expect(echo.hasSuffix("\u{8} \u{8}") && !echo.hasSuffix("\u{8} \u{8}\u{8} \u{8}"))
    }

    @Test func ctrlUErasesEveryColumn() {
        let (line, echo) = typed("a日é", then: [0x15])
        #expect(line.isEmpty)
        #expect(echo.components(separatedBy: "\u{8} \u{8}").count - 1 == 4)
    }

    @Test func backspaceOnNothingDoesNothing() {
        let (line, echo) = typed("", then: [0x7F, 0x08])
        #expect(line.isEmpty && echo.isEmpty)
    }
}

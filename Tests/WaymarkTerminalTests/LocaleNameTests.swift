import Testing
import WaymarkText
@testable import WaymarkTerminal

/// The terminal draws UTF-8 only when the locale says so; else it falls back to ASCII.
@Suite struct LocaleNameTests {
    @Test(arguments: ["UTF-8", "utf8", "es_US.UTF-8", "en_GB.utf8", "C.UTF-8", "de_DE.Utf-8@euro"])
    func namesOfUTF8AreRecognised(_ name: String) {
        #expect(Terminal.isUTF8(name))
    }

    @Test(arguments: ["", "C", "POSIX", "ANSI_X3.4-1968", "en_US.ISO-8859-1", "utf", "UTF-16", "tf8", "ru_RU.KOI8-R"])
    func otherNamesAreNot(_ name: String) {
        #expect(!Terminal.isUTF8(name))
    }

    /// Where only ASCII can be drawn, letters lose their accents but are never dropped.
    @Test func asciiKeepsEveryLetter() {
        let shown = "Años, niños: ¿Qué pasó? ¡Sí! Über, çà".map { Terminal.ascii($0) }.joined()
        #expect(shown == "Anos, ninos: ?Que paso? !Si! Uber, ca")
        #expect(Terminal.ascii("中") == "?")
        #expect(Terminal.ascii("e\u{301}") == "e")
    }

    /// A text box whose text goes on past its edge says so in ASCII too (it showed "?" before
    /// the glyph table).
    @Test func everyDrawingMarkHasAnASCIIForm() {
        for mark in Mark.allCases {
            let shown = mark.unicode.map { Terminal.ascii($0) }.joined()
            #expect(shown == mark.text(.ascii), "\(mark)")
            #expect(!shown.contains("?"), "\(mark) is drawn as \(shown)")
        }
    }
}

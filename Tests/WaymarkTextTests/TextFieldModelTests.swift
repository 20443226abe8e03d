import Testing
import WaymarkText

@Suite struct TextFieldModelTests {
    func typed(_ text: String, multiLine: Bool = false, max: Int = 10_000) -> TextFieldModel {
        var field = TextFieldModel(multiLine: multiLine, maxLength: max)
        for c in text { field.insert(c) }
        return field
    }

    @Test func typingMovingAndDeleting() {
        var field = typed("hello")
        #expect(field.text == "hello" && field.cursor == 5)
        field.left(); field.left()
        field.insert("X")
        #expect(field.text == "helXlo" && field.cursor == 4)
        field.backspace()
        #expect(field.text == "hello" && field.cursor == 3)
        field.delete()
        #expect(field.text == "helo")
        field.home()
        #expect(field.cursor == 0 && field.backspace() == .unchanged && field.left() == .unchanged)
        field.end()
        #expect(field.cursor == 4 && field.delete() == .unchanged && field.right() == .unchanged)
    }

    @Test func accentsAndWideCharactersAreOneCharacterEach() {
        var field = typed("ñé中")
        #expect(field.count == 3 && field.cursorColumn == 4)
        field.backspace()
        #expect(field.text == "ñé" && field.cursorColumn == 2)
        field.left()
        field.insert("中")
        #expect(field.text == "ñ中é" && field.cursorColumn == 3)
    }

    @Test func aCombiningMarkJoinsThePreviousCharacter() {
        var field = typed("cafe")
        field.insert("\u{301}")  // combining acute accent
        #expect(field.count == 4 && field.cursor == 4)
        #expect(field.text == "cafe\u{301}")
        #expect(field.cursorColumn == 4)
        field.backspace()  // removes "é" whole
        #expect(field.text == "caf")
        // A mark typed first, then a letter before it: they join.
        var other = typed("\u{301}")
        other.home()
        other.insert("e")
        #expect(other.count == 1 && other.cursor == 1 && DisplayWidth.of(other.text) == 1)
        // An emoji sequence built key by key stays one character.
        let family = typed("👩\u{200D}💻")
        #expect(family.count == 1)
    }

    @Test func controlCharactersAndPastedNewLines() {
        var single = typed("a")
        #expect(single.insert("\u{1B}") == .unchanged)
        #expect(single.insert("\u{7}") == .unchanged)
        single.insert("line one\nline two\tend")
        #expect(single.text == "aline one line two end")
        #expect(single.newline() == .unchanged)
        var multi = typed("a", multiLine: true)
        multi.insert("b\r\nc\rd")
        #expect(multi.text == "ab\nc\nd")
        multi.newline()
        #expect(multi.text == "ab\nc\nd\n")
    }

    @Test func upAndDownKeepTheDisplayColumn() {
        var field = typed("中文abc\nxy\nabcdef", multiLine: true)
        #expect(field.cursorLine == 2 && field.cursorColumn == 6)
        field.up()
        #expect(field.cursorLine == 1 && field.cursorColumn == 2)   // the line is shorter
        field.up()
        #expect(field.cursorLine == 0 && field.cursorColumn == 6)   // back to the goal column
        #expect(field.up() == .unchanged)
        field.home(); field.right()                                    // after 中 (column 2)
        field.down()
        #expect(field.cursorLine == 1 && field.cursorColumn == 2)
        field.up(); field.right(); field.right()                          // column 5, inside nothing wide
        #expect(field.cursorColumn == 5)
        field.left()                                                       // column 4, after 文
        field.home(); field.end()
        #expect(field.cursorColumn == 7)
        // Moving down from column 3 in a line of wide characters lands before the one it would split.
        var wide = typed("abc\n中文字", multiLine: true)
        wide.up(); wide.home(); wide.right(); wide.right(); wide.right()
        wide.down()
        #expect(wide.cursorColumn == 2)
        #expect(wide.down() == .unchanged)
        // Single-line fields leave Up/Down to the UI.
        var single = typed("abc")
        #expect(single.up() == .unchanged && single.down() == .unchanged)
    }

    @Test func maxLengthRefusesClearlyAndKeepsWhatWasTyped() {
        var field = typed("abc", max: 5)
        #expect(field.insert("de") == .changed)
        #expect(field.isFull)
        #expect(field.insert("f") == .tooLong(dropped: 1))
        #expect(field.text == "abcde")
        // A combining mark still joins the last letter when full.
        #expect(field.insert("\u{301}") == .changed)
        #expect(field.count == 5)
        field.home()
        #expect(field.insert("xyz") == .tooLong(dropped: 3))
        #expect(field.text.hasSuffix("e\u{301}") && field.count == 5)
        var paste = typed("ab", max: 4)
        paste.home()
        #expect(paste.insert("123456") == .tooLong(dropped: 4))
        #expect(paste.text == "12ab" && paste.cursor == 2)
    }

    @Test func aHugePasteIsQuickAndLosesNothingTypedBefore() {
        var field = typed("typed before ")
        let clock = ContinuousClock()
        let huge = String(repeating: "ñ中a\n", count: 25_000)  // 100k characters, more bytes
        let elapsed = clock.measure {
            let result = field.insert(huge)
            #expect(result == .tooLong(dropped: 100_000 - (10_000 - 13)))
        }
        #expect(field.count == 10_000)
        #expect(field.text.hasPrefix("typed before ñ中a ñ中a "))
        #expect(elapsed < .seconds(2), "\(elapsed)")
        // Typing key by key past the end is refused each time, quickly.
        let more = clock.measure {
            for _ in 0..<20_000 { #expect(field.insert("z") == .tooLong(dropped: 1)) }
        }
        #expect(more < .seconds(5), "\(more)")
        // Text saved longer than the limit is opened whole, never cut.
        let opened = TextFieldModel(text: String(repeating: "x", count: 12), maxLength: 10)
        #expect(opened.count == 12)
    }

    @Test func visibleWindowScrollsByDisplayWidth() {
        var field = typed("abcdefghij")
        var window = field.visibleWindow(width: 5)
        // The cursor at the end needs a cell: "ghij" and the cursor after it.
        #expect(window.text == "ghij" && window.cursorColumn == 4 && window.moreLeft && !window.moreRight)
        field.home()
        field.scrollToCursor(width: 5)
        window = field.visibleWindow(width: 5)
        #expect(window.text == "abcde" && window.cursorColumn == 0 && !window.moreLeft && window.moreRight)
        // Moving right inside the window does not scroll; past it, by as little as needed.
        for _ in 0..<4 { field.right(); field.scrollToCursor(width: 5) }
        #expect(field.visibleWindow(width: 5).text == "abcde")
        field.right(); field.scrollToCursor(width: 5)
        window = field.visibleWindow(width: 5)
        #expect(window.text == "bcdef" && window.cursorColumn == 4)
    }

    @Test func wideCharactersAtTheEdgesArePaddedNotSplit() {
        var field = typed("a中文字b")  // widths 1 2 2 2 1 = 8
        field.home()
        var window = field.visibleWindow(width: 4)
        #expect(window.text == "a中 " && DisplayWidth.of(window.text) == 4 && window.moreRight)
        field.end()
        field.left()  // before "b", column 7
        window = field.visibleWindow(width: 4)
        #expect(DisplayWidth.of(window.text) <= 4)
        #expect(window.cursorColumn == 3)
        #expect(window.text == " 字b")  // 文 is cut by the left edge
        // Combining marks take no cell.
        let accents = typed("e\u{301}e\u{301}e\u{301}")
        #expect(accents.visibleWindow(width: 4).text == "e\u{301}e\u{301}e\u{301}")
        #expect(accents.visibleWindow(width: 4).cursorColumn == 3)
    }

    @Test func multiLineWindowFollowsTheCursor() {
        var field = typed("one\ntwo\nthree\nfour\nfive", multiLine: true)
        var window = field.visibleWindow(width: 10, height: 2)
        #expect(window.rows == ["four", "five"] && window.cursorRow == 1 && window.cursorColumn == 4)
        #expect(window.moreAbove && !window.moreBelow)
        field.scrollToCursor(width: 10, height: 2)
        field.up(); field.up()
        field.scrollToCursor(width: 10, height: 2)
        window = field.visibleWindow(width: 10, height: 2)
        #expect(window.rows == ["three", "four"] && window.cursorRow == 0 && window.moreAbove && window.moreBelow)
        #expect(field.visibleWindow(width: 0, height: 2).rows.isEmpty)
    }
}

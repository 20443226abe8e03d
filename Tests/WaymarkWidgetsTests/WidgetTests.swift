import Testing
import WaymarkText
import WaymarkWidgets

/// Cells outside `rect` that are not blank.
func outside(_ frame: Frame, _ rect: Rect) -> [(Int, Int)] {
    var found: [(Int, Int)] = []
    for y in 0..<frame.size.height {
        for x in 0..<frame.size.width where !(x >= rect.x && x < rect.maxX && y >= rect.y && y < rect.maxY) {
            if frame[x, y] != .blank { found.append((x, y)) }
        }
    }
    return found
}

@Suite struct GlyphTests {
    @Test(arguments: Mark.allCases) func everyFormOfAMarkIsPlainWhereItMustBe(_ mark: Mark) {
        let ascii = mark.text(.ascii)
        #expect(ascii.allSatisfy { $0.isASCII }, "\(mark) in ASCII is \(ascii)")
        #expect(DisplayWidth.of(ascii) == DisplayWidth.of(mark.unicode), "the ASCII form of \(mark) keeps the layout")
        #expect(mark.text(.spoken).allSatisfy { $0.isASCII })
    }

    @Test func spokenFormsDropWhatMeansNothingAloud() {
        let page = Pager([.bullet([Span("Call")]), .callout([Span("Not your fault")])]).lines(width: 40)
        #expect(page.map { $0.text(.spoken) } == ["- Call", "", "Not your fault"])
        #expect(page.map { $0.text(.unicode) } == ["• Call", "", "┃ Not your fault"])
        #expect(page.map { $0.text(.ascii) } == ["* Call", "", "| Not your fault"])
    }

    @Test func contentMarksFoldToASCII() {
        #expect(Glyphs.ascii("…") == ".")
        #expect(Glyphs.ascii("‹") == "<")
        #expect(Glyphs.ascii("a") == nil)
    }
}

@Suite struct WidgetTests {
    static let rect = Rect(x: 3, y: 2, width: 12, height: 4)
    static let long = "A line much longer than the rect it is drawn into, with 中文 wide characters"

    @Test func aListDrawsOnlyInsideItsRect() {
        var frame = Frame(size: Size(width: 30, height: 10))
        // Laid out wider than the rect, so that the drawing must clip.
        let layout = ChoiceList(intro: [.paragraph([Span(Self.long)])], items: [Self.long, "Two"]).layout(width: 28)
        layout.draw(into: &frame, in: Self.rect, scroll: 0, selected: 0)
        #expect(outside(frame, Self.rect).isEmpty)
        #expect(frame[Self.rect.x, Self.rect.y].character == "A")
    }

    @Test func theSelectionIsMarkedWithoutColour() {
        var frame = Frame(size: Size(width: 30, height: 6))
        ChoiceList(items: ["One", "Two"]).layout(width: 20).draw(into: &frame, in: Rect(x: 1, y: 1, width: 29, height: 4),
                                                                  scroll: 0, selected: 1)
        #expect(frame.lines[2].hasPrefix(" > 2. Two"))
        #expect(frame[10, 2].tone == .selected, "the highlight runs across the rect")
        #expect(frame[10, 1].tone == .plain)
    }

    @Test func barsAndDialogsDrawOnlyInsideTheirRects() {
        for width in [1, 5, 12, 40] {
            let rect = Rect(x: 2, y: 3, width: width, height: 1)
            var frame = Frame(size: Size(width: 50, height: 8))
            TitleBar(Self.long, position: "50%").draw(into: &frame, in: rect)
            StatusBar(forms: [[Self.long], ["Esc"]], extras: ["F1 help"], notice: nil).draw(into: &frame, in: rect)
            #expect(outside(frame, rect).isEmpty, "bars at width \(width)")
            var dialog = Frame(size: Size(width: 50, height: 8))
            let box = Rect(x: 2, y: 1, width: width, height: 3)
            Dialog(title: Self.long, body: Self.long, way: "Esc: quick exit").draw(into: &dialog, in: box)
            #expect(outside(dialog, box).isEmpty, "dialog at width \(width)")
        }
    }

    @Test func aDialogTooShortForItAllKeepsTheWayOut() {
        var frame = Frame(size: Size(width: 20, height: 1))
        Dialog(title: "Too small", body: "Make the window bigger", way: "Esc: exit").draw(into: &frame, in: frame.bounds)
        #expect(frame.text.contains("Esc: exit"))
    }

    @Test func aNoticeIsKeptWholeAndTheLastFormIsTheFallback() {
        var frame = Frame(size: Size(width: 30, height: 1))
        StatusBar(forms: [["Esc: quick exit", "Emergency: 911"], ["Esc"]], extras: ["F1 help"],
                  notice: "Could not save").draw(into: &frame, in: frame.bounds)
        #expect(frame.text == " Esc  Could not save")
        var wide = Frame(size: Size(width: 60, height: 1))
        StatusBar(forms: [["Esc: quick exit", "Emergency: 911"], ["Esc"]], extras: ["F1 help", "q back"])
            .draw(into: &wide, in: wide.bounds)
        #expect(wide.text == " Esc: quick exit  Emergency: 911  F1 help  q back")
    }

    @Test func theTitleMakesRoomForThePosition() {
        var frame = Frame(size: Size(width: 20, height: 1))
        TitleBar("A very long title indeed", position: "40%").draw(into: &frame, in: frame.bounds)
        #expect(frame.lines[0] == " A very long t… 40% ")
        #expect(frame.toneLines[0] == String(repeating: "T", count: 20))
    }
}

@Suite struct FormTests {
    @Test func aSecretFieldNeverShowsWhatIsTyped() {
        var typing = TextFieldModel(maxLength: 100)
        typing.insert("hunter2")
        let form = Form(rows: [.field(label: "Passphrase", value: "hunter2", multiLine: false, placeholder: nil, secret: true)],
                        editing: typing, selection: 0)
        let layout = form.layout(width: 30)
        #expect(!layout.lines.map { $0.text(.unicode) }.joined().contains("hunter"))
        #expect(layout.cursor?.column == Form.fieldIndent, "the cursor stays at the start")
    }

    @Test func aFieldNotTypedInShowsItsStartAndSaysThereIsMore() {
        let text = String(repeating: "word ", count: 20)
        let layout = Form(rows: [.field(label: "", value: text, multiLine: false, placeholder: nil, secret: false)]).layout(width: 20)
        #expect(layout.lines.count == 1)
        #expect(layout.lines[0].text(.unicode) == "   [word word wor…›")
        #expect(layout.lines[0].text(.ascii) == "   [word word wor…>")
        #expect(layout.cursor == nil)
    }

    @Test func checklistRowsWrapUnderTheirLabel() {
        let layout = Form(rows: [.check(label: "Medicines, for me and my children", checked: true, help: nil),
                                 .action(label: "Back", detail: "2 of 3")]).layout(width: 24)
        #expect(layout.lines.map { $0.text(.unicode) } == ["  [x] Medicines, for me", "      and my children", "  → Back (2 of 3)"])
        #expect(layout.items == [0..<2, 2..<3])
    }

    func box(_ model: TextFieldModel, width: Int = 30) -> [String] {
        let multiLine = model.multiLine
        var typed = model
        typed.scrollToCursor(width: Form.boxWidth(textWidth: width), height: multiLine ? Form.multiLineHeight : 1)
        return Form(rows: [.field(label: "", value: typed.text, multiLine: multiLine, placeholder: nil, secret: false)],
                    editing: typed, selection: 0).layout(width: width).lines.map { $0.text(.unicode) }
    }

    /// Found by an attack run: after typing past the edge and deleting back, the box stayed
    /// scrolled and showed nothing of the text kept.
    @Test func aBoxScrollsBackWhenTheTextFitsAgain() {
        var model = TextFieldModel(maxLength: 1000)
        for character in "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ" { model.insert(character); model.scrollToCursor(width: 24) }
        #expect(box(model)[0].hasPrefix("   ‹"))
        for _ in 0..<40 { model.backspace(); model.scrollToCursor(width: 24) }
        #expect(box(model)[0] == "   [abcdef                  ]")
    }

    /// Found by the same run: in a box of several lines, only the first row could say it was cut
    /// on the left and only the last on the right, whichever line it was.
    @Test func eachRowOfABoxSaysWhetherItsOwnLineIsCut() {
        var model = TextFieldModel(multiLine: true, maxLength: 1000)
        model.insert(String(repeating: "x", count: 40) + "\nline two\nline three")
        #expect(box(model) == ["   [xxxxxxxxxxxxxxxxxxxxxxxx›", "   [line two                ]", "   [line three              ]"])
        model.up()
        model.up()
        model.end()
        let cut = box(model)
        #expect(cut[0].hasPrefix("   ‹") && cut[0].hasSuffix(" ]"), "the long line, scrolled to its end: \(cut)")
        #expect(cut[1].hasPrefix("   ‹") && cut[2].hasPrefix("   ‹"), "the short lines are out of view to the left: \(cut)")
        model.down()
        #expect(box(model)[1] == "   [line two                ]", "on a short line the box scrolls back")
    }
}


import Testing
import WaymarkCore

/// A small template, independent of the shipped words.
let planTemplate: SafetyPlanTemplate = {
    let words = PlanWords(Dictionary(uniqueKeysWithValues: PlanWord.allCases.map { ($0.rawValue, $0.rawValue) })
        .merging(["count": "{done} of {total}", "field_too_long": "At most {max}.", "thousands_separator": ",",
                  "evidence_title": "Evidence log", "evidence_what": "What happened", "evidence_where": "Where",
                  "field_empty": "(empty)", "evidence_empty": "No entries yet.", "other_notes": "Other notes",
                  "evidence_no_date": "(no date)"]) { $1 })
    return SafetyPlanTemplate(title: "My plan", sections: [
        PlanSection(id: "bag", title: "Go-bag", items: [
            PlanItem(id: "bag-clothes", label: "Clothes"), PlanItem(id: "bag-cash", label: "Cash", help: "Small bills."),
            PlanItem(id: "bag-keys", label: "Keys"),
        ], fields: [PlanField(id: "bag-where", label: "Where my bag is")]),
        PlanSection(id: "people", title: "People", items: [PlanItem(id: "people-word", label: "A code word")],
                    fields: [PlanField(id: "people-contacts", label: "Contacts", kind: .multiLine)]),
    ], words: words)
}()

@Suite struct SafetyPlanModelTests {
    @Test func toggleAndCounts() {
        var plan = SafetyPlan()
        let bag = planTemplate.sections[0]
        #expect(plan.count(in: bag) == (0, 3))
        plan.toggle("bag-cash")
        plan.toggle("bag-keys")
        #expect(plan.isChecked("bag-cash") && plan.isChecked("bag-keys") && !plan.isChecked("bag-clothes"))
        #expect(planTemplate.countText(bag, in: plan) == "2 of 3")
        plan.toggle("bag-cash")
        #expect(!plan.isChecked("bag-cash"))
        #expect(planTemplate.countText(bag, in: plan) == "1 of 3")
        plan.setChecked("bag-keys", true)
        #expect(plan.count(in: bag).done == 1)
        // An id from another version of the content does not count in any section.
        plan.toggle("bag-old-item")
        #expect(plan.count(in: bag) == (1, 3))
        #expect(plan.count(in: planTemplate.sections[1]) == (0, 1))
    }

    @Test func fieldsEditAndEmptyIsNotStored() {
        var plan = SafetyPlan()
        #expect(plan.value(of: "bag-where") == "")
        plan.setValue("At Ana's", for: "bag-where")
        #expect(plan.value(of: "bag-where") == "At Ana's")
        plan.setValue("", for: "bag-where")
        #expect(plan.fields.isEmpty && plan.isEmpty)
    }

    @Test func evidenceAddEditDelete() {
        var plan = SafetyPlan()
        let a = plan.addEvidence(date: "2024-03-01", what: "He took my passport", whereKept: "photo on my work phone")
        let b = plan.addEvidence(date: "2024-03-05", what: "Threatening text", whereKept: "screenshot")
        #expect(a != b)
        var entry = plan.evidence(id: a)!
        entry.what = "He kept my passport"
        let updated = plan.updateEvidence(entry)
        #expect(updated)
        #expect(plan.evidence(id: a)?.what == "He kept my passport")
        let deleted = plan.deleteEvidence(id: b)
        let deletedAgain = plan.deleteEvidence(id: b)
        #expect(deleted && !deletedAgain)
        #expect(plan.evidence.map(\.id) == [a])
        let missing = plan.updateEvidence(EvidenceEntry(id: 99, date: "", what: "", whereKept: ""))
        #expect(!missing)
        // Ids stay unique after a delete.
        let c = plan.addEvidence(date: "", what: "x", whereKept: "")
        #expect(c != a)
    }

    @Test func newestFirstByDateThenByCreationUndatedLast() {
        var plan = SafetyPlan()
        let old = plan.addEvidence(date: "2023-12-31", what: "old", whereKept: "")
        let undated1 = plan.addEvidence(date: "last spring", what: "u1", whereKept: "")
        let newer = plan.addEvidence(date: "2024-1-5", what: "newer", whereKept: "")
        let sameDayLater = plan.addEvidence(date: " 2024/01/05 ", what: "same day, written later", whereKept: "")
        let undated2 = plan.addEvidence(date: "", what: "u2", whereKept: "")
        let impossible = plan.addEvidence(date: "2023-02-29", what: "no such day", whereKept: "")
        let newest = plan.addEvidence(date: "2024-02-01", what: "newest", whereKept: "")
        #expect(plan.evidenceNewestFirst.map(\.id) == [newest, sameDayLater, newer, old, impossible, undated2, undated1])
        // The text is kept as typed.
        #expect(plan.evidence(id: sameDayLater)?.date == " 2024/01/05 ")
    }

    @Test func datesThatReadAndDatesThatDoNot() {
        #expect(EvidenceDay("2024-02-29")?.description == "2024-02-29")
        #expect(EvidenceDay("2024.3.7")?.description == "2024-03-07")
        for text in ["2023-02-29", "2024-13-01", "2024-00-10", "24-03-01", "03/15/2024", "2024-03-15x", "yesterday", "", "２０２４-03-01"] {
            #expect(EvidenceDay(text) == nil, "\(text)")
        }
        #expect(EvidenceDay("1900-02-29") == nil)
        #expect(EvidenceDay("2000-02-29") != nil)
    }

    @Test func tooLongTextGroupsDigits() {
        #expect(planTemplate.tooLongText() == "At most 10,000.")
        #expect(PlanWords.grouped(1234567, separator: ".") == "1.234.567")
        #expect(PlanWords.grouped(999, separator: ",") == "999")
    }
}

@Suite struct SafetyPlanCodingTests {
    static let nasty = [
        "", "a\nb\n\nc", "\n", "12:34 5:x\n", "tab\there", "ñandú é 中文 😀 👩‍💻 🇺🇸", "e\u{301} combining",
        "\u{0}nul", "\r\n windows", String(repeating: "long ", count: 5000), " leading and trailing ", "field 3:abc\n",
    ]

    @Test func roundTripWithNastyText() throws {
        var plan = SafetyPlan()
        plan.toggle("bag-cash")
        plan.toggle("id with spaces\nand a newline")
        for (n, text) in Self.nasty.enumerated() {
            plan.setValue(text, for: "field-\(n)")
            plan.addEvidence(date: text, what: text + "!", whereKept: "w" + text)
        }
        let bytes = SafetyPlanCoding.encode(plan)
        let back = try SafetyPlanCoding.decode(bytes)
        #expect(back == plan)
        // Exact scalars survive, not just canonically equal text.
        #expect(Array(back.value(of: "field-6").unicodeScalars) == Array("e\u{301} combining".unicodeScalars))
        #expect(SafetyPlanCoding.encode(back) == bytes)
    }

    /// Issue 15: a loaded plan whose evidence id is Int.max trapped (integer overflow) on "Add".
    /// The entries are numbered again in the same order, so nothing is lost and the new one is
    /// still the latest written.
    @Test func anEvidenceIdOfIntMaxStillLetsAnEntryBeAdded() throws {
        let big = String(Int.max)
        var text = Array("waymark-plan 1\n".utf8)
        text += Array("evidence 1:5 0: 5:first 0:\n".utf8)
        text += Array("evidence \(big.utf8.count):\(big) 0: 6:second 0:\n".utf8)
        var plan = try SafetyPlanCoding.decode(text)
        #expect(plan.evidence.map(\.id) == [5, Int.max])
        let id = plan.addEvidence(date: "", what: "third", whereKept: "")
        #expect(plan.evidence(id: id)?.what == "third")
        #expect(plan.evidenceNewestFirst.map(\.what) == ["third", "second", "first"])
        #expect(Set(plan.evidence.map(\.id)).count == 3)
        let again = try SafetyPlanCoding.decode(SafetyPlanCoding.encode(plan))
        #expect(again.evidenceNewestFirst.map(\.what) == ["third", "second", "first"])
    }

    @Test func unknownIdsAndRecordsAreKept() throws {
        var text = Array("waymark-plan 1\nchecked 12:from-a-newer\nfield 8:new-note 5:hello\n".utf8)
        text += Array("mood 3:sad 4:2024\n".utf8)
        var plan = try SafetyPlanCoding.decode(text)
        #expect(plan.isChecked("from-a-newer"))
        #expect(plan.value(of: "new-note") == "hello")
        #expect(plan.unknownRecords == [SafetyPlanCoding.Record(tag: "mood", values: ["sad", "2024"])])
        plan.toggle("bag-cash")
        let again = try SafetyPlanCoding.decode(SafetyPlanCoding.encode(plan))
        #expect(again.unknownRecords == plan.unknownRecords)
        #expect(again.isChecked("from-a-newer") && again.isChecked("bag-cash"))
    }

    @Test func damagedInputIsAnErrorNeverACrash() {
        let good = SafetyPlanCoding.encode({
            var p = SafetyPlan()
            p.toggle("a")
            p.setValue("hello\nworld", for: "f")
            p.addEvidence(date: "2024-01-01", what: "w", whereKept: "k")
            return p
        }())
        // A truncation either fails cleanly or, cut exactly between records, reads the records before the cut.
        var failed = 0
        for cut in 0..<good.count {
            if (try? SafetyPlanCoding.decode(Array(good[..<cut]))) != nil {
                #expect(good[cut - 1] == UInt8(ascii: "\n"), "cut at \(cut)")
            } else {
                failed += 1
            }
        }
        #expect(failed >= good.count - 4)
        #expect(throws: SafetyPlanCoding.DecodingError.notAPlan) { try SafetyPlanCoding.decode(Array("hello".utf8)) }
        #expect(throws: SafetyPlanCoding.DecodingError.newerVersion(2)) { try SafetyPlanCoding.decode(Array("waymark-plan 2\n".utf8)) }
        for bad in ["waymark-plan 1\nfield 99:x\n", "waymark-plan 1\nfield x:y\n", "waymark-plan 1\nchecked\n",
                    "waymark-plan 1\nevidence 1:0 0: 0: 0:\n", "waymark-plan 1\nevidence 1:1 0: 0: 0:\nevidence 1:1 0: 0: 0:\n",
                    "waymark-plan 1\nCHECKED 1:a\n", "waymark-plan 1\nfield 1:a 1:b"] {
            #expect(throws: SafetyPlanCoding.DecodingError.self, "\(bad)") { try SafetyPlanCoding.decode(Array(bad.utf8)) }
        }
        var invalidUTF8 = Array("waymark-plan 1\nchecked 2:".utf8)
        invalidUTF8 += [0xC3, 0x28, 0x0A]
        #expect(throws: SafetyPlanCoding.DecodingError.self) { try SafetyPlanCoding.decode(invalidUTF8) }
        // Random bytes after a good header never crash.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            var bytes = Array("waymark-plan 1\n".utf8)
            bytes += (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                [UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: "\n"), UInt8(ascii: "3"), UInt8(ascii: "a"), 0xFF].randomElement(using: &generator)!
            }
            _ = try? SafetyPlanCoding.decode(bytes)
        }
    }
}

@Suite struct SafetyPlanSummaryTests {
    @Test func wholePlanAsText() {
        var plan = SafetyPlan()
        plan.toggle("bag-cash")
        plan.setValue("Ana: 555-0100\nLuis: 555-0199", for: "people-contacts")
        plan.setValue("kept under a newer id", for: "from-newer-version")
        plan.addEvidence(date: "2024-03-01", what: "He took my ID", whereKept: "photo\nat Ana's")
        plan.addEvidence(date: "", what: "Yelled\u{1B}[2J", whereKept: "")
        let text = SafetyPlanSummary.text(plan, template: planTemplate)
        #expect(text == """
        My plan
        =======

        Go-bag (1 of 3)
        ------
        [ ] Clothes
        [x] Cash
        [ ] Keys

        Where my bag is:
          (empty)

        People (0 of 1)
        ------
        [ ] A code word

        Contacts:
          Ana: 555-0100
          Luis: 555-0199

        Evidence log
        ------------
        * 2024-03-01
          What happened:
            He took my ID
          Where:
            photo
            at Ana's
        * (no date)
          What happened:
            Yelled?[2J
          Where:
            (empty)

        Other notes
        -----------
        other_notes_intro
        from-newer-version:
          kept under a newer id

        """)
    }

    @Test func anEmptyEvidenceLogSaysSo() {
        let text = SafetyPlanSummary.text(SafetyPlan(), template: planTemplate)
        #expect(text.contains("Evidence log\n------------\nNo entries yet.\n"))
        #expect(!text.contains("Other notes"))
    }
}

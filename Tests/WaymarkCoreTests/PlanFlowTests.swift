import Testing
import WaymarkText
import WaymarkWidgets
import TestSupport
import WaymarkCore

/// The safety plan as a person uses it: tick, write, move between boxes, save with a passphrase,
/// lock, unlock; and what the state asks the shell to do with the file.
@Suite struct PlanFlowTests {
    func open(file: PlanFileState = .notSaved, size: Size = Size(width: 80, height: 24)) -> AppState {
        var s = AppState(content: Fixtures.shipped, size: size, planFile: file, planPath: "/tmp/x/plan", exportPath: "/tmp/x/notes.txt")
        let n = s.content.menus["main"]!.items.firstIndex { $0.target == .plan }! + 1
        _ = s.update(.number(n))
        return s
    }

    func writesThenEnds(_ effects: [Effect]) -> Bool {
        guard effects.count == 1, case .save(_, .quitting) = effects[0] else { return false }
        return true
    }

    func type(_ s: inout AppState, _ text: String) {
        _ = s.update(.insert(text))
    }

    /// A copy saved beside a plan file that was changed elsewhere (at a quick exit): the next
    /// start says where it is when the plan is opened, once, in both languages.
    @Test func aCopySavedAtTheLastExitIsNamedWhenThePlanIsOpened() {
        for file in [PlanFileState.locked, .notSaved] {
            var s = AppState(content: Fixtures.shipped, size: Size(width: 80, height: 24), planFile: file,
                             planPath: "/tmp/x/plan", exportPath: "/tmp/x/notes.txt", copiesSaved: ["/tmp/x/plan-1"])
            let n = s.content.menus["main"]!.items.firstIndex { $0.target == .plan }! + 1
            _ = s.update(.number(n))
            #expect(s.plan.message?.word == .copySaved && s.plan.message?.detail == "/tmp/x/plan-1", "\(file)")
            let intro = "\(s.form(for: s.screen)!.intro)"
            #expect(intro.contains("/tmp/x/plan-1"), "\(intro)")
        }
        for content in [Fixtures.shipped, Fixtures.spanish] {
            #expect(content.plan![.copySaved] != "copy_saved", "\(content.language)")
        }
    }

    /// The plan file cannot be opened (damaged, found so at start or when unlocking): the copy
    /// with the words as they were left is named there too, since that is where it matters.
    @Test func aCopyIsNamedWhereThePlanFileCannotBeOpened() {
        var atStart = AppState(content: Fixtures.shipped, size: Size(width: 80, height: 24), planFile: .unusable(.fileCorrupt),
                               planPath: "/tmp/x/plan", exportPath: "/tmp/x/notes.txt", copiesSaved: ["/tmp/x/plan-1"])
        let n = atStart.content.menus["main"]!.items.firstIndex { $0.target == .plan }! + 1
        _ = atStart.update(.number(n))
        let said = "\(atStart.form(for: atStart.screen)!.intro)"
        #expect(said.components(separatedBy: "/tmp/x/plan-1").count == 2, "named once: \(said)")

        var unlocking = AppState(content: Fixtures.spanish, size: Size(width: 80, height: 24), planFile: .locked,
                                 planPath: "/tmp/x/plan", exportPath: "/tmp/x/notes.txt", copiesSaved: ["/tmp/x/plan-1"])
        _ = unlocking.update(.number(n))
        _ = unlocking.update(.insert("pan con queso"))
        _ = unlocking.update(.open)
        _ = unlocking.update(.planDone(.failed(.fileCorrupt, detail: nil)))
        let shown = "\(unlocking.form(for: unlocking.screen)!.intro)"
        #expect(unlocking.screen == ScreenEntry(.plan(.unusable), selection: 0, scroll: 0), "\(unlocking.screen)")
        #expect(shown.contains("/tmp/x/plan-1") && shown.contains(unlocking.content.plan![.copySaved]), "\(shown)")
    }

    @Test func opensOnTheOverviewWhenNothingIsSaved() {
        let s = open()
        #expect(s.screen == ScreenEntry(.plan(.overview), selection: 0, scroll: 0))
        #expect(s.context == .form)
        #expect(s.planToSave == nil)
    }

    @Test func tickingAnItemAndCounting() {
        var s = open()
        _ = s.update(.open)                     // first section
        guard case .plan(.section(let id)) = s.screen.kind, s.screen.selection == 0 else { Issue.record("\(s.screen)"); return }
        _ = s.update(.open)                     // Enter ticks
        _ = s.update(.down)
        _ = s.update(.open)
        _ = s.update(.open)                     // and unticks
        let first = s.content.plan!.section(id: id)!.items[0].id
        #expect(s.plan.plan.isChecked(first))
        #expect(s.plan.plan.checked.count == 1)
        _ = s.update(.back)
        if case .action(_, _, let detail) = s.form(for: s.screen)!.rows[0] {
            #expect(detail == "1 of \(s.content.plan!.section(id: id)!.items.count)")
        }
    }

    @Test func typingIntoAFieldPrintableKeysAreText() {
        var s = open()
        _ = s.update(.open)
        _ = s.update(.nextField)                // Tab: to the first box, typing
        #expect(s.context == .editing)
        // While typing, q, ?, h, L and digits are text, not shortcuts.
        for key in ["q", "?", "h", "L", "1", " ", "ñ", "中"] {
            _ = s.update(Bindings.action(for: .char(Character(key)), in: s.context)!)
        }
        #expect(Bindings.action(for: .escape, in: s.context) == .quickExit)
        #expect(Bindings.action(for: .ctrl("c"), in: s.context) == .quickExit)
        _ = s.update(.cursorLeft)
        _ = s.update(.deleteBackward)           // removes "ñ"
        let field = s.content.plan!.sections[0].fields[0].id
        #expect(s.plan.plan.value(of: field) == "q?hL1 中")
        _ = s.update(.open)                     // Enter: done with this box
        #expect(s.context == .form)
    }

    @Test func tabAndShiftTabMoveBetweenBoxes() {
        var s = open()
        // A section with several boxes.
        let template = s.content.plan!
        let index = template.sections.firstIndex { $0.fields.count >= 2 }!
        for _ in 0..<index { _ = s.update(.down) }
        _ = s.update(.open)
        _ = s.update(.nextField)
        let first = s.screen.selection
        _ = s.update(.nextField)
        #expect(s.screen.selection > first)
        #expect(s.context == .editing)
        _ = s.update(.previousField)
        #expect(s.screen.selection == first)
    }

    @Test func savingAsksForThePassphraseTwiceAndRefusesMismatches() {
        var s = open()
        _ = s.update(.open)
        _ = s.update(.open)                     // tick something
        _ = s.update(.back)
        let save = s.form(for: s.screen)!.rows.firstIndex { if case .action(.save, _, _) = $0 { true } else { false } }!
        _ = s.update(.home)
        for _ in 0..<save { _ = s.update(.down) }
        _ = s.update(.open)
        guard s.screen.kind == .plan(.passphrase(.choose)) else { Issue.record("\(s.screen)"); return }
        #expect(s.context == .editing, "the passphrase box is ready for typing")
        _ = s.update(.open)                     // empty: refused
        #expect(s.plan.message?.word == .passphraseEmpty)
        _ = s.update(.nextField)
        type(&s, "blue horse")
        _ = s.update(.open)
        guard s.screen.kind == .plan(.passphrase(.repeatChosen)) else { Issue.record("\(s.screen)"); return }
        type(&s, "blue hose")
        _ = s.update(.open)
        guard s.screen.kind == .plan(.passphrase(.choose)) else { Issue.record("\(s.screen)"); return }
        #expect(s.plan.message?.word == .passphraseMismatch)
        type(&s, "blue horse")
        _ = s.update(.open)
        type(&s, "blue horse")
        let effects = s.update(.open)
        #expect(effects == [.plan(.create(passphrase: "blue horse", path: nil))])
        #expect(s.plan.busy == .saving)
        _ = s.update(.planDone(.created))
        #expect(s.screen == ScreenEntry(.plan(.overview), selection: save, scroll: 0))
        #expect(s.plan.file == .open)
        // From now on every change is to be saved.
        _ = s.update(.home)
        _ = s.update(.open)
        _ = s.update(.open)
        #expect(s.planToSave != nil)
        _ = s.update(.saved(.saved, .pause))
        #expect(s.planToSave == nil)
    }

    @Test func aSavedPlanAsksForItsPassphraseFirst() {
        var s = open(file: .locked)
        guard s.screen.kind == .plan(.passphrase(.unlock)) else { Issue.record("\(s.screen)"); return }
        type(&s, "wrong")
        #expect(s.update(.open) == [.plan(.unlock(passphrase: "wrong"))])
        _ = s.update(.planDone(.failed(.wrongPassphrase, detail: nil)))
        #expect(s.plan.message?.word == .wrongPassphrase)
        #expect(s.context == .editing, "ready to try again")
        type(&s, "right")
        _ = s.update(.open)
        var saved = SafetyPlan()
        saved.toggle("go-bag-clothes")
        _ = s.update(.planDone(.opened(saved)))
        #expect(s.screen == ScreenEntry(.plan(.overview), selection: 0, scroll: 0))
        #expect(s.plan.plan.isChecked("go-bag-clothes"))
        #expect(s.plan.file == .open)
    }

    @Test func aDamagedFileIsLeftAloneAndANewPlanCanGoElsewhere() {
        var s = open(file: .locked)
        type(&s, "anything")
        _ = s.update(.open)
        _ = s.update(.planDone(.failed(.fileCorrupt, detail: nil)))
        guard s.screen.kind == .plan(.unusable) else { Issue.record("\(s.screen)"); return }
        _ = s.update(.open)                     // start a new plan elsewhere
        #expect(s.screen == ScreenEntry(.plan(.overview), selection: 0, scroll: 0))
        #expect(s.plan.savePath == "/tmp/x/plan-new")
    }

    @Test func lockingLeavesNothingOfThePlanInMemoryOrOnTheStack() {
        var s = open(file: .locked)
        type(&s, "pw")
        _ = s.update(.open)
        var saved = SafetyPlan()
        saved.setValue("secret words", for: "go-bag-where")
        _ = s.update(.planDone(.opened(saved)))
        let lock = s.form(for: s.screen)!.rows.firstIndex { if case .action(.lock, _, _) = $0 { true } else { false } }!
        for _ in 0..<lock { _ = s.update(.down) }
        #expect(s.update(.open) == [.plan(.lock)])
        _ = s.update(.planDone(.locked))
        #expect(s.plan.plan == SafetyPlan())
        #expect(s.plan.file == .locked)
        #expect(!s.stack.contains { $0.isPlanScreenForTests })
    }

    @Test func evidenceAddEditDelete() {
        var s = open()
        let evidence = s.form(for: s.screen)!.rows.firstIndex { if case .action(.evidence, _, _) = $0 { true } else { false } }!
        for _ in 0..<evidence { _ = s.update(.down) }
        _ = s.update(.open)
        _ = s.update(.open)                     // add an entry: typing the date at once
        #expect(s.context == .editing)
        type(&s, "2024-03-15")
        _ = s.update(.nextField)
        type(&s, "Threatening texts")
        _ = s.update(.open)                     // a new line in a box of several lines
        type(&s, "and voicemails")
        _ = s.update(.nextField)
        type(&s, "screenshots on my work phone")
        _ = s.update(.nextField)                // wraps to the date
        _ = s.update(.open)                     // done typing (Enter in a one-line box)
        _ = s.update(.back)
        #expect(s.plan.plan.evidence.count == 1)
        #expect(s.plan.plan.evidence[0].what == "Threatening texts\nand voicemails")
        // An entry added and left empty is not kept.
        _ = s.update(.home)
        _ = s.update(.open)
        _ = s.update(.open)                     // stop typing
        _ = s.update(.back)
        #expect(s.plan.plan.evidence.count == 1)
        // Delete asks first.
        _ = s.update(.down)
        _ = s.update(.open)
        _ = s.update(.end)
        _ = s.update(.open)
        guard case .plan(.confirm(.deleteEvidence)) = s.screen.kind, s.screen.selection == 0 else { Issue.record("\(s.screen)"); return }
        _ = s.update(.down)
        _ = s.update(.open)
        #expect(s.plan.plan.evidence.isEmpty)
        #expect(s.screen == ScreenEntry(.plan(.evidenceList), selection: 1, scroll: 0) || s.screen == ScreenEntry(.plan(.evidenceList), selection: 0, scroll: 0))
    }

    @Test func aHugePasteIsRefusedPastTheLimitAndKeepsWhatWasTyped() {
        var s = open()
        _ = s.update(.open)
        _ = s.update(.nextField)
        type(&s, "kept ")
        type(&s, String(repeating: "x", count: 100_000))
        let field = s.content.plan!.sections[0].fields[0].id
        #expect(s.plan.plan.value(of: field).hasPrefix("kept x"))
        #expect(s.plan.plan.value(of: field).count == SafetyPlan.maxFieldLength)
        #expect(s.plan.message?.word == .fieldTooLong)
        // Issue 15: the message showed "{max}" as written in plan.yaml.
        let shown = s.form(for: s.screen)!.intro.map { block -> String in
            if case .callout(let spans) = block { return spans.map(\.text).joined() }
            return ""
        }.joined()
        #expect(shown.contains("10,000") && !shown.contains("{max}"), "\(shown)")
    }

    @Test func exportAsksWhereAndWarns() {
        var s = open()
        let export = s.form(for: s.screen)!.rows.firstIndex { if case .action(.export, _, _) = $0 { true } else { false } }!
        for _ in 0..<export { _ = s.update(.down) }
        _ = s.update(.open)
        guard s.screen.kind == .plan(.export) else { Issue.record("\(s.screen)"); return }
        #expect("\(s.form(for: s.screen)!.intro)".contains(s.content.plan![.exportWarning]))
        _ = s.update(.down)
        let effects = s.update(.open)
        guard case .plan(.export(let text, let path)) = effects.first else { Issue.record("\(effects)"); return }
        #expect(path == "/tmp/x/notes.txt")
        #expect(text.contains(s.content.plan!.title))
    }

    /// An open plan, typing in the first box of the first section.
    func typingInAnOpenPlan() -> AppState {
        var s = open(file: .locked)
        type(&s, "pass")
        _ = s.update(.open)
        _ = s.update(.planDone(.opened(SafetyPlan())))
        _ = s.update(.open)
        _ = s.update(.nextField)
        type(&s, "under the stairs")
        return s
    }

    func typeKeys(_ s: inout AppState, _ keys: String) {
        for key in keys { _ = s.update(Bindings.action(for: .char(key), in: s.context)!) }
    }

    func screenText(_ s: AppState) -> String {
        s.layout.lines.map { $0.spans.map(\.text).joined() }.joined(separator: " ")
    }

    /// Issue 15: a failed save (read-only, disk full) never shows as saved; typing goes on in the
    /// same box; the save is tried again after the next change, not every 400 ms; `q` warns once,
    /// and only a second `q` right after it leaves without saving.
    @Test func aFailedSaveNeverSaysSavedKeepsTypingAndQuitWarnsFirst() {
        var s = typingInAnOpenPlan()
        let field = s.content.plan!.sections[0].fields[0].id
        #expect(s.planToAutosave != nil)
        _ = s.update(.saved(.failed(.diskFull, detail: nil), .pause))
        #expect(s.context == .editing, "still typing in the box")
        #expect(s.planToAutosave == nil, "not tried again at every pause")
        #expect(s.planToSave != nil, "the quick exit still tries")
        typeKeys(&s, " q y")
        #expect(s.plan.plan.value(of: field) == "under the stairs q y")
        #expect(s.planToAutosave != nil, "tried again after a change")
        _ = s.update(.saved(.failed(.diskFull, detail: nil), .pause))
        _ = s.update(.open)                     // Enter: done with the box
        _ = s.update(.back)
        let overview = screenText(s)
        #expect(overview.contains(s.content.plan![.notSavedNow]), "\(overview)")
        #expect(!overview.contains(s.content.plan![.savedNotice]), "\(overview)")
        #expect(s.update(.quit) == [], "the first q stays")
        #expect(s.notice == s.content.plan![.quitUnsaved])
        _ = s.update(.down)
        #expect(s.update(.quit) == [], "a q after another key warns again")
        #expect(writesThenEnds(s.update(.quit)), "it writes the plan, then ends")
        #expect(s.plan.leavingUnsaved)
        // A save that works again clears it all.
        var t = typingInAnOpenPlan()
        _ = t.update(.saved(.failed(.readOnly, detail: nil), .pause))
        typeKeys(&t, "x")
        _ = t.update(.saved(.saved, .pause))
        _ = t.update(.open)
        _ = t.update(.back)
        #expect(screenText(t).contains(t.content.plan![.savedNotice]))
        #expect(t.update(.quit) == [.exit(status: 0, message: nil)], "saved already: it ends")
        // `q` whose own save fails (the shell reports it) stays too.
        var u = typingInAnOpenPlan()
        _ = u.update(.open)
        #expect(writesThenEnds(u.update(.quit)), "it writes the plan, then ends")
        _ = u.update(.saved(.failed(.readOnly, detail: nil), .quitting))
        #expect(u.notice == u.content.plan![.quitUnsaved])
        #expect(writesThenEnds(u.update(.quit)), "it writes the plan, then ends")
        #expect(u.plan.leavingUnsaved)
    }

    /// Issue 15: the file changed elsewhere while typing. The question comes once, when the box is
    /// finished (letters typed meanwhile stay text), and is not asked again by later saves.
    @Test func aFileChangedElsewhereIsAskedAboutOnceWhenTheBoxIsFinished() {
        var s = typingInAnOpenPlan()
        let field = s.content.plan!.sections[0].fields[0].id
        _ = s.update(.saved(.changedOnDisk, .pause))
        #expect(s.context == .editing)
        #expect(s.planToAutosave == nil, "no save while the answer waits")
        typeKeys(&s, " j q")
        #expect(s.plan.plan.value(of: field) == "under the stairs j q")
        _ = s.update(.saved(.changedOnDisk, .pause))
        #expect(s.planToAutosave == nil, "still none after a change")
        _ = s.update(.open)                     // Enter: done with the box
        #expect(s.screen == ScreenEntry(.plan(.confirm(.overwrite)), selection: 0, scroll: 0))
        _ = s.update(.saved(.changedOnDisk, .pause))
        #expect(s.stack.filter { if case .plan(.confirm) = $0.kind { return true } else { return false } }.count == 1, "asked once")
        _ = s.update(.open)                     // No
        guard case .plan(.section) = s.screen.kind else { Issue.record("\(s.screen)"); return }
        _ = s.update(.saved(.changedOnDisk, .pause))
        guard case .plan(.section) = s.screen.kind else { Issue.record("asked again: \(s.screen)"); return }
        #expect(s.update(.quit) == [], "q warns: the changes are not saved")
        // Yes: saved over it, and it all clears.
        var t = typingInAnOpenPlan()
        _ = t.update(.saved(.changedOnDisk, .pause))
        _ = t.update(.open)
        _ = t.update(.down)
        #expect(t.update(.open) == [.plan(.overwrite)])
        _ = t.update(.planDone(.saved))
        #expect(t.plan.saveFailure == nil)
        #expect(t.update(.quit) == [.exit(status: 0, message: nil)], "saved over it: nothing left to write")
    }

    @Test func theQuickExitWorksOnEveryPlanScreenEvenWhileTyping() {
        var s = open()
        #expect(s.update(.quickExit) == [.quickExit])
        _ = s.update(.open)
        _ = s.update(.nextField)
        #expect(s.context == .editing)
        #expect(s.update(Bindings.action(for: .escape, in: s.context)!) == [.quickExit])
    }
    /// Issue 15: the plan's overview and its evidence list showed arrows only; like every menu,
    /// each row shows its number and digits 1-9 pick it.
    @Test func theOverviewAndTheEvidenceListAreNumberedAndDigitsPick() {
        var s = open()
        let texts = s.layout.lines.map { $0.spans.map(\.text).joined() }
        #expect(texts.contains { $0.hasPrefix("1. ") }, "\(texts)")
        #expect(texts.contains { $0.hasPrefix("9. ") }, "\(texts)")
        #expect(!texts.contains { $0.contains("→") }, "\(texts)")
        #expect(Bindings.action(for: .char("3"), in: s.context) == .number(3))
        _ = s.update(.number(3))
        guard case .plan(.section(let id)) = s.screen.kind else { Issue.record("\(s.screen)"); return }
        #expect(id == s.content.plan!.sections[2].id)
        _ = s.update(.back)
        let evidence = s.content.plan!.sections.count + 1
        _ = s.update(.number(evidence))
        guard s.screen.kind == .plan(.evidenceList) else { Issue.record("\(s.screen)"); return }
        let listed = s.layout.lines.map { $0.spans.map(\.text).joined() }
        #expect(listed.contains { $0.hasPrefix("1. ") }, "\(listed)")
        _ = s.update(.number(1))
        guard case .plan(.evidenceEntry) = s.screen.kind else { Issue.record("\(s.screen)"); return }
    }
}

extension ScreenEntry {
    var isPlanScreenForTests: Bool {
        switch kind {
        case .menus, .screener, .settings: return false
        case .plan: return true
        }
    }
}

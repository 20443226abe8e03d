import Testing
import WaymarkText
import WaymarkWidgets
import TestSupport
@testable import WaymarkCore

/// Hosted mode (`--hosted`, a shared server over SSH): the plan screens never offer to save or
/// export, say in words how to keep the plan, and cap what one session can hold.
@Suite struct HostedPlanTests {
    func open(_ content: Content = Fixtures.shipped) -> AppState {
        var s = AppState(content: content, size: Size(width: 80, height: 24), planFile: .locked, planPath: "/home/x/plan",
                         exportPath: "/home/x/notes.txt", hosted: true)
        let n = s.content.menus["main"]!.items.firstIndex { $0.target == .plan }! + 1
        _ = s.update(.number(n))
        return s
    }

    func actions(_ s: AppState) -> [FormAction] {
        s.form(for: s.screen)!.rows.compactMap { if case .action(let a, _, _) = $0 { return a } else { return nil } }
    }

    func words(_ s: AppState) -> String { text(s.form(for: s.screen)!.intro) }

    func text(_ blocks: [Block]) -> String {
        blocks.map { block in
            switch block {
            case .heading(let words): return words
            case .paragraph(let spans), .bullet(let spans), .callout(let spans): return spans.map(\.text).joined()
            }
        }.joined(separator: "\n")
    }

    @Test func theOverviewOffersNoSaveNorExportAndSaysHowToKeepThePlan() {
        for content in [Fixtures.shipped, Fixtures.spanish] {
            let s = open(content)
            // Not the unlock screen of a plan file the shell said was there: a hosted plan has no file.
            #expect(s.screen == ScreenEntry(.plan(.overview), selection: 0, scroll: 0))
            #expect(s.plan.file == .notSaved)
            #expect(s.plan.defaultPath == nil && s.plan.exportPath.isEmpty)
            let offered = actions(s)
            #expect(!offered.contains(.save) && !offered.contains(.export) && !offered.contains(.lock) && !offered.contains(.erase))
            #expect(words(s).contains(content.plan![.hostedNotice]))
            #expect(!words(s).contains(content.plan![.notSavedNotice]))
        }
        #expect(Fixtures.shipped.plan![.hostedNotice].contains("write it down"))
        #expect(Fixtures.spanish.plan![.hostedNotice].contains("escríbalo en papel"))
    }

    @Test func theSummarySaysItToo() {
        var s = open()
        let index = actions(s).firstIndex(of: .summary)!
        for _ in 0..<index { _ = s.update(.down) }
        _ = s.update(.open)
        #expect(s.screen == ScreenEntry(.plan(.summary), scroll: 0))
        let page = s.page(for: s.screen)!
        #expect(text(page.blocks).contains(s.content.plan![.hostedNotice]))
    }

    @Test func saveAndExportCannotBeReachedAndNothingIsEverSaved() {
        var s = open()
        #expect(s.perform(.save).isEmpty)
        #expect(s.screen == ScreenEntry(.plan(.overview), selection: 0, scroll: 0))
        #expect(s.perform(.export).isEmpty)
        #expect(s.perform(.writeExport).isEmpty)
        #expect(s.screen == ScreenEntry(.plan(.overview), selection: 0, scroll: 0))
        // A shell that reported a file anyway would not give the plan one.
        _ = s.update(.planDone(.created))
        #expect(s.plan.file == .notSaved)
        _ = s.update(.open)
        _ = s.update(.nextField)
        _ = s.update(.insert("words"))
        #expect(s.planToSave == nil && s.planToAutosave == nil)
    }

    @Test func aBoxHoldsUpToTheHostedLimit() {
        var s = open()
        _ = s.update(.open)
        _ = s.update(.nextField)
        _ = s.update(.insert(String(repeating: "a", count: PlanState.hostedFieldLimit + 500)))
        let field = s.content.plan!.sections[0].fields[0].id
        #expect(s.plan.plan.value(of: field).count == PlanState.hostedFieldLimit)
        #expect(words(s).contains("2,000"))
        // A line-mode answer (the whole text at once) is held to it too.
        _ = s.update(.submitText(String(repeating: "b", count: PlanState.hostedFieldLimit * 3)))
        #expect(s.plan.plan.value(of: field).count == PlanState.hostedFieldLimit)
    }

    @Test func theEvidenceLogHoldsUpToTheHostedLimit() {
        var s = open()
        let index = actions(s).firstIndex(of: .evidence)!
        for _ in 0..<index { _ = s.update(.down) }
        _ = s.update(.open)
        #expect(s.screen == ScreenEntry(.plan(.evidenceList), selection: 0, scroll: 0))
        for n in 0..<PlanState.hostedEvidenceLimit {
            #expect(s.perform(.addEvidence).isEmpty)
            _ = s.update(.insert("entry \(n)"))
            _ = s.update(.open)              // Enter: done with the date box
            _ = s.update(.back)
            #expect(s.screen.isEvidenceList)
        }
        #expect(s.plan.plan.evidence.count == PlanState.hostedEvidenceLimit)
        #expect(!actions(s).contains(.addEvidence))
        #expect(words(s).contains("25"))
        _ = s.perform(.addEvidence)
        #expect(s.plan.plan.evidence.count == PlanState.hostedEvidenceLimit)
        for content in [Fixtures.shipped, Fixtures.spanish] {
            #expect(content.plan!.message(.evidenceFull, maxEvidence: 25).contains("25"))
        }
    }

    @Test func withoutHostedModeTheChoicesAndLimitsAreAsBefore() {
        var s = AppState(content: Fixtures.shipped, size: Size(width: 80, height: 24))
        let n = s.content.menus["main"]!.items.firstIndex { $0.target == .plan }! + 1
        _ = s.update(.number(n))
        #expect(actions(s).contains(.save) && actions(s).contains(.export))
        #expect(s.plan.fieldLimit == SafetyPlan.maxFieldLength && s.plan.evidenceLimit == nil)
    }
}

extension ScreenEntry {
    var isEvidenceList: Bool { kind == .plan(.evidenceList) }
}

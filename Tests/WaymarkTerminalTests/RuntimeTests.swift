import Testing
import WaymarkWidgets
import TestSupport
import WaymarkCore
import WaymarkTerminal
import WaymarkUI

/// The one event loop, driven through a fake terminal: timers, saves, the quick exit, resizes and
/// loading, with no tmux and no waiting (the clock is the fake's own).
@Suite struct RuntimeTests {
    /// What the fake saw, in order.
    final class Log: @unchecked Sendable {
        var events: [String] = []
        var frames: [Frame] = []
        var timeouts: [Int32] = []
        var saved: [SafetyPlan] = []
        var now: Int64 = 0
    }

    struct FakeBackend: Backend {
        var size = Size(width: 80, height: 24)
        var theme: Theme { .normal }
        var lineMode = false
        var script: [BackendInput]
        let log: Log

        mutating func show(_ state: AppState, repaint: Bool) { log.frames.append(render(state)) }

        mutating func next(timeoutMilliseconds: Int32, alsoWatching work: Int32) -> BackendInput {
            if work >= 0 { return .workDone }
            log.timeouts.append(timeoutMilliseconds)
            // The script ran out: the terminal goes away.
            guard !script.isEmpty else { return .closed }
            let input = script.removeFirst()
            if input == .idle, timeoutMilliseconds >= 0 { log.now += Int64(timeoutMilliseconds) }
            return input
        }

        func clearNow() { log.events.append("clear") }
        mutating func stop() { log.events.append("stop") }
    }

    let log = Log()

    func setup(file: PlanFileState = .locked, idleMinutes: Int? = nil, saveOutcome: PlanOutcome = .saved,
               load: @escaping (String) -> ContentReading = { _ in ContentReading { .done(Fixtures.spanish) } }) -> SessionSetup {
        let log = log
        let plans = PlanKeeper(perform: { request, _ in
            log.events.append("perform")
            if case .unlock = request { return .opened(SafetyPlan()) }
            return .failed(.saveFailed, detail: nil)
        }, save: { plan in
            log.events.append("save")
            log.saved.append(plan)
            return saveOutcome
        })
        return SessionSetup(content: Fixtures.shipped, planFile: file, planPath: "/tmp/x/plan", exportPath: "/tmp/x/notes.txt",
                            idleMinutes: idleMinutes, plans: plans, load: load)
    }

    func run(_ setup: SessionSetup, _ script: [BackendInput], lineMode: Bool = false) -> (Ending, AppState) {
        let log = log
        var runtime = Runtime(setup, backend: FakeBackend(lineMode: lineMode, script: script, log: log), clock: { log.now })
        let ending = runtime.run()
        return (ending, runtime.state)
    }

    static func typed(_ text: String) -> BackendInput { .keys(text.map { .char($0) }) }

    static let planItem = Fixtures.shipped.menus["main"]!.items.firstIndex { $0.target == .plan }! + 1

    /// Main menu → the plan → passphrase → open → first section → tick its first row.
    static var openThePlanAndTick: [BackendInput] {
        [typed("\(planItem)"), Self.typed("pw"), .keys([.enter]), .keys([.enter]), .keys([.char(" ")])]
    }

    @Test func aPauseInTypingWritesThePlanOnce() {
        let (ending, state) = run(setup(), Self.openThePlanAndTick + [.idle])
        #expect(log.timeouts.last(where: { $0 >= 0 }) == 400, "the pause is 400 ms: \(log.timeouts)")
        #expect(log.events == ["perform", "save", "clear"], "unlock, the save after the pause, then the end; nothing left to save")
        #expect(log.saved.count == 1 && log.saved[0] != SafetyPlan(), "the ticked row was written")
        #expect(ending == .quickExit)
        #expect(state.planToSave == nil)
    }

    @Test func theQuickExitClearsFirstThenWritesWhatThePauseHadNotYet() {
        let (ending, _) = run(setup(), Self.openThePlanAndTick + [.keys([.escape])])
        #expect(ending == .quickExit)
        #expect(log.events == ["perform", "clear", "save"], "\(log.events)")
        #expect(log.saved.first != SafetyPlan())
    }

    @Test func escReadWithTextBeforeItKeepsTheText() {
        let (ending, state) = run(setup(), Array(Self.openThePlanAndTick.prefix(1)) + [.keys([.char("p"), .char("w"), .enter, .escape])])
        #expect(ending == .quickExit)
        #expect(!log.events.contains("perform"), "Esc wins over the Enter read with it: no key derivation starts")
        #expect(state.plan.editing?.text == "pw")
    }

    @Test func aTerminationSignalSavesAndEnds() {
        let (ending, _) = run(setup(), Self.openThePlanAndTick + [.terminated])
        #expect(ending == .quickExit)
        #expect(log.events.suffix(2) == ["clear", "save"])
    }

    @Test func qWhoseSaveFailsStaysAndSaysWhyThenASecondQLeaves() {
        let full = PlanOutcome.failed(.diskFull, detail: nil)
        let (ending, _) = run(setup(saveOutcome: full), Self.openThePlanAndTick + [Self.typed("q")])
        #expect(ending == .quickExit, "the script ran out while it stayed")
        let shown = log.frames.last?.text ?? ""
        #expect(shown.contains(String(Fixtures.shipped.plan![.quitUnsaved].prefix(30))), "\(shown)")
        #expect(log.events == ["perform", "save", "clear", "save"], "q tried once and stayed; the quick exit tries again after clearing")

        let second = Log()
        var runtime = Runtime(setup(saveOutcome: full), backend: FakeBackend(script: Self.openThePlanAndTick + [Self.typed("q"), Self.typed("q")], log: second),
                              clock: { second.now })
        #expect(runtime.run() == .exit(status: 0, message: nil))
        #expect(second.events.last == "stop", "the terminal is put back before the end")
    }

    @Test func qWithNothingToSaveEndsAtOnce() {
        let (ending, _) = run(setup(file: .notSaved), [Self.typed("q")])
        #expect(ending == .exit(status: 0, message: nil))
        #expect(log.events == ["stop"])
    }

    @Test func minutesWithoutAKeyDoWhatTheQuickExitDoes() {
        let (ending, _) = run(setup(idleMinutes: 2), [.idle])
        #expect(log.timeouts.first == 120_000)
        #expect(ending == .quickExit)
        #expect(log.events == ["clear"])
        // A key starts the minutes again.
        let later = Log()
        var runtime = Runtime(setup(idleMinutes: 2), backend: FakeBackend(script: [Self.typed("j"), .idle], log: later),
                              clock: { later.now })
        later.now = 60_000
        _ = runtime.run()
        #expect(later.timeouts == [120_000, 120_000], "\(later.timeouts)")
    }

    @Test func aResizeDrawsAtTheNewSize() {
        _ = run(setup(), [.resized(Size(width: 40, height: 12))])
        #expect(log.frames.last?.size == Size(width: 40, height: 12))
    }

    @Test func anotherLanguageIsReadOnceAndAFailureIsSaid() {
        var reads = 0
        let counting = setup { _ in
            reads += 1
            return ContentReading { .done(Fixtures.spanish) }
        }
        let (_, state) = run(counting, [Self.typed("L"), Self.typed("L"), Self.typed("L")])
        #expect(reads == 1, "English was there from the start; Spanish is read once")
        #expect(state.content.language == "es")

        let failing = setup { _ in ContentReading { .failed("es/strings.yaml:3: broken") } }
        let (_, after) = run(failing, [Self.typed("L")])
        #expect(after.content.language == "en")
        #expect(after.notice?.hasSuffix("es/strings.yaml:3: broken") == true, "\(after.notice ?? "")")
    }

    @Test func theRestOfTheContentIsReadAfterTheFirstFrameAndEscMeanwhileLeaves() {
        var steps = 0
        var reading = setup()
        reading.complete = ContentReading {
            steps += 1
            return steps < 3 ? .reading : .done(Fixtures.shipped)
        }
        let (ending, _) = run(reading, [.idle, .keys([.escape])])
        #expect(ending == .quickExit)
        #expect(steps == 2, "left between files, not after them all")
        #expect(log.frames.count == 1, "the first frame came before the reading")

        var broken = setup()
        broken.complete = ContentReading { .failed("en/pages/x.md:4: bad") }
        #expect(run(broken, []).0 == .contentFailed("en/pages/x.md:4: bad"))
    }

    @Test func thePlainModeAnswersLinesAndLeavesAtTheEndOfItsInput() {
        let (ending, state) = run(setup(file: .notSaved), [.line("2"), .line(""), .inputEnded], lineMode: true)
        #expect(ending == .exit(status: 0, message: nil))
        #expect(state.screen == ScreenEntry(.menus(.page(id: "rights-at-work")), scroll: Layout.bodyHeight(Size(width: 80, height: 24))),
                "Enter alone turns a whole page: \(state.screen)")
    }

    @Test func thePlainModeSaysWhenItsInputEndedWithWorkItCouldNotSave() {
        let (ending, _) = run(setup(saveOutcome: .failed(.diskFull, detail: nil)),
                              [.line("\(Self.planItem)"), .line("pw"), .line("1"), .line("1"), .inputEnded], lineMode: true)
        guard case .exit(1, let message?) = ending else { Issue.record("\(ending)"); return }
        #expect(message == Fixtures.shipped.plan!.message(.diskFull))
    }
}

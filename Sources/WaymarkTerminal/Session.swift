import CTerminalGuard
import Glibc
import WaymarkCore
import WaymarkUI

/// What the program needs from outside the terminal: the content, other languages, and the
/// safety plan's file (kept behind closures so that this module needs no cryptography).
public struct SessionSetup {
    public var content: Content
    public var useColor: Bool
    public var planFile: PlanFileState
    public var planPath: String?
    public var exportPath: String
    /// Minutes without a key after which the program does what the quick exit does (nil: never).
    public var idleMinutes: Int?
    public var plans: PlanKeeper
    /// Copies of the plan saved beside its file at an earlier exit (said when the plan is opened).
    public var copiesSaved: [String] = []
    /// The content of another language (read the first time it is asked for, stepped as `complete`).
    public var load: (String) -> ContentReading
    /// The rest of the content, read right after the first screen is drawn (`content` holds
    /// only what that screen needs); nil when `content` is complete. The session steps it and
    /// answers a quick exit typed between steps.
    public var complete: ContentReading?
    /// Hosted mode (`--hosted`): the plan is never saved or exported (see `AppState`).
    public var hosted: Bool

    public init(content: Content, useColor: Bool, planFile: PlanFileState, planPath: String?, exportPath: String,
                idleMinutes: Int? = nil, plans: PlanKeeper, hosted: Bool = false,
                complete: ContentReading? = nil,
                load: @escaping (String) -> ContentReading) {
        self.hosted = hosted
        self.complete = complete
        self.content = content
        self.useColor = useColor
        self.planFile = planFile
        self.planPath = planPath
        self.exportPath = exportPath
        self.idleMinutes = idleMinutes
        self.plans = plans
        self.load = load
    }
}

/// Does what the core asks of the plan's file, and writes the plan when it changed.
public struct PlanKeeper {
    public var perform: (PlanEffect, SafetyPlan) -> PlanOutcome
    public var save: (SafetyPlan) -> PlanOutcome
    /// The save on a quick exit or a termination signal: as `save`, but where the file was
    /// changed elsewhere, into a new file beside it (nobody is left to ask).
    public var saveBeforeLeaving: (SafetyPlan) -> PlanOutcome

    public init(perform: @escaping (PlanEffect, SafetyPlan) -> PlanOutcome, save: @escaping (SafetyPlan) -> PlanOutcome,
                saveBeforeLeaving: ((SafetyPlan) -> PlanOutcome)? = nil) {
        self.perform = perform
        self.save = save
        self.saveBeforeLeaving = saveBeforeLeaving ?? save
    }
}

/// Runs the program in a terminal: keys in, actions through the core, frames out.
public enum Session {
    /// How long typing may pause before the plan is written (it is also written on the quick exit).
    static let saveAfterMilliseconds: Int32 = 400

    public static func run(_ setup: SessionSetup) throws(SessionError) {
        var loaded = [setup.content.language: setup.content]
        let terminal: Terminal
        do { terminal = try Terminal.start(useColor: setup.useColor) } catch { throw .terminal(error) }
        // What a person types into the plan must never end up in a core file.
        wm_disable_core_dumps()
        var state = AppState(content: setup.content, size: terminal.size, planFile: setup.planFile,
                             planPath: setup.planPath, exportPath: setup.exportPath,
                             settings: Settings(idleMinutes: setup.idleMinutes, theme: terminal.theme), hosted: setup.hosted)
        state.noteCopiesSaved(setup.copiesSaved)
        /// Clears the screen first, then writes the latest plan, then ends: the clearing is never
        /// delayed and typed work is never lost.
        func quickExit() -> Never {
            terminal.clearScreenNow()
            if let plan = state.planToSave { _ = writing { setup.plans.saveBeforeLeaving(plan) } }
            _exit(0)
        }
        /// A write of the plan's file: a termination signal meanwhile waits for it to finish
        /// (a half-written temporary file would lose the last keys); then the program ends.
        var terminationCame = false
        func writing(_ body: () -> PlanOutcome) -> PlanOutcome {
            wm_guard_save_begin()
            let outcome = body()
            if wm_guard_save_end() != 0 { terminationCame = true }
            return outcome
        }
        /// After a write that a termination signal waited for: what is still unsaved, then end.
        func endIfTerminationCame() {
            if terminationCame { quickExit() }
        }

        var lastKey = monotonicMilliseconds()
        var frame = render(state)
        terminal.draw(frame)
        // Keys typed while the rest of the content is read: a quick exit among them is done at
        // once; the others wait for the loop below.
        var typedAhead: [Key] = []
        var resizedMeanwhile = false
        func answerQuickExitWhileReading() {
            switch terminal.next(timeoutMilliseconds: 0) {
            case .idle, .workDone: break
            case .resized: resizedMeanwhile = true
            case .closed, .terminated: quickExit()
            case .keys(let keys):
                if keys.contains(where: { Bindings.action(for: $0, in: state.context) == .quickExit }) { quickExit() }
                typedAhead += keys
            }
        }
        func read(_ reading: ContentReading) -> Result<Content, ContentReadFailure> {
            while true {
                switch reading.step() {
                case .reading: answerQuickExitWhileReading()
                case .done(let content): return .success(content)
                case .failed(let message): return .failure(ContentReadFailure(message))
                }
            }
        }
        if let complete = setup.complete {
            switch read(complete) {
            case .success(let full):
                loaded[full.language] = full
                state.switchContent(full)
            case .failure(let failure):
                // Put the terminal back as it was before saying what is wrong.
                terminal.stop()
                throw .content(failure.message)
            }
        }

        /// Deriving a key from a passphrase takes about a second: it runs on a thread of its own
        /// while this loop keeps reading, so the quick exit stays instant. Other keys wait.
        func performAnsweringQuickExit(_ request: PlanEffect) -> PlanOutcome {
            let plan = state.plan.plan
            let plans = setup.plans
            guard request.derivesAKey, let work = BackgroundWork({ plans.perform(request, plan) }) else {
                return plans.perform(request, plan)
            }
            func leave() -> Never {
                terminal.clearScreenNow()
                // A new plan's file is being written: let it finish whole. An unlock only reads.
                if case .create = request { _ = work.finish() }
                _exit(0)
            }
            while true {
                switch terminal.next(alsoWatching: work.readyFD) {
                case .workDone: return work.finish()
                case .idle: continue
                case .resized: resizedMeanwhile = true
                case .closed, .terminated: leave()
                case .keys(let keys):
                    if keys.contains(where: { Bindings.action(for: $0, in: state.context) == .quickExit }) { leave() }
                    typedAhead += keys
                }
            }
        }

        func handle(_ effects: [Effect], repaint: inout Bool) {
            for effect in effects {
                switch effect {
                case .quickExit: quickExit()
                case .quit:
                    if let plan = state.planToSave {
                        let outcome = writing { setup.plans.save(plan) }
                        if outcome == .saved { state.planWasSaved() }
                        endIfTerminationCame()
                        if outcome != .saved, !state.plan.leavingUnsaved {
                            // Never leave quietly with work that could not be saved: say why, stay.
                            state.quitFailedToSave(outcome)
                            continue
                        }
                    }
                    terminal.stop()
                    exit(0)
                case .repaint: repaint = true
                case .switchLanguage(let language):
                    if let ready = loaded[language] {
                        state.switchContent(ready)
                        continue
                    }
                    switch read(setup.load(language)) {
                    case .success(let other):
                        loaded[language] = other
                        state.switchContent(other)
                    case .failure(let failure):
                        state.show(notice: state.content.strings[.languageFailed] + " " + failure.message)
                    }
                case .plan(let request):
                    // Show "Opening your plan..." before the key derivation takes its moment.
                    frame = render(state)
                    terminal.draw(frame)
                    switch request {
                    case .create, .lock, .overwrite:
                        state.apply(writing { performAnsweringQuickExit(request) })
                        endIfTerminationCame()
                    case .unlock, .erase, .export:
                        state.apply(performAnsweringQuickExit(request))
                    }
                    wm_wipe_dead_stack()
                }
            }
        }

        while true {
            var repaint = false
            // Unsaved plan changes: a signal to end lets the loop save them first (the screen is
            // cleared by the signal's handler at once either way).
            wm_guard_defer_termination(state.planToSave == nil ? 0 : 1)
            var wait: Int32 = state.planToAutosave == nil ? -1 : saveAfterMilliseconds
            if let minutes = state.settings.idleMinutes {
                let left = max(0, Int64(minutes) * 60_000 - (monotonicMilliseconds() - lastKey))
                wait = wait < 0 ? Int32(min(left, Int64(Int32.max))) : min(wait, Int32(min(left, Int64(Int32.max))))
            }
            let input: Terminal.Input
            if resizedMeanwhile {
                resizedMeanwhile = false
                input = .resized
            } else if !typedAhead.isEmpty {
                input = .keys(typedAhead)
                typedAhead = []
            } else {
                input = terminal.next(timeoutMilliseconds: wait)
            }
            if case .keys = input { lastKey = monotonicMilliseconds() }
            if let minutes = state.settings.idleMinutes, monotonicMilliseconds() - lastKey >= Int64(minutes) * 60_000 {
                // Nobody has touched it for a while: hide everything, as the quick exit does.
                quickExit()
            }
            switch input {
            case .closed, .terminated:
                quickExit()
            case .workDone: break
            case .idle:
                if let plan = state.planToAutosave {
                    let outcome = writing { setup.plans.save(plan) }
                    if outcome == .saved { state.planWasSaved() } else { state.planSaveFailed(outcome) }
                    endIfTerminationCame()
                }
            case .resized:
                _ = state.update(.resize(terminal.resized()))
                repaint = true
            case .keys(let keys):
                if let leave = keys.firstIndex(where: Bindings.leavesAtOnce) {
                    // Esc read together with other keys wins over them (an Enter before it could
                    // start a second of key derivation); text typed before it is kept.
                    if state.context == .editing {
                        let text = String(keys[..<leave].compactMap { key -> Character? in
                            if case .char(let character) = key { character } else { nil }
                        })
                        if !text.isEmpty { _ = state.update(.insert(text)) }
                    }
                    quickExit()
                }
                var typed = ""
                func flushTyped() {
                    guard !typed.isEmpty else { return }
                    // A paste arrives as one insert, not thousands.
                    handle(state.update(.insert(typed)), repaint: &repaint)
                    typed = ""
                }
                for (position, key) in keys.enumerated() {
                    if state.context == .editing {
                        switch key {
                        case .char(let character):
                            typed.append(character)
                            continue
                        case .paste(let text):
                            typed += text
                            continue
                        case .enter, .tab:
                            // Text on both sides in one read: a paste from a terminal without
                            // bracketed paste. The break is part of the text, never a command.
                            if !typed.isEmpty, keys[(position + 1)...].contains(where: { if case .char = $0 { true } else { false } }) {
                                typed.append(key == .tab ? "\t" : "\n")
                                continue
                            }
                        default: break
                        }
                    }
                    flushTyped()
                    guard let action = Bindings.action(for: key, in: state.context) else { continue }
                    handle(state.update(action), repaint: &repaint)
                }
                flushTyped()
            }
            if terminal.theme != state.settings.theme {
                terminal.theme = state.settings.theme
                repaint = true
            }
            let next = render(state)
            if next != frame || repaint {
                frame = next
                terminal.draw(frame, repaint: repaint)
            }
        }
    }
}

func monotonicMilliseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
}

public enum SessionError: Error {
    case terminal(TerminalError)
    /// The content could not be read; the terminal is already restored.
    case content(String)
}

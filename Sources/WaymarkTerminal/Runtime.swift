import CTerminalGuard
import Glibc
import WaymarkCore
import WaymarkWidgets

/// What the program needs from outside the terminal: the content, other languages, and the
/// safety plan's file (kept behind closures so that this module needs no cryptography).
public struct SessionSetup {
    public var content: Content
    public var planFile: PlanFileState
    public var planPath: String?
    public var exportPath: String
    /// Minutes without a key after which the program does what the quick exit does (nil: never).
    public var idleMinutes: Int?
    public var plans: PlanKeeper
    /// Copies of the plan saved beside its file at an earlier exit (said when the plan is opened).
    public var copiesSaved: [String] = []
    /// Another language's content, read the first time it is asked for.
    public var load: (String) -> ContentReading
    /// The rest of the content, read right after the first screen is drawn (`content` holds
    /// only what that screen needs); nil when `content` is complete.
    public var complete: ContentReading?
    /// Hosted mode (`--hosted`): the plan is never saved or exported (see `AppState`).
    public var hosted: Bool

    public init(content: Content, planFile: PlanFileState, planPath: String?, exportPath: String,
                idleMinutes: Int? = nil, plans: PlanKeeper, hosted: Bool = false, complete: ContentReading? = nil,
                load: @escaping (String) -> ContentReading) {
        self.hosted = hosted
        self.complete = complete
        self.content = content
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

/// What the runtime needs of a terminal: the full screen (ncurses), the plain line mode, or a
/// fake one in tests.
public protocol Backend {
    var size: Size { get }
    var theme: Theme { get }
    /// True for the plain line mode (see `AppState.lineMode`).
    var lineMode: Bool { get }
    /// Shows the state: a frame drawn, or lines printed. `repaint`: all of it again.
    mutating func show(_ state: AppState, repaint: Bool)
    /// Waits up to `timeoutMilliseconds` (-1: for ever) for input; also wakes when the
    /// descriptor `work` (-1: none) is readable.
    mutating func next(timeoutMilliseconds: Int32, alsoWatching work: Int32) -> BackendInput
    /// The quick exit's clearing: at once, before anything else.
    func clearNow()
    /// Puts the terminal back as it was, for a normal end.
    mutating func stop()
    /// An input was acted on (perhaps long after it was read: input read while content loads
    /// or a key is derived waits its turn). `wasEditing`: a box was open for it; `choseNothing`:
    /// it was an answer that names nothing on the screen (the screen stays as it was).
    mutating func handled(_ input: BackendInput, wasEditing: Bool, choseNothing: Bool)
}

extension Backend {
    public mutating func handled(_ input: BackendInput, wasEditing: Bool, choseNothing: Bool) {}
}

public enum BackendInput: Equatable {
    case keys([Key])
    /// A line of the plain mode.
    case line(String)
    /// A key that is not yet a message (the plain mode's line being typed).
    case typing
    case resized(Size)
    /// The terminal went away: the quick exit.
    case closed
    /// The plain mode's input ended: leave, saving first.
    case inputEnded
    /// A termination signal came (the screen is already clear): save and end.
    case terminated
    case idle
    /// The work watched (`alsoWatching`) is done.
    case workDone
}

/// How the program ends; the caller ends the process.
public enum Ending: Equatable {
    /// The screen is clear and the plan written: end at once (`_exit(0)`).
    case quickExit
    /// The terminal is put back: end with this status, the message (if any) on standard error.
    case exit(status: Int32, message: String?)
    /// The rest of the content could not be read (the terminal is put back): file:line problems.
    case contentFailed(String)
}

/// The one event loop of both modes: input from the backend becomes messages, `AppState`'s
/// update answers with effects, and the effects (saves, loads, timers, the end) run here and
/// come back as messages.
public struct Runtime<B: Backend> {
    public private(set) var state: AppState
    private var backend: B
    private let setup: SessionSetup
    private var loaded: [String: Content] = [:]
    private var autosaveAt: Int64?
    private var idleAt: Int64?
    /// Input read while something else was being waited for (a key derivation, a file read).
    private var waiting: [BackendInput] = []
    private var repaint = false
    private var terminationCame = false
    private let now: () -> Int64

    private struct Leave: Error { let ending: Ending }

    public init(_ setup: SessionSetup, backend: B, clock: @escaping () -> Int64 = monotonicMilliseconds) {
        self.setup = setup
        self.backend = backend
        now = clock
        state = AppState(content: setup.content, size: backend.size, planFile: setup.planFile, planPath: setup.planPath,
                         exportPath: setup.exportPath, settings: Settings(idleMinutes: setup.idleMinutes, theme: backend.theme),
                         hosted: setup.hosted, lineMode: backend.lineMode, copiesSaved: setup.copiesSaved)
    }

    public static func run(_ setup: SessionSetup, on backend: B) -> Ending {
        var runtime = Runtime(setup, backend: backend)
        return runtime.run()
    }

    public mutating func run() -> Ending {
        // What a person types into the plan must never end up in a core file.
        wm_disable_core_dumps()
        loaded[state.content.language] = state.content
        do throws(Leave) {
            try dispatch(.started)
            backend.show(state, repaint: false)
            if let complete = setup.complete {
                switch try read(complete) {
                case .done(let full):
                    loaded[full.language] = full
                    try dispatch(.contentLoaded(full))
                case .failed(let why):
                    backend.stop()
                    return .contentFailed(why)
                case .reading: break
                }
            }
            while true {
                // Unsaved plan changes: a signal to end lets the loop save them first (the
                // screen is cleared by the signal's handler at once either way).
                wm_guard_defer_termination(state.planToSave == nil ? 0 : 1)
                let input = waiting.isEmpty ? backend.next(timeoutMilliseconds: timeout(), alsoWatching: -1) : waiting.removeFirst()
                try handle(input)
                try fireDueTimers()
                backend.show(state, repaint: repaint)
                repaint = false
            }
        } catch {
            return error.ending
        }
    }

    private func timeout() -> Int32 {
        guard let due = [autosaveAt, idleAt].compactMap({ $0 }).min() else { return -1 }
        return Int32(clamping: max(0, due - now()))
    }

    private mutating func fireDueTimers() throws(Leave) {
        let time = now()
        if let due = idleAt, due <= time {
            idleAt = nil
            try dispatch(.timerFired(.idle))
        }
        if let due = autosaveAt, due <= time {
            autosaveAt = nil
            try dispatch(.timerFired(.autosave))
        }
    }

    private mutating func handle(_ input: BackendInput) throws(Leave) {
        switch input {
        case .closed, .terminated: try quickExit()
        case .idle, .workDone: break
        case .typing: try dispatch(.typing)
        case .inputEnded: try dispatch(.inputEnded)
        case .resized(let size):
            try dispatch(.resized(size))
            repaint = true
        case .line(let line):
            let wasEditing = state.context == .editing
            let messages = state.plainMessages(for: line)
            for message in messages { try dispatch(message) }
            let choseNothing = messages.allSatisfy { if case .noSuchChoice = $0 { true } else { false } }
            backend.handled(input, wasEditing: wasEditing, choseNothing: choseNothing)
        case .keys(let read):
            var keys = state.keysBeforeLeaving(read)[...]
            while let message = state.nextMessage(from: &keys) { try dispatch(message) }
        }
    }

    private mutating func dispatch(_ message: Msg) throws(Leave) {
        for effect in state.update(message) { try run(effect) }
    }

    private mutating func run(_ effect: Effect) throws(Leave) {
        switch effect {
        case .quickExit: try quickExit()
        case .exit(let status, let message):
            backend.stop()
            throw Leave(ending: .exit(status: status, message: message))
        case .repaint: repaint = true
        case .startTimer(let timer, let milliseconds):
            let due = now() + Int64(milliseconds)
            switch timer {
            case .autosave: autosaveAt = due
            case .idle: idleAt = due
            }
        case .stopTimer(.autosave): autosaveAt = nil
        case .stopTimer(.idle): idleAt = nil
        case .save(let plan, let reason):
            beginWrite()
            let outcome = setup.plans.save(plan)
            endWrite()
            try dispatch(.saved(outcome, reason))
            try endIfTerminationCame()
        case .switchLanguage(let language):
            if let ready = loaded[language] { return try dispatch(.contentLoaded(ready)) }
            switch try read(setup.load(language)) {
            case .done(let other):
                loaded[language] = other
                try dispatch(.contentLoaded(other))
            case .failed(let why): try dispatch(.contentFailed(why))
            case .reading: break
            }
        case .plan(let request):
            // Show "Opening your plan..." before the key derivation takes its moment.
            backend.show(state, repaint: false)
            let writes = switch request {
            case .create, .lock, .overwrite: true
            case .unlock, .erase, .export: false
            }
            if writes { beginWrite() }
            let outcome = try perform(request)
            if writes { endWrite() }
            try dispatch(.planDone(outcome))
            wm_wipe_dead_stack()
            try endIfTerminationCame()
        }
    }

    /// Clears the screen first, then writes the latest plan, then ends: the clearing is never
    /// delayed and typed work is never lost.
    private mutating func quickExit() throws(Leave) -> Never {
        backend.clearNow()
        if let plan = state.planToSave {
            beginWrite()
            _ = setup.plans.saveBeforeLeaving(plan)
            endWrite()
        }
        throw Leave(ending: .quickExit)
    }

    /// A write of the plan's file: a termination signal meanwhile waits for it to finish (a
    /// half-written temporary file would lose the last keys); then the program ends.
    private func beginWrite() { wm_guard_save_begin() }

    private mutating func endWrite() {
        if wm_guard_save_end() != 0 { terminationCame = true }
    }

    private mutating func endIfTerminationCame() throws(Leave) {
        if terminationCame { try quickExit() }
    }

    /// Deriving a key from a passphrase takes about a second: it runs on a thread of its own
    /// while this loop keeps reading, so the quick exit stays instant. Other input waits.
    private mutating func perform(_ request: PlanEffect) throws(Leave) -> PlanOutcome {
        let plan = state.plan.plan
        let plans = setup.plans
        guard request.derivesAKey, let work = BackgroundWork({ plans.perform(request, plan) }) else {
            return plans.perform(request, plan)
        }
        while true {
            let input = backend.next(timeoutMilliseconds: -1, alsoWatching: work.readyFD)
            if input == .workDone { return work.finish() }
            if leavesAtOnce(input) {
                backend.clearNow()
                // A new plan's file is being written: let it finish whole. An unlock only reads.
                if case .create = request { _ = work.finish() }
                throw Leave(ending: .quickExit)
            }
            keep(input)
        }
    }

    /// Steps through a read of content, answering a quick exit typed meanwhile.
    private mutating func read(_ reading: ContentReading) throws(Leave) -> ContentReadStep {
        while true {
            let step = reading.step()
            if case .reading = step {
                let input = backend.next(timeoutMilliseconds: 0, alsoWatching: -1)
                if leavesAtOnce(input) { try quickExit() }
                keep(input)
                continue
            }
            return step
        }
    }

    private func leavesAtOnce(_ input: BackendInput) -> Bool {
        switch input {
        case .closed, .terminated: true
        case .keys(let keys): keys.contains(where: Bindings.leavesAtOnce)
        case .line, .typing, .resized, .inputEnded, .idle, .workDone: false
        }
    }

    private mutating func keep(_ input: BackendInput) {
        switch input {
        case .idle, .workDone: break
        case .keys, .line, .typing, .resized, .closed, .inputEnded, .terminated: waiting.append(input)
        }
    }
}

public func monotonicMilliseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
}

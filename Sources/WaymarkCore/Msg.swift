import WaymarkWidgets

/// Everything that can happen to the program, as one type: `AppState.update(_:)` is the only way
/// its state changes, and the runtime sends the results of effects back as messages.
public enum Msg: Sendable {
    /// The runtime is ready (the first frame is drawn).
    case started
    /// What a key, or a line of the plain mode, means.
    case key(Action)
    /// A key that is not yet a message (the plain mode's line being typed): the person is there.
    case typing
    case resized(Size)
    case timerFired(TimerKind)
    case saved(PlanOutcome, SaveReason)
    case planDone(PlanOutcome)
    /// The whole content of the language shown, or of the one asked for.
    case contentLoaded(Content)
    /// Another language could not be loaded: why.
    case contentFailed(String)
    /// The plain mode's input ended (a file piped in, or Ctrl-D).
    case inputEnded
    /// The plain mode was given an answer that chooses nothing here: a number no choice on the
    /// screen has, or (nil) something that is not a number or a letter it knows.
    case noSuchChoice(Int?)
}

extension AppState {
    /// How long typing may pause before the plan is written (it is also written on the quick exit).
    public static let saveAfterMilliseconds = 400

    public mutating func update(_ msg: Msg) -> [Effect] {
        var effects: [Effect] = []
        switch msg {
        case .started, .typing: break
        case .key(let action): effects = update(action)
        case .resized(let newSize): effects = update(.resize(newSize))
        case .timerFired(.autosave):
            // The only message that does not start the pause again: the save is its answer.
            return planToAutosave.map { [.save($0, .pause)] } ?? []
        case .timerFired(.idle): return [.quickExit]
        case .saved(let outcome, .pause):
            if outcome == .saved { planWasSaved() } else { planSaveFailed(outcome) }
        case .saved(let outcome, .quitting):
            if outcome == .saved { planWasSaved() }
            // Never leave quietly with work that could not be saved: say why, stay.
            guard outcome == .saved || plan.leavingUnsaved else {
                quitFailedToSave(outcome)
                break
            }
            return [.exit(status: 0, message: nil)]
        case .saved(let outcome, .inputEnded):
            guard outcome != .saved, let template = content.plan else { return [.exit(status: 0, message: nil)] }
            // The input ended with work that could not be saved: say so, and not with status 0.
            planSaveFailed(outcome)
            return [.exit(status: 1, message: template.message(plan.saveFailure ?? .saveFailed))]
        case .planDone(let outcome): apply(outcome)
        case .contentLoaded(let newContent): switchContent(newContent)
        case .contentFailed(let why): show(notice: content.strings[.languageFailed] + " " + why)
        case .inputEnded:
            return planToSave.map { [.save($0, .inputEnded)] } ?? [.exit(status: 0, message: nil)]
        case .noSuchChoice(let n):
            let key: StringKey = !hasChoices ? .plainNothingToChoose : n == nil ? .plainNotUnderstood : .plainNoChoice
            show(notice: content.strings[key].replacingAll("{n}", with: n.map { "\($0)" } ?? ""))
        }
        switch msg {
        case .started, .key, .typing, .noSuchChoice:
            effects.append(settings.idleMinutes.map { .startTimer(.idle, milliseconds: $0 * 60_000) } ?? .stopTimer(.idle))
        case .resized, .timerFired, .saved, .planDone, .contentLoaded, .contentFailed, .inputEnded: break
        }
        if effects.contains(where: { if case .exit = $0 { true } else { $0 == .quickExit } }) { return effects }
        effects.append(planToAutosave == nil ? .stopTimer(.autosave) : .startTimer(.autosave, milliseconds: Self.saveAfterMilliseconds))
        return effects
    }

    public static func update(_ state: AppState, _ msg: Msg) -> (AppState, [Effect]) {
        var next = state
        let effects = next.update(msg)
        return (next, effects)
    }

    /// The next message in keys read together. In a box, a run of typed characters is one
    /// insert (a paste arrives as one, not thousands), and so is a line break with text on both
    /// sides (a paste from a terminal without bracketed paste: the break is text, not a command).
    /// Keys that mean nothing here are skipped; nil when none are left.
    public func nextMessage(from keys: inout ArraySlice<Key>) -> Msg? {
        while let key = keys.first {
            if context == .editing {
                var typed = ""
                gathering: while let next = keys.first {
                    switch next {
                    case .char(let character): typed.append(character)
                    case .paste(let text): typed += text
                    case .enter, .tab:
                        guard !typed.isEmpty, keys.dropFirst().contains(where: { if case .char = $0 { true } else { false } }) else {
                            break gathering
                        }
                        typed.append(next == .tab ? "\t" : "\n")
                    default: break gathering
                    }
                    keys.removeFirst()
                }
                if !typed.isEmpty { return .key(.insert(typed)) }
            }
            keys.removeFirst()
            if let action = Bindings.action(for: key, in: context) { return .key(action) }
        }
        return nil
    }

    /// Esc or Ctrl-C read together with other keys wins over them (an Enter before it could
    /// start a second of key derivation); text typed into a box before it is kept.
    public func keysBeforeLeaving(_ keys: [Key]) -> [Key] {
        guard let leave = keys.firstIndex(where: Bindings.leavesAtOnce) else { return keys }
        let text = context == .editing ? keys[..<leave].filter { key in
            switch key {
            case .char, .paste: true
            default: false
            }
        } : []
        return text + [keys[leave]]
    }

    /// A line typed in the plain mode, as messages: numbers choose, Enter alone shows more, a
    /// box takes the whole line.
    public func plainMessages(for line: String) -> [Msg] {
        if context == .editing {
            if line.contains("\u{1B}") { return [.key(.quickExit)] }
            // Enter alone keeps what the box holds (never for a passphrase: it is asked afresh).
            let keep = plan.editing?.text ?? ""
            return [.key(.submitText(line.isEmpty && !isTypingSecret ? keep : line))]
        }
        let answer = String(line.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        if answer.contains("\u{1B}") || answer.lowercased() == "x" { return [.key(.quickExit)] }
        switch answer {
        case "": return [.key(.pageDown)]
        case "b", "B": return [.key(.back)]
        case "q", "Q": return [.key(.quit)]
        case "?": return [.key(.help)]
        case "L": return [.key(.switchLanguage)]
        default:
            guard let n = Int(answer) else { return [.noSuchChoice(nil)] }
            // Choices and rows are numbered from the top, however many there are; a number
            // that names none opens nothing.
            guard hasChoices, n >= 1, n <= layout.items.count else { return [.noSuchChoice(n)] }
            return [.key(.home)] + Array(repeating: .key(.down), count: n - 1) + [.key(.open)]
        }
    }

    /// A passphrase is being typed: it is never shown.
    public var isTypingSecret: Bool { screen.isPassphrase && context == .editing }
}

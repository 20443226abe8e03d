/// What the runtime around the core must do after an update. Each that has a result sends it
/// back as a `Msg`.
public enum Effect: Sendable, Equatable {
    /// Clear the screen at once, write what is unsaved, end.
    case quickExit
    /// End now, the terminal put back; a message, if any, goes to standard error.
    case exit(status: Int32, message: String?)
    case repaint
    /// Load another language's content: `Msg.contentLoaded` or `Msg.contentFailed`.
    case switchLanguage(to: String)
    /// The safety plan's file: `Msg.planDone`.
    case plan(PlanEffect)
    /// Write the plan to its file: `Msg.saved`.
    case save(SafetyPlan, SaveReason)
    /// `Msg.timerFired` after this long, unless started again or stopped first.
    case startTimer(TimerKind, milliseconds: Int)
    case stopTimer(TimerKind)
}

public enum SaveReason: Sendable, Equatable {
    /// Typing paused.
    case pause
    /// The person pressed `q`.
    case quitting
    /// The plain mode's input ended.
    case inputEnded
}

public enum TimerKind: Sendable, Equatable {
    /// Write the plan after a pause in typing.
    case autosave
    /// No key for the minutes chosen in the settings: do what the quick exit does.
    case idle
}

/// What the shell around the core must do after an update.
public enum Effect: Sendable, Equatable {
    case quit
    case quickExit
    case repaint
    /// Load the content of the other language and hand it to `AppState.switchContent`.
    case switchLanguage(to: String)
    /// The safety plan's file: each is done by the shell, which reports back to the state.
    case plan(PlanEffect)
}

import WaymarkCore
import WaymarkUI
import WaymarkWidgets

/// The full-screen mode: frames drawn with ncurses, keys decoded from the terminal's bytes.
public struct TerminalBackend: Backend {
    private let terminal: Terminal
    private var frame: Frame?

    public init(useColor: Bool) throws(TerminalError) {
        terminal = try Terminal.start(useColor: useColor)
    }

    public var size: Size { terminal.size }
    public var theme: Theme { terminal.theme }
    public var lineMode: Bool { false }

    public mutating func show(_ state: AppState, repaint: Bool) {
        var repaint = repaint
        if terminal.theme != state.settings.theme {
            terminal.theme = state.settings.theme
            repaint = true
        }
        let next = render(state)
        guard next != frame || repaint else { return }
        frame = next
        terminal.draw(next, repaint: repaint)
    }

    public mutating func next(timeoutMilliseconds: Int32, alsoWatching work: Int32) -> BackendInput {
        switch terminal.next(timeoutMilliseconds: timeoutMilliseconds, alsoWatching: work) {
        case .keys(let keys): .keys(keys)
        case .resized: .resized(terminal.resized())
        case .closed: .closed
        case .terminated: .terminated
        case .idle: .idle
        case .workDone: .workDone
        }
    }

    public func clearNow() { terminal.clearScreenNow() }

    public mutating func stop() { terminal.stop() }
}

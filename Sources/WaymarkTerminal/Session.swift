import WaymarkCore
import WaymarkUI

/// Runs the program in a terminal: keys in, actions through the core, frames out.
public enum Session {
    public static func run(content: Content, useColor: Bool) throws(TerminalError) {
        let terminal = try Terminal.start(useColor: useColor)
        var state = AppState(content: content, size: terminal.size)
        var frame = render(state)
        terminal.draw(frame)
        while true {
            var repaint = false
            switch terminal.next() {
            case .closed:
                terminal.quickExit()
            case .resized:
                _ = state.update(.resize(terminal.resized()))
                repaint = true
            case .keys(let keys):
                for key in keys {
                    guard let action = Bindings.action(for: key, in: state.context) else { continue }
                    for effect in state.update(action) {
                        switch effect {
                        case .quickExit: terminal.quickExit()
                        case .quit:
                            terminal.stop()
                            return
                        case .repaint: repaint = true
                        }
                    }
                }
            }
            let next = render(state)
            if next != frame || repaint {
                frame = next
                terminal.draw(frame, repaint: repaint)
            }
        }
    }
}

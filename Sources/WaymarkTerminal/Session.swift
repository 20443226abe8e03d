import WaymarkCore
import WaymarkUI

/// Runs the program in a terminal: keys in, actions through the core, frames out.
public enum Session {
    /// `load` gives the content of another language (loaded the first time it is asked for), or
    /// the problem that stopped it loading.
    public static func run(content: Content, useColor: Bool,
                           load: (String) -> Result<Content, ContentLoadFailure>) throws(TerminalError) {
        var loaded = [content.language: content]
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
                        case .switchLanguage(let language):
                            if let ready = loaded[language] {
                                state.switchContent(ready)
                                continue
                            }
                            switch load(language) {
                            case .success(let other):
                                loaded[language] = other
                                state.switchContent(other)
                            case .failure(let failure):
                                state.show(notice: state.content.strings[.languageFailed] + " " + failure.message)
                            }
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

public struct ContentLoadFailure: Error {
    public let message: String
    public init(_ message: String) { self.message = message }
}

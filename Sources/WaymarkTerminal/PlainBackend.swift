import CTerminalGuard
import Glibc
import WaymarkCore
import WaymarkWidgets
import WaymarkText

/// The plain line mode: no cursor addressing and no colours. Each screen is printed as lines of
/// text with numbered choices; answers are read a line at a time. For screen readers and
/// braille displays, for terminals that cannot do more (TERM=dumb or unknown), and for input
/// piped from a file (it stops at the end of the input).
public struct PlainBackend: Backend {
    public let size: Size
    public var theme: Theme { Settings().theme }
    public var lineMode: Bool { true }
    private let interactive = isatty(STDIN_FILENO) == 1
    private let toTerminal = isatty(STDOUT_FILENO) == 1

    private var shown: ScreenEntry?
    private var shownNotice: String?
    /// The screen is printed again after an answer that changed nothing else on it (a ticked
    /// row), unless a box opened there or the answer chose nothing; and after a box was answered.
    private var printAgain = false
    private var boxAnswered = false
    private var promptDue = true
    /// The keys are said at the start, in each language the person turns to, and once each
    /// time the help is opened.
    private var promptedIn: String?
    private var helpOpened = false
    /// What the line being typed is for: a box (a pasted line break stays text) or a secret.
    private var intoBox = false
    private var hidden = false
    private var typed: [UInt8] = []
    private var previous: UInt8 = 0
    private var ended = false

    public init() {
        let width = Self.environmentNumber("COLUMNS").map { min(max($0, 20), 120) } ?? 80
        let height = Self.environmentNumber("LINES").map { max($0, 8) } ?? 24
        size = Size(width: width, height: height)
        // Signals clear the screen too, and every way out puts the terminal's modes back.
        let clearing = toTerminal ? "\u{1B}[0m\u{1}\u{1B}[H\u{1B}[2J\u{1B}[3J" : ""
        _ = clearing.withCString { wm_guard_install(toTerminal ? STDOUT_FILENO : STDIN_FILENO, $0, strlen($0)) }
        if interactive { Self.byteByByte() }
    }

    public mutating func show(_ state: AppState, repaint: Bool) {
        if state.screen != shown || repaint || boxAnswered || (printAgain && state.context != .editing) {
            if state.screen.isHelp && shown?.isHelp != true { helpOpened = true }
            Self.write(text: Self.text(of: state))
            if let notice = state.notice { Self.write(text: notice + "\n") }
            shown = state.screen
            shownNotice = state.notice
            printAgain = false
            boxAnswered = false
            promptDue = true
        } else if let notice = state.notice, notice != shownNotice {
            Self.write(text: notice + "\n")
            shownNotice = notice
            promptDue = true
        }
        // "Saving..." is shown while the key derivation runs: nothing can be answered then.
        guard promptDue, state.plan.busy == nil else { return }
        promptDue = false
        intoBox = state.context == .editing
        hidden = state.isTypingSecret && interactive
        if intoBox {
            Self.write(text: state.content.strings[.plainType] + "\n")
        } else {
            if promptedIn != state.content.language || helpOpened {
                Self.write(text: state.content.strings[.plainPrompt] + "\n")
            }
            helpOpened = false
            promptedIn = state.content.language
            Self.write(text: "> ")
        }
    }

    public mutating func next(timeoutMilliseconds: Int32, alsoWatching work: Int32) -> BackendInput {
        var fds = [pollfd(fd: ended ? -1 : STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wm_termination_pipe_fd(), events: Int16(POLLIN), revents: 0),
                   pollfd(fd: work, events: Int16(POLLIN), revents: 0)]
        while true {
            let ready = poll(&fds, 3, timeoutMilliseconds)
            if ready < 0, errno == EINTR { continue }
            if ready <= 0 { return .idle }
            if fds[1].revents & Int16(POLLIN) != 0 { return .terminated }
            if fds[2].revents & Int16(POLLIN) != 0 { return .workDone }
            break
        }
        let input = interactive ? readTyped() : readPiped()
        switch input {
        case .line:
            typed = []
            previous = 0
        case .inputEnded: ended = true
        case .keys, .typing, .resized, .closed, .terminated, .idle, .workDone: break
        }
        return input
    }

    public mutating func handled(_ input: BackendInput, wasEditing: Bool, choseNothing: Bool) {
        guard case .line(let line) = input else { return }
        boxAnswered = wasEditing
        // An answer that chose nothing gets only its message: the screen above has not changed.
        printAgain = !wasEditing && !choseNothing && !line.allSatisfy { $0 == " " || $0 == "\t" }
        if choseNothing { shownNotice = nil }
        promptDue = true
    }

    public func clearNow() {
        if toTerminal { Terminal.clearEverythingNow() } else { wm_guard_emergency_clear() }
    }

    public mutating func stop() { wm_guard_restore_modes() }

    /// A piped line: bytes up to a newline (a last line without one is a line too).
    private mutating func readPiped() -> BackendInput {
        var byte: UInt8 = 0
        while true {
            let n = Glibc.read(STDIN_FILENO, &byte, 1)
            if n < 0, errno == EINTR { continue }
            if n <= 0 {
                if typed.isEmpty { return .inputEnded }
                if typed.last == 13 { typed.removeLast() }
                return .line(String(decoding: typed, as: UTF8.self))
            }
            if byte == 10 {
                if typed.last == 13 { typed.removeLast() }
                return .line(String(decoding: typed, as: UTF8.self))
            }
            typed.append(byte)
        }
    }

    /// One typed byte (bytes come one at a time, as typed: no line discipline), echoed and
    /// edited here. A line break with more bytes already waiting behind it is a paste: in a box
    /// it stays part of the text; elsewhere the first line answers and the rest is dropped, so
    /// pasted lines never become commands.
    private mutating func readTyped() -> BackendInput {
        var byte: UInt8 = 0
        let n = Glibc.read(STDIN_FILENO, &byte, 1)
        if n < 0, errno == EINTR || errno == EAGAIN { return .typing }
        if n <= 0 { return typed.isEmpty ? .inputEnded : .line(String(decoding: typed, as: UTF8.self)) }
        defer { previous = byte }
        if byte == 0x0A, previous == 0x0D {
            // CR LF is one line break: a paste goes on only if more is waiting.
            if Self.morePasted() { return .typing }
            if typed.last == 0x0A { typed.removeLast() }
            return .line(String(decoding: typed, as: UTF8.self))
        }
        switch Self.edit(&typed, byte) {
        case .more(let echo):
            if !hidden { Self.write(bytes: echo) }
            return .typing
        case .done:
            Self.write(text: "\n")
            if Self.morePasted() {
                if intoBox {
                    typed.append(0x0A)
                    return .typing
                }
                Self.dropWaitingInput()
            }
            return .line(String(decoding: typed, as: UTF8.self))
        case .end: return .inputEnded
        case .quickExit: return .keys([.escape])
        }
    }

    /// The screen as text: the title, then what is on it. Pages come a screenful at a time, with
    /// where one is ("page 2 of 3"); screens with choices are printed whole, each choice numbered.
    static func text(of state: AppState) -> String {
        var out = "\n" + state.title(of: state.screen) + "\n\n"
        let layout = state.layout
        let numbered = state.hasChoices
        let listShowsNumbers = layout.items.first.map { layout.lines[$0.lowerBound].text(.spoken).hasPrefix("  1. ") } ?? false
        var starts: [Int: Int] = [:]
        for (n, range) in layout.items.enumerated() { starts[range.lowerBound] = n + 1 }
        let lines: ArraySlice<LaidOutLine>
        var page = 1, pages = 1
        if state.hasChoices {
            lines = layout.lines[...]
        } else {
            let count = Layout.bodyHeight(state.size)
            let top = min(state.screen.scroll, layout.lines.count)
            lines = layout.lines[top..<min(layout.lines.count, top + count)]
            page = top / count + 1
            pages = max(1, (layout.lines.count + count - 1) / count)
        }
        for (index, line) in zip(lines.indices, lines) {
            // Drawing marks mean nothing read aloud: their spoken forms, which are plain ASCII.
            var text = line.text(.spoken)
            if numbered, let n = starts[index], !text.drop(while: { $0 == " " }).hasPrefix("\(n). ") {
                // Past 9 in a numbered list (the full screen has keys for 1-9), in the list's
                // own form; rows of a form that shows no numbers, before the row.
                text = n > 9 && listShowsNumbers ? "  \(n). " + text.drop { $0 == " " } : "\(n)) " + text.drop { $0 == " " }
            }
            out += text + "\n"
        }
        if pages > 1 {
            let key: StringKey = page < pages ? .plainMore : .plainLastPage
            out += state.content.strings[key].replacingAll("{page}", with: "\(page)").replacingAll("{pages}", with: "\(pages)") + "\n"
        }
        return out
    }

    static func environmentNumber(_ name: String) -> Int? {
        getenv(name).flatMap { Int(String(cString: $0)) }
    }

    /// Everything the plain mode prints: words from files and what was typed into the plan, so
    /// control characters are shown, not obeyed.
    static func write(text: String) {
        write(bytes: Array(TerminalText.visible(text).utf8))
    }

    static func write(bytes: [UInt8]) {
        let total = bytes.count
        var done = 0
        while done < total {
            let n = bytes.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress! + done, total - done) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 {  // nobody is reading any more
                wm_guard_restore_modes()
                exit(0)
            }
            done += n
        }
    }

    static func byteByByte() {
        var modes = termios()
        guard tcgetattr(STDIN_FILENO, &modes) == 0 else { return }
        modes.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        modes.c_iflag &= ~tcflag_t(IXON)
        withUnsafeMutableBytes(of: &modes.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(STDIN_FILENO, TCSANOW, &modes)
    }

    static func morePasted() -> Bool {
        var waiting = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&waiting, 1, 0) > 0 && waiting.revents & Int16(POLLIN) != 0
    }

    static func dropWaitingInput() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while morePasted(), Glibc.read(STDIN_FILENO, &buffer, buffer.count) > 0 {}
    }

    enum Edit: Equatable {
        /// Keep reading; show these bytes.
        case more([UInt8])
        case done
        case end
        case quickExit
    }

    static func erasing(_ columns: Int) -> [UInt8] {
        Array(repeating: Array("\u{8} \u{8}".utf8), count: columns).flatMap { $0 }
    }

    /// One typed byte applied to the line being typed: the line editing a terminal's own line
    /// mode would do, plus Esc and Ctrl-C as the quick exit. Pure, so it is tested directly.
    static func edit(_ line: inout [UInt8], _ byte: UInt8) -> Edit {
        switch byte {
        case 0x1B, 0x03: return .quickExit
        case 0x0D, 0x0A: return .done
        case 0x04: return line.isEmpty ? .end : .more([])
        case 0x7F, 0x08:
            // A whole character as the person sees it (é typed as e and an accent, too), and as
            // many columns as it took on screen (中 takes two).
            var text = String(decoding: line, as: UTF8.self)
            guard let last = text.popLast() else { return .more([]) }
            line = Array(text.utf8)
            return .more(erasing(DisplayWidth.of(last)))
        case 0x15:
            let erase = erasing(DisplayWidth.of(String(decoding: line, as: UTF8.self)))
            line.removeAll()
            return .more(erase)
        case 0x00..<0x20: return .more([])
        default:
            line.append(byte)
            return .more([byte])
        }
    }
}

import CTerminalGuard
import Glibc
import WaymarkCore
import WaymarkText

/// The plain line mode: no cursor addressing and no colours. Each screen is printed as lines of
/// text with numbered choices and a prompt; answers are read a line at a time. For screen
/// readers and braille displays, for terminals that cannot do more (TERM=dumb or unknown), and
/// for input piped from a file (it stops at the end of the input).
public enum PlainSession {
    public static func run(_ setup: SessionSetup) -> Never {
        let width = environmentNumber("COLUMNS").map { min(max($0, 20), 120) } ?? 80
        let height = environmentNumber("LINES").map { max($0, 8) } ?? 24
        var state = AppState(content: setup.content, size: Size(width: width, height: height), planFile: setup.planFile,
                             planPath: setup.planPath, exportPath: setup.exportPath,
                             settings: Settings(idleMinutes: setup.idleMinutes), hosted: setup.hosted)
        state.noteCopiesSaved(setup.copiesSaved)
        if let complete = setup.complete {
            switch complete({}) {
            case .success(let full): state.switchContent(plainWords(full))
            case .failure(let failure):
                printError(failure.message)
                exit(65)
            }
        }
        state.switchContent(plainWords(state.content))
        var loaded = [state.content.language: state.content]
        wm_disable_core_dumps()
        let interactive = isatty(STDIN_FILENO) == 1
        let toTerminal = isatty(STDOUT_FILENO) == 1
        // Signals clear the screen too, and every way out puts the terminal's modes back.
        let clearing = toTerminal ? "\u{1B}[0m\u{1}\u{1B}[H\u{1B}[2J\u{1B}[3J" : ""
        _ = clearing.withCString { wm_guard_install(toTerminal ? STDOUT_FILENO : STDIN_FILENO, $0, strlen($0)) }
        if interactive { byteByByte() }

        func leave(quickly: Bool) -> Never {
            if quickly, toTerminal { Terminal.clearEverythingNow() } else if quickly { wm_guard_emergency_clear() } else { wm_guard_restore_modes() }
            if let plan = state.planToSave, !quickly {
                let outcome = setup.plans.save(plan)
                if outcome != .saved, let template = state.content.plan {
                    // The input ended with work that could not be saved: say so, and not with status 0.
                    state.planSaveFailed(outcome)
                    printError(template.message(state.plan.saveFailure ?? .saveFailed))
                    exit(1)
                }
            } else if let plan = state.planToSave {
                _ = setup.plans.saveBeforeLeaving(plan)
            }
            exit(0)
        }

        /// `q`: leaves once the plan is saved; if it cannot be, says why and stays (a second `q` leaves).
        func quit() {
            if let plan = state.planToSave {
                let outcome = setup.plans.save(plan)
                if outcome == .saved {
                    state.planWasSaved()
                } else if !state.plan.leavingUnsaved {
                    state.quitFailedToSave(outcome)
                    return
                }
            }
            wm_guard_restore_modes()
            exit(0)
        }

        /// As in the full-screen mode: the key derivation runs on its own thread, and Esc or
        /// Ctrl-C typed meanwhile leaves at once (other bytes typed meanwhile are dropped).
        func performAnsweringQuickExit(_ request: PlanEffect) -> PlanOutcome {
            let plan = state.plan.plan
            let plans = setup.plans
            guard interactive, request.derivesAKey, let work = BackgroundWork({ plans.perform(request, plan) }) else {
                return plans.perform(request, plan)
            }
            while true {
                var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: work.readyFD, events: Int16(POLLIN), revents: 0)]
                if poll(&fds, 2, -1) < 0 { continue }
                if fds[1].revents & Int16(POLLIN) != 0 { return work.finish() }
                var bytes = [UInt8](repeating: 0, count: 256)
                let count = Glibc.read(STDIN_FILENO, &bytes, bytes.count)
                if count == 0 || bytes[0..<max(count, 0)].contains(where: { $0 == 0x1B || $0 == 0x03 }) {
                    if toTerminal { Terminal.clearEverythingNow() } else { wm_guard_emergency_clear() }
                    if case .create = request { _ = work.finish() }
                    _exit(0)
                }
            }
        }

        func perform(_ effects: [Effect]) {
            for effect in effects {
                switch effect {
                case .quickExit: leave(quickly: true)
                case .quit: quit()
                case .repaint: break
                case .switchLanguage(let language):
                    if let ready = loaded[language] {
                        state.switchContent(ready)
                    } else if case .success(let other) = setup.load(language, {}) {
                        loaded[language] = plainWords(other)
                        state.switchContent(plainWords(other))
                    }
                case .plan(let request):
                    state.apply(performAnsweringQuickExit(request))
                    wm_wipe_dead_stack()
                }
            }
            if let plan = state.planToAutosave {
                let outcome = setup.plans.save(plan)
                if outcome == .saved { state.planWasSaved() } else { state.planSaveFailed(outcome) }
            }
        }

        var shownScreen: Screen?
        while true {
            if shownScreen != state.screen {
                write(text: text(of: state))
                if let notice = state.notice { write(text: notice + "\n") }
                shownScreen = state.screen
            }
            if state.context == .editing {
                // A box to write in: one line answers it.
                write(text: state.content.strings[.plainType] + "\n")
                let secret = isSecretField(state)
                let line: String
                switch readLine(hidden: secret && interactive, intoBox: true, idleMinutes: state.settings.idleMinutes) {
                case .line(let text): line = text
                case .end: leave(quickly: false)
                case .idle, .quickExit: leave(quickly: true)
                }
                if line.contains("\u{1B}") { leave(quickly: true) }
                let keep = state.plan.editing?.text ?? ""
                perform(state.update(.submitText(line.isEmpty && !secret ? keep : line)))
                shownScreen = nil
                continue
            }
            write(text: state.content.strings[.plainPrompt] + "\n> ")
            let line: String
            switch readLine(hidden: false, idleMinutes: state.settings.idleMinutes) {
            case .line(let text): line = text
            case .end: leave(quickly: false)
            case .idle, .quickExit: leave(quickly: true)
            }
            let answer = line.trimmingCharacters()
            if answer.contains("\u{1B}") || answer.lowercased() == "x" { leave(quickly: true) }
            switch answer {
            case "": perform(state.update(.pageDown))
            case "b", "B": perform(state.update(.back))
            case "q", "Q": perform(state.update(.quit))
            case "?": perform(state.update(.help))
            case "L": perform(state.update(.switchLanguage))
            default:
                guard let n = Int(answer), n >= 1 else {
                    shownScreen = nil
                    continue
                }
                if state.context == .form {
                    // Rows of the plan are numbered from the top, however many there are.
                    perform(state.update(.home))
                    for _ in 1..<n { perform(state.update(.down)) }
                    perform(state.update(.open))
                } else {
                    perform(state.update(.number(n)))
                }
            }
            if state.context != .editing, shownScreen == state.screen, answer.isEmpty == false { shownScreen = nil }
        }
    }

    /// The screen as text: the title, then what is on it. Pages come a screenful at a time;
    /// screens with choices are printed whole, each choice numbered.
    static func text(of state: AppState) -> String {
        var out = "\n" + state.title(of: state.screen) + "\n\n"
        let layout = state.layout
        let numbered = state.context == .form
        var starts: [Int: Int] = [:]
        for (n, range) in layout.items.enumerated() { starts[range.lowerBound] = n + 1 }
        let lines: ArraySlice<LaidOutLine>
        var more = false
        if state.hasChoices {
            lines = layout.lines[...]
        } else {
            let top = state.screen.scroll
            let count = Layout.bodyHeight(state.size)
            lines = layout.lines[min(top, layout.lines.count)..<min(layout.lines.count, top + count)]
            more = top + count < layout.lines.count
        }
        for (index, line) in zip(lines.indices, lines) {
            // Drawing marks mean nothing read aloud: plain words and ASCII only.
            let words = line.spans.map(\.text).joined()
                .replacingPrefix("┃ ", with: "").replacingPrefix("→ ", with: "").replacingPrefix("• ", with: "- ")
            var text = String(repeating: " ", count: line.indent) + words
            if numbered, let n = starts[index], !words.hasPrefix("\(n). ") { text = "\(n)) " + text.drop { $0 == " " } }
            out += text + "\n"
        }
        if more { out += state.content.strings[.plainMore] + "\n" }
        return out
    }

    static func isSecretField(_ state: AppState) -> Bool {
        if case .passphrase = state.screen { return true }
        return false
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

    static func printError(_ message: String) {
        let line = "waymark: \(TerminalText.visible(message))\n"
        _ = line.withCString { Glibc.write(STDERR_FILENO, $0, strlen($0)) }
    }

    /// The main menu's intro says the plain mode's keys (the full screen's speaks of arrows).
    static func plainWords(_ content: Content) -> Content {
        var content = content
        content.menus["main"]?.intro = content.strings[.plainIntro]
        return content
    }

    /// From a terminal, bytes are read one at a time as they are typed (no line discipline), so
    /// that Esc and Ctrl-C act at once, without Enter; the program echoes and edits the line
    /// itself. The guard installed before puts the modes back on every way out.
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

    enum LineRead: Equatable {
        /// One line, without its newline.
        case line(String)
        /// The end of the input, with nothing more on the last line.
        case end
        /// No byte came for the idle time.
        case idle
        /// Esc or Ctrl-C, typed at a terminal.
        case quickExit
    }

    /// Reads one line. `hidden`: what is typed is not shown (a passphrase).
    /// A line typed or piped in. At a terminal, a line break with more bytes already waiting
    /// behind it is a paste: in a box (`intoBox`) it stays part of the text; elsewhere the
    /// first line answers and the rest of the paste is dropped, so pasted lines never become
    /// commands.
    static func readLine(hidden: Bool, intoBox: Bool = false, idleMinutes: Int? = nil) -> LineRead {
        let typed = isatty(STDIN_FILENO) == 1
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        var previous: UInt8 = 0
        var deadline = idleMinutes.map { monotonicMilliseconds() + Int64($0) * 60_000 }
        while true {
            if let deadline {
                var waiting = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
                let left = Int32(min(max(deadline - monotonicMilliseconds(), 0), Int64(Int32.max)))
                let ready = poll(&waiting, 1, left)
                if ready < 0, errno == EINTR { continue }
                if ready == 0 { return .idle }
            }
            let n = Glibc.read(STDIN_FILENO, &byte, 1)
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return bytes.isEmpty ? .end : .line(String(decoding: bytes, as: UTF8.self)) }
            if let minutes = idleMinutes { deadline = monotonicMilliseconds() + Int64(minutes) * 60_000 }
            guard typed else {
                if byte == 10 { break }
                bytes.append(byte)
                continue
            }
            defer { previous = byte }
            if byte == 0x0A, previous == 0x0D {
                // CR LF is one line break: a paste goes on only if more is waiting.
                if morePasted() { continue }
                if bytes.last == 0x0A { bytes.removeLast() }
                return .line(String(decoding: bytes, as: UTF8.self))
            }
            switch edit(&bytes, byte) {
            case .more(let echo): if !hidden { write(bytes: echo) }
            case .done:
                write(text: "\n")
                if morePasted() {
                    if intoBox {
                        bytes.append(0x0A)
                        continue
                    }
                    dropWaitingInput()
                }
                return .line(String(decoding: bytes, as: UTF8.self))
            case .end: return .end
            case .quickExit: return .quickExit
            }
        }
        if bytes.last == 13 { bytes.removeLast() }
        return .line(String(decoding: bytes, as: UTF8.self))
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

    /// One typed byte applied to the line being typed: the line editing a terminal's own line
    /// mode would do, plus Esc and Ctrl-C as the quick exit. Pure, so it is tested directly.
    static func edit(_ line: inout [UInt8], _ byte: UInt8) -> Edit {
        switch byte {
        case 0x1B, 0x03: return .quickExit
        case 0x0D, 0x0A: return .done
        case 0x04: return line.isEmpty ? .end : .more([])
        case 0x7F, 0x08:
            guard !line.isEmpty else { return .more([]) }
            // A whole character, not one byte of it.
            while let last = line.popLast(), last & 0xC0 == 0x80 {}
            return .more(Array("\u{8} \u{8}".utf8))
        case 0x15:
            let erase = Array(repeating: Array("\u{8} \u{8}".utf8), count: String(decoding: line, as: UTF8.self).count)
            line.removeAll()
            return .more(erase.flatMap { $0 })
        case 0x00..<0x20: return .more([])
        default:
            line.append(byte)
            return .more([byte])
        }
    }
}

extension String {
    func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }

    func trimmingCharacters() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

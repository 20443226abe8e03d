import CNcursesW
import CTerminalGuard
import Glibc
import WaymarkCore
import WaymarkUI
import WaymarkWidgets
import WaymarkText

public struct TerminalError: Error, CustomStringConvertible {
    public let description: String
}

/// The only code that talks to ncurses: it starts and stops the screen, draws frames and reads
/// bytes. Keys are decoded by `KeyDecoder` (see docs/DECISIONS.md for why not `wget_wch`).
public final class Terminal {
    /// Sent on the quick exit: blank every cell and clear the alternate screen, leave it, blank
    /// and clear the normal screen and its scrollback, reset the title, show the cursor. The
    /// blanks come first because GNU screen (and VTE) keep the cleared screen in their own
    /// scrollback, and screen ignores ESC[3J.
    static func clearingBytes(exitAlternateScreen: String) -> String {
        let fill = "\u{1}"  // WM_FILL_HERE: the guard writes the blanks there
        return inputModesOff + "\u{1B}[0m" + fill + "\u{1B}[H\u{1B}[2J" + exitAlternateScreen
            + "\u{1B}[0m" + fill + "\u{1B}[H\u{1B}[2J\u{1B}[3J\u{1B}]2;\u{07}\u{1B}[?25h"
    }

    /// Mouse clicks and the wheel, reported in the SGR form (never required to use the program),
    /// and bracketed paste, so that pasted lines arrive as text and never as keys.
    static let inputModesOn = "\u{1B}[?1000h\u{1B}[?1006h\u{1B}[?2004h"
    /// Inside GNU screen, no mouse: while the window asks for mouse reports, screen holds a lone
    /// Esc typed on the outer terminal until another key comes (it waits for a mouse report), so
    /// the quick exit would need two presses. The mouse is never required.
    static let inputModesOnInsideScreen = "\u{1B}[?2004h"
    static let inputModesOff = "\u{1B}[?2004l\u{1B}[?1006l\u{1B}[?1000l"

    private var screen: OpaquePointer?
    private let asciiOnly: Bool
    /// The character set is ASCII itself (not, say, Latin-1, which can draw "ñ").
    private let asciiCodeset: Bool
    /// The terminal can show colours (whether they are used is the theme's choice).
    private let hasColors: Bool
    /// How the next frames are drawn.
    public var theme: Theme = .normal
    private var decoder = KeyDecoder()
    private var stopped = false
    private var cursorShown = false

    /// Checks that both ends are a terminal that terminfo knows, then starts curses. On failure
    /// nothing has been written to the terminal.
    public static func start(useColor: Bool) throws(TerminalError) -> Terminal {
        guard isatty(STDIN_FILENO) == 1 else {
            throw TerminalError(description: "standard input is not a terminal; start waymark from a terminal window, or use --plain")
        }
        guard isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError(description: "standard output is not a terminal; start waymark from a terminal window, or use --plain")
        }
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else {
            throw TerminalError(description: "TERM is not set, so the terminal type is unknown (try TERM=xterm)")
        }
        // Without the locale every byte of UTF-8 would become a cell of its own.
        useLocaleCharacterSet()
        var status: Int32 = 0
        if setupterm(nil, STDOUT_FILENO, &status) != OK {
            throw TerminalError(description: "the terminal type '\(term)' is not known here (try TERM=xterm)")
        }
        // Handlers go in before curses starts so that curses does not install its own.
        let exitAlternate = capability("rmcup")
        let bytes = clearingBytes(exitAlternateScreen: exitAlternate)
        _ = bytes.withCString { wm_guard_install(STDOUT_FILENO, $0, strlen($0)) }
        return Terminal(useColor: useColor)
    }

    /// Takes the character set from the environment. When it names UTF-8 but that exact locale is
    /// not installed (say es_US.UTF-8 on a machine with only C.UTF-8), UTF-8 is still what the
    /// terminal speaks, so use C.UTF-8 rather than falling back to ASCII.
    /// Only the character set: nothing here formats by locale, and each other category is files
    /// read at every start.
    private static func useLocaleCharacterSet() {
        let applied = setlocale(LC_CTYPE, "") != nil
        if applied, isUTF8(String(cString: nl_langinfo(nl_item(CODESET)))) { return }
        var named = ""
        for variable in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = getenv(variable), value.pointee != 0 {
                named = String(cString: value)
                break
            }
        }
        // A C or POSIX locale (or none set) says nothing about the terminal, and nearly every
        // terminal today speaks UTF-8; in ASCII, accented letters would have to lose accents.
        let current = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "C"
        if isUTF8(named) || current == "C" || current == "POSIX" { setlocale(LC_CTYPE, "C.UTF-8") }
    }

    /// Whether a locale or codeset name says UTF-8 ("UTF-8", "utf8", "es_US.UTF-8"). On bytes:
    /// `String.contains` builds a table keyed by `Character`, a conformance search at every start.
    static func isUTF8(_ name: String) -> Bool {
        let letters = name.utf8.filter { $0 != UInt8(ascii: "-") }.map { $0 | 0x20 }
        let wanted = Array("utf8".utf8)
        var start = 0
        while start + wanted.count <= letters.count {
            var matched = 0
            while matched < wanted.count, letters[start + matched] == wanted[matched] { matched += 1 }
            if matched == wanted.count { return true }
            start += 1
        }
        return false
    }

    /// Whether TERM names a terminal that can be drawn on: set, not "dumb", and known to terminfo.
    /// When it is not, the program uses the plain line mode instead.
    /// A terminal newer than this computer's terminfo (see `xtermCompatible`) is drawn as
    /// xterm-256color: TERM is set to that for the rest of the run.
    public static func termCanDrawFullScreen() -> Bool {
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty, term != "dumb" else { return false }
        var status: Int32 = 0
        if setupterm(nil, -1, &status) == OK { return true }
        guard xtermCompatible.contains(term) else { return false }
        setenv("TERM", "xterm-256color", 1)
        return setupterm(nil, -1, &status) == OK
    }

    /// Terminals whose own terminfo entries Debian's ncurses-base lacks; each speaks what
    /// xterm-256color describes, so drawing for that beats the plain mode.
    static let xtermCompatible = ["xterm-kitty", "alacritty", "foot", "foot-extra", "wezterm", "xterm-ghostty", "ghostty"]

    /// A terminfo string capability, or "" when the terminal lacks it.
    private static func capability(_ name: String) -> String {
        let value = name.withCString { tigetstr(UnsafeMutablePointer(mutating: $0)) }
        guard let value, Int(bitPattern: value) != -1 else { return "" }
        return String(cString: value)
    }

    private init(useColor wantColor: Bool) {
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        asciiOnly = !Terminal.isUTF8(codeset)
        asciiCodeset = codeset == "ANSI_X3.4-1968" || codeset == "ASCII" || codeset == "US-ASCII"
        // ncurses sizes its screens from LINES and COLUMNS when they are set: capped the same way.
        var window = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0,
           Int(window.ws_col) > Int(WM_MAX_COLUMNS) || Int(window.ws_row) > Int(WM_MAX_ROWS) {
            setenv("COLUMNS", String(min(Int(window.ws_col), Int(WM_MAX_COLUMNS))), 1)
            setenv("LINES", String(min(Int(window.ws_row), Int(WM_MAX_ROWS))), 1)
        }
        screen = newterm(nil, fdopen(STDOUT_FILENO, "w"), fdopen(STDIN_FILENO, "r"))
        raw()
        noecho()
        nonl()
        keypad(wm_stdscr(), false)
        intrflush(wm_stdscr(), false)
        typeahead(-1)
        curs_set(0)
        fflush(nil)
        Terminal.writeRaw(getenv("STY") == nil ? Terminal.inputModesOn : Terminal.inputModesOnInsideScreen)
        hasColors = has_colors()
        theme = wantColor ? .normal : .noColour
        if hasColors {
            start_color()
            use_default_colors()
            init_pair(1, Int16(COLOR_CYAN), -1)
            init_pair(2, Int16(COLOR_YELLOW), -1)
            init_pair(3, Int16(COLOR_WHITE), Int16(COLOR_BLUE))
            // High contrast: bright white on black, selection black on yellow.
            init_pair(4, Int16(COLOR_WHITE), Int16(COLOR_BLACK))
            init_pair(5, Int16(COLOR_BLACK), Int16(COLOR_YELLOW))
            init_pair(6, Int16(COLOR_YELLOW), Int16(COLOR_BLACK))
        }
    }

    static func writeRaw(_ text: String) {
        _ = text.withCString { Glibc.write(STDOUT_FILENO, $0, strlen($0)) }
    }

    /// The window's size, capped at the largest grid drawn (WM_MAX_COLUMNS × WM_MAX_ROWS): a
    /// window of 6000×6000 cells took 3.8 GB; beyond the cap the window stays blank.
    public var size: Size {
        var window = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0, window.ws_row > 0 {
            return Size(width: min(Int(window.ws_col), Int(WM_MAX_COLUMNS)), height: min(Int(window.ws_row), Int(WM_MAX_ROWS)))
        }
        return Size(width: min(Int(wm_cols()), Int(WM_MAX_COLUMNS)), height: min(Int(wm_lines()), Int(WM_MAX_ROWS)))
    }

    /// Tells curses the new size after SIGWINCH; returns it.
    public func resized() -> Size {
        wm_drain_resize_pipe()
        let size = self.size
        resizeterm(Int32(size.height), Int32(size.width))
        return size
    }

    public func draw(_ frame: Frame, repaint: Bool = false) {
        let window = wm_stdscr()
        if repaint { clearok(window, true) }
        werase(window)
        var buffer = [wchar_t](repeating: 0, count: 6)
        // werase leaves plain blanks: with a plain style those cells need no call at all.
        let plain = style(.plain)
        let blanksAreErased = plain.0 == wm_a_normal() && plain.1 == 0
        var lastTone = Tone.plain, lastStyle = plain
        let width = frame.size.width
        // Cells are read in place (no copy, so no retain and release of each Character).
        frame.cells.withUnsafeBufferPointer { cells in
            for y in 0..<frame.size.height {
                for x in 0..<width where !cells[y * width + x].isContinuation {
                    let tone = cells[y * width + x].tone
                    // One UTF-8 byte is ASCII; the UTF-8 view is far cheaper to ask than `asciiValue`.
                    let utf8 = cells[y * width + x].character.utf8
                    if utf8.count == 1, let ascii = utf8.first {
                        if ascii == 32, tone == .plain, blanksAreErased { continue }
                        buffer[0] = wchar_t(ascii)
                        buffer[1] = 0
                    } else {
                        var count = 0
                        for scalar in display(cells[y * width + x].character).unicodeScalars.prefix(5) {
                            buffer[count] = wchar_t(bitPattern: scalar.value)
                            count += 1
                        }
                        buffer[count] = 0
                    }
                    if tone != lastTone {
                        lastTone = tone
                        lastStyle = style(tone)
                    }
                    _ = wm_put_cell(window, Int32(y), Int32(x), buffer, lastStyle.0, lastStyle.1)
                }
            }
        }
        if let cursor = frame.cursor {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            if !cursorShown { curs_set(1) }
            cursorShown = true
        } else if cursorShown {
            curs_set(0)
            cursorShown = false
        }
        wnoutrefresh(window)
        doupdate()
    }

    private func display(_ character: Character) -> String {
        guard asciiOnly, !character.isASCII else { return String(character) }
        if asciiCodeset { return Terminal.ascii(character) }
        return Terminal.drawingMark(character)
    }

    /// A character as ASCII, for a terminal that has nothing else: drawing marks as ASCII marks,
    /// letters without their accents (ñ as n), anything else as "?"; never nothing.
    static func ascii(_ character: Character) -> String {
        if character.isASCII { return String(character) }
        let mark = drawingMark(character)
        if mark != String(character) { return mark }
        switch character {
        case "¿": return "?"
        case "¡": return "!"
        case "«", "»", "“", "”": return "\""
        case "‘", "’": return "'"
        case "–", "—": return "-"
        default: break
        }
        // The first scalar, when it is a letter that decomposes into ASCII and accents.
        if let base = character.unicodeScalars.first, base.isASCII { return String(base) }
        let folded = latinBase(character)
        return folded.isEmpty ? "?" : folded
    }

    /// The base letter of an accented Latin-1 or Latin Extended-A letter, or "".
    private static func latinBase(_ character: Character) -> String {
        guard let scalar = character.unicodeScalars.first else { return "" }
        let table: [(ClosedRange<UInt32>, String)] = [
            (0xC0...0xC5, "A"), (0xC7...0xC7, "C"), (0xC8...0xCB, "E"), (0xCC...0xCF, "I"), (0xD1...0xD1, "N"),
            (0xD2...0xD6, "O"), (0xD8...0xD8, "O"), (0xD9...0xDC, "U"), (0xDD...0xDD, "Y"),
            (0xE0...0xE5, "a"), (0xE7...0xE7, "c"), (0xE8...0xEB, "e"), (0xEC...0xEF, "i"), (0xF1...0xF1, "n"),
            (0xF2...0xF6, "o"), (0xF8...0xF8, "o"), (0xF9...0xFC, "u"), (0xFD...0xFD, "y"), (0xFF...0xFF, "y"),
        ]
        return table.first { $0.0.contains(scalar.value) }?.1 ?? ""
    }

    private static func drawingMark(_ character: Character) -> String {
        Glyphs.ascii(character) ?? String(character)
    }

    /// Meaning never rests on colour: every tone has its own attributes, and colour only adds.
    private func style(_ tone: Tone) -> (attr_t, Int16) {
        let bold = wm_a_bold(), reverse = wm_a_reverse(), normal = wm_a_normal()
        switch (theme, hasColors) {
        case (.highContrast, true):
            switch tone {
            case .plain, .number, .dim, .field: return (bold | (tone == .field ? wm_a_underline() : normal), 4)
            case .title, .footer: return (bold | reverse, 4)
            case .heading, .emphasis, .callout: return (bold, 6)
            case .selected: return (bold, 5)
            }
        case (.highContrast, false):
            switch tone {
            case .title, .footer, .selected: return (bold | reverse, 0)
            case .field: return (bold | wm_a_underline(), 0)
            default: return (bold, 0)
            }
        default:
            let color = theme == .normal && hasColors
            switch tone {
            case .plain: return (normal, 0)
            case .title: return (bold | reverse, 0)
            case .heading: return (bold, color ? 1 : 0)
            case .emphasis: return (bold, 0)
            case .callout: return (bold, color ? 2 : 0)
            case .selected: return (bold | reverse, 0)
            case .footer: return (reverse, 0)
            case .number: return (normal, color ? 1 : 0)
            case .dim: return (wm_a_dim(), 0)
            case .field: return (wm_a_underline(), 0)
            }
        }
    }

    public enum Input {
        case keys([Key])
        case resized
        case closed
        /// A termination signal arrived (the screen is already clear): save and end.
        case terminated
        /// Nothing happened within the time asked for.
        case idle
        /// The background work watched (`alsoWatching`) is done.
        case workDone
    }

    /// Waits for input or a resize. Reads everything that is waiting, so that a lone Esc is known
    /// to be alone at once.
    public func next(timeoutMilliseconds: Int32 = -1, alsoWatching work: Int32 = -1) -> Input {
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wm_resize_pipe_fd(), events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wm_termination_pipe_fd(), events: Int16(POLLIN), revents: 0),
                   pollfd(fd: work, events: Int16(POLLIN), revents: 0)]
        while true {
            let ready = poll(&fds, 4, timeoutMilliseconds)
            if ready == 0 { return .idle }
            if ready < 0 {
                if errno == EINTR { continue }
                return .closed
            }
            if fds[2].revents & Int16(POLLIN) != 0 { return .terminated }
            if fds[3].revents & Int16(POLLIN) != 0 { return .workDone }
            if fds[1].revents & Int16(POLLIN) != 0 { return .resized }
            if fds[0].revents & Int16(POLLIN | POLLHUP | POLLERR | POLLNVAL) != 0 { break }
        }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = read(STDIN_FILENO, &bytes, bytes.count)
        if count <= 0 {
            if count < 0, errno == EINTR || errno == EAGAIN { return .keys([]) }
            return .closed
        }
        var more = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        let waiting = poll(&more, 1, 0) > 0
        return .keys(decoder.feed(bytes[0..<count], final: !waiting))
    }

    /// Clears the screen and scrollback and restores the terminal's modes, at once. The caller
    /// ends the process right after (the quick exit).
    public func clearScreenNow() {
        Terminal.clearEverythingNow()
    }

    /// The quick exit's clearing, in either mode: the screen and scrollback at once, then GNU
    /// screen's own history of this window, which only screen itself can drop.
    public static func clearEverythingNow() {
        wm_guard_emergency_clear()
        ScreenHistory.forget()
    }

    /// Leaves curses normally: the screen that was there before comes back.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        Terminal.writeRaw(Terminal.inputModesOff)
        endwin()
        if let screen { delscreen(screen) }
        wm_guard_restore_modes()
    }
}

import Foundation
import Testing
import TestSupport

/// The real binary in a real terminal (tmux). Skipped, saying so, where tmux is not installed;
/// `.ci/run` installs it so that CI always runs these.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (apt-get install tmux)"))
struct TerminalTests {
    /// Starts the program in a fresh shell, noting the terminal modes before and after it runs.
    func start(_ tmux: Tmux, arguments: String = "") -> Bool {
        tmux.type("stty -g > \(tmux.home)/before; echo MARKER-BEFORE; \(Binary.path) \(arguments); echo \"exit=$?\"; stty -g > \(tmux.home)/after")
        return tmux.waitFor { $0.contains("Get help now") && $0.contains("Esc") }
    }

    /// The terminal modes the shell saved (waiting for the shell to have written them).
    func modes(_ tmux: Tmux, _ name: String) -> String {
        let path = "\(tmux.home)/\(name)"
        _ = tmux.waitFor(seconds: 3) { _ in
            ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").hasSuffix("\n")
        }
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? "missing"
    }

    /// After a quick exit: the program is gone, and nothing of it, nor of what was on the terminal
    /// before, is on screen or in the scrollback; the terminal modes are as they were.
    func expectCleared(_ tmux: Tmux, _ words: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(tmux.waitForExit(), "the program ended", sourceLocation: sourceLocation)
        #expect(tmux.waitFor { $0.contains("exit=0") }, "exit status 0", sourceLocation: sourceLocation)
        _ = tmux.waitFor(seconds: 2) { _ in FileManager.default.fileExists(atPath: "\(tmux.home)/after") }
        let all = tmux.everything()
        #expect(!all.contains("MARKER-BEFORE"), "text from before the program is cleared", sourceLocation: sourceLocation)
        for word in words {
            #expect(!all.contains(word), "'\(word)' is left on screen or in scrollback:\n\(all)", sourceLocation: sourceLocation)
        }
        #expect(modes(tmux, "before") == modes(tmux, "after"), "stty -g is unchanged", sourceLocation: sourceLocation)
    }

    @Test func openAPageByItsNumberScrollAndGoBack() {
        let tmux = Tmux()
        #expect(start(tmux))
        tmux.press("5")
        #expect(tmux.waitFor { $0.contains("T visa (trafficking)") })
        tmux.press("1")
        #expect(tmux.waitFor { $0.contains(" T visa ") && $0.contains("I-914") })
        let top = tmux.screen()
        tmux.press("NPage")
        #expect(tmux.waitFor { $0 != top && !$0.contains("I-914") })
        tmux.press("Left")
        #expect(tmux.waitFor { $0.contains("> 1. T visa (trafficking)") })
        tmux.press("BSpace")
        #expect(tmux.waitFor { $0.contains("> 5. Immigration options") }, "back keeps the selection")
        tmux.press("q")
        #expect(tmux.waitForExit())
        #expect(tmux.waitFor { $0.contains("MARKER-BEFORE") && $0.contains("exit=0") }, "q puts the screen back as it was")
        #expect(modes(tmux, "before") == modes(tmux, "after"))
    }

    @Test func escFromAPageClearsEverythingAndLeaves() {
        let tmux = Tmux()
        #expect(start(tmux))
        tmux.press("1")
        #expect(tmux.waitFor { $0.contains("1-888-373-7888") })
        tmux.press("Escape")
        expectCleared(tmux, ["Waymark", "Get help now", "1-888-373-7888", "quick exit"])
    }

    @Test func ctrlCFromAPageClearsEverythingAndLeaves() {
        let tmux = Tmux()
        #expect(start(tmux))
        tmux.press("2")
        #expect(tmux.waitFor { $0.contains("minimum wage") })
        tmux.press("C-c")
        expectCleared(tmux, ["Waymark", "Get help now", "minimum wage"])
    }

    @Test(arguments: ["TERM", "HUP", "QUIT"])
    func aSignalClearsLikeTheQuickExit(_ signal: String) {
        let tmux = Tmux()
        #expect(start(tmux))
        tmux.press("3")
        #expect(tmux.waitFor { $0.contains("Warning signs") })
        #expect(tmux.signalProgram(signal))
        expectCleared(tmux, ["Waymark", "Warning signs"])
    }

    /// Whatever starts the program may hand it a mask that blocks SIGTERM and SIGHUP (a test
    /// runner's threads do); the program unblocks them, so the signal still clears the screen.
    @Test func aSignalBlockedByWhatStartedTheProgramStillClears() {
        let tmux = Tmux()
        let blocked = "import os, signal, sys; signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGHUP, signal.SIGINT}); os.execv(sys.argv[1], sys.argv[1:])"
        tmux.type("stty -g > \(tmux.home)/before; echo MARKER-BEFORE; python3 -c '\(blocked)' \(Binary.path); echo \"exit=$?\"; stty -g > \(tmux.home)/after")
        #expect(tmux.waitFor { $0.contains("Get help now") && $0.contains("Esc") })
        tmux.press("3")
        #expect(tmux.waitFor { $0.contains("Warning signs") })
        #expect(tmux.signalProgram("TERM"))
        expectCleared(tmux, ["Waymark", "Warning signs"])
    }

    /// The first screen shows before the rest of the content is read; Esc pressed while a large
    /// folder is still being read leaves at once, not when the reading is done.
    @Test func escWhileLargeContentIsStillReadLeavesAtOnce() throws {
        let root = Fixtures.copyOfShippedContent()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let pages = root + "/en/pages"
        let filler = String(repeating: "More words that take their time to read and wrap.\n\n", count: 17_000)
        for name in try FileManager.default.contentsOfDirectory(atPath: pages) {
            let handle = try #require(FileHandle(forWritingAtPath: pages + "/" + name))
            handle.seekToEndOfFile()
            handle.write(Data(("\n\n" + filler).utf8))
            try handle.close()
        }
        let tmux = Tmux()
        #expect(start(tmux, arguments: "--content \(root)"))
        let pressed = Date()
        tmux.press("Escape")
        #expect(tmux.waitForExit(seconds: 2), "Esc is answered while the pages are read (reading them all takes seconds)")
        #expect(Date().timeIntervalSince(pressed) < 2)
        expectCleared(tmux, ["Waymark", "Get help now"])
    }

    /// A crash (here SIGSEGV, as a Swift trap raises SIGILL or SIGTRAP) still clears the screen
    /// and puts the terminal's modes back before the process dies by its signal. So does every
    /// other signal that ends a program (issue 15: XFSZ to PROF were left at their defaults, and
    /// the page stayed on screen).
    @Test(arguments: ["SEGV", "ILL", "TRAP", "XFSZ", "XCPU", "SYS", "USR1", "USR2", "ALRM", "VTALRM", "PROF"])
    func aCrashClearsAndRestoresTheTerminal(_ signal: String) {
        let tmux = Tmux()
        #expect(start(tmux))
        tmux.press("2")
        #expect(tmux.waitFor { $0.contains("minimum wage") })
        #expect(tmux.signalProgram(signal))
        #expect(tmux.waitForExit())
        #expect(tmux.waitFor { $0.contains("exit=") })
        let all = tmux.everything()
        for word in ["MARKER-BEFORE", "Waymark", "minimum wage", "Get help now"] {
            #expect(!all.contains(word), "SIG\(signal): '\(word)' is left on screen or in scrollback")
        }
        #expect(!all.contains("exit=0"), "the process died by its signal")
        #expect(modes(tmux, "before") == modes(tmux, "after"), "stty -g is unchanged")
    }

    /// Issue 15: a window of 6000×6000 cells took 3.8 GB (a grid of that size in Waymark and
    /// three in ncurses). At most 500×200 cells are drawn; the rest stays blank.
    @Test func aHugeWindowKeepsMemorySmall() throws {
        let tmux = Tmux()
        #expect(start(tmux))
        tmux.resize(width: 2000, height: 1000)
        // Redrawn for the new size: the footer has left row 24.
        #expect(tmux.waitFor(seconds: 20) { screen in
            screen.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(100).contains { $0.contains("Esc: quick exit") }
        })
        let pid = Tmux.run(["pgrep", "-P", "\(tmux.shellPID())", "waymark"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
            .flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? Int.max
        #expect(peak < 50_000, "peak memory \(peak) kB")
        tmux.press("Escape")
        expectCleared(tmux, ["Waymark", "Get help now"])
    }

    @Test func resizingKeepsWorkingDownToTooSmallAndBack() {
        let tmux = Tmux()
        #expect(start(tmux))
        tmux.press("Down", "Down")
        tmux.resize(width: 30, height: 8)
        #expect(tmux.waitFor { $0.contains("> 3. What trafficking") })
        tmux.resize(width: 12, height: 4)
        #expect(tmux.waitFor { $0.contains("Esc: quick") })
        tmux.resize(width: 80, height: 24)
        #expect(tmux.waitFor { $0.contains("> 3. What trafficking is") && $0.contains("Get help now") })
        #expect(tmux.foreground() != "bash", "still running")
        tmux.press("Escape")
        expectCleared(tmux, ["Waymark", "What trafficking is"])
    }
}

/// Ways the program refuses to start, without touching the terminal.
@Suite struct StartUpErrorTests {
    @Test func notATerminal() {
        let result = Binary.run([])
        #expect(result.status == 2)
        #expect(result.error == "waymark: standard input is not a terminal; start waymark from a terminal window, or use --plain\n")
        #expect(result.output.isEmpty, "nothing is drawn")
    }

    @Test func contentThatFailsToLoad() {
        let result = Binary.run(["--content", "/nonexistent/content"])
        #expect(result.status == 65)
        #expect(result.error.hasPrefix("waymark: /nonexistent/content:0: no content folder here"))
    }

    @Test func checkContentPrintsEveryProblemAsFileLine() throws {
        let root = Fixtures.copyOfShippedContent()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "".write(toFile: root + "/en/pages/self-care.md", atomically: true, encoding: .utf8)
        try "# T\n\n**open\n".write(toFile: root + "/en/pages/privacy.md", atomically: true, encoding: .utf8)
        let result = Binary.run(["check-content", root])
        #expect(result.status == 65)
        #expect(result.output.contains("\(root)/en/pages/self-care.md:1: the page is empty"))
        #expect(result.output.contains("\(root)/en/pages/privacy.md:3: '**' starts bold text"))
        #expect(Binary.run(["check-content", Fixtures.repoRoot + "/Content"]).status == 0)
    }

    @Test func anUnknownFlag() {
        let result = Binary.run(["--colour"])
        #expect(result.status == 64)
        #expect(result.error.contains("Unknown option '--colour'"))
    }

    @Test func versionAndHelp() {
        #expect(Binary.run(["--version"]).output == "0.1.0\n")
        let help = Binary.run(["--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("check-content"))
    }
}

@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (apt-get install tmux)"))
struct SpanishTerminalTests {
    @Test func withASpanishLocaleEverythingIsSpanishAndTheQuickExitWorks() {
        let tmux = Tmux(environment: ["LANG": "es_US.UTF-8"])
        tmux.type("echo MARKER-BEFORE; \(Binary.path); echo \"exit=$?\"")
        #expect(tmux.waitFor { $0.contains("Pida ayuda ahora") && $0.contains("Esc: salir rápido") })
        tmux.press("2")
        #expect(tmux.waitFor { $0.contains("Sus derechos en el trabajo") && $0.contains("salario mínimo") })
        tmux.press("L")
        #expect(tmux.waitFor { $0.contains("Your rights at work") && $0.contains("minimum wage") }, "L switches, keeping the page")
        tmux.press("L")
        #expect(tmux.waitFor { $0.contains("salario mínimo") })
        tmux.press("Escape")
        #expect(tmux.waitForExit())
        #expect(tmux.waitFor { $0.contains("exit=0") })
        let all = tmux.everything()
        for word in ["MARKER-BEFORE", "Waymark", "derechos", "salario", "Esc"] {
            #expect(!all.contains(word), "'\(word)' left behind")
        }
    }
}

/// Issue 15: with LANG=C (or no locale at all) accented letters vanished ("Qu es la trata").
/// A C or POSIX locale is taken as C.UTF-8, which every glibc has.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (apt-get install tmux)"))
struct CLocaleTerminalTests {
    @Test(arguments: ["C", "POSIX", ""])
    func accentedLettersShowInACLocale(_ lang: String) {
        let tmux = Tmux(environment: ["LANG": lang])
        tmux.type("\(Binary.path) --lang es; echo \"exit=$?\"")
        #expect(tmux.waitFor { $0.contains("Qué es la trata de personas") && $0.contains("Esc: salir rápido") },
                "LANG=\(lang.debugDescription):\n\(tmux.screen())")
        tmux.press("Escape")
        #expect(tmux.waitForExit())
    }
}

/// Issue 15: terminals newer than Debian's terminfo fell back to the plain line mode; they all
/// speak xterm-256color, so they get the full screen drawn as it.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (apt-get install tmux)"))
struct ModernTermTests {
    @Test(arguments: ["xterm-kitty", "alacritty", "foot", "wezterm", "xterm-ghostty"])
    func aTerminalTerminfoLacksIsDrawnAsXterm256color(_ term: String) {
        let tmux = Tmux(environment: ["TERM": term])
        tmux.type("\(Binary.path); echo \"exit=$?\"")
        #expect(tmux.waitFor { $0.contains("Get help now") && $0.contains("Esc: quick exit") }, "TERM=\(term):\n\(tmux.screen())")
        #expect(tmux.alternateScreen(), "TERM=\(term): full screen, not the plain mode")
        tmux.press("Escape")
        #expect(tmux.waitForExit())
    }

    @Test func helpSaysSo() {
        #expect(Binary.run(["--help"]).output.contains("xterm-kitty"))
    }
}

@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (apt-get install tmux)"))
struct ScreenerTerminalTests {
    @Test func answerAPathByNumberKeysAndReadTheResults() {
        let tmux = Tmux(width: 80, height: 24)
        tmux.type("\(Binary.path); echo \"exit=$?\"")
        #expect(tmux.waitFor { $0.contains("Get help now") })
        tmux.press("5")
        #expect(tmux.waitFor { $0.contains("Which options might fit me?") })
        tmux.press("5")
        #expect(tmux.waitFor { $0.contains("never saved") && $0.contains("1. Start the questions") })
        tmux.press("1")
        #expect(tmux.waitFor { $0.contains("Are you in the United States right now?") && $0.contains("1. Yes") })
        // In the US; forced to work and could not leave; here because of it; an adult who told
        // the Department of Labor; then the second choice to everything else that is asked.
        for (key, next) in [("1", "make you work"), ("1", "could not leave"), ("1", "When you were under 18"),
                            ("2", "because of what was done"), ("1", "under 18 when"), ("2", "asked you to help"),
                            ("2", "told the police"), ("1", "")] {
            tmux.press(key)
            if !next.isEmpty { #expect(tmux.waitFor { $0.contains(next) }, "\(next)") }
        }
        var guardCount = 0
        while !tmux.screen().contains("What to ask about"), guardCount < 30 {
            let before = tmux.screen()
            tmux.press("2")
            _ = tmux.waitFor(seconds: 3) { $0 != before }
            guardCount += 1
        }
        let results = tmux.screen()
        #expect(results.contains("T visa"))
        #expect(results.contains("Worth asking a lawyer about"), "held in forced work, here because of it, reported: the T visa is worth asking about")
        tmux.press("End")
        #expect(tmux.waitFor { $0.contains("1-888-373-7888") && $0.contains("3.") })
        tmux.press("Escape")
        #expect(tmux.waitForExit())
        #expect(!tmux.everything().contains("T visa"))
    }
}

@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (apt-get install tmux)"))
struct PlanTerminalTests {
    /// Type into a box, tick items, save with a passphrase, leave while typing (Esc, or a signal
    /// that ends the program: the terminal closing is SIGHUP), start again, unlock, and find
    /// everything there; the saved file holds none of the typed words.
    @Test(arguments: ["Escape", "TERM", "HUP"])
    func typeSaveLeaveWhileTypingUnlockAndFindItAllThere(_ way: String) throws {
        let data = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let tmux = Tmux(environment: ["XDG_DATA_HOME": data])
        tmux.type("\(Binary.path); echo \"exit=$?\"")
        #expect(tmux.waitFor { $0.contains("7. My safety plan") })
        tmux.press("7")
        #expect(tmux.waitFor { $0.contains("Go-bag (0 of 7)") })
        tmux.press("Enter")
        #expect(tmux.waitFor { $0.contains("[ ] Clothes for a few days") })
        tmux.press("Space", "Down", "Space", "Tab")
        tmux.press("-l", "TYPEDWORDS under the stairs")
        #expect(tmux.waitFor { $0.contains("[x] Clothes") && $0.contains("TYPEDWORDS under the stairs") })
        tmux.press("Enter", "Left")
        #expect(tmux.waitFor { $0.contains("Go-bag (2 of 7)") })
        tmux.press("End", "Up", "Enter")
        #expect(tmux.waitFor { $0.contains("Choose a passphrase:") })
        tmux.press("-l", "tall blue horse")
        tmux.press("Enter")
        #expect(tmux.waitFor { $0.contains("Type it again:") })
        tmux.press("-l", "tall blue horse")
        tmux.press("Enter")
        #expect(tmux.waitFor(seconds: 30) { $0.contains("Saved, locked with your passphrase.") })
        // Back into the box, type more, and leave at once while typing.
        tmux.press("Home", "Enter", "Tab")
        tmux.press("-l", " LATEWORDS")
        #expect(tmux.waitFor { $0.contains("LATEWORDS") })
        if way == "Escape" {
            tmux.press("Escape")
        } else {
            // Sooner than the pause after which typing is saved anyway.
            #expect(tmux.signalProgram(way))
        }
        #expect(tmux.waitForExit())
        #expect(tmux.waitFor { $0.contains("exit=0") })
        #expect(!tmux.everything().contains("TYPEDWORDS"), "nothing typed is left on screen")
        // Start again: the plan asks for its passphrase, then everything is there.
        tmux.type("\(Binary.path); echo \"exit=$?\"")
        #expect(tmux.waitFor { $0.contains("7. My safety plan") })
        tmux.press("7")
        #expect(tmux.waitFor { $0.contains("Type your passphrase to open it") })
        tmux.press("-l", "tall blue horse")
        tmux.press("Enter")
        #expect(tmux.waitFor(seconds: 30) { $0.contains("Go-bag (2 of 7)") })
        tmux.press("Enter")
        #expect(tmux.waitFor { $0.contains("TYPEDWORDS under the stairs LATEWORDS") && $0.contains("[x] Medicines") })
        tmux.press("Escape")
        #expect(tmux.waitForExit())
        let saved = try #require(FileManager.default.contents(atPath: data + "/waymark/plan"))
        let text = String(decoding: saved, as: UTF8.self)
        for word in ["TYPEDWORDS", "LATEWORDS", "stairs", "Clothes", "go-bag"] {
            #expect(!text.contains(word), "'\(word)' is in the saved file in the clear")
        }
        let mode = try FileManager.default.attributesOfItem(atPath: data + "/waymark/plan")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}

/// `--idle-exit 1`: after a minute without a key the program does what the quick exit does, in
/// the full-screen program and in the plain line mode. Both run at once, so the test takes one
/// minute, not two.
@Suite(.enabled(if: Tmux.available, "tmux is not installed (apt-get install tmux)"))
struct IdleExitTests {
    @Test func aMinuteWithoutAKeyClearsAndLeavesInBothModes() {
        let full = Tmux(), plain = Tmux()
        for (tmux, mode) in [(full, ""), (plain, " --plain")] {
            tmux.type("echo MARKER-BEFORE; \(Binary.path) --idle-exit 1\(mode); echo \"exit=$?\"")
        }
        #expect(full.waitFor { $0.contains("Get help now") && $0.contains("Esc") })
        #expect(plain.waitFor { $0.contains("1. Get help now") })
        full.press("2")
        plain.type("2")
        #expect(full.waitFor { $0.contains("minimum wage") })
        #expect(plain.waitFor { $0.contains("minimum wage") })
        for tmux in [full, plain] {
            #expect(tmux.waitFor(seconds: 90) { $0.contains("exit=0") }, "the program left by itself")
            let all = tmux.everything()
            for word in ["MARKER-BEFORE", "Waymark", "minimum wage", "Get help now"] {
                #expect(!all.contains(word), "'\(word)' is left on screen or in scrollback")
            }
        }
    }
}

import Foundation
import Testing
import TestSupport

/// Issue 15: GNU screen ignores ESC[3J and keeps the screen in its own scrollback when it is
/// cleared, so the page that was showing at the quick exit stayed there (`hardcopy -h` showed
/// it). Every cell is now overwritten with a blank before each clear. Skipped, saying so, where
/// screen is missing; `.ci/run` installs it.
@Suite(.serialized, .enabled(if: GNUScreen.available, "GNU screen is not installed (apt-get install screen)"))
struct GNUScreenTests {
    @Test func theQuickExitLeavesOnlyBlanksInScreensScrollback() {
        let screen = GNUScreen()
        screen.type("\(Binary.path); echo \"exit=$?\"")
        #expect(screen.waitFor { $0.contains("Get help now") && $0.contains("Esc") })
        screen.press("1")
        #expect(screen.waitFor { $0.contains("1-888-373-7888") })
        screen.press("\u{1B}")
        #expect(screen.waitFor { $0.contains("exit=0") }, "the program left")
        let all = screen.everything()
        for word in ["Get help now", "1-888-373-7888", "quick exit", "Waymark"] {
            #expect(!all.contains(word), "'\(word)' is left in GNU screen's scrollback:\n\(all)")
        }
    }

    /// Esc typed on the real terminal around screen (not put into the window with `stuff`): while
    /// the program asked for mouse reports, screen held a lone Esc until another key came, so
    /// one press did not leave.
    @Test func oneEscTypedThroughScreenLeaves() {
        let tmux = Tmux()
        tmux.type("screen -q")
        #expect(tmux.waitFor { !$0.contains("screen -q") })
        // A name of its own, to find this program among the test run's others.
        let name = "waymark-esc-\(UInt32.random(in: 0...UInt32.max))"
        tmux.type("bash -c 'exec -a \(name) \(Binary.path)'")
        #expect(tmux.waitFor { $0.contains("Get help now") && $0.contains("Esc") })
        tmux.press("Escape")
        let deadline = Date().addingTimeInterval(3)
        func running() -> Bool { Spawn.run("/usr/bin/pgrep", ["-f", name]).status == 0 }
        while running(), Date() < deadline { usleep(20_000) }
        #expect(!running(), "one Esc, and the program is gone")
        tmux.press("C-c")
        tmux.type("exit")
    }

    /// Lines that went into screen's own history while the program ran (a page scrolled line by
    /// line, or everything the plain mode printed) stayed there after the quick exit. The quick
    /// exit now asks screen to drop this window's history.
    @Test(arguments: [false, true])
    func nothingThatScrolledIntoScreensHistoryIsLeft(plain: Bool) {
        let screen = GNUScreen()
        screen.type("echo BEFORE-MARK; \(Binary.path)\(plain ? " --plain" : ""); echo \"exit=$?\"")
        #expect(screen.waitFor { $0.contains("Get help now") })
        screen.press(plain ? "2\n" : "2")
        #expect(screen.waitFor { $0.contains("minimum wage") })
        if plain {
            for _ in 0..<3 { screen.press("\n") }
        } else {
            for _ in 0..<30 { screen.press("\u{1B}[B") }
        }
        usleep(300_000)
        screen.press("\u{1B}")
        #expect(screen.waitFor { $0.contains("exit=0") }, "the program left")
        let all = screen.everything()
        for word in ["Get help now", "minimum wage", "Waymark", "BEFORE-MARK"] {
            #expect(!all.contains(word), "'\(word)' is left in GNU screen's history:\n\(all)")
        }
    }
}

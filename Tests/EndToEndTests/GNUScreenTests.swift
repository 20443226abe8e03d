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
}

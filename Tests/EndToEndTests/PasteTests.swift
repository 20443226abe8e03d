import Foundation
import Testing
import TestSupport

/// Issue 15: a paste of several lines into a one-line box ended the box at the first line
/// break, and the rest of the paste became commands (`q` quit, digits picked items).
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (apt-get install tmux)"))
struct PasteTests {
    /// Opens the plan's first section (nothing saved) and starts typing in its box.
    func startTypingInTheGoBagBox(_ tmux: Tmux) throws {
        tmux.type("\(Binary.path); echo \"exit=$?\"")
        try #require(tmux.waitFor { $0.contains("7. My safety plan") })
        tmux.press("7")
        try #require(tmux.waitFor { $0.contains("1. Go-bag") })
        tmux.press("Enter")
        try #require(tmux.waitFor { $0.contains("Where my go-bag is") })
        tmux.press("Tab")
        try #require(tmux.waitFor { $0.contains("Tab next box") })
    }

    @Test(arguments: [false, true])
    func linesPastedIntoAOneLineBoxAreJoinedAndNeverCommands(bracketed: Bool) throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tmux = Tmux(environment: ["XDG_DATA_HOME": folder])
        try startTypingInTheGoBagBox(tmux)
        tmux.paste("at Ana's\nq\n2", bracketed: bracketed)
        #expect(tmux.waitFor { $0.contains("[at Ana's q 2") }, "the lines are joined in the box:\n\(tmux.screen())")
        #expect(tmux.foreground() != "bash", "the pasted q did not quit")
        tmux.press("-l", " MORE")
        #expect(tmux.waitFor { $0.contains("[at Ana's q 2 MORE") }, "still a box:\n\(tmux.screen())")
        #expect(!tmux.screen().contains("[x]"), "the pasted 2 ticked nothing")
        tmux.press("Escape")
        #expect(tmux.waitForExit())
    }

    /// Outside a box a marked paste is dropped whole: its letters are not keys.
    @Test func aBracketedPasteOnAMenuDoesNothing() throws {
        let tmux = Tmux()
        tmux.type("\(Binary.path); echo \"exit=$?\"")
        try #require(tmux.waitFor { $0.contains("7. My safety plan") })
        let before = tmux.screen()
        tmux.paste("2\nq\n", bracketed: true)
        tmux.press("Down")
        #expect(tmux.waitFor { $0 != before }, "the Down after the paste moves the selection")
        #expect(tmux.foreground() != "bash", "the pasted q did not quit")
        #expect(!tmux.screen().contains("minimum wage"), "the pasted 2 opened nothing:\n\(tmux.screen())")
        tmux.press("Escape")
        #expect(tmux.waitForExit())
    }

    /// The plain mode at a terminal: the first pasted line answers, the rest is dropped.
    @Test func linesPastedAtAPlainPromptAnswerOnceAndTheRestIsDropped() throws {
        let tmux = Tmux()
        tmux.type("\(Binary.path) --plain; echo \"exit=$?\"")
        try #require(tmux.waitFor { $0.contains("1. Get help now") })
        tmux.paste("2\nq\n", bracketed: false)
        #expect(tmux.waitFor { $0.contains("minimum wage") }, "the first line answered:\n\(tmux.screen())")
        tmux.typeLiterally("b")
        tmux.press("Enter")
        #expect(tmux.waitFor { $0.hasSuffix("> ") || $0.contains("1. Get help now") })
        #expect(tmux.foreground() != "bash", "the pasted q did not quit")
        tmux.press("Escape")
        #expect(tmux.waitForExit())
    }
}

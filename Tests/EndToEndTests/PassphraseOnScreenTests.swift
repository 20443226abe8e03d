import Foundation
import Testing
import TestSupport

/// The passphrase boxes say "What you type is not shown on the screen": in the full-screen
/// program, what is typed there must never be on the screen, while typing or after.
///
/// Found while writing the bad-input catalogue: the box showed the passphrase while it was typed.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (apt-get install tmux)"))
struct PassphraseOnScreenTests {
    func expectHidden(_ tmux: Tmux, _ secret: String, _ what: String) {
        _ = tmux.waitFor(seconds: 1) { $0.contains(secret) }
        #expect(!tmux.screen().contains(secret), "\(what): the passphrase is on the screen:\n\(tmux.screen())")
    }

    @Test func choosingAPassphraseNeverShowsIt() throws {
        let home = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let tmux = Tmux(width: 80, height: 24, environment: ["HOME": home, "XDG_DATA_HOME": home + "/data"])
        tmux.type("\(Binary.path); echo \"exit=$?\"")
        try #require(tmux.waitFor { $0.contains("Get help now") })
        tmux.press("7")
        try #require(tmux.waitFor { $0.contains("Save my plan") })
        tmux.press("End", "Up", "Enter")
        try #require(tmux.waitFor { $0.contains("Choose a passphrase") })
        tmux.press("-l", "SECRETWORDONE")
        expectHidden(tmux, "SECRETWORDONE", "choosing")
        tmux.press("Enter")
        try #require(tmux.waitFor { $0.contains("Type it again") })
        tmux.press("-l", "SECRETWORDONE")
        expectHidden(tmux, "SECRETWORDONE", "typing it again")
        tmux.press("Escape")
        #expect(tmux.waitForExit())
        #expect(!tmux.everything().contains("SECRETWORDONE"))
    }

    @Test func unlockingNeverShowsThePassphrase() throws {
        let home = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        // Any file at the plan's path makes the program ask for the passphrase first.
        _ = FileManager.default.createFile(atPath: home + "/plan", contents: Data("WAYMARK1 not really".utf8))
        let tmux = Tmux(width: 80, height: 24, environment: ["HOME": home, "XDG_DATA_HOME": home + "/data"])
        tmux.type("\(Binary.path) --plan-file \(home)/plan; echo \"exit=$?\"")
        try #require(tmux.waitFor { $0.contains("Get help now") })
        tmux.press("7")
        try #require(tmux.waitFor { $0.contains("Type your passphrase") })
        tmux.press("-l", "SECRETWORDTWO")
        expectHidden(tmux, "SECRETWORDTWO", "unlocking")
        tmux.press("Escape")
        #expect(tmux.waitForExit())
        #expect(!tmux.everything().contains("SECRETWORDTWO"))
    }
}

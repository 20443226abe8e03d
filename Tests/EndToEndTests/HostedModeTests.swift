import Foundation
import Testing
import TestSupport

/// `--hosted` (the SSH recipe's login shell sets it): the real binary in a terminal writes
/// nothing under HOME or XDG_DATA_HOME, whatever is typed into the plan, and offers no save.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (apt-get install tmux)"))
struct HostedModeTerminalTests {
    /// Every file and folder under `folder`, as paths relative to it.
    func contents(of folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
    }

    @Test func aPlanTypedInHostedModeLeavesNothingOnDisk() throws {
        let tmux = Tmux(width: 100, height: 30)
        let data = tmux.home + "/data"
        tmux.type("export XDG_DATA_HOME=\(data) XDG_CONFIG_HOME=\(tmux.home)/config XDG_STATE_HOME=\(tmux.home)/state")
        let before = contents(of: tmux.home)
        tmux.type("\(Binary.path) --hosted; echo \"exit=$?\"")
        try #require(tmux.waitFor { $0.contains("7. My safety plan") }, "\(tmux.screen())")
        tmux.press("7")
        try #require(tmux.waitFor { $0.contains("Nothing is saved on this shared computer") }, "\(tmux.screen())")
        let overview = tmux.screen()
        #expect(overview.contains("write it down on paper"))
        #expect(!overview.contains("Save my plan") && !overview.contains("Save as a text file"), "\(overview)")
        tmux.press("Enter")
        try #require(tmux.waitFor { $0.contains("[ ] Clothes for a few days") }, "\(tmux.screen())")
        tmux.press("Enter", "Tab")
        tmux.press("-l", "HOSTEDMARKER")
        try #require(tmux.waitFor { $0.contains("HOSTEDMARKER") }, "\(tmux.screen())")
        tmux.press("Enter", "Left")
        try #require(tmux.waitFor { $0.contains("(1 of 7)") }, "\(tmux.screen())")
        tmux.press("q")
        #expect(tmux.waitForExit(seconds: 5))
        #expect(tmux.waitFor { $0.contains("exit=0") }, "\(tmux.screen())")
        #expect(contents(of: tmux.home) == before, "files appeared: \(contents(of: tmux.home))")
        #expect(!FileManager.default.fileExists(atPath: data), "nothing under XDG_DATA_HOME")
    }

    @Test func hostedModeIsInTheHelpAndTakesNoPlanFile() {
        #expect(Binary.run(["--help"]).output.contains("--hosted"))
        #expect(Binary.run(["run", "--help"]).output.contains("--hosted"))
        let refused = Binary.run(["--hosted", "--plan-file", "/tmp/x"])
        #expect(refused.status != 0)
        #expect(refused.error.contains("--hosted saves nothing"))
    }
}

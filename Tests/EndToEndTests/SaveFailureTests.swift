import Foundation
import Testing
import TestSupport

/// Issue 15, "Typing and saving": what a person sees when the plan cannot be saved while they
/// type (a folder that became read-only, the file changed by something else).
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (apt-get install tmux)"))
struct SaveFailureTerminalTests {
    /// Starts Waymark on `path`, saves a new plan there with a passphrase, and starts typing in the
    /// first box of the first section.
    func saveAPlanAndStartTyping(_ tmux: Tmux, path: String) throws {
        tmux.type("\(Binary.path) --plan-file \(path); echo \"exit=$?\"")
        try #require(tmux.waitFor { $0.contains("7. My safety plan") })
        tmux.press("7")
        try #require(tmux.waitFor { $0.contains("Save my plan") }, "\(tmux.screen())")
        tmux.press("End", "Up", "Enter")
        try #require(tmux.waitFor { $0.contains("Choose a passphrase") })
        tmux.type("a long passphrase")
        try #require(tmux.waitFor { $0.contains("Type it again") })
        tmux.type("a long passphrase")
        try #require(tmux.waitFor(seconds: 30) { $0.contains("Saved, locked with your passphrase.") })
        tmux.press("Home", "Enter")
        try #require(tmux.waitFor { $0.contains("[ ] Clothes for a few days") })
        tmux.press("Tab")
        tmux.press("-l", "FIRSTWORDS")
        try #require(tmux.waitFor { $0.contains("FIRSTWORDS") })
    }

    /// Starts Waymark again on `path`, unlocks it and checks the first section's box holds `words`.
    func expectWords(_ words: String, whenOpening path: String, _ tmux: Tmux) throws {
        tmux.type("clear; \(Binary.path) --plan-file \(path)")
        try #require(tmux.waitFor { $0.contains("7. My safety plan") })
        tmux.press("7")
        try #require(tmux.waitFor { $0.contains("Type your passphrase to open it") })
        tmux.type("a long passphrase")
        try #require(tmux.waitFor(seconds: 30) { $0.contains("Go-bag") }, "\(tmux.screen())")
        tmux.press("Home", "Enter")
        #expect(tmux.waitFor { $0.contains(words) }, "the plan holds '\(words)':\n\(tmux.screen())")
        tmux.press("Escape")
        #expect(tmux.waitForExit(seconds: 5))
    }

    /// The folder becomes read-only after the plan was saved: the pause's save fails. Before,
    /// the overview still said "Saved, locked with your passphrase.", the box stopped being a
    /// box (the next `q` typed quit), and `q` left with status 0 and the words lost.
    @Test func aSaveThatFailsNeverSaysSavedAndQDoesNotLeaveQuietly() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let place = folder + "/usb"
        try FileManager.default.createDirectory(atPath: place, withIntermediateDirectories: true)
        // Root writes through permissions: a tmpfs remounted read-only; others, chmod.
        var mounted = false
        if getuid() == 0 {
            mounted = Tmux.run(["/bin/sh", "-c", "mount -t tmpfs -o size=1m tmpfs '\(place)' 2>/dev/null && echo ok"]).contains("ok")
            try #require(mounted, "cannot mount a tmpfs to make read-only")
        }
        defer { if mounted { Tmux.run(["umount", place]) } else { chmod(place, 0o755) } }
        let tmux = Tmux(width: 100, height: 30, environment: ["XDG_DATA_HOME": folder + "/data"])
        try saveAPlanAndStartTyping(tmux, path: place + "/plan")
        if mounted {
            Tmux.run(["mount", "-o", "remount,ro", place])
        } else {
            chmod(place, 0o555)
        }
        #expect(!FileManager.default.createFile(atPath: place + "/probe", contents: Data()), "\(place) is read-only")
        tmux.press("-l", " MORE")
        #expect(tmux.waitFor(seconds: 10) { $0.contains("Your plan could not be saved: this place cannot be written to.") },
                "the read-only message:\n\(tmux.screen())")
        // Still a text box: q and Space are text.
        tmux.press("-l", " q q")
        #expect(tmux.waitFor { $0.contains("FIRSTWORDS MORE q q") }, "typing goes on:\n\(tmux.screen())")
        #expect(tmux.foreground() != "bash", "q typed into the box did not quit")
        tmux.press("Enter", "Left")
        #expect(tmux.waitFor { $0.contains("Your latest changes are NOT saved.") }, "the overview says so:\n\(tmux.screen())")
        #expect(!tmux.screen().contains("Saved, locked"), "never 'Saved':\n\(tmux.screen())")
        tmux.press("q")
        #expect(tmux.waitFor { $0.contains("Press q again to leave without saving.") }, "q warns:\n\(tmux.screen())")
        #expect(tmux.foreground() != "bash", "the first q does not leave")
        tmux.press("q")
        #expect(tmux.waitForExit(seconds: 5))
        #expect(tmux.waitFor { $0.contains("exit=0") })
    }

    /// The plan file is changed by something else while the person types: the question "save
    /// over it?" comes once, when the box is finished. Before, it was pushed while typing, so the
    /// next letters answered it, and pushed again every 400 ms.
    @Test func aFileChangedElsewhereIsAskedAboutOnceAndTypingStaysText() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/plan"
        let tmux = Tmux(width: 100, height: 30, environment: ["XDG_DATA_HOME": folder + "/data"])
        let saved = { (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate]) as? Date }
        try saveAPlanAndStartTyping(tmux, path: path)
        // Wait for the pause's save (the file is replaced), then change it as another program would.
        let first = saved()
        let deadline = Date().addingTimeInterval(10)
        while saved() == first, Date() < deadline { usleep(20_000) }
        try #require(saved() != first, "the typing was saved")
        let other = try Data(contentsOf: URL(fileURLWithPath: path))
        try (other + Data([0])).write(to: URL(fileURLWithPath: path))
        tmux.press("-l", " MORE")
        // Time for several 400 ms pauses; then typing that would answer a question: j (down to
        // "Yes"), Space (choose), q (quit).
        usleep(1_500_000)
        tmux.press("-l", " j q")
        #expect(tmux.waitFor { $0.contains("FIRSTWORDS MORE j q") }, "typing goes on:\n\(tmux.screen())")
        #expect(tmux.foreground() != "bash", "q typed into the box did not quit")
        #expect(!tmux.screen().contains("Save over it"), "not asked while typing:\n\(tmux.screen())")
        tmux.press("Enter")
        #expect(tmux.waitFor { $0.contains("Save over it with your plan as it is now?") }, "asked when the box is done:\n\(tmux.screen())")
        tmux.press("Enter")  // No, the first choice
        #expect(tmux.waitFor { $0.contains("[ ] Clothes for a few days") }, "back in the section:\n\(tmux.screen())")
        usleep(1_000_000)
        #expect(!tmux.screen().contains("Save over it"), "asked once, not again every 400 ms:\n\(tmux.screen())")
        let after = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(after == other + Data([0]), "the other program's file is left as it is")
        tmux.press("Escape")
        #expect(tmux.waitForExit(seconds: 5))
    }

    /// Closing the window sends SIGHUP, and often SIGTERM or another SIGHUP right after it. Before,
    /// the second signal ended the program at once (`_exit` in the handler), before or during the
    /// save the first one had asked for: the last words were lost, or an empty temporary file was
    /// left beside the plan.
    @Test(arguments: [["HUP", "TERM"], ["HUP", "HUP"]])
    func aSecondSignalDuringTheSaveKeepsTheLastWords(_ signals: [String]) throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/plan"
        let tmux = Tmux(width: 100, height: 30, environment: ["XDG_DATA_HOME": folder + "/data"])
        try saveAPlanAndStartTyping(tmux, path: path)
        tmux.press("-l", " LASTWORDS")
        try #require(tmux.waitFor { $0.contains("FIRSTWORDS LASTWORDS") })
        // Sooner than the pause after which typing is saved anyway.
        #expect(tmux.signalProgram(signals))
        #expect(tmux.waitForExit(seconds: 10))
        #expect(tmux.waitFor { $0.contains("exit=0") }, "\(tmux.screen())")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(names.filter { $0.hasPrefix(".plan.tmp-") }.isEmpty, "no temporary file is left: \(names)")
        try expectWords("FIRSTWORDS LASTWORDS", whenOpening: path, tmux)
    }

    /// The quick exit while the plan file was changed elsewhere: before, the save was refused
    /// and the words typed since were lost. Now they go into a new file beside it, and the next
    /// start says where.
    @Test func theQuickExitOnAChangedFileKeepsTheWordsInACopyBesideIt() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/plan"
        let tmux = Tmux(width: 100, height: 30, environment: ["XDG_DATA_HOME": folder + "/data"])
        try saveAPlanAndStartTyping(tmux, path: path)
        // Wait for the pause's save, then change the file as another program would.
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        try #require(tmux.waitFor { _ in (try? Data(contentsOf: URL(fileURLWithPath: path))) != before }, "the pause's save")
        usleep(200_000)
        let other = try Data(contentsOf: URL(fileURLWithPath: path)) + Data([0])
        try other.write(to: URL(fileURLWithPath: path))
        tmux.press("-l", " COPIEDWORDS")
        try #require(tmux.waitFor { $0.contains("FIRSTWORDS COPIEDWORDS") })
        tmux.press("Escape")
        #expect(tmux.waitForExit(seconds: 10))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == other, "the other program's file is left as it is")
        #expect(FileManager.default.fileExists(atPath: path + "-1"), "\((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])")
        tmux.type("clear; \(Binary.path) --plan-file \(path)")
        try #require(tmux.waitFor { $0.contains("7. My safety plan") })
        tmux.press("7")
        #expect(tmux.waitFor { $0.contains("saved beside it") && $0.contains("plan-1") }, "the next start says where:\n\(tmux.screen())")
        tmux.press("Escape")
        #expect(tmux.waitForExit(seconds: 5))
        try expectWords("FIRSTWORDS COPIEDWORDS", whenOpening: path + "-1", tmux)
    }

    /// The usual file is not a plan, and a new plan was saved beside it as `plan-new` ("Start a
    /// new plan and save it somewhere else"): the next start opens that one. Before, it said
    /// again that the usual file was not a plan, and the new plan was never found.
    @Test func theNextStartOpensThePlanStartedElsewhere() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/plan"
        try Data("my notes, not a plan".utf8).write(to: URL(fileURLWithPath: path))
        let tmux = Tmux(width: 100, height: 30, environment: ["XDG_DATA_HOME": folder + "/data"])
        tmux.type("\(Binary.path) --plan-file \(path); echo \"exit=$?\"")
        try #require(tmux.waitFor { $0.contains("7. My safety plan") })
        tmux.press("7")
        // A plain file: only trying to open it finds that it is not a plan.
        try #require(tmux.waitFor { $0.contains("Type your passphrase to open it") }, "\(tmux.screen())")
        tmux.type("anything")
        try #require(tmux.waitFor(seconds: 30) { $0.contains("is not a Waymark plan") }, "\(tmux.screen())")
        tmux.press("Enter")  // Start a new plan and save it somewhere else
        try #require(tmux.waitFor { $0.contains("Save my plan") }, "\(tmux.screen())")
        tmux.press("End", "Up", "Enter")
        try #require(tmux.waitFor { $0.contains("Choose a passphrase") }, "\(tmux.screen())")
        tmux.type("a long passphrase")
        try #require(tmux.waitFor { $0.contains("Type it again") })
        tmux.type("a long passphrase")
        try #require(tmux.waitFor(seconds: 30) { $0.contains("Saved, locked with your passphrase.") }, "\(tmux.screen())")
        tmux.press("Escape")
        #expect(tmux.waitForExit(seconds: 5))
        #expect(FileManager.default.fileExists(atPath: path + "-new"))
        tmux.type("clear; \(Binary.path) --plan-file \(path)")
        try #require(tmux.waitFor { $0.contains("7. My safety plan") })
        tmux.press("7")
        #expect(tmux.waitFor { $0.contains("Type your passphrase to open it") }, "the new plan is found:\n\(tmux.screen())")
        tmux.type("a long passphrase")
        #expect(tmux.waitFor(seconds: 30) { $0.contains("Go-bag") }, "\(tmux.screen())")
        tmux.press("Escape")
        #expect(tmux.waitForExit(seconds: 5))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("my notes, not a plan".utf8))
    }
}

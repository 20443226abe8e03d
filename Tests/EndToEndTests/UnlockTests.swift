import Foundation
import Testing
import TestSupport
import WaymarkCore
import WaymarkStore

/// Issue 15: the key derivation (scrypt, slow on purpose) ran on the input loop, so an Esc
/// pressed while "Opening your plan..." was shown waited for it to end.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (apt-get install tmux)"))
struct UnlockTests {
    static let passphrase = "blue kettle on the stair"

    func lockedPlan(in folder: String) throws -> String {
        let path = folder + "/plan"
        var plan = SafetyPlan()
        plan.toggle("go-bag-clothes")
        try PlanFile.create(path: path, passphrase: UnlockTests.passphrase).save(plan)
        return path
    }

    /// Starts Waymark on the plan, types the passphrase, and returns once "Opening" is shown.
    func startUnlocking(_ tmux: Tmux, _ path: String, passphrase: String = UnlockTests.passphrase,
                        keyByKey: Bool = false) throws {
        tmux.type("clear; \(Binary.path) --plan-file \(path); echo \"exit=$?\"")
        try #require(tmux.waitFor { $0.contains("7. My safety plan") })
        tmux.press("7")
        try #require(tmux.waitFor { $0.contains("Type your passphrase") })
        if keyByKey {
            for character in passphrase { tmux.typeLiterally(String(character)) }
        } else {
            tmux.typeLiterally(passphrase)
        }
        tmux.press("Enter")
        try #require(tmux.waitFor { $0.contains("Opening your plan") })
    }

    /// Starts Waymark with no plan at `path`, chooses "Save my plan" (after ticking the first
    /// item, if asked) and types the passphrase once: "Type it again" is showing.
    func startSavingANewPlan(_ tmux: Tmux, _ path: String, tickingFirst: Bool) throws {
        tmux.type("clear; \(Binary.path) --plan-file \(path); echo \"exit=$?\"")
        try #require(tmux.waitFor { $0.contains("7. My safety plan") })
        tmux.press("7")
        try #require(tmux.waitFor { $0.contains("Save my plan") })
        if tickingFirst { tmux.press("Enter", "Space", "Left") }
        tmux.press("End", "Up", "Enter")
        try #require(tmux.waitFor { $0.contains("Choose a passphrase") })
        tmux.type(UnlockTests.passphrase)
        try #require(tmux.waitFor { $0.contains("Type it again") })
    }

    @Test func escWhileThePlanOpensLeavesAtOnce() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try lockedPlan(in: folder)
        let environment = ["XDG_DATA_HOME": folder + "/data"]

        // How long opening takes here (a debug build: seconds).
        let opening = Tmux(environment: environment)
        try startUnlocking(opening, path)
        let opened = Date()
        try #require(opening.waitFor(seconds: 60) { $0.contains("Go-bag (1 of") }, "\(opening.screen())")
        let openingTook = Date().timeIntervalSince(opened)

        let leaving = Tmux(environment: environment)
        try startUnlocking(leaving, path)
        let pressed = Date()
        leaving.press("Escape")
        #expect(leaving.waitFor(seconds: 60) { !$0.contains("Opening your plan") && !$0.contains("Esc") })
        let clearedAfter = Date().timeIntervalSince(pressed)
        #expect(leaving.waitForExit(seconds: 60))
        #expect(clearedAfter < openingTook / 2,
                "cleared \(clearedAfter) s after Esc; opening takes \(openingTook) s")
        #expect(!leaving.everything().contains("My safety plan"), "nothing left:\n\(leaving.everything())")
        #expect((try? PlanFile.unlock(path: path, passphrase: UnlockTests.passphrase)) != nil, "the plan is untouched")
    }

    /// Esc, or closing the window (SIGHUP, SIGTERM), while a new plan is being locked and written:
    /// the screen clears at once, and the file is finished whole before the program ends (never
    /// half a file, never a temporary one).
    @Test(arguments: ["Escape", "HUP", "TERM"])
    func leavingWhileANewPlanIsWrittenClearsAndTheFileIsWhole(_ how: String) throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/plan"
        let tmux = Tmux(environment: ["XDG_DATA_HOME": folder + "/data"])
        try startSavingANewPlan(tmux, path, tickingFirst: true)
        tmux.type(UnlockTests.passphrase)
        if how == "Escape" {
            tmux.press("Escape")
        } else {
            try #require(tmux.waitFor { $0.contains("Saving...") })
            #expect(tmux.signalProgram(how))
        }
        #expect(tmux.waitFor(seconds: 2) { !$0.contains("passphrase") && !$0.contains("Esc") }, "cleared at once:\n\(tmux.screen())")
        #expect(tmux.waitForExit(seconds: 60))
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        #expect(files.sorted() == ["plan"], "only the plan: \(files)")
        let (_, saved) = try PlanFile.unlock(path: path, passphrase: UnlockTests.passphrase)
        #expect(saved.checked.contains("go-bag-clothes"), "the ticked item is in the file")
    }

    /// Enter and Esc read together (a busy computer, a slow link): the Enter used to start the
    /// key derivation and the Esc waited for it. Esc wins at once; nothing is half written.
    @Test func escReadTogetherWithTheEnterThatLocksANewPlanWins() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/plan"
        let tmux = Tmux(environment: ["XDG_DATA_HOME": folder + "/data"])
        try startSavingANewPlan(tmux, path, tickingFirst: false)
        tmux.paste(UnlockTests.passphrase + "\r\u{1B}", bracketed: false)
        #expect(tmux.waitForExit(seconds: 60))
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        #expect(!files.contains("plan"), "the Enter read with the Esc did not start writing a plan: \(files)")
        #expect(!tmux.everything().contains("passphrase"), "nothing left:\n\(tmux.everything())")
    }

    /// The plain mode at a terminal: Esc typed while the plan opens leaves at once too.
    @Test func escWhileThePlanOpensInThePlainModeLeavesAtOnce() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try lockedPlan(in: folder)
        let tmux = Tmux(environment: ["XDG_DATA_HOME": folder + "/data"])
        tmux.type("clear; \(Binary.path) --plain --plan-file \(path); echo \"exit=$?\"")
        try #require(tmux.waitFor { $0.contains("7. My safety plan") })
        tmux.type("7")
        try #require(tmux.waitFor { $0.contains("Type your passphrase") }, "\(tmux.screen())")
        tmux.type(UnlockTests.passphrase)
        let pressed = Date()
        tmux.press("Escape")
        #expect(tmux.waitForExit(seconds: 60))
        let took = Date().timeIntervalSince(pressed)
        let opening = Date()
        _ = try PlanFile.unlock(path: path, passphrase: UnlockTests.passphrase)
        let openingTook = Date().timeIntervalSince(opening)
        #expect(took < openingTook / 2, "left \(took) s after Esc; opening takes \(openingTook) s")
        #expect(!tmux.everything().contains("My safety plan"), "nothing left:\n\(tmux.everything())")
    }

    /// After "Lock my plan", the plan's words are not left in the program's memory where they
    /// can be found (as root can read it; nobody else can: the process is not dumpable).
    /// A short passphrase (15 bytes or fewer) is kept inline in Swift's strings, on stacks and in
    /// buffers rather than in heap blocks of its own; typed key by key it passes through the key
    /// decoder's buffer many times.
    @Test(.enabled(if: getuid() == 0, "reading another process's memory needs root"),
          arguments: [(UnlockTests.passphrase, false), ("k9Qz7Wm2", true)])
    func afterLockingThePlansWordsAreNotInMemory(passphrase: String, keyByKey: Bool) throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/plan"
        let marker = "QUOKKA" + String(UInt32.random(in: 100_000...999_999)) + "ZEBRA"
        var plan = SafetyPlan()
        plan.setValue("at my cousin's house " + marker, for: UnlockTests.whereField)
        _ = plan.addEvidence(date: "2026-11-02", what: "texts " + marker, whereKept: "a friend keeps them")
        try PlanFile.create(path: path, passphrase: passphrase).save(plan)
        let tmux = Tmux(environment: ["XDG_DATA_HOME": folder + "/data"])
        try startUnlocking(tmux, path, passphrase: passphrase, keyByKey: keyByKey)
        try #require(tmux.waitFor(seconds: 60) { $0.contains("Go-bag (") })
        tmux.press("Enter")
        try #require(tmux.waitFor { $0.contains(marker) }, "the words are shown:\n\(tmux.screen())")
        tmux.press("Left", "End")
        for _ in 0..<6 where !tmux.waitFor(seconds: 1, { $0.contains("> ") && $0.split(separator: "\n").contains { $0.contains("> ") && $0.contains("Lock my plan") } }) {
            tmux.press("Up")
        }
        try #require(tmux.screen().split(separator: "\n").contains { $0.contains("> ") && $0.contains("Lock my plan") }, "\(tmux.screen())")
        tmux.press("Enter")
        try #require(tmux.waitFor(seconds: 20) { !$0.contains("Lock my plan") }, "locked:\n\(tmux.screen())")
        usleep(300_000)
        let pid = Tmux.run(["pgrep", "-P", "\(tmux.shellPID())", "waymark"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(!pid.isEmpty)
        let found = MemoryScan.find(marker, inProcess: pid)
        #expect(found == 0, "the plan's words were found \(found) times in memory after locking")
        #expect(MemoryScan.find(passphrase, inProcess: pid) == 0, "nor the passphrase")
        tmux.press("Escape")
    }

    static let whereField = "go-bag-where"
}

enum MemoryScan {
    /// How many times `text` occurs in the process's writable memory.
    static func find(_ text: String, inProcess pid: String) -> Int {
        guard let maps = try? String(contentsOfFile: "/proc/\(pid)/maps", encoding: .utf8),
              let memory = FileHandle(forReadingAtPath: "/proc/\(pid)/mem") else { return -1 }
        let needle = Array(text.utf8)
        var count = 0
        for line in maps.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 2, fields[1].hasPrefix("rw") else { continue }
            let range = fields[0].split(separator: "-").compactMap { UInt64($0, radix: 16) }
            guard range.count == 2, range[1] - range[0] < 1 << 30 else { continue }
            try? memory.seek(toOffset: range[0])
            guard let data = try? memory.read(upToCount: Int(range[1] - range[0])) else { continue }
            let bytes = [UInt8](data)
            var index = 0
            while index + needle.count <= bytes.count {
                if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { count += 1 }
                index += 1
            }
        }
        return count
    }
}

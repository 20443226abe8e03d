import Foundation
import Testing
import TestSupport

/// Issue 6, "Survives anything": 3,000 random keys sent to the real binary in a real terminal
/// (tmux), with resizes mixed in and the quick-exit keys left out; the program is alive after
/// every batch, and at the end the quick exit still leaves at once and clears everything.
///
/// Seeded: set WAYMARK_KEYS_SEED to replay a run; a failure names the seed and the last batch.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (apt-get install tmux)"))
struct RandomKeysTests {
    typealias Random = SeededRandom

    /// A key press: a tmux key name, or text typed as it is (`send-keys -l`).
    enum Press: CustomStringConvertible {
        case named(String)
        case literal(String)
        var description: String {
            switch self {
            case .named(let name): return name
            case .literal(let text): return "'\(text)'"
            }
        }
    }

    /// Every key a person might press, except the quick exit (Escape, Ctrl-C) and `q` (which
    /// quits when no text box has the keys, and which a random walk cannot tell apart).
    static let named: [String] = {
        var keys = ["Up", "Down", "Left", "Right", "PPage", "NPage", "Home", "End", "Enter", "Tab", "BTab",
                    "BSpace", "Space", "DC", "IC", "F1", "F2", "C-l", "?", "L", "h", "j", "k", "l"]
        // Weighted: movement and opening are what reach deeper screens.
        keys += ["Up", "Down", "Enter", "Enter", "Left", "Right", "j", "k"]
        keys += (0...9).map(String.init)
        keys += (0...9).map(String.init)
        keys += "abcdefghijklmnoprstuvwxyzABCDEFGHIJKMNOPQRSTUVWXYZ".map(String.init)  // no q; L is above
        keys += ["!", "@", "-", "_", "=", "+", ".", ",", "/", "'", "\"", "(", ")", "*", "&", "%"]
        return keys
    }()

    /// Accented, combining, wide and emoji text, typed with `send-keys -l`.
    static let literals = ["é", "ñ", "ü", "Ç", "ß", "e\u{301}", "日本", "漢字", "한", "😀", "👩‍👧", "ａ", "—", "«»", "¿", "¡"]

    static func randomPress(_ random: inout Random) -> Press {
        random.below(100) < 8 ? .literal(literals[random.below(literals.count)]) : .named(named[random.below(named.count)])
    }

    /// Sends a batch: runs of named keys in one send-keys call, literal text in its own.
    static func send(_ presses: [Press], to tmux: Tmux) {
        var run: [String] = []
        func flush() {
            if !run.isEmpty { tmux.press(run) }
            run = []
        }
        for press in presses {
            switch press {
            case .named(let name): run.append(name)
            case .literal(let text):
                flush()
                tmux.typeLiterally(text)
            }
        }
        flush()
    }

    /// Waits until the screen stops changing (two identical captures 150 ms apart).
    @discardableResult
    static func settle(_ tmux: Tmux, seconds: Double = 5) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var last = tmux.screen()
        while Date() < deadline {
            usleep(150_000)
            let now = tmux.screen()
            if now == last { return true }
            last = now
        }
        return false
    }

    static let seed: UInt64 = {
        if let text = ProcessInfo.processInfo.environment["WAYMARK_KEYS_SEED"], let seed = UInt64(text) { return seed }
        return UInt64.random(in: 0...UInt64.max)
    }()

    @Test func threeThousandRandomKeysThenTheQuickExitClearsEverything() throws {
        let seed = Self.seed
        print("RandomKeysTests seed: \(seed) (replay with WAYMARK_KEYS_SEED=\(seed))")
        var random = Random(seed: seed)
        // A home of its own, so no plan or notes file of this machine is read or written.
        let home = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let tmux = Tmux(width: 80, height: 24, environment: ["HOME": home, "XDG_DATA_HOME": home + "/data"])
        tmux.type("echo MARKER-BEFORE; \(Binary.path); echo \"exit=$?\"; touch \(home)/ended")
        try #require(tmux.waitFor { $0.contains("Get help now") && $0.contains("Esc") }, "the program starts (seed \(seed))")

        let sizes = [(80, 24), (40, 12), (120, 40), (30, 8), (1, 1), (12, 4), (200, 60), (79, 23), (45, 13)]
        let total = 3000, batch = 50
        var sent = 0, batchNumber = 0, resizes = 0
        var history: [String] = []
        var titles: Set<String> = []
        while sent < total {
            batchNumber += 1
            // About one batch in six starts with a resize.
            if batchNumber > 1, random.below(6) == 0 {
                let (width, height) = sizes[random.below(sizes.count)]
                tmux.resize(width: width, height: height)
                history.append("resize \(width)x\(height)")
                resizes += 1
            }
            let presses = (0..<min(batch, total - sent)).map { _ in Self.randomPress(&random) }
            Self.send(presses, to: tmux)
            sent += presses.count
            history.append(presses.map(\.description).joined(separator: " "))
            Self.settle(tmux)
            let screen = tmux.screen()
            // The title line, without the scroll percentage at its end.
            if let line = screen.split(separator: "\n").first {
                let title = line.trimmingCharacters(in: .whitespaces)
                titles.insert(String(title[..<(title.range(of: "  ")?.lowerBound ?? title.endIndex)]))
            }
            let alive = tmux.foreground() != "bash" && !FileManager.default.fileExists(atPath: home + "/ended")
            if !alive {
                Issue.record("""
                    the program ended after \(sent) keys (seed \(seed), batch \(batchNumber)).
                    Last steps: \(history.suffix(3).joined(separator: "\n"))
                    Screen:
                    \(tmux.everything())
                    """)
                return
            }
        }
        #expect(resizes > 0, "some resizes were mixed in (seed \(seed))")
        #expect(titles.count >= 3, "the keys reached several screens: \(titles.sorted()) (seed \(seed))")

        // Back to a normal size, let the last keys land, then the quick exit.
        tmux.resize(width: 80, height: 24)
        Self.settle(tmux, seconds: 10)
        #expect(tmux.foreground() != "bash", "still running after \(sent) keys (seed \(seed))")
        let before = tmux.screen()
        let pressed = Date()
        tmux.press("Escape")
        let ended = tmux.waitForExit(seconds: 2)
        #expect(ended, "Esc ends the program within 2 s (seed \(seed)); screen was:\n\(before)")
        if !ended { _ = tmux.waitForExit(seconds: 10) }
        print("RandomKeysTests: \(sent) keys in \(batchNumber) batches, \(resizes) resizes, \(titles.count) screens seen (\(titles.sorted().prefix(12).joined(separator: " | "))); Esc took \(Int(Date().timeIntervalSince(pressed) * 1000)) ms")
        #expect(tmux.waitFor(seconds: 3) { $0.contains("exit=0") }, "exit status 0 (seed \(seed)):\n\(tmux.screen())")
        let all = tmux.everything()
        #expect(!all.contains("MARKER-BEFORE"), "what was on the terminal before is cleared (seed \(seed))")
        for word in ["Waymark", "Get help now", "Esc", "quick exit", "1-888-373-7888", "911", "Pida ayuda", "salir rápido",
                     "My safety plan", "Mi plan"] {
            #expect(!all.contains(word), "'\(word)' is left on screen or in scrollback (seed \(seed)):\n\(all)")
        }
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Drives a real GNU screen session, as `Tmux` drives tmux: a detached session with a known name
/// and a SCREENDIR of its own in a temporary folder (so it never meets a person's own sessions),
/// typed into with `-X stuff` and read back, scrollback included, with `-X hardcopy -h`.
/// GNU screen keeps its own scrollback and ignores ESC[3J, so it shows what a quick exit leaves
/// behind on such terminals.
public final class GNUScreen: @unchecked Sendable {
    public static var available: Bool { Tmux.which("screen") != nil }

    public let name = "waymark-e2e-\(UInt32.random(in: 0...UInt32.max))"
    public let home = Fixtures.temporaryFolder()
    private var environment: [String: String]

    public init(width: Int = 80, height: Int = 24) {
        environment = ["PATH": "/usr/bin:/bin", "HOME": home, "TERM": "xterm-256color", "LANG": "C.UTF-8",
                       "PS1": "$ ", "SCREENDIR": home + "/screendir"]
        mkdir(home + "/screendir", 0o700)
        // Screen's defaults, said out loud: no alternate screen, so the program draws on the
        // screen whose lines go into the scrollback.
        try? "altscreen off\ndefscrollback 1000\nstartup_message off\n".write(toFile: home + "/screenrc", atomically: true, encoding: .utf8)
        // -d -m: detached, and the command returns once the session is there.
        _ = Spawn.run("/bin/sh", ["-c", "screen -c \(home)/screenrc -d -m -S \(name) bash --norc --noprofile </dev/null >/dev/null 2>&1"],
                      environment: environment, seconds: 10)
        _ = waitFor(seconds: 5) { $0.contains("$") }
        run(["width", "-w", "\(width)"])
        run(["height", "-w", "\(height)"])
    }

    deinit {
        run(["quit"])
        try? FileManager.default.removeItem(atPath: home)
    }

    /// Types a line into the shell and presses Enter. `stuff` reads ^ and \ as its own escapes,
    /// so the text is given with those doubled.
    public func type(_ line: String) { typeLiterally(line + "\n") }

    public func typeLiterally(_ text: String) {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "^", with: "\\^")
        run(["stuff", escaped])
    }

    /// Sends raw bytes (Esc is "\u{1B}").
    public func press(_ bytes: String) { typeLiterally(bytes) }

    /// The visible screen and the whole scrollback, as `hardcopy -h` writes them.
    public func everything() -> String {
        let path = home + "/hardcopy-\(UInt32.random(in: 0...UInt32.max))"
        run(["hardcopy", "-h", path])
        // The file is written by the session's own process: wait for it to be there.
        let deadline = Date().addingTimeInterval(5)
        while !FileManager.default.fileExists(atPath: path), Date() < deadline { usleep(10_000) }
        usleep(20_000)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? (try? String(contentsOfFile: path, encoding: .isoLatin1)) ?? ""
    }

    /// The last screenful of `everything()`, roughly what is visible.
    public func screen() -> String { everything() }

    /// Polls until the condition holds on the screen and scrollback, or the time runs out.
    @discardableResult
    public func waitFor(seconds: Double = 10, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(everything()) { return true }
            usleep(50_000)
        }
        return condition(everything())
    }

    @discardableResult
    private func run(_ command: [String]) -> String {
        Spawn.run("screen", ["-S", name, "-X"] + command, environment: environment, seconds: 10).output
    }
}

import Foundation

/// Drives a real terminal: a detached tmux session running a plain shell, typed into with
/// send-keys and read with capture-pane, as a person at a keyboard would. Each has a tmux server
/// of its own (its own socket), so tests never share one nor touch a person's own tmux.
public final class Tmux: @unchecked Sendable {
    public static var available: Bool { which("tmux") != nil }

    public let name = "waymark-e2e-\(UInt32.random(in: 0...UInt32.max))"
    public let home = Fixtures.temporaryFolder()

    public init(width: Int = 80, height: Int = 24, environment: [String: String] = [:]) {
        var env = ["PATH": "/usr/bin:/bin", "HOME": home, "TERM": "xterm-256color", "LANG": "C.UTF-8", "PS1": "$ "]
        env.merge(environment) { $1 }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        run(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
             "env -i \(assignments) bash --norc --noprofile"])
        _ = waitFor(seconds: 5) { $0.contains("$") }
    }

    deinit {
        run(["kill-server"])
        try? FileManager.default.removeItem(atPath: home)
    }

    /// Types a line into the shell and presses Enter.
    public func type(_ line: String) {
        run(["send-keys", "-t", name, "-l", line])
        run(["send-keys", "-t", name, "Enter"])
    }

    /// Presses keys by tmux name: "Escape", "C-c", "NPage", "Left", "5"…
    public func press(_ keys: String...) { press(keys) }

    public func screen() -> String { run(["capture-pane", "-p", "-J", "-t", name]) }

    /// The visible screen and everything in the scrollback.
    public func everything() -> String { run(["capture-pane", "-p", "-J", "-S", "-", "-t", name]) }

    public func resize(width: Int, height: Int) {
        run(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The command in the foreground of the pane ("bash" once the program has ended).
    public func foreground() -> String {
        run(["display-message", "-p", "-t", name, "#{pane_current_command}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether the program in the pane is on the alternate screen (full-screen mode).
    public func alternateScreen() -> Bool {
        run(["display-message", "-p", "-t", name, "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// "WIDTHxHEIGHT" of the pane as tmux has it now.
    public func paneSize() -> String {
        run(["display-message", "-p", "-t", name, "#{pane_width}x#{pane_height}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Types text exactly as given (no key names).
    public func typeLiterally(_ text: String) {
        run(["send-keys", "-t", name, "-l", text])
    }

    /// Pastes text as a terminal does: in one write, new lines as CR; `bracketed` marks it as a
    /// paste (ESC[200~ … ESC[201~) when the program asked for that, as terminals do.
    public func paste(_ text: String, bracketed: Bool) {
        run(["set-buffer", "-b", "waymark-test", "--", text])
        run(["paste-buffer", "-d", "-r", "-b", "waymark-test", "-t", name] + (bracketed ? ["-p"] : []))
    }

    /// Presses keys by tmux name, as many as given, in one go.
    public func press(_ keys: [String]) {
        run(["send-keys", "-t", name] + keys)
    }

    /// Sends a signal ("TERM", "HUP", "SEGV"…) to the program the shell is running; false when
    /// no such program runs.
    @discardableResult
    public func signalProgram(_ signal: String, named program: String = "waymark") -> Bool {
        let pid = Tmux.run(["pgrep", "-P", "\(shellPID())", program]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !pid.isEmpty else { return false }
        Tmux.run(["kill", "-\(signal)", pid])
        return true
    }

    /// Sends several signals one right after the other, from one shell, so that the later ones
    /// come while the program is still answering the first.
    @discardableResult
    public func signalProgram(_ signals: [String], named program: String = "waymark") -> Bool {
        let pid = Tmux.run(["pgrep", "-P", "\(shellPID())", program]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !pid.isEmpty else { return false }
        Tmux.run(["/bin/sh", "-c", signals.map { "kill -\($0) \(pid)" }.joined(separator: "; ")])
        return true
    }

    public func shellPID() -> Int32 {
        Int32(run(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// Polls until the condition holds on the visible screen, or the time runs out.
    @discardableResult
    public func waitFor(seconds: Double = 10, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(screen()) { return true }
            usleep(20_000)
        }
        return condition(screen())
    }

    public func waitForExit(seconds: Double = 5) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if foreground() == "bash" { return true }
            usleep(10_000)
        }
        return false
    }

    @discardableResult
    private func run(_ arguments: [String]) -> String {
        Tmux.run(["tmux", "-S", home + "/tmux-socket"] + arguments)
    }

    static func which(_ command: String) -> String? {
        let found = run(["/bin/sh", "-c", "command -v \(command)"]).trimmingCharacters(in: .whitespacesAndNewlines)
        return found.isEmpty ? nil : found
    }

    /// Runs a command (looked up in PATH) and returns what it printed.
    @discardableResult
    public static func run(_ arguments: [String]) -> String {
        Spawn.run(arguments[0], Array(arguments.dropFirst())).output
    }
}

public enum Binary {
    /// The built `waymark`, next to the test bundle.
    public static let path: String = {
        let testBinary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        var folder = (testBinary as NSString).deletingLastPathComponent
        while !folder.isEmpty, folder != "/" {
            let candidate = folder + "/waymark"
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue { return candidate }
            folder = (folder as NSString).deletingLastPathComponent
        }
        return Fixtures.repoRoot + "/.build/debug/waymark"
    }()

    /// Runs the binary without a terminal, with the given standard input.
    public static func run(_ arguments: [String], input: String = "", environment: [String: String]? = nil,
                           seconds: Double = 120) -> Spawn.Result {
        Spawn.run(path, arguments, input: Array(input.utf8), environment: environment, seconds: seconds)
    }
}

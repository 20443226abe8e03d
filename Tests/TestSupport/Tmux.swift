import Foundation

/// Drives a real terminal: a detached tmux session running a plain shell, typed into with
/// send-keys and read with capture-pane, as a person at a keyboard would.
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
        run(["kill-session", "-t", name])
        try? FileManager.default.removeItem(atPath: home)
    }

    /// Types a line into the shell and presses Enter.
    public func type(_ line: String) {
        run(["send-keys", "-t", name, "-l", line])
        run(["send-keys", "-t", name, "Enter"])
    }

    /// Presses keys by tmux name: "Escape", "C-c", "NPage", "Left", "5"…
    public func press(_ keys: String...) {
        run(["send-keys", "-t", name] + keys)
    }

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
        Tmux.run(["tmux"] + arguments)
    }

    static func which(_ command: String) -> String? {
        let found = run(["/bin/sh", "-c", "command -v \(command)"]).trimmingCharacters(in: .whitespacesAndNewlines)
        return found.isEmpty ? nil : found
    }

    @discardableResult
    public static func run(_ arguments: [String]) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return "" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
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

    public struct Result {
        public let status: Int32
        public let output: String
        public let error: String
    }

    /// Runs the binary without a terminal, with the given standard input.
    public static func run(_ arguments: [String], input: String = "", environment: [String: String]? = nil) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do { try process.run() } catch { return Result(status: -1, output: "", error: "\(error)") }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                      error: String(decoding: err, as: UTF8.self))
    }
}

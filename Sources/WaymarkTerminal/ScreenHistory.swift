import Glibc

/// GNU screen keeps its own history of every line that scrolled off or was cleared, and no
/// escape sequence can empty it (it ignores ESC[3J). Inside screen ($STY set), the quick exit
/// asks screen itself to drop this window's history: `scrollback 0`, then the size it had.
enum ScreenHistory {
    static func forget() {
        guard let session = getenv("STY").map({ String(cString: $0) }), !session.isEmpty else { return }
        let window = getenv("WINDOW").map { String(cString: $0) } ?? ""
        let target = ["screen", "-S", session] + (window.isEmpty ? [] : ["-p", window])
        // "(1,1)/(80,24)+1024 …": the number after '+' is the window's history size.
        let info = run(target + ["-Q", "info"])
        let size = info.split(separator: "+").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) } ?? 100
        _ = run(target + ["-X", "scrollback", "0"])
        _ = run(target + ["-X", "scrollback", String(size)])
    }

    /// Runs `arguments` (found on PATH) with no terminal for input, and returns what it printed.
    private static func run(_ arguments: [String]) -> String {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return "" }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, ends[0])
        let argv = arguments.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            posix_spawn_file_actions_destroy(&actions)
        }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        close(ends[1])
        var output: [UInt8] = []
        if spawned == 0 {
            var buffer = [UInt8](repeating: 0, count: 512)
            while true {
                let count = read(ends[0], &buffer, buffer.count)
                if count > 0 { output += buffer[0..<count] } else if count < 0, errno == EINTR { continue } else { break }
            }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        }
        close(ends[0])
        return String(decoding: output, as: UTF8.self)
    }
}

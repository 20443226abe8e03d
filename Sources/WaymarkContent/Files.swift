#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file operations content loading needs, straight from the C library: Foundation would
/// cost more start-up time than all of the content together (docs/DECISIONS.md, entry 7).
public enum Files {
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    public enum ReadResult {
        case bytes([UInt8])
        case tooLarge(Int)
        case unreadable
        /// A FIFO, device, socket or folder where a file should be.
        case notAFile
    }

    public static func read(_ path: String, limit: Int) -> ReadResult {
        // Checked before opening, and opened without blocking: opening a FIFO waits for a writer
        // forever, and a device may never end.
        var info = stat()
        guard stat(path, &info) == 0 else { return .unreadable }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .notAFile }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .unreadable }
        defer { close(fd) }
        guard fstat(fd, &info) == 0 else { return .unreadable }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .notAFile }
        let size = Int(info.st_size)
        if size > limit { return .tooLarge(size) }
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let n = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress! + done, size - done)
            }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            done += n
        }
        if done < size { bytes.removeLast(size - done) }
        return .bytes(bytes)
    }

    /// The names in a folder, sorted, or nil when it cannot be read.
    public static func list(_ path: String) -> [String]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}

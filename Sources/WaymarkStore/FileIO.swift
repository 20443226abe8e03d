#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which file is at a path: enough to notice that it was changed or replaced.
struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
        modifiedSeconds = Int(info.st_mtimespec.tv_sec)
        modifiedNanoseconds = Int(info.st_mtimespec.tv_nsec)
        #else
        modifiedSeconds = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
        #endif
    }
}

/// The plan file's reads and writes, with the C library only (start-up time: no Foundation).
enum FileIO {
    /// A plan file bigger than this is not one of ours.
    static let maxFileBytes = 64 << 20
    static let leftoverPrefix = ".tmp-"
    /// The operations in `PlanStoreError.system` that only read.
    static let readingOperations = ["open", "stat", "read"]

    static func identity(_ path: String) -> FileIdentity? {
        var info = stat()
        return stat(path, &info) == 0 ? FileIdentity(info) : nil
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Where a write to `path` must go: the path itself, or, when it is a symlink, the file it
    /// points at (so the atomic rename replaces that file, and the link stays a link). A link that
    /// points nowhere, or not at a plain file, is `.notAPlanFile`: nothing is written.
    static func writeTarget(_ path: String) throws(PlanStoreError) -> String {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return path }
        guard let resolved = realpath(path, nil) else { throw .notAPlanFile }
        defer { free(resolved) }
        let target = String(cString: resolved)
        guard stat(target, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw .notAPlanFile }
        return target
    }

    static func readWhole(_ path: String) throws(PlanStoreError) -> ([UInt8], FileIdentity) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            switch errno {
            case ENOENT: throw .noFile
            case ELOOP, ENOTDIR, ENAMETOOLONG: throw .notAPlanFile
            case EACCES, EPERM: throw .unreadable
            default: throw .system(operation: "open", errno: errno)
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .system(operation: "stat", errno: errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notAPlanFile }
        let size = Int(info.st_size)
        guard size <= maxFileBytes else { throw .notAPlanFile }
        return (try readBytes(fd, count: size), FileIdentity(info))
    }

    /// The first `count` bytes of a plain file (fewer if it is shorter); nil when nothing is there.
    /// Not a plain file is `.notAPlanFile`; opened without blocking, so a FIFO never hangs.
    static func readStart(_ path: String, count: Int) throws(PlanStoreError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            switch errno {
            case ENOENT: return nil
            case ELOOP, ENOTDIR, ENAMETOOLONG, ENXIO: throw .notAPlanFile
            case EACCES, EPERM: throw .unreadable
            default: throw .system(operation: "open", errno: errno)
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .system(operation: "stat", errno: errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notAPlanFile }
        return try readBytes(fd, count: count)
    }

    /// Up to `count` bytes from an open file (fewer at its end).
    static func readBytes(_ fd: Int32, count: Int) throws(PlanStoreError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, count - done) }
            if n < 0, errno == EINTR { continue }
            if n < 0 { throw errno == EISDIR ? .notAPlanFile : .unreadable }
            if n == 0 { break }
            done += n
        }
        if done < count { bytes.removeLast(count - done) }
        return bytes
    }

    /// Makes the folder and any missing parents, each new one readable by its owner only.
    static func makeFolder(_ path: String) throws(PlanStoreError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .system(operation: "mkdir", errno: ENOTDIR) }
            return
        }
        guard errno == ENOENT else { throw PlanStoreError.from(errno: errno, "mkdir") }
        let parent = folder(of: path)
        if parent != path { try makeFolder(parent) }
        if mkdir(path, 0o700) != 0, errno != EEXIST { throw PlanStoreError.from(errno: errno, "mkdir") }
    }

    /// Temporary files a crash left behind beside `path` (they hold only ciphertext).
    static func removeLeftovers(for path: String) {
        let dir = folder(of: path)
        let prefix = ".\(name(of: path))\(leftoverPrefix)"
        for name in names(in: dir) where name.hasPrefix(prefix) { unlink("\(dir)/\(name)") }
    }

    /// The names in a folder (none if it cannot be read).
    static func names(in dir: String) -> [String] {
        guard let stream = opendir(dir) else { return [] }
        var names: [String] = []
        while let entry = readdir(stream) {
            names.append(withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            })
        }
        closedir(stream)
        return names
    }

    static func temporaryPath(for path: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let suffix = String(UInt64.random(in: 0...UInt64.max, using: &generator), radix: 16)
        return "\(folder(of: path))/.\(name(of: path))\(leftoverPrefix)\(suffix)"
    }

    /// Writes `bytes` to a new temporary file beside `path` (mode 0600), flushes it to the disk,
    /// renames it over `path` and flushes the folder. Returns the new file's identity.
    /// `exclusive`: never replaces a file already at `path` (link, not rename); nil when one is there.
    @discardableResult
    static func writeAtomically(_ bytes: [UInt8], to path: String, exclusive: Bool = false,
                                beforeRename: (@Sendable (String) -> Bool)? = nil) throws(PlanStoreError) -> FileIdentity? {
        let temporary = temporaryPath(for: path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw PlanStoreError.from(errno: errno, "create") }
        var closed = false
        func fail(_ number: Int32, _ operation: String) -> PlanStoreError {
            if !closed { close(fd) }
            unlink(temporary)
            return PlanStoreError.from(errno: number, operation)
        }
        if fchmod(fd, 0o600) != 0 { throw fail(errno, "chmod") }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { throw fail(n < 0 ? errno : ENOSPC, "write") }
            done += n
        }
        if fsync(fd) != 0 { throw fail(errno, "fsync") }
        closed = true
        if close(fd) != 0 { throw fail(errno, "close") }
        if let beforeRename, !beforeRename(temporary) { throw .system(operation: "stopped before rename (test)", errno: 0) }
        if exclusive {
            let linked = link(temporary, path)
            let number = errno
            unlink(temporary)
            if linked != 0 {
                if number == EEXIST { return nil }
                throw PlanStoreError.from(errno: number, "link")
            }
        } else if rename(temporary, path) != 0 { throw fail(errno, "rename") }
        syncFolder(folder(of: path))
        guard let identity = identity(path) else { throw .system(operation: "stat", errno: errno) }
        return identity
    }

    /// Flushes a folder's entries (the rename) to the disk; best effort.
    static func syncFolder(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}

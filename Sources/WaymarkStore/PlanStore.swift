import Crypto
import CryptoExtras
import WaymarkCore
#if canImport(FoundationEssentials)
import FoundationEssentials  // Data, which swift-crypto's API speaks; already loaded by swift-crypto
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The safety plan, encrypted in one file. Nothing is written until `save` is called; the file
/// holds no plaintext, and its name and header say only that Waymark made it.
///
///     let file = try PlanFile.create(path: path, passphrase: "...")   // derives a key; writes nothing
///     try file.save(plan)                                              // encrypts and writes
///     let (file, plan) = try PlanFile.unlock(path: path, passphrase: "...")
///     try file.save(plan)          // fresh nonce every time; the key is kept, not the passphrase
///     file.lock()                  // drops the key
///     try PlanFile.erase(path: path)
///
/// File format (all numbers are single bytes):
///
///     offset  size
///     0       8    "WAYMARK1": the program's name and the file format's version
///     8       1    key derivation: 1 = scrypt
///     9       1    log2 N (scrypt's cost)        10 1  r (block size)      11 1  p (parallelism)
///     12      1    salt length S (16 to 64)
///     13      S    salt (random, new for each passphrase)
///     13+S    1    cipher: 1 = ChaCha20-Poly1305
///     14+S    16   key check: SHA-256("waymark key check" + the second half of the scrypt output),
///                  first 16 bytes, so a wrong passphrase is told apart from a damaged file
///     30+S    8    header digest: SHA-256 of the bytes before it, first 8 bytes (a damaged
///                  header is reported as damaged, not as a wrong passphrase)
///     38+S    ...  sealed box: 12-byte nonce, ciphertext, 16-byte tag; the header above is
///                  authenticated with it too
///
/// The plaintext is a 4-byte big-endian length, `SafetyPlanCoding`'s bytes, and zeros up to a
/// multiple of 1024 bytes, so the file's size says little about how much is written in it.
/// scrypt gives 64 bytes: the first 32 are the cipher key, the second 32 make the key check.
public final class PlanFile {
    public let path: String
    public private(set) var parameters: KDFParameters
    /// The cipher key; nil once locked.
    private var key: SymmetricKey?
    private var header: [UInt8]
    /// The file as it was when this handle last read or wrote it (nil: not written yet).
    private var identity: FileIdentity?
    /// Tests only: called between writing and renaming the temporary file; returning false
    /// stops there, as a crash would (the temporary file is left behind).
    var beforeRename: (@Sendable (String) -> Bool)?

    public var isUnlocked: Bool { key != nil }

    private init(path: String, parameters: KDFParameters, key: SymmetricKey, header: [UInt8], identity: FileIdentity?) {
        self.path = path
        self.parameters = parameters
        self.key = key
        self.header = header
        self.identity = identity
    }

    deinit { key = nil }

    // MARK: - Where

    /// `$XDG_DATA_HOME/waymark/plan`, else `~/.local/share/waymark/plan`.
    public static func defaultPath(environment: (String) -> String? = { name in getenv(name).map { String(cString: $0) } }) -> String {
        if let data = environment("XDG_DATA_HOME"), data.hasPrefix("/") {
            return trimmed(data) + "/waymark/plan"
        }
        var home = environment("HOME") ?? ""
        if home.isEmpty, let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir { home = String(cString: dir) }
        if home.isEmpty { home = "/tmp" }
        return trimmed(home) + "/.local/share/waymark/plan"
    }

    private static func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }

    public enum Status: Sendable, Equatable {
        /// Nothing there: a new plan can be made.
        case none
        /// A file is there: ask for the passphrase.
        case saved
        /// Something that is not a plain file (a folder, say) is at the path.
        case notAFile
        /// A symlink that points at nothing (a USB stick not plugged in): nothing to open, and
        /// not a place to create a plan either.
        case linkToNothing
    }

    public static func status(at path: String) -> Status {
        var info = stat()
        guard stat(path, &info) == 0 else {
            // A symlink loop, or a path through a file: nothing that could ever hold a plan.
            switch errno {
            case ENOENT:
                // A symlink that points nowhere (a stick not plugged in) is not a place to create.
                return lstat(path, &info) == 0 ? .linkToNothing : .none
            case ELOOP, ENOTDIR, ENAMETOOLONG: return .notAFile
            default: return .saved
            }
        }
        return (info.st_mode & S_IFMT) == S_IFREG ? .saved : .notAFile
    }

    /// The file to open at start: `path`, unless it cannot be a plan (not a plan, a damaged
    /// header, a newer version, a folder, or gone) and a plan was started elsewhere beside it
    /// ("start a new plan and save it somewhere else" saves to `<path>-new`); then that one,
    /// following `-new` again if it too was replaced the same way. Reads headers only.
    public static func pathToOpen(_ path: String) -> String {
        var current = path
        for _ in 0..<8 {
            let next = newPlanPath(for: current)
            guard !looksLikeAPlan(current), looksLikeAPlan(next) else { return current }
            current = next
        }
        return current
    }

    /// Where "start a new plan and save it somewhere else" saves, beside `path`.
    public static func newPlanPath(for path: String) -> String { path + "-new" }

    /// A plain file whose header is Waymark's, whole and of this version (the passphrase and the
    /// body are not checked).
    static func looksLikeAPlan(_ path: String) -> Bool {
        // The header and the smallest sealed box fit in 256 bytes: no need to read the whole file.
        guard status(at: path) == .saved, let bytes = (try? FileIO.readStart(path, count: 256)) ?? nil else { return false }
        return (try? FileFormat.parse(bytes)) != nil
    }

    // MARK: - Create, unlock, save, lock, erase

    /// A new plan file at `path` with this passphrase: derives the key (slow, on purpose) and
    /// writes nothing. Fails with `.fileExists` when a file is already there (unlock it, erase
    /// it, or choose another path).
    public static func create(path: String, passphrase: String, parameters: KDFParameters = .standard) throws(PlanStoreError) -> PlanFile {
        guard !passphrase.isEmpty else { throw .emptyPassphrase }
        guard status(at: path) == .none else { throw .fileExists }
        var salt = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for i in salt.indices { salt[i] = UInt8.random(in: 0...255, using: &generator) }
        let (key, check) = try derive(passphrase: passphrase, salt: salt, parameters: parameters)
        let header = FileFormat.header(parameters: parameters, salt: salt, check: check)
        return PlanFile(path: path, parameters: parameters, key: key, header: header, identity: nil)
    }

    /// Opens the plan at `path`. Reads only: whatever goes wrong, the file is left as it was.
    public static func unlock(path: String, passphrase: String) throws(PlanStoreError) -> (PlanFile, SafetyPlan) {
        guard !passphrase.isEmpty else { throw .emptyPassphrase }
        let (bytes, identity) = try FileIO.readWhole(path)
        let parsed = try FileFormat.parse(bytes)
        var (key, check) = try derive(passphrase: passphrase, salt: parsed.salt, parameters: parsed.parameters)
        if !constantTimeEqual(check, parsed.check) {
            // Plans saved before passphrases were normalised were keyed with the bytes as typed.
            guard Array(passphrase.utf8) != passphrase._nfcCodeUnits else { throw .wrongPassphrase }
            (key, check) = try derive(passphrase: passphrase, salt: parsed.salt, parameters: parsed.parameters, normalize: false)
            guard constantTimeEqual(check, parsed.check) else { throw .wrongPassphrase }
        }
        var plaintext = try FileFormat.open(parsed, key: key)
        defer { wipe(&plaintext) }
        let plan: SafetyPlan
        do { plan = try SafetyPlanCoding.decode(plaintext) } catch {
            if case .newerVersion = error { throw .newerVersion }
            throw .corrupt
        }
        let file = PlanFile(path: path, parameters: parsed.parameters, key: key, header: parsed.header, identity: identity)
        return (file, plan)
    }

    /// Encrypts `plan` with the key held (a fresh nonce each time) and replaces the file
    /// atomically: a temporary file in the same folder, written, flushed to disk, renamed over
    /// the old one. A crash or a full disk at any point leaves the old file whole.
    ///
    /// If the file was changed, replaced or removed by something else since this handle read or
    /// wrote it, nothing is written and `.fileChanged` is thrown: ask the person, then call again
    /// with `overwrite: true`.
    public func save(_ plan: SafetyPlan, overwrite: Bool = false) throws(PlanStoreError) {
        guard let key else { throw .locked }
        let target = try FileIO.writeTarget(path)
        let folder = FileIO.folder(of: target)
        try FileIO.makeFolder(folder)
        if !overwrite, FileIO.identity(target) != identity { throw .fileChanged }
        FileIO.removeLeftovers(for: target)

        var plaintext = FileFormat.pad(SafetyPlanCoding.encode(plan))
        defer { wipe(&plaintext) }
        let bytes = try FileFormat.seal(plaintext, header: header, key: key)
        identity = try FileIO.writeAtomically(bytes, to: target, beforeRename: beforeRename)
    }

    /// Leaving while the file was changed elsewhere: the plan is saved, encrypted with the same
    /// key, into a new file beside it (`<plan>-1`, `-2`, … the first free name), never over
    /// either file. Returns its path.
    public func saveCopy(_ plan: SafetyPlan) throws(PlanStoreError) -> String {
        guard let key else { throw .locked }
        let target = (try? FileIO.writeTarget(path)) ?? path
        try FileIO.makeFolder(FileIO.folder(of: target))
        var plaintext = FileFormat.pad(SafetyPlanCoding.encode(plan))
        defer { wipe(&plaintext) }
        let bytes = try FileFormat.seal(plaintext, header: header, key: key)
        for number in 1...999 {
            let copy = "\(target)-\(number)"
            if try FileIO.writeAtomically(bytes, to: copy, exclusive: true) != nil { return copy }
        }
        throw .fileExists
    }

    /// Copies `saveCopy` left beside the plan at `path`, oldest first.
    public static func copiesBeside(_ path: String) -> [String] {
        let target = (try? FileIO.writeTarget(path)) ?? path
        let prefix = FileIO.name(of: target) + "-"
        let numbers = FileIO.names(in: FileIO.folder(of: target)).compactMap { name -> Int? in
            guard name.hasPrefix(prefix) else { return nil }
            return Int(name.dropFirst(prefix.count))
        }
        return numbers.sorted().map { "\(target)-\($0)" }.filter(looksLikeAPlan)
    }

    /// Drops the key. The handle cannot save again; unlock the file for that.
    public func lock() { key = nil }

    /// Deletes the plan file (and locks this handle).
    public func erase() throws(PlanStoreError) {
        lock()
        try PlanFile.erase(path: path)
        identity = nil
    }

    /// Deletes the plan file at `path`, unlocked or not (a forgotten passphrase). Nothing there
    /// is not an error. Anything that does not start as a Waymark plan is left alone
    /// (`.notAPlanFile`): a mistyped `--plan-file` must never cost someone another file.
    public static func erase(path: String) throws(PlanStoreError) {
        // Through a symlink, the plan it points at (removing only the link would leave the plan).
        let path = (try? FileIO.writeTarget(path)) ?? path
        guard let start = try FileIO.readStart(path, count: FileFormat.magic.count) else { return }
        guard start.count == FileFormat.magic.count ? start == FileFormat.magic : FileFormat.magic.starts(with: start) else {
            throw .notAPlanFile
        }
        FileIO.removeLeftovers(for: path)
        if unlink(path) != 0, errno != ENOENT { throw PlanStoreError.from(errno: errno, "erase") }
        FileIO.syncFolder(FileIO.folder(of: path))
    }

    // MARK: - Keys

    /// The passphrase is normalised to NFC first, so "año" typed as one character or as "n" and a
    /// combining tilde is the same passphrase (docs/DECISIONS.md, entry 25).
    static func derive(passphrase: String, salt: [UInt8], parameters: KDFParameters,
                       normalize: Bool = true) throws(PlanStoreError) -> (SymmetricKey, [UInt8]) {
        var secret = normalize ? passphrase._nfcCodeUnits : Array(passphrase.utf8)
        defer { wipe(&secret) }
        let derived: SymmetricKey
        do {
            derived = try KDF.Scrypt.deriveKey(from: secret, salt: salt, outputByteCount: 64,
                                               rounds: parameters.n, blockSize: Int(parameters.r), parallelism: Int(parameters.p))
        } catch {
            throw .corrupt  // parameters the library refuses: only from a damaged header
        }
        var both = derived.withUnsafeBytes { Array($0) }
        defer { wipe(&both) }
        let key = SymmetricKey(data: both[0..<32])
        var hash = SHA256()
        hash.update(data: Array("waymark key check".utf8))
        hash.update(data: both[32..<64])
        let check = Array(hash.finalize().prefix(16))
        return (key, check)
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}

/// Zeros bytes that held a secret (best effort: copies made by libraries are out of reach).
func wipe(_ bytes: inout [UInt8]) {
    bytes.withUnsafeMutableBytes { buffer in
        if let base = buffer.baseAddress { explicit_bzero(base, buffer.count) }
    }
}

/// scrypt's cost: N = 2^log2N, block size r, parallelism p. Memory used: 128 * N * r bytes.
public struct KDFParameters: Sendable, Equatable {
    public var log2N: UInt8
    public var r: UInt8
    public var p: UInt8

    public init(log2N: UInt8, r: UInt8, p: UInt8) {
        self.log2N = log2N
        self.r = r
        self.p = p
    }

    /// N = 2^17, r = 8, p = 1: 128 MiB and about half a second (docs/DECISIONS.md).
    public static let standard = KDFParameters(log2N: 17, r: 8, p: 1)
    /// For tests only: quick and weak.
    public static let fastForTests = KDFParameters(log2N: 10, r: 8, p: 1)

    public var n: Int { 1 << Int(log2N) }
    public var memoryBytes: Int { 128 * n * Int(r) }

    /// What a file may ask for: at most 4 times the work of `.standard` (N·r·p ≤ 2^22, so at most
    /// 512 MiB and about 2 s in a release build), so a damaged or hostile header cannot make
    /// unlocking take minutes or gigabytes. Room to raise `.standard` later, a little.
    var isAcceptable: Bool {
        (10...22).contains(log2N) && (1...32).contains(r) && (1...8).contains(p)
            && n * Int(r) * Int(p) <= 4 * KDFParameters.standard.n * Int(KDFParameters.standard.r)
    }
}

/// What can go wrong. `word` is the plan.yaml word to show for it; `description` is English
/// for logs and tests.
public enum PlanStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A passphrase of zero length.
    case emptyPassphrase
    /// The passphrase did not open the plan. The file is unchanged.
    case wrongPassphrase
    /// The file says it is Waymark's but is damaged or cut short. Left untouched.
    case corrupt
    /// The file is not a Waymark plan at all. Left untouched.
    case notAPlanFile
    /// Made by a newer Waymark. Left untouched.
    case newerVersion
    /// Unlock: there is no file at the path.
    case noFile
    /// Create: a file is already at the path.
    case fileExists
    /// Save: the file was changed, replaced or removed since this handle read or wrote it.
    case fileChanged
    /// The folder or file cannot be written (permissions, a read-only disk).
    case readOnly
    /// No space left on the disk (or over quota). The old file is whole.
    case diskFull
    /// The file or folder cannot be read.
    case unreadable
    /// Saving after `lock()`.
    case locked
    /// Anything else the system refused, with the C library's error number.
    case system(operation: String, errno: Int32)

    public var word: PlanWord {
        switch self {
        case .emptyPassphrase: return .passphraseEmpty
        case .wrongPassphrase: return .wrongPassphrase
        case .corrupt: return .fileCorrupt
        case .notAPlanFile: return .fileForeign
        case .newerVersion: return .fileNewer
        case .noFile: return .fileMissing
        case .fileExists: return .fileExists
        case .fileChanged: return .fileChanged
        case .readOnly: return .readOnly
        case .diskFull: return .diskFull
        case .unreadable: return .readFailed
        case .locked: return .locked
        case .system(let operation, _):
            // "could not be saved" only where something was being written.
            return FileIO.readingOperations.contains(operation) ? .readFailed : .saveFailed
        }
    }

    public var description: String {
        switch self {
        case .emptyPassphrase: return "The passphrase is empty."
        case .wrongPassphrase: return "That passphrase did not open the plan."
        case .corrupt: return "The plan file is damaged or cut short."
        case .notAPlanFile: return "This file is not a Waymark plan."
        case .newerVersion: return "This plan was saved by a newer version of Waymark."
        case .noFile: return "There is no saved plan here."
        case .fileExists: return "A saved plan is already there."
        case .fileChanged: return "The plan file was changed by something else since it was opened."
        case .readOnly: return "This folder cannot be written to."
        case .diskFull: return "The disk is full."
        case .unreadable: return "The plan file cannot be read."
        case .locked: return "The plan is locked."
        case .system(let operation, let number): return "\(operation) failed: \(String(cString: strerror(number)))"
        }
    }

    static func from(errno number: Int32, _ operation: String) -> PlanStoreError {
        switch number {
        case EACCES, EPERM, EROFS: return .readOnly
        case ENOSPC, EDQUOT: return .diskFull
        default: return .system(operation: operation, errno: number)
        }
    }
}

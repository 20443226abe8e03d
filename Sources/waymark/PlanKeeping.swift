import Glibc
import WaymarkContent
import WaymarkCore
import WaymarkStore
import WaymarkTerminal

/// The safety plan's file, for the session: creates, opens, saves, locks and erases it, and
/// writes the plain-text copy. Holds the open file (and so its key) between calls; nothing else.
final class PlanFiles {
    let path: String
    private var file: PlanFile?

    init(path: String) {
        self.path = path
    }

    /// Where the plan is when the program starts.
    var initialState: PlanFileState {
        switch PlanFile.status(at: path) {
        case .none: return .notSaved
        case .saved: return .locked
        case .notAFile: return .unusable(.fileForeign)
        case .linkToNothing: return .unusable(.linkToNothing)
        }
    }

    /// For hosted mode: a keeper that writes nothing, whatever it is asked.
    static var none: PlanKeeper { PlanKeeper(perform: { _, _ in .failed(.saveFailed, detail: nil) },
                                 save: { _ in .failed(.saveFailed, detail: nil) }) }

    var keeper: PlanKeeper {
        PlanKeeper(perform: { [self] effect, plan in perform(effect, plan) }, save: { [self] plan in save(plan) },
                   saveBeforeLeaving: { [self] plan in saveBeforeLeaving(plan) })
    }

    func perform(_ effect: PlanEffect, _ plan: SafetyPlan) -> PlanOutcome {
        do {
            switch effect {
            case .unlock(let passphrase):
                let (opened, saved) = try PlanFile.unlock(path: path, passphrase: passphrase)
                file = opened
                return .opened(saved)
            case .create(let passphrase, let otherPath):
                let created = try PlanFile.create(path: otherPath ?? path, passphrase: passphrase)
                try created.save(plan)
                file = created
                return .created
            case .lock:
                if let file { try file.save(plan) }
                file?.lock()
                file = nil
                return .locked
            case .erase:
                if let file { try file.erase() } else { try PlanFile.erase(path: path) }
                file?.lock()
                file = nil
                return .erased
            case .overwrite:
                guard let file else { return .failed(.saveFailed, detail: nil) }
                try file.save(plan, overwrite: true)
                return .saved
            case .export(let text, let path):
                return export(text, to: path)
            }
        } catch {
            return outcome(of: error)
        }
    }

    func save(_ plan: SafetyPlan) -> PlanOutcome {
        guard let file else { return .failed(.saveFailed, detail: nil) }
        do {
            try file.save(plan)
            return .saved
        } catch {
            return outcome(of: error)
        }
    }

    /// Leaving with the file changed elsewhere: the plan goes into a new file beside it, so
    /// neither the other program's file nor the person's words are lost.
    func saveBeforeLeaving(_ plan: SafetyPlan) -> PlanOutcome {
        let outcome = save(plan)
        guard outcome == .changedOnDisk, let file else { return outcome }
        do {
            _ = try file.saveCopy(plan)
            return .saved
        } catch {
            return self.outcome(of: error)
        }
    }

    private func outcome(of error: PlanStoreError) -> PlanOutcome {
        switch error {
        case .fileChanged: return .changedOnDisk
        case .system: return .failed(error.word, detail: error.description)
        default: return .failed(error.word, detail: nil)
        }
    }

    /// A plain text copy, only where the person said, never over an existing file, readable only
    /// by them.
    private func export(_ text: String, to rawPath: String) -> PlanOutcome {
        let path = expandHome(rawPath.trimmingSpaces())
        guard !path.isEmpty else { return .failed(.exportFailed, detail: nil) }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return .failed(.exportFailed, detail: "\(path): \(String(cString: strerror(errno)))") }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 {
                let reason = String(cString: strerror(errno))
                close(fd)
                unlink(path)
                return .failed(.exportFailed, detail: "\(path): \(reason)")
            }
            written += n
        }
        fsync(fd)
        close(fd)
        return .exported(path: path)
    }
}

func expandHome(_ path: String) -> String {
    guard path == "~" || path.hasPrefix("~/"), let home = getenv("HOME") else { return path }
    return String(cString: home) + path.dropFirst()
}

import WaymarkWidgets
import WaymarkText

/// Where the safety plan stands with respect to its file. The plan itself only ever lives in
/// memory; the shell writes it, encrypted, when `AppState.planToSave` says so.
public enum PlanFileState: Sendable, Equatable {
    /// Nothing saved: the plan is in memory only, and goes when the program ends.
    case notSaved
    /// A saved plan is on disk and has not been opened in this session.
    case locked
    /// Opened or created with a passphrase: every change is saved, encrypted.
    case open
    /// The file at the plan's path cannot be used (damaged, not a plan, or newer); it is left as
    /// it is, and a new plan can be saved elsewhere.
    case unusable(PlanWord)
}

/// What the shell does with the plan's file. The passphrase travels only inside these values,
/// from the field where it was typed to the key derivation, and is not kept.
public enum PlanEffect: Sendable, Equatable {
    case unlock(passphrase: String)
    case create(passphrase: String, path: String?)
    case lock
    case erase
    case export(text: String, path: String)
    /// Save over a file that changed on disk, after the person said yes.
    case overwrite

    /// Unlocking and creating derive a key from the passphrase: slow on purpose (about a second).
    public var derivesAKey: Bool {
        switch self {
        case .unlock, .create: true
        case .lock, .erase, .export, .overwrite: false
        }
    }
}

/// How a plan-file operation came out, as the shell reports it back.
public enum PlanOutcome: Sendable, Equatable {
    case opened(SafetyPlan)
    case created
    case saved
    case locked
    case erased
    case exported(path: String)
    /// Something went wrong: the word to show, and any detail (a path, a system message).
    case failed(PlanWord, detail: String?)
    /// The file changed since it was opened: ask before saving over it.
    case changedOnDisk
}

public enum PassphrasePurpose: Sendable, Equatable {
    case unlock
    case choose
    case repeatChosen
}

public enum PlanConfirmation: Sendable, Equatable {
    case erase
    case deleteEvidence(Int)
    case overwrite
}

/// The safety plan as the program holds it: the person's plan, its file state, and what is being
/// typed.
public struct PlanState: Sendable, Equatable {
    public internal(set) var plan = SafetyPlan()
    public internal(set) var file: PlanFileState
    /// Changes not written yet (only meaningful while the file is open).
    public internal(set) var unsaved = false
    /// The field being typed into, if any (always on the top screen).
    public internal(set) var editing: TextFieldModel?
    /// The first passphrase, kept while it is asked for again.
    var chosenPassphrase: String?
    /// A message for the plan screens: a word and a detail (shown until the next change of screen).
    public internal(set) var message: (word: PlanWord, detail: String?)?
    /// Waiting for the shell (unlocking can take a moment): shown as a message, keys still work.
    public internal(set) var busy: PlanWord?
    /// Where to save instead of the usual place (set when the usual file is unusable).
    public internal(set) var savePath: String?
    /// Where "save as a text file" writes, as last typed.
    public internal(set) var exportPath = ""
    /// The usual place of the plan's file (for suggesting another place next to it).
    public internal(set) var defaultPath: String?
    /// Why the last save of an open plan failed (nil: the file holds the plan as last saved).
    public internal(set) var saveFailure: PlanWord?
    /// After a failed save, the next try waits for the next change, not the next 400 ms pause.
    var retryWhenChanged = false
    /// `q` was just pressed with work that could not be saved: a second `q` leaves without it.
    var quitWarned = false
    /// The person chose to leave without saving (the second `q`).
    public internal(set) var leavingUnsaved = false
    /// "Save over it?" waits for the box being typed in to be finished.
    var overwriteQuestionDue = false
    /// Hosted mode (`--hosted`, a shared server): no file, no export, smaller limits.
    public internal(set) var hosted = false

    /// A hosted session is one of many on a shared server, open to anyone: these keep each one's
    /// plan under about a megabyte however much is pasted into it.
    public static let hostedFieldLimit = 2_000
    public static let hostedEvidenceLimit = 25

    /// At most this many characters in one box.
    public var fieldLimit: Int { hosted ? Self.hostedFieldLimit : SafetyPlan.maxFieldLength }
    /// At most this many evidence entries (nil: no limit).
    public var evidenceLimit: Int? { hosted ? Self.hostedEvidenceLimit : nil }
    public var evidenceIsFull: Bool { evidenceLimit.map { plan.evidence.count >= $0 } ?? false }
    /// Copies saved beside a file that had been changed elsewhere, said when the plan is opened.
    public internal(set) var copiesSaved: [String] = []
    /// Said once when the plan screens open (and always on the screen for a file that cannot be used).
    var copiesNamed = false

    public init(file: PlanFileState) {
        self.file = file
    }

    public static func == (a: PlanState, b: PlanState) -> Bool {
        a.plan == b.plan && a.file == b.file && a.unsaved == b.unsaved && a.editing == b.editing
            && a.chosenPassphrase == b.chosenPassphrase && a.message?.word == b.message?.word
            && a.message?.detail == b.message?.detail && a.busy == b.busy && a.savePath == b.savePath
            && a.exportPath == b.exportPath && a.defaultPath == b.defaultPath && a.saveFailure == b.saveFailure
            && a.retryWhenChanged == b.retryWhenChanged && a.quitWarned == b.quitWarned && a.leavingUnsaved == b.leavingUnsaved
            && a.overwriteQuestionDue == b.overwriteQuestionDue && a.hosted == b.hosted && a.copiesSaved == b.copiesSaved
    }
}

/// One row of a plan screen.
public enum FormRow: Sendable, Equatable {
    case check(id: String, label: String, checked: Bool, help: String?)
    case field(FieldRef, label: String, value: String, multiLine: Bool, placeholder: String?)
    /// Goes somewhere or does something; `detail` is shown after the label ("3 of 7").
    case action(FormAction, label: String, detail: String?)

    public var isField: Bool {
        if case .field = self { return true }
        return false
    }

    /// How the row is drawn.
    var widget: Form.Row {
        switch self {
        case .check(_, let label, let checked, let help): return .check(label: label, checked: checked, help: help)
        case .field(let ref, let label, let value, let multiLine, let placeholder):
            return .field(label: label, value: value, multiLine: multiLine, placeholder: placeholder, secret: ref.isSecret)
        case .action(_, let label, let detail): return .action(label: label, detail: detail)
        }
    }
}

/// Which text a field edits.
public enum FieldRef: Sendable, Equatable {
    case plan(String)
    case evidenceDate(Int), evidenceWhat(Int), evidenceWhere(Int)
    case passphrase
    case exportPath
    case savePath

    public var isSecret: Bool { self == .passphrase }
}

public enum FormAction: Sendable, Equatable {
    case section(String)
    case evidence
    case addEvidence
    case editEvidence(Int)
    case deleteEvidence(Int)
    case summary
    case save
    case lock
    case erase
    case export
    case writeExport
    case unlock
    case startNewElsewhere
    case confirm(Bool)
}

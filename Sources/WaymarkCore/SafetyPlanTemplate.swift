/// The safety plan's words and shape for one language, as loaded from `Content/<lang>/plan.yaml`:
/// sections of checklist items and form fields, and every word the plan screens show.
/// The person's own data (`SafetyPlan`) refers to items and fields by id only, so a plan made in
/// one language opens in the other.
public struct SafetyPlanTemplate: Sendable, Equatable {
    public var title: String
    public var intro: String?
    public var sections: [PlanSection]
    public var words: PlanWords

    public init(title: String, intro: String? = nil, sections: [PlanSection], words: PlanWords) {
        self.title = title
        self.intro = intro
        self.sections = sections
        self.words = words
    }

    public subscript(_ word: PlanWord) -> String { words[word] }

    public func section(id: String) -> PlanSection? { sections.first { $0.id == id } }

    /// The section holding a checklist item or a form field with this id.
    public func section(containing id: String) -> PlanSection? {
        sections.first { section in
            section.items.contains { $0.id == id } || section.fields.contains { $0.id == id }
        }
    }

    public var allItemIDs: [String] { sections.flatMap { $0.items.map(\.id) } }
    public var allFieldIDs: [String] { sections.flatMap { $0.fields.map(\.id) } }

    /// "3 of 7" for a section, in this language.
    public func countText(_ section: PlanSection, in plan: SafetyPlan) -> String {
        let count = plan.count(in: section)
        return countText(done: count.done, total: count.total)
    }

    public func countText(done: Int, total: Int) -> String {
        words[.count].replacing("{done}", with: String(done)).replacing("{total}", with: String(total))
    }

    /// A word shown as a message, with any placeholder it has filled in.
    public func message(_ word: PlanWord, maxField: Int = SafetyPlan.maxFieldLength,
                        maxEvidence: Int = PlanState.hostedEvidenceLimit) -> String {
        switch word {
        case .fieldTooLong: return tooLongText(max: maxField)
        case .evidenceFull:
            return words[.evidenceFull].replacing("{max}", with: PlanWords.grouped(maxEvidence, separator: words[.thousandsSeparator]))
        default: return self[word]
        }
    }

    /// The "too long" message with the limit filled in.
    public func tooLongText(max: Int = SafetyPlan.maxFieldLength) -> String {
        words[.fieldTooLong].replacing("{max}", with: PlanWords.grouped(max, separator: words[.thousandsSeparator]))
    }
}

public struct PlanSection: Sendable, Equatable {
    public var id: String
    public var title: String
    public var intro: String?
    public var items: [PlanItem]
    public var fields: [PlanField]

    public init(id: String, title: String, intro: String? = nil, items: [PlanItem] = [], fields: [PlanField] = []) {
        self.id = id
        self.title = title
        self.intro = intro
        self.items = items
        self.fields = fields
    }
}

/// One checklist line, shown `[x]` / `[ ]`.
public struct PlanItem: Sendable, Equatable {
    public var id: String
    public var label: String
    public var help: String?

    public init(id: String, label: String, help: String? = nil) {
        self.id = id
        self.label = label
        self.help = help
    }
}

public enum PlanFieldKind: String, Sendable, Equatable, CaseIterable {
    /// One line: Enter leaves the field.
    case singleLine = "line"
    /// Several lines: Enter starts a new line.
    case multiLine = "lines"
}

/// A form field the person types into.
public struct PlanField: Sendable, Equatable {
    public var id: String
    public var label: String
    public var kind: PlanFieldKind
    public var help: String?
    /// Shown dimmed while the field is empty.
    public var placeholder: String?

    public init(id: String, label: String, kind: PlanFieldKind = .singleLine, help: String? = nil, placeholder: String? = nil) {
        self.id = id
        self.label = label
        self.kind = kind
        self.help = help
        self.placeholder = placeholder
    }
}

/// The plan screens' fixed words, by key. The loader refuses a plan.yaml that lacks any of them,
/// so a lookup never fails at run time.
public struct PlanWords: Sendable, Equatable {
    private var table: [String: String]
    public init(_ table: [String: String]) { self.table = table }
    public subscript(_ word: PlanWord) -> String { table[word.rawValue] ?? word.rawValue }
    public func missing() -> [PlanWord] { PlanWord.allCases.filter { table[$0.rawValue] == nil } }

    /// 10000 → "10,000" (or "10.000", "10 000": the separator comes from the content).
    public static func grouped(_ number: Int, separator: String) -> String {
        let digits = Array(String(number))
        var out = ""
        for (n, digit) in digits.enumerated() {
            if n > 0, (digits.count - n) % 3 == 0 { out += separator }
            out.append(digit)
        }
        return out
    }
}

/// Every word the plan screens use. The raw value is the key under `words:` in plan.yaml.
public enum PlanWord: String, Sendable, CaseIterable {
    // Overview and checklist
    case count = "count"                         // "{done} of {total}"
    case notSavedNotice = "not_saved_notice"
    case savedNotice = "saved_notice"
    case thousandsSeparator = "thousands_separator"
    case fieldEmpty = "field_empty"
    case fieldTooLong = "field_too_long"         // "{max}"
    case otherNotes = "other_notes"
    case otherNotesIntro = "other_notes_intro"
    // Evidence log
    case evidenceTitle = "evidence_title"
    case evidenceIntro = "evidence_intro"
    case evidenceEmpty = "evidence_empty"
    case evidenceDate = "evidence_date"
    case evidenceDateHelp = "evidence_date_help"
    case evidenceDateUnclear = "evidence_date_unclear"
    case evidenceWhat = "evidence_what"
    case evidenceWhere = "evidence_where"
    case evidenceWhereHelp = "evidence_where_help"
    case evidenceAdd = "evidence_add"
    case evidenceEdit = "evidence_edit"
    case evidenceDelete = "evidence_delete"
    case evidenceDeleteConfirm = "evidence_delete_confirm"
    case evidenceNoDate = "evidence_no_date"
    // Summary and export
    case summaryTitle = "summary_title"
    case summaryIntro = "summary_intro"
    case export = "export"
    case exportWarning = "export_warning"
    case exportPathPrompt = "export_path_prompt"
    case exported = "exported"
    case exportFailed = "export_failed"
    // Saving, passphrase, locking
    case save = "save"
    case savePathPrompt = "save_path_prompt"
    case saveIntro = "save_intro"
    case passphraseNew = "passphrase_new"
    case passphraseRepeat = "passphrase_repeat"
    case passphraseMismatch = "passphrase_mismatch"
    case passphraseEmpty = "passphrase_empty"
    case passphraseHint = "passphrase_hint"
    case passphraseUnlock = "passphrase_unlock"
    case unlocking = "unlocking"
    case saving = "saving"
    case lock = "lock"
    case locked = "locked"
    case erase = "erase"
    case eraseConfirm = "erase_confirm"
    case erased = "erased"
    case yes = "yes"
    case no = "no"
    // What can go wrong with the file
    case wrongPassphrase = "wrong_passphrase"
    case fileCorrupt = "file_corrupt"
    case fileForeign = "file_foreign"
    case linkToNothing = "link_to_nothing"
    case fileNewer = "file_newer"
    case fileMissing = "file_missing"
    case fileExists = "file_exists"
    case startNewElsewhere = "start_new_elsewhere"
    case fileChanged = "file_changed"
    case overwriteConfirm = "overwrite_confirm"
    case readOnly = "read_only"
    case diskFull = "disk_full"
    case saveFailed = "save_failed"
    case readFailed = "read_failed"
    case nothingLost = "nothing_lost"
    case notSavedNow = "not_saved_now"
    case quitUnsaved = "quit_unsaved"
    // Hosted mode (`--hosted`, over SSH): nothing is saved
    case hostedNotice = "hosted_notice"
    case evidenceFull = "evidence_full"          // "{max}"
    case copySaved = "copy_saved"                // followed by the copy's path
}

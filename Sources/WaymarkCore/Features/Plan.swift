import WaymarkWidgets
import WaymarkText

/// The safety plan's screens: its sections, the evidence log, the summary and the file's screens.
public enum PlanKind: Sendable, Equatable {
    case overview
    case section(id: String)
    case evidenceList
    case evidenceEntry(id: Int)
    case summary
    case passphrase(PassphrasePurpose)
    case confirm(PlanConfirmation)
    case export
    /// The saved plan's file cannot be used; it is left alone.
    case unusable
}

/// The safety plan's screens: what each shows, and what its rows do.
extension AppState {
    var planTemplate: SafetyPlanTemplate? { content.plan }

    func planView(_ kind: PlanKind) -> ScreenView {
        guard let template = planTemplate else { return ScreenView(title: "", context: kind == .summary ? .page : .form, body: nil) }
        let plan = self.plan.plan
        var title = template.title
        var intro: [Block] = []
        var rows: [FormRow] = []
        let gone = { (title: String) in ScreenView(title: title, context: .form, body: nil) }
        switch kind {
        case .summary:
            return ScreenView(title: template[.summaryTitle], context: .page,
                              body: .page(PlanPages.summary(plan, template: template, hosted: self.plan.hosted)))
        case .overview:
            if let text = template.intro { intro.append(.paragraph([Span(text)])) }
            if self.plan.file == .open, let failure = self.plan.saveFailure {
                // Never "Saved" after a save that failed: say so, and why.
                intro.append(.callout([Span(template[.notSavedNow] + " " + message(template, failure))]))
            } else if self.plan.hosted {
                intro.append(.callout([Span(template[.hostedNotice])]))
            } else {
                intro.append(.paragraph([Span(self.plan.file == .open ? template[.savedNotice] : template[.notSavedNotice], .dim)]))
            }
            for section in template.sections {
                rows.append(.action(.section(section.id), label: section.title, detail: template.countText(section, in: plan)))
            }
            rows.append(.action(.evidence, label: template[.evidenceTitle], detail: "\(plan.evidence.count)"))
            rows.append(.action(.summary, label: template[.summaryTitle], detail: nil))
            // Hosted: nothing can be written, so nothing offers to write.
            if !self.plan.hosted {
                rows.append(self.plan.file == .open ? .action(.lock, label: template[.lock], detail: nil)
                                                    : .action(.save, label: template[.save], detail: nil))
                rows.append(.action(.export, label: template[.export], detail: nil))
            }
            if self.plan.file == .open { rows.append(.action(.erase, label: template[.erase], detail: nil)) }
        case .section(let id):
            guard let section = template.section(id: id) else { return gone("") }
            title = section.title
            if let text = section.intro { intro.append(.paragraph([Span(text)])) }
            for item in section.items {
                rows.append(.check(id: item.id, label: item.label, checked: plan.isChecked(item.id), help: item.help))
            }
            for field in section.fields {
                rows.append(.field(.plan(field.id), label: field.label, value: plan.value(of: field.id),
                                   multiLine: field.kind == .multiLine, placeholder: field.placeholder ?? template[.fieldEmpty]))
            }
        case .evidenceList:
            title = template[.evidenceTitle]
            intro.append(.paragraph([Span(template[.evidenceIntro])]))
            if plan.evidence.isEmpty { intro.append(.paragraph([Span(template[.evidenceEmpty], .dim)])) }
            if self.plan.evidenceIsFull {
                intro.append(.paragraph([Span(message(template, .evidenceFull), .dim)]))
            } else {
                rows.append(.action(.addEvidence, label: template[.evidenceAdd], detail: nil))
            }
            for entry in plan.evidenceNewestFirst {
                let date = entry.date.allSatisfy(\.isWhitespace) ? template[.evidenceNoDate] : entry.date
                let what = entry.what.split(separator: "\n").first.map(String.init) ?? ""
                rows.append(.action(.editEvidence(entry.id), label: date, detail: what.isEmpty ? nil : what))
            }
        case .evidenceEntry(let id):
            title = template[.evidenceTitle]
            guard let entry = plan.evidence(id: id) else { return gone(title) }
            intro.append(.paragraph([Span(template[.evidenceDateHelp], .dim)]))
            if !entry.date.allSatisfy(\.isWhitespace), entry.day == nil {
                intro.append(.paragraph([Span(template[.evidenceDateUnclear], .dim)]))
            }
            rows.append(.field(.evidenceDate(id), label: template[.evidenceDate], value: entry.date, multiLine: false, placeholder: nil))
            rows.append(.field(.evidenceWhat(id), label: template[.evidenceWhat], value: entry.what, multiLine: true, placeholder: nil))
            rows.append(.field(.evidenceWhere(id), label: template[.evidenceWhere], value: entry.whereKept, multiLine: true,
                               placeholder: template[.evidenceWhereHelp]))
            rows.append(.action(.deleteEvidence(id), label: template[.evidenceDelete], detail: nil))
        case .passphrase(let purpose):
            if purpose != .unlock { title = template[.save] }
            switch purpose {
            case .unlock:
                intro.append(.paragraph([Span(template[.passphraseUnlock], .emphasis)]))
            case .choose:
                intro.append(.paragraph([Span(template[.saveIntro])]))
                intro.append(.paragraph([Span(template[.passphraseNew], .emphasis)]))
            case .repeatChosen:
                intro.append(.paragraph([Span(template[.passphraseRepeat], .emphasis)]))
            }
            intro.append(.paragraph([Span(template[.passphraseHint], .dim)]))
            rows.append(.field(.passphrase, label: "", value: "", multiLine: false, placeholder: nil))
            if purpose == .choose, let path = self.plan.savePath {
                rows.append(.field(.savePath, label: template[.savePathPrompt], value: path, multiLine: false, placeholder: nil))
            }
            if purpose == .unlock { rows.append(.action(.erase, label: template[.erase], detail: nil)) }
        case .unusable:
            if case .unusable(let word) = self.plan.file { intro.append(.callout([Span(template[word])])) }
            // The file cannot be opened, but a copy of the plan as it was left may be beside it.
            if !self.plan.copiesSaved.isEmpty {
                intro.append(.callout([Span(template[.copySaved] + " " + self.plan.copiesSaved.joined(separator: ", "))]))
            }
            rows.append(.action(.startNewElsewhere, label: template[.startNewElsewhere], detail: nil))
        case .confirm(let confirmation):
            switch confirmation {
            case .erase: intro.append(.paragraph([Span(template[.eraseConfirm], .emphasis)]))
            case .deleteEvidence: intro.append(.paragraph([Span(template[.evidenceDeleteConfirm], .emphasis)]))
            case .overwrite:
                intro.append(.paragraph([Span(template[.fileChanged])]))
                intro.append(.paragraph([Span(template[.overwriteConfirm], .emphasis)]))
            }
            rows.append(.action(.confirm(false), label: template[.no], detail: nil))
            rows.append(.action(.confirm(true), label: template[.yes], detail: nil))
        case .export:
            title = template[.export]
            intro.append(.callout([Span(template[.exportWarning])]))
            rows.append(.field(.exportPath, label: template[.exportPathPrompt], value: self.plan.exportPath,
                               multiLine: false, placeholder: nil))
            rows.append(.action(.writeExport, label: template[.export], detail: nil))
        }
        if let busy = self.plan.busy {
            intro.append(.paragraph([Span(template[busy], .emphasis)]))
        } else if let message = self.plan.message, !(kind == .overview && message.word == self.plan.saveFailure && message.detail == nil) {
            // (The overview already says why the plan is not saved.)
            intro.append(.callout([Span(self.message(template, message.word) + (message.detail.map { " " + $0 } ?? ""))]))
        }
        return ScreenView(title: title, context: .form, body: .form(intro: intro, rows: rows))
    }

    mutating func updatePlan(_ kind: PlanKind, _ event: ScreenEvent) -> [Effect] {
        switch event {
        case .choose(let index):
            return kind == .summary ? [] : activate(index)
        case .number(let n):
            switch kind {
            // The plan's menus: numbered like every menu (the rows of a section are not).
            case .overview, .evidenceList: return chooseNumbered(n)
            case .section, .evidenceEntry, .summary, .passphrase, .confirm, .export, .unusable: return []
            }
        case .back:
            switch kind {
            case .evidenceEntry: droppingEmptyEvidence()
            case .passphrase(.repeatChosen): plan.chosenPassphrase = nil
            case .overview, .section, .evidenceList, .summary, .passphrase, .confirm, .export, .unusable: break
            }
            plan.message = nil
            pop()
            return []
        }
    }

    /// A word as a message, with this session's limits filled in.
    func message(_ template: SafetyPlanTemplate, _ word: PlanWord) -> String {
        template.message(word, maxField: plan.fieldLimit, maxEvidence: plan.evidenceLimit ?? 0)
    }

    // MARK: - Opening

    mutating func openPlan() {
        switch plan.file {
        case .locked:
            push(ScreenEntry(.plan(.passphrase(.unlock))))
            focus(0)
        case .unusable: push(ScreenEntry(.plan(.unusable)))
        case .notSaved, .open: push(ScreenEntry(.plan(.overview)))
        }
        let unusable = if case .unusable = plan.file { true } else { false }
        if !plan.copiesSaved.isEmpty, !plan.copiesNamed, !unusable {
            plan.message = (.copySaved, plan.copiesSaved.joined(separator: ", "))
            plan.copiesNamed = true
            relayout()
        }
    }

    /// The shell found copies saved at an earlier exit (the file had been changed elsewhere).
    /// `q` when nothing holds it back: the plan is written first, then the program ends.
    mutating func leaveSaving() -> [Effect] {
        planToSave.map { [.save($0, .quitting)] } ?? [.exit(status: 0, message: nil)]
    }

    // MARK: - Acting on a row

    var formRows: [FormRow] { form(for: screen)?.rows ?? [] }

    mutating func activate(_ index: Int) -> [Effect] {
        let rows = formRows
        guard rows.indices.contains(index) else { return [] }
        plan.message = nil
        var effects: [Effect] = []
        switch rows[index] {
        case .check(let id, _, _, _):
            plan.plan.toggle(id)
            changed()
        case .field(let ref, _, let value, let multiLine, _):
            plan.editing = TextFieldModel(text: ref.isSecret ? "" : value, multiLine: multiLine, maxLength: plan.fieldLimit)
        case .action(let action, _, _):
            effects = perform(action)
        }
        relayout()
        return effects
    }

    /// Chooses a box and starts typing in it.
    mutating func focus(_ index: Int) {
        select(index)
        _ = activate(index)
    }

    mutating func perform(_ action: FormAction) -> [Effect] {
        switch action {
        case .section(let id): push(ScreenEntry(.plan(.section(id: id))))
        case .evidence: push(ScreenEntry(.plan(.evidenceList)))
        case .addEvidence:
            guard !plan.evidenceIsFull else {
                plan.message = (.evidenceFull, nil)
                relayout()
                return []
            }
            let id = plan.plan.addEvidence(date: "", what: "", whereKept: "")
            push(ScreenEntry(.plan(.evidenceEntry(id: id))))
            focus(0)
        case .editEvidence(let id): push(ScreenEntry(.plan(.evidenceEntry(id: id))))
        case .deleteEvidence(let id): push(ScreenEntry(.plan(.confirm(.deleteEvidence(id)))))
        case .summary: push(ScreenEntry(.plan(.summary)))
        case .save:
            guard !plan.hosted else { return [] }
            push(ScreenEntry(.plan(.passphrase(.choose))))
            focus(0)
        case .lock:
            plan.busy = .saving
            relayout()
            return [.plan(.lock)]
        case .erase: push(ScreenEntry(.plan(.confirm(.erase))))
        case .export:
            guard !plan.hosted else { return [] }
            push(ScreenEntry(.plan(.export)))
        case .writeExport:
            guard !plan.hosted, let template = planTemplate else { return [] }
            return [.plan(.export(text: SafetyPlanSummary.text(plan.plan, template: template), path: plan.exportPath))]
        case .unlock: return submitPassphrase()
        case .startNewElsewhere:
            plan.savePath = plan.suggestedNewPath
            replaceTop(with: ScreenEntry(.plan(.overview)))
        case .confirm(let yes):
            guard case .plan(.confirm(let kind)) = screen.kind else { return [] }
            pop()
            guard yes else { return [] }
            switch kind {
            case .erase:
                return [.plan(.erase)]
            case .deleteEvidence(let id):
                _ = plan.plan.deleteEvidence(id: id)
                if case .plan(.evidenceEntry) = screen.kind { pop() }
                changed()
            case .overwrite:
                return [.plan(.overwrite)]
            }
        }
        return []
    }

    /// The plan changed: it will be saved (if it has a file) and the screen shows the change.
    mutating func changed() {
        if plan.file == .open {
            plan.unsaved = true
            plan.retryWhenChanged = false
        }
        relayout()
    }

    // MARK: - Typing

    mutating func edit(_ action: Action) -> [Effect] {
        guard var field = plan.editing, case .field(let ref, _, _, let multiLine, _) = formRows[safe: screen.selection] else {
            plan.editing = nil
            return []
        }
        var result = TextFieldModel.EditResult.unchanged
        switch action {
        case .insert(let text): result = field.insert(text)
        case .deleteBackward: result = field.backspace()
        case .deleteForward: result = field.delete()
        case .cursorLeft: result = field.left()
        case .cursorRight: result = field.right()
        case .cursorHome: result = field.home()
        case .cursorEnd: result = field.end()
        case .up, .down:
            if multiLine, (action == .up ? field.up() : field.down()) != .unchanged {
                result = .changed
            } else {
                finishEditing()
                select(screen.selection + (action == .up ? -1 : 1))
                return []
            }
        case .submitText(let text):
            _ = field.setText(text)
            store(field.text, in: ref)
            finishEditing()
            if ref == .passphrase { return submitPassphrase(field.text) }
            if ref == .exportPath { return perform(.writeExport) }
            return []
        case .open:
            if multiLine {
                result = field.newline()
            } else {
                finishEditing()
                if ref == .passphrase { return submitPassphrase(field.text) }
                if ref == .exportPath { return perform(.writeExport) }
                select(screen.selection + 1)
                return []
            }
        case .nextField, .previousField:
            finishEditing()
            moveToField(forward: action == .nextField)
            return []
        case .help:
            finishEditing()
            push(ScreenEntry(.menus(.help)))
            return []
        case .click:
            // A click elsewhere ends typing in this box and acts as a click on the screen.
            finishEditing()
            return update(action)
        case .pageUp, .pageDown, .home, .end, .back, .number, .quit, .quickExit, .repaint, .switchLanguage, .resize:
            return []
        }
        if case .tooLong = result { plan.message = (.fieldTooLong, nil) }
        field.scrollToCursor(width: fieldWidth, height: multiLine ? Form.multiLineHeight : 1)
        plan.editing = field
        store(field.text, in: ref)
        return []
    }

    var fieldWidth: Int { Form.boxWidth(textWidth: Layout.textWidth(size)) }

    /// Writes what is typed where it belongs, at once: a quick exit never loses a keystroke.
    mutating func store(_ text: String, in ref: FieldRef) {
        switch ref {
        case .plan(let id):
            plan.plan.setValue(text, for: id)
            changed()
        case .evidenceDate(let id), .evidenceWhat(let id), .evidenceWhere(let id):
            guard var entry = plan.plan.evidence(id: id) else { return }
            switch ref {
            case .evidenceDate: entry.date = text
            case .evidenceWhat: entry.what = text
            default: entry.whereKept = text
            }
            _ = plan.plan.updateEvidence(entry)
            changed()
        case .passphrase:
            relayout()  // kept only in the field being typed; see submitPassphrase
        case .exportPath:
            plan.exportPath = text
            relayout()
        case .savePath:
            plan.savePath = text
            relayout()
        }
    }

    mutating func finishEditing() {
        plan.editing = nil
        relayout()
    }

    /// Tab and Shift-Tab: to the next or previous field, typing in it at once.
    mutating func moveToField(forward: Bool) {
        let rows = formRows
        var index = screen.selection
        for _ in rows.indices {
            index = (index + (forward ? 1 : -1) + rows.count) % rows.count
            if rows[index].isField {
                select(index)
                _ = activate(index)
                return
            }
        }
    }

    mutating func submitPassphrase(_ typed: String? = nil) -> [Effect] {
        guard case .plan(.passphrase(let purpose)) = screen.kind else { return [] }
        let passphrase = typed ?? plan.editing?.text ?? ""
        plan.editing = nil
        guard !passphrase.isEmpty else {
            focus(0)
            plan.message = (.passphraseEmpty, nil)
            relayout()
            return []
        }
        switch purpose {
        case .unlock:
            plan.busy = .unlocking
            relayout()
            return [.plan(.unlock(passphrase: passphrase))]
        case .choose:
            plan.chosenPassphrase = passphrase
            replaceTop(with: ScreenEntry(.plan(.passphrase(.repeatChosen))))
            focus(0)
        case .repeatChosen:
            guard passphrase == plan.chosenPassphrase else {
                plan.chosenPassphrase = nil
                replaceTop(with: ScreenEntry(.plan(.passphrase(.choose))))
                focus(0)
                plan.message = (.passphraseMismatch, nil)
                relayout()
                return []
            }
            plan.chosenPassphrase = nil
            plan.busy = .saving
            relayout()
            return [.plan(.create(passphrase: passphrase, path: plan.savePath))]
        }
        return []
    }

    // MARK: - What the shell reports

    /// The plan to write now, if it has a file and changed since it was last written.
    public var planToSave: SafetyPlan? {
        !plan.hosted && plan.file == .open && plan.unsaved ? plan.plan : nil
    }

    /// What the pause after typing writes: as `planToSave`, but a save that failed is tried again
    /// only after the next change, and not while a changed file waits for the person's answer.
    public var planToAutosave: SafetyPlan? {
        guard plan.saveFailure != .fileChanged, !plan.retryWhenChanged else { return nil }
        return planToSave
    }

    mutating func planWasSaved() {
        plan.unsaved = false
        plan.saveFailure = nil
        plan.retryWhenChanged = false
    }

    /// A save the shell made on its own (after a pause, or on `q`) failed. Unlike `apply`, typing
    /// goes on in the same box: the keys that follow are still text.
    mutating func planSaveFailed(_ outcome: PlanOutcome) {
        switch outcome {
        case .failed(let word, let detail):
            plan.saveFailure = word
            plan.message = (word, detail)
        case .changedOnDisk:
            if plan.saveFailure != .fileChanged { askOverwrite() }
            plan.saveFailure = .fileChanged
        case .opened, .created, .saved, .locked, .erased, .exported:
            return
        }
        plan.retryWhenChanged = true
        relayout()
    }

    /// The save on `q` failed: stay, say why, and let a second `q` leave without saving.
    mutating func quitFailedToSave(_ outcome: PlanOutcome) {
        planSaveFailed(outcome)
        warnBeforeQuitting()
    }

    mutating func warnBeforeQuitting() {
        plan.quitWarned = true
        if let template = planTemplate { show(notice: template[.quitUnsaved]) }
        if let failure = plan.saveFailure, plan.message == nil || screen.isPlanScreen { plan.message = (failure, plan.message?.detail) }
        relayout()
    }

    /// `q`: leaves, unless work is known not to be saved; then the first `q` warns.
    mutating func quit(warned: Bool) -> [Effect] {
        guard plan.file == .open, plan.saveFailure != nil, !warned else {
            if warned { plan.leavingUnsaved = true }
            return leaveSaving()
        }
        warnBeforeQuitting()
        return []
    }

    mutating func apply(_ outcome: PlanOutcome) {
        // Hosted: the plan never gets a file, whatever is reported.
        guard !plan.hosted else {
            plan.busy = nil
            relayout()
            return
        }
        plan.busy = nil
        plan.message = nil
        plan.editing = nil
        switch outcome {
        case .opened(let opened):
            plan.plan = opened
            plan.file = .open
            plan.unsaved = false
            if screen.isPassphrase { replaceTop(with: ScreenEntry(.plan(.overview))) }
        case .created:
            plan.file = .open
            plan.unsaved = false
            plan.savePath = nil
            while screen.isPassphrase, stack.count > 1 { pop() }
        case .saved:
            planWasSaved()
        case .locked:
            plan = PlanState(file: .locked, exportPath: plan.exportPath, defaultPath: plan.defaultPath)
            leavePlanScreens()
            plan.message = (.locked, nil)
        case .erased:
            plan = PlanState(file: .notSaved, exportPath: plan.exportPath, defaultPath: plan.defaultPath)
            leavePlanScreens()
            push(ScreenEntry(.plan(.overview)))
            plan.message = (.erased, nil)
        case .exported(let path):
            if screen.kind == .plan(.export) { pop() }
            plan.message = (.exported, path)
        case .failed(let word, let detail):
            if screen.kind == .plan(.passphrase(.unlock)) {
                if [.fileCorrupt, .fileForeign, .fileNewer].contains(word) {
                    // Not a wrong passphrase: the file itself cannot be used. Leave it alone.
                    plan.file = .unusable(word)
                    replaceTop(with: ScreenEntry(.plan(.unusable)))
                    break
                }
                focus(0)
            }
            if plan.file == .open, [.readOnly, .diskFull, .saveFailed].contains(word) {
                plan.saveFailure = word
                plan.retryWhenChanged = true
            }
            plan.message = (word, detail)
        case .changedOnDisk:
            plan.saveFailure = .fileChanged
            askOverwrite()
        }
        // A screen about something that is gone (an entry of a plan that was replaced) closes.
        while stack.count > 1, screen.isPlanScreen, view(of: screen.kind).body == nil { pop() }
        relayout()
    }

    /// "Save over it?", once: at once, or when the box being typed in is finished (a question
    /// that took over the keys mid-word would be answered by the next letters typed).
    mutating func askOverwrite() {
        if screen.kind == .plan(.confirm(.overwrite)) { return }
        if plan.editing != nil {
            plan.overwriteQuestionDue = true
        } else {
            plan.overwriteQuestionDue = false
            push(ScreenEntry(.plan(.confirm(.overwrite))))
        }
    }

    /// Asks a question that waited for typing to end.
    mutating func askDueQuestion() {
        guard plan.overwriteQuestionDue, plan.editing == nil, context != .tooSmall else { return }
        askOverwrite()
    }

    /// Back to where the plan was opened from, leaving nothing of it on the stack.
    mutating func leavePlanScreens() {
        while stack.count > 1, screen.isPlanScreen { pop() }
    }

    /// Leaving an evidence entry that was added but never written in drops it.
    mutating func droppingEmptyEvidence() {
        guard case .plan(.evidenceEntry(let id)) = screen.kind, let entry = plan.plan.evidence(id: id) else { return }
        if [entry.date, entry.what, entry.whereKept].allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
            _ = plan.plan.deleteEvidence(id: id)
            changed()
        }
    }
}

extension PlanState {
    /// A hosted session's plan: in memory only, with no path of any kind.
    init(hosted: Void) {
        self.init(file: .notSaved)
        self.hosted = true
    }

    init(file: PlanFileState, exportPath: String, defaultPath: String? = nil) {
        self.init(file: file)
        self.exportPath = exportPath
        self.defaultPath = defaultPath
    }

    /// Next to the usual file, under a new name, when the usual one cannot be used (the store's
    /// `PlanFile.pathToOpen` looks there at the next start).
    var suggestedNewPath: String { (defaultPath ?? "plan") + "-new" }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

public enum PlanPages {
    /// The whole plan on one scrolling page.
    public static func summary(_ plan: SafetyPlan, template: SafetyPlanTemplate, hosted: Bool = false) -> Page {
        var blocks: [Block] = [.paragraph([Span(template[.summaryIntro], .dim)])]
        if hosted { blocks.append(.callout([Span(template[.hostedNotice])])) }
        for section in template.sections {
            blocks.append(.heading("\(section.title) (\(template.countText(section, in: plan)))"))
            for item in section.items {
                blocks.append(.bullet([Span(plan.isChecked(item.id) ? "[x] " : "[ ] ", .number), Span(item.label)]))
            }
            for field in section.fields {
                let value = plan.value(of: field.id)
                blocks.append(.paragraph([Span(field.label + ": ", .emphasis)]))
                if value.allSatisfy(\.isWhitespace) {
                    blocks.append(.paragraph([Span(template[.fieldEmpty], .dim)]))
                } else {
                    for line in value.split(separator: "\n") { blocks.append(.paragraph([Span(String(line))])) }
                }
            }
        }
        blocks.append(.heading(template[.evidenceTitle]))
        if plan.evidence.isEmpty { blocks.append(.paragraph([Span(template[.evidenceEmpty], .dim)])) }
        for entry in plan.evidenceNewestFirst {
            let date = entry.date.allSatisfy(\.isWhitespace) ? template[.evidenceNoDate] : entry.date
            blocks.append(.bullet([Span(date, .emphasis)]))
            blocks.append(.paragraph([Span(template[.evidenceWhat] + ": ", .emphasis), Span(entry.what)]))
            blocks.append(.paragraph([Span(template[.evidenceWhere] + ": ", .emphasis), Span(entry.whereKept)]))
        }
        return Page(id: "plan-summary", title: template[.summaryTitle], blocks: blocks)
    }
}

import WaymarkText

/// One place in the navigation stack, with the selection and scroll it had when the person left it.
public enum Screen: Sendable, Equatable {
    case menu(id: String, selection: Int, scroll: Int)
    case page(id: String, scroll: Int)
    case help(scroll: Int)
    /// What the screener is, before the first question: nothing is saved, not legal advice, Esc.
    case screenerIntro(selection: Int, scroll: Int)
    /// The screener's current question: choices 1-3 answer it, the last one explains it.
    case question(selection: Int, scroll: Int)
    /// "What does this mean?" for the current question.
    case questionHelp(scroll: Int)
    /// The screener's results; digits choose what to do next.
    case results(scroll: Int)
    /// The answers given so far, to pick one to change.
    case review(selection: Int, scroll: Int)
    /// "Start over? Your answers will be cleared": keeping them is the first choice.
    case confirmStartOver(selection: Int, scroll: Int)
    /// The safety plan: its sections, the evidence log, the summary and the file's screens.
    case planOverview(selection: Int, scroll: Int)
    case planSection(id: String, selection: Int, scroll: Int)
    case evidenceList(selection: Int, scroll: Int)
    case evidenceEntry(id: Int, selection: Int, scroll: Int)
    case planSummary(scroll: Int)
    case passphrase(PassphrasePurpose, selection: Int, scroll: Int)
    case planConfirm(PlanConfirmation, selection: Int, scroll: Int)
    case planExport(selection: Int, scroll: Int)
    /// The saved plan's file cannot be used; it is left alone.
    case planUnusable(selection: Int, scroll: Int)
    /// Leaving by itself when idle, and colours (for this session only).
    case settings(selection: Int, scroll: Int)
}

public enum Theme: Sendable, Equatable, CaseIterable {
    case normal, highContrast, noColour
}

/// Settings for this session only: nothing is written anywhere.
public struct Settings: Sendable, Equatable {
    /// Do what the quick exit does after this many minutes without a key (nil: never).
    public var idleMinutes: Int?
    public var theme: Theme
    public init(idleMinutes: Int? = nil, theme: Theme = .normal) {
        self.idleMinutes = idleMinutes
        self.theme = theme
    }
    /// The choices offered in the settings screen, in order.
    public static let idleChoices: [Int?] = [nil, 2, 5, 15, 30]
}

/// What a screen shows, laid out for the current width: its lines and, for screens with
/// choices, the lines each choice takes.
public struct ScreenLayout: Sendable, Equatable {
    public var lines: [LaidOutLine]
    public var items: [Range<Int>]
    /// Where the text cursor goes (line of `lines`, column from the text's left edge) while a
    /// field is being typed in.
    public var cursor: (line: Int, column: Int)?

    public init(lines: [LaidOutLine], items: [Range<Int>]) {
        self.lines = lines
        self.items = items
    }

    public static let empty = ScreenLayout(lines: [], items: [])

    public static func == (a: ScreenLayout, b: ScreenLayout) -> Bool {
        a.lines == b.lines && a.items == b.items && a.cursor?.line == b.cursor?.line && a.cursor?.column == b.cursor?.column
    }
}

public struct AppState: Sendable {
    public private(set) var content: Content
    /// A short message shown in the footer until the next key (e.g. a language that failed to load).
    public private(set) var notice: String?
    /// Never empty; the main menu is at the bottom.
    public private(set) var stack: [Screen]
    public private(set) var size: Size
    /// The screener's answers: in memory only, kept across language switches.
    public private(set) var screener: ScreenerSession?
    /// The safety plan, in memory; its file is written by the shell (see `planToSave`).
    public internal(set) var plan: PlanState
    public private(set) var settings: Settings
    /// The top screen laid out at the current size (kept up to date by every change).
    public private(set) var layout = ScreenLayout.empty
    /// The last size big enough to lay out, so scroll positions survive a trip through "too small".
    private var laidOutFor: Size

    /// `planFile` says whether a saved plan is waiting to be opened; `planPath` is where it is
    /// kept and `exportPath` where a text copy goes by default. `hosted` (a shared server): the
    /// plan has no file whatever the others say, and cannot be saved or exported.
    public init(content: Content, size: Size, planFile: PlanFileState = .notSaved, planPath: String? = nil,
                exportPath: String = "notes.txt", settings: Settings = Settings(), hosted: Bool = false) {
        self.content = content
        self.size = size
        self.settings = settings
        self.plan = hosted ? PlanState(hosted: ()) : PlanState(file: planFile, exportPath: exportPath, defaultPath: planPath)
        self.laidOutFor = Layout.isTooSmall(size) ? Size(width: 80, height: 24) : size
        self.stack = [.menu(id: Content.mainMenuID, selection: 0, scroll: 0)]
        relayout()
    }

    public var screen: Screen { stack[stack.count - 1] }

    public var context: Context {
        if Layout.isTooSmall(size) { return .tooSmall }
        switch screen {
        case .menu, .screenerIntro, .question, .review, .confirmStartOver, .settings: return .menu
        case .results: return .results
        case .page, .help, .questionHelp, .planSummary: return .page
        default: return plan.editing == nil ? .form : .editing
        }
    }

    /// True for screens whose choices are selected with the arrows (menus, questions, plan rows).
    public var hasChoices: Bool { [.menu, .form, .editing].contains(context) }

    // MARK: - What each screen shows

    public func title(of screen: Screen) -> String {
        switch screen {
        case .menu(let id, _, _): return content.menus[id]?.title ?? ""
        case .page(let id, _): return content.pages[id]?.title ?? ""
        case .help: return content.strings[.helpTitle]
        case .screenerIntro, .question, .questionHelp: return content.screener?[.title] ?? ""
        case .results: return content.screener?[.resultsTitle] ?? ""
        case .review: return content.screener?[.changeAnswers] ?? ""
        case .confirmStartOver: return content.screener?[.startOver] ?? ""
        case .planSection(let id, _, _): return content.plan?.section(id: id)?.title ?? ""
        case .evidenceList, .evidenceEntry: return content.plan?[.evidenceTitle] ?? ""
        case .planSummary: return content.plan?[.summaryTitle] ?? ""
        case .planExport: return content.plan?[.export] ?? ""
        case .passphrase(.unlock, _, _), .planUnusable: return content.plan?.title ?? ""
        case .passphrase: return content.plan?[.save] ?? ""
        case .planOverview, .planConfirm: return content.plan?.title ?? ""
        case .settings: return content.strings[.settingsTitle]
        }
    }

    /// The page shown by a screen that scrolls like a page (generated ones included).
    public func page(for screen: Screen) -> Page? {
        switch screen {
        case .page(let id, _): return content.pages[id]
        case .help: return HelpPage.make(content.strings)
        case .questionHelp:
            guard let screener = content.screener, let session = self.screener, let id = session.current else { return nil }
            let wording = screener.wording(of: id, given: session.answers)
            return Page(id: "question-help", title: screener[.whatDoesThisMean],
                        blocks: [.paragraph([Span(wording.text, .emphasis)]), .paragraph([Span(wording.help ?? "")])])
        case .results:
            guard let screener = content.screener, let session = self.screener else { return nil }
            return ScreenerPages.results(session.results(), screener: screener)
        case .planSummary:
            guard let template = content.plan else { return nil }
            return PlanPages.summary(plan.plan, template: template, hosted: plan.hosted)
        default:
            return nil
        }
    }

    /// The choices of a screen with choices, and the words above them.
    public func choices(for screen: Screen) -> (intro: [Block], items: [String])? {
        switch screen {
        case .menu(let id, _, _):
            guard let menu = content.menus[id] else { return nil }
            let intro: [Block] = menu.intro.map { [.paragraph([Span($0)])] } ?? []
            return (intro, menu.items.map(\.label))
        case .screenerIntro:
            guard let screener = content.screener else { return nil }
            return ScreenerPages.intro(screener: screener)
        case .question:
            guard let screener = content.screener, let session = self.screener, let id = session.current else { return nil }
            return ScreenerPages.question(id, session: session, screener: screener)
        case .review:
            guard let screener = content.screener, let session = self.screener else { return nil }
            return ScreenerPages.review(session, screener: screener)
        case .confirmStartOver:
            guard let screener = content.screener else { return nil }
            return ([.paragraph([Span(screener[.startOverQuestion], .emphasis)])],
                    [screener[.keepAnswers], screener[.clearAnswers]])
        case .settings:
            let s = content.strings
            let idle = settings.idleMinutes.map { s[.settingsMinutes].replacingAll("{n}", with: String($0)) } ?? s[.settingsIdleOff]
            let theme: String
            switch settings.theme {
            case .normal: theme = s[.themeNormal]
            case .highContrast: theme = s[.themeHighContrast]
            case .noColour: theme = s[.themeNoColour]
            }
            return ([.paragraph([Span(s[.settingsIntro], .dim)])],
                    [s[.settingsIdle].replacingAll("{value}", with: idle), s[.settingsTheme].replacingAll("{value}", with: theme)])
        default:
            return nil
        }
    }

    public func layout(of screen: Screen, width: Int) -> ScreenLayout {
        if let (intro, rows) = form(for: screen) {
            let editing = screen == self.screen ? plan.editing : nil
            return FormLayout.lines(intro: intro, rows: rows, width: width, editing: editing, selection: screen.selection)
        }
        if let (intro, items) = choices(for: screen) {
            return ListLayout.lines(intro: intro, items: items, width: width)
        }
        guard let page = page(for: screen) else { return .empty }
        return ScreenLayout(lines: PageLayout.lines(page, width: width), items: [])
    }

    public func pageLines(for screen: Screen, width: Int) -> [LaidOutLine] {
        layout(of: screen, width: width).lines
    }

    public var pageScroll: Int { screen.scroll }

    public func maxScroll(for screen: Screen) -> Int {
        let lines = screen == self.screen ? layout.lines.count : layout(of: screen, width: textWidth).lines.count
        return max(0, lines - bodyHeight)
    }

    private var textWidth: Int { Layout.textWidth(size) }
    private var bodyHeight: Int { Layout.bodyHeight(size) }

    // MARK: - Update

    /// Applies one action. Pure: the only way out is the returned effects.
    public mutating func update(_ action: Action) -> [Effect] {
        // A second `q` leaves without saving only when it comes right after the first.
        let warned = plan.quitWarned
        plan.quitWarned = false
        notice = nil
        if action == .quit { return quit(warned: warned) }
        let effects = step(action)
        askDueQuestion()
        return effects
    }

    private mutating func step(_ action: Action) -> [Effect] {
        switch action {
        case .quickExit: return [.quickExit]
        case .quit: return [.quit]
        case .repaint: return [.repaint]
        case .resize(let newSize):
            resize(to: newSize)
            return []
        default: break
        }
        if Layout.isTooSmall(size) { return [] }
        if context == .editing { return edit(action) }
        switch action {
        case .up: move(by: -1)
        case .down: move(by: 1)
        case .pageUp: movePage(by: -1)
        case .pageDown: movePage(by: 1)
        case .home: moveToEnd(top: true)
        case .end: moveToEnd(top: false)
        case .open: return choose(selection)
        case .number(let n): return number(n)
        case .back: back()
        case .help:
            if case .help = screen { pop() } else { push(.help(scroll: 0)) }
        case .switchLanguage: return content.nextLanguage.map { [.switchLanguage(to: $0.code)] } ?? []
        case .nextField, .previousField:
            if context == .form { moveToField(forward: action == .nextField) }
        case .click(_, let y):
            guard hasChoices, y >= 1, y <= bodyHeight else { return [] }
            let line = screen.scroll + y - 1
            guard let index = layout.items.firstIndex(where: { $0.contains(line) }) else { return [] }
            if index == screen.selection { return choose(index) }
            select(index)
        case .quickExit, .quit, .repaint, .resize, .insert, .deleteBackward, .deleteForward,
             .cursorLeft, .cursorRight, .cursorHome, .cursorEnd, .submitText:
            break
        }
        return []
    }

    public static func update(_ state: AppState, _ action: Action) -> (AppState, [Effect]) {
        var next = state
        let effects = next.update(action)
        return (next, effects)
    }

    /// Shows the same place in another language's content (same ids, so the whole back stack
    /// stays valid; scroll positions are kept within the new text's bounds).
    public mutating func switchContent(_ newContent: Content) {
        content = newContent
        stack = stack.filter { screen in
            switch screen {
            case .menu(let id, _, _): return newContent.menus[id] != nil
            case .page(let id, _): return newContent.pages[id] != nil
            case .screenerIntro, .question, .questionHelp, .results, .review, .confirmStartOver: return newContent.screener != nil
            case .help: return true
            default: return newContent.plan != nil
            }
        }
        if stack.isEmpty { stack = [.menu(id: Content.mainMenuID, selection: 0, scroll: 0)] }
        resize(to: size)
    }

    /// Tells the person why an action did nothing (shown until the next key).
    public mutating func show(notice text: String) {
        notice = text
    }

    // MARK: - Moving

    private var selection: Int { screen.selection }

    private mutating func move(by delta: Int) {
        if hasChoices {
            select(selection + delta)
        } else {
            scroll(to: screen.scroll + delta)
        }
    }

    private mutating func movePage(by direction: Int) {
        let step = max(1, bodyHeight - 1)
        guard hasChoices else {
            scroll(to: screen.scroll + direction * step)
            return
        }
        let ranges = layout.items
        guard !ranges.isEmpty else { return }
        // Move the selection to the item a screen away, by lines.
        let current = min(selection, ranges.count - 1)
        let target = ranges[current].lowerBound + direction * step
        var next = current
        if direction > 0 {
            while next + 1 < ranges.count, ranges[next + 1].lowerBound <= target { next += 1 }
            if next == current { next = min(current + 1, ranges.count - 1) }
        } else {
            while next > 0, ranges[next - 1].lowerBound >= target { next -= 1 }
            if next == current { next = max(current - 1, 0) }
        }
        select(next, scroll: screen.scroll + direction * step)
    }

    private mutating func moveToEnd(top: Bool) {
        if hasChoices {
            select(top ? 0 : layout.items.count - 1, scroll: top ? 0 : Int.max / 2)
        } else {
            scroll(to: top ? 0 : Int.max / 2)
        }
    }

    /// Selects a choice, keeping it fully on screen and the scroll within the lines.
    mutating func select(_ wanted: Int, scroll wantedScroll: Int? = nil) {
        let (selection, scroll) = Self.clamp(selection: wanted, scroll: wantedScroll ?? screen.scroll,
                                             layout: layout, bodyHeight: bodyHeight)
        stack[stack.count - 1] = screen.with(selection: selection, scroll: scroll)
    }

    static func clamp(selection wanted: Int, scroll wantedScroll: Int, layout: ScreenLayout, bodyHeight: Int) -> (Int, Int) {
        let selection = min(max(0, wanted), max(0, layout.items.count - 1))
        var scroll = min(max(0, wantedScroll), max(0, layout.lines.count - bodyHeight))
        if layout.items.indices.contains(selection) {
            let range = layout.items[selection]
            if range.upperBound > scroll + bodyHeight { scroll = range.upperBound - bodyHeight }
            if range.lowerBound < scroll { scroll = range.lowerBound }
            // Show the words above the first choice when it is selected and there is room.
            if selection == 0, range.upperBound <= bodyHeight { scroll = 0 }
        }
        return (selection, max(0, scroll))
    }

    private mutating func scroll(to wanted: Int) {
        let clamped = min(max(0, wanted), max(0, layout.lines.count - bodyHeight))
        stack[stack.count - 1] = screen.with(selection: 0, scroll: clamped)
    }

    // MARK: - Choosing

    private mutating func number(_ n: Int) -> [Effect] {
        switch screen {
        case .results:
            return chooseAfterResults(n)
        case .menu, .screenerIntro, .question, .review, .confirmStartOver, .settings:
            guard n >= 1, n <= min(9, layout.items.count) else { return [] }
            select(n - 1)
            return choose(n - 1)
        case .planOverview, .evidenceList:
            // The plan's menus: numbered like every menu (the rows of a section are not).
            guard n >= 1, n <= min(9, formRows.count) else { return [] }
            select(n - 1)
            return choose(n - 1)
        default:
            return []
        }
    }

    private mutating func choose(_ index: Int) -> [Effect] {
        if context == .form { return activate(index) }
        switch screen {
        case .menu(let id, _, _):
            guard let menu = content.menus[id], menu.items.indices.contains(index) else { return [] }
            return open(menu.items[index].target)
        case .screenerIntro:
            if index == 0 {
                replaceTop(with: questionScreen())
            } else if index == 1 {
                pop()
            }
        case .question:
            guard let id = screener?.current else { return [] }
            let options = id.options
            if index < options.count {
                answer(options[index].value)
            } else if index == options.count {
                push(.questionHelp(scroll: 0))
            }
        case .review:
            guard let session = screener, session.path.indices.contains(index) else { return [] }
            var changed = session
            changed.revisit(session.path[index])
            screener = changed
            pop()  // the review
            replaceTop(with: questionScreen())
        case .settings:
            // Each choice steps through its values.
            if index == 0 {
                let choices = Settings.idleChoices
                let now = choices.firstIndex(of: settings.idleMinutes) ?? 0
                settings.idleMinutes = choices[(now + 1) % choices.count]
            } else if index == 1 {
                let themes = Theme.allCases
                settings.theme = themes[((themes.firstIndex(of: settings.theme) ?? 0) + 1) % themes.count]
            }
            relayout()
        case .confirmStartOver:
            pop()
            if index == 1 {
                screener = content.screener?.session()
                replaceTop(with: questionScreen())
            }
        default:
            break
        }
        return []
    }

    private mutating func open(_ target: MenuTarget) -> [Effect] {
        switch target {
        case .menu(let id):
            guard content.menus[id] != nil else { return [] }
            push(.menu(id: id, selection: 0, scroll: 0))
        case .page(let id):
            guard content.pages[id] != nil else { return [] }
            push(.page(id: id, scroll: 0))
        case .help:
            push(.help(scroll: 0))
        case .screener:
            guard let template = content.screener else { return [] }
            // Coming back to the screener picks up where the person left it; the first time, it
            // says what it is before it asks anything.
            if screener == nil { screener = template.session() }
            if screener!.isFinished {
                push(.results(scroll: 0))
            } else {
                push(screener!.path.isEmpty ? .screenerIntro(selection: 0, scroll: 0) : questionScreen())
            }
        case .language:
            return content.nextLanguage.map { [.switchLanguage(to: $0.code)] } ?? []
        case .plan:
            guard content.plan != nil else { return [] }
            openPlan()
        case .settings:
            push(.settings(selection: 0, scroll: 0))
        }
        return []
    }

    private func questionScreen() -> Screen {
        guard let session = screener, let id = session.current else { return .question(selection: 0, scroll: 0) }
        let chosen = session.currentAnswer.flatMap { answer in id.options.firstIndex(of: id.option(for: answer)) } ?? 0
        return .question(selection: chosen, scroll: 0)
    }

    private mutating func answer(_ answer: AnswerValue) {
        guard var session = screener else { return }
        session.answer(answer)
        screener = session
        replaceTop(with: session.isFinished ? .results(scroll: 0) : questionScreen())
    }

    private mutating func chooseAfterResults(_ n: Int) -> [Effect] {
        switch n {
        case 1:
            push(.review(selection: 0, scroll: 0))
        case 2:
            // Clearing every answer is the one thing here that cannot be undone: ask first.
            push(.confirmStartOver(selection: 0, scroll: 0))
        case 3:
            pop()
        default:
            break
        }
        return []
    }

    private mutating func back() {
        switch screen {
        case .question:
            // Back through the questions first, each with its answer kept; then to the intro.
            if var session = screener, session.back() {
                screener = session
                replaceTop(with: questionScreen())
            } else {
                replaceTop(with: .screenerIntro(selection: 0, scroll: 0))
            }
            return
        case .results:
            if var session = screener, session.back() {
                screener = session
                replaceTop(with: questionScreen())
                return
            }
        case .evidenceEntry:
            droppingEmptyEvidence()
        case .passphrase(.repeatChosen, _, _):
            plan.chosenPassphrase = nil
        default:
            break
        }
        if screen.isPlanScreen { plan.message = nil }
        pop()
    }

    // MARK: - The stack

    // Typing belongs to one box on one screen: any change of screen ends it.
    mutating func push(_ screen: Screen) {
        plan.editing = nil
        stack.append(screen)
        relayout()
    }

    mutating func pop() {
        guard stack.count > 1 else { return }
        plan.editing = nil
        stack.removeLast()
        relayout()
    }

    mutating func replaceTop(with screen: Screen) {
        plan.editing = nil
        stack[stack.count - 1] = screen
        relayout()
    }

    /// Lays out the top screen again and brings its selection and scroll within bounds.
    mutating func relayout() {
        guard !Layout.isTooSmall(size) else {
            layout = .empty
            return
        }
        layout = layout(of: screen, width: textWidth)
        let (selection, scroll) = Self.clamp(selection: selection, scroll: screen.scroll, layout: layout,
                                             bodyHeight: bodyHeight)
        stack[stack.count - 1] = screen.with(selection: selection, scroll: scroll)
    }

    // MARK: - Resize

    /// Lays out the top screen for the new size, keeping the same words at the top of a page and
    /// the selected choice in view. Screens below are brought within bounds when they come back
    /// to the top (see `relayout`), so a resize costs the same however deep the stack is.
    private mutating func resize(to newSize: Size) {
        size = newSize
        if Layout.isTooSmall(newSize) {
            layout = .empty
            return
        }
        let oldWidth = Layout.textWidth(laidOutFor)
        laidOutFor = newSize
        let entry = screen
        let new = layout(of: entry, width: textWidth)
        if new.items.isEmpty, oldWidth != textWidth {
            let old = layout(of: entry, width: oldWidth).lines
            if old.indices.contains(entry.scroll) {
                stack[stack.count - 1] = entry.with(selection: 0, scroll: PageLayout.anchor(old[entry.scroll], in: new.lines))
            }
        }
        relayout()
    }
}

extension Screen {
    public var scroll: Int {
        switch self {
        case .menu(_, _, let scroll), .page(_, let scroll), .help(let scroll), .screenerIntro(_, let scroll), .question(_, let scroll),
             .questionHelp(let scroll), .results(let scroll), .review(_, let scroll), .confirmStartOver(_, let scroll),
             .planOverview(_, let scroll), .planSection(_, _, let scroll), .evidenceList(_, let scroll),
             .evidenceEntry(_, _, let scroll), .planSummary(let scroll), .passphrase(_, _, let scroll),
             .planConfirm(_, _, let scroll), .planExport(_, let scroll), .planUnusable(_, let scroll),
             .settings(_, let scroll):
            return scroll
        }
    }

    /// The selected choice on screens with choices; 0 elsewhere.
    public var selection: Int {
        switch self {
        case .menu(_, let selection, _), .screenerIntro(let selection, _), .question(let selection, _), .review(let selection, _),
             .confirmStartOver(let selection, _), .planOverview(let selection, _), .planSection(_, let selection, _),
             .evidenceList(let selection, _), .evidenceEntry(_, let selection, _), .passphrase(_, let selection, _),
             .planConfirm(_, let selection, _), .planExport(let selection, _), .planUnusable(let selection, _),
             .settings(let selection, _):
            return selection
        default:
            return 0
        }
    }

    public func with(selection: Int, scroll: Int) -> Screen {
        switch self {
        case .menu(let id, _, _): return .menu(id: id, selection: selection, scroll: scroll)
        case .page(let id, _): return .page(id: id, scroll: scroll)
        case .help: return .help(scroll: scroll)
        case .screenerIntro: return .screenerIntro(selection: selection, scroll: scroll)
        case .question: return .question(selection: selection, scroll: scroll)
        case .questionHelp: return .questionHelp(scroll: scroll)
        case .results: return .results(scroll: scroll)
        case .review: return .review(selection: selection, scroll: scroll)
        case .confirmStartOver: return .confirmStartOver(selection: selection, scroll: scroll)
        case .planOverview: return .planOverview(selection: selection, scroll: scroll)
        case .planSection(let id, _, _): return .planSection(id: id, selection: selection, scroll: scroll)
        case .evidenceList: return .evidenceList(selection: selection, scroll: scroll)
        case .evidenceEntry(let id, _, _): return .evidenceEntry(id: id, selection: selection, scroll: scroll)
        case .planSummary: return .planSummary(scroll: scroll)
        case .passphrase(let purpose, _, _): return .passphrase(purpose, selection: selection, scroll: scroll)
        case .planConfirm(let kind, _, _): return .planConfirm(kind, selection: selection, scroll: scroll)
        case .planExport: return .planExport(selection: selection, scroll: scroll)
        case .planUnusable: return .planUnusable(selection: selection, scroll: scroll)
        case .settings: return .settings(selection: selection, scroll: scroll)
        }
    }
}

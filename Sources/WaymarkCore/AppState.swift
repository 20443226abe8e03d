import WaymarkWidgets
import WaymarkText

/// What a screen shows, laid out for the current width: its lines and, for screens with
/// choices, the lines each choice takes.
public struct AppState: Sendable {
    public internal(set) var content: Content
    /// A short message shown in the footer until the next key (e.g. a language that failed to load).
    public private(set) var notice: String?
    /// Never empty; the main menu is at the bottom.
    public internal(set) var stack: [ScreenEntry]
    public private(set) var size: Size
    /// The screener's answers: in memory only, kept across language switches.
    public internal(set) var screener: ScreenerSession?
    /// The safety plan, in memory; its file is written by the shell (see `planToSave`).
    public internal(set) var plan: PlanState
    public internal(set) var settings: Settings
    /// The top screen laid out at the current size (kept up to date by every change).
    public private(set) var layout = ScreenLayout.empty
    /// The last size big enough to lay out, so scroll positions survive a trip through "too small".
    private var laidOutFor: Size
    /// The plain line mode: pages turn a whole screenful at a time (no line is printed twice),
    /// and the main menu's words speak of typing numbers, not of arrows.
    public let lineMode: Bool

    /// `planFile` says whether a saved plan is waiting to be opened; `planPath` is where it is
    /// kept and `exportPath` where a text copy goes by default. `hosted` (a shared server): the
    /// plan has no file whatever the others say, and cannot be saved or exported.
    public init(content: Content, size: Size, planFile: PlanFileState = .notSaved, planPath: String? = nil,
                exportPath: String = "notes.txt", settings: Settings = Settings(), hosted: Bool = false,
                lineMode: Bool = false, copiesSaved: [String] = []) {
        self.lineMode = lineMode
        self.content = content
        self.size = size
        self.settings = settings
        self.plan = hosted ? PlanState(hosted: ()) : PlanState(file: planFile, exportPath: exportPath, defaultPath: planPath)
        self.laidOutFor = Layout.isTooSmall(size) ? Size(width: 80, height: 24) : size
        self.stack = [Self.mainMenu]
        plan.copiesSaved = copiesSaved
        relayout()
    }

    static let mainMenu = ScreenEntry(.menus(.menu(id: Content.mainMenuID)))

    public var screen: ScreenEntry { stack[stack.count - 1] }

    public var context: Context {
        if Layout.isTooSmall(size) { return .tooSmall }
        let context = view(of: screen.kind).context
        return context == .form && plan.editing != nil ? .editing : context
    }

    /// True for screens whose choices are selected with the arrows (menus, questions, plan rows).
    public var hasChoices: Bool { [.menu, .form, .editing].contains(context) }

    // MARK: - What each screen shows (each feature says, in Features/)

    func view(of kind: ScreenKind) -> ScreenView {
        switch kind {
        case .menus(let kind): return menusView(kind)
        case .screener(let kind): return screenerView(kind)
        case .plan(let kind): return planView(kind)
        case .settings: return settingsView()
        }
    }

    public func title(of screen: ScreenEntry) -> String { view(of: screen.kind).title }

    /// The page shown by a screen that scrolls like a page (generated ones included).
    public func page(for screen: ScreenEntry) -> Page? {
        guard case .page(let page)? = view(of: screen.kind).body else { return nil }
        return page
    }

    /// The choices of a screen with choices, and the words above them.
    public func choices(for screen: ScreenEntry) -> (intro: [Block], items: [String])? {
        guard case .choices(let intro, let items)? = view(of: screen.kind).body else { return nil }
        return (intro, items)
    }

    /// The rows of a plan screen and the words above them.
    public func form(for screen: ScreenEntry) -> (intro: [Block], rows: [FormRow])? {
        guard case .form(let intro, let rows)? = view(of: screen.kind).body else { return nil }
        return (intro, rows)
    }

    public func layout(of screen: ScreenEntry, width: Int) -> ScreenLayout {
        switch view(of: screen.kind).body {
        case .form(let intro, let rows)?:
            let editing = screen == self.screen ? plan.editing : nil
            return Form(intro: intro, rows: rows.map(\.widget), editing: editing, selection: screen.selection).layout(width: width)
        case .choices(let intro, let items)?:
            return ChoiceList(intro: intro, items: items).layout(width: width)
        case .page(let page)?:
            return Pager(page.blocks).layout(width: width)
        case nil:
            return .empty
        }
    }

    public func pageLines(for screen: ScreenEntry, width: Int) -> [LaidOutLine] {
        layout(of: screen, width: width).lines
    }

    public var pageScroll: Int { screen.scroll }

    public func maxScroll(for screen: ScreenEntry) -> Int {
        let lines = screen == self.screen ? layout.lines.count : layout(of: screen, width: textWidth).lines.count
        return Self.maxScroll(lines: lines, bodyHeight: bodyHeight, lineMode: lineMode)
    }

    /// In the line mode the last page starts a whole number of pages down, so that it never
    /// repeats lines of the page before it.
    static func maxScroll(lines: Int, bodyHeight: Int, lineMode: Bool) -> Int {
        guard lineMode else { return max(0, lines - bodyHeight) }
        return max(0, (lines - 1) / bodyHeight * bodyHeight)
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
        case .quit: return leaveSaving()
        case .repaint: return [.repaint]
        case .resize(let newSize):
            resize(to: newSize)
            return []
        case .up, .down, .pageUp, .pageDown, .home, .end, .open, .back, .number, .help, .switchLanguage,
             .nextField, .previousField, .insert, .deleteBackward, .deleteForward,
             .cursorLeft, .cursorRight, .cursorHome, .cursorEnd, .click, .submitText:
            break
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
        case .open: return handle(.choose(selection))
        case .number(let n): return handle(.number(n))
        case .back: return handle(.back)
        case .help:
            if screen.kind == .menus(.help) { pop() } else { push(ScreenEntry(.menus(.help))) }
        case .switchLanguage: return content.nextLanguage.map { [.switchLanguage(to: $0.code)] } ?? []
        case .nextField, .previousField:
            if context == .form { moveToField(forward: action == .nextField) }
        case .click(_, let y):
            guard hasChoices, y >= 1, y <= bodyHeight else { return [] }
            let line = screen.scroll + y - 1
            guard let index = layout.items.firstIndex(where: { $0.contains(line) }) else { return [] }
            if index == screen.selection { return handle(.choose(index)) }
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
    mutating func switchContent(_ newContent: Content) {
        content = newContent
        // A screen with nothing to show in the new content (a part it lacks) is dropped.
        stack = stack.filter { view(of: $0.kind).body != nil }
        if stack.isEmpty { stack = [Self.mainMenu] }
        resize(to: size)
    }

    /// Tells the person why an action did nothing (shown until the next key).
    mutating func show(notice text: String) {
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
        // A line kept from the page before, for the eye; the line mode prints whole pages.
        let step = lineMode && !hasChoices ? bodyHeight : max(1, bodyHeight - 1)
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
        stack[stack.count - 1].selection = selection
        stack[stack.count - 1].scroll = scroll
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
        let clamped = min(max(0, wanted), Self.maxScroll(lines: layout.lines.count, bodyHeight: bodyHeight, lineMode: lineMode))
        stack[stack.count - 1].selection = 0
        stack[stack.count - 1].scroll = clamped
    }

    // MARK: - Choosing

    /// The top screen's feature decides what choosing, a number and back do.
    private mutating func handle(_ event: ScreenEvent) -> [Effect] {
        switch screen.kind {
        case .menus(let kind): return updateMenus(kind, event)
        case .screener(let kind): return updateScreener(kind, event)
        case .plan(let kind): return updatePlan(kind, event)
        case .settings: return updateSettings(event)
        }
    }

    /// A digit chooses the choice of that number (1-9), as on every menu.
    mutating func chooseNumbered(_ n: Int) -> [Effect] {
        guard n >= 1, n <= min(9, layout.items.count) else { return [] }
        select(n - 1)
        return handle(.choose(n - 1))
    }

    // MARK: - The stack

    // Typing belongs to one box on one screen: any change of screen ends it.
    mutating func push(_ screen: ScreenEntry) {
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

    mutating func replaceTop(with screen: ScreenEntry) {
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
        stack[stack.count - 1].selection = selection
        stack[stack.count - 1].scroll = scroll
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
                stack[stack.count - 1].selection = 0
                stack[stack.count - 1].scroll = Pager.anchor(old[entry.scroll], in: new.lines)
            }
        }
        relayout()
    }
}

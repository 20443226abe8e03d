/// One place in the navigation stack, with the selection and scroll it had when the person left it.
public enum Screen: Sendable, Equatable {
    case menu(id: String, selection: Int, scroll: Int)
    case page(id: String, scroll: Int)
    case help(scroll: Int)
    case screener(scroll: Int)
}

public struct AppState: Sendable {
    public private(set) var content: Content
    /// A short message shown in the footer until the next key (e.g. a language that failed to load).
    public private(set) var notice: String?
    /// Never empty; the main menu is at the bottom.
    public private(set) var stack: [Screen]
    public private(set) var size: Size
    /// The last size big enough to lay out, so scroll positions survive a trip through "too small".
    private var laidOutFor: Size

    public init(content: Content, size: Size) {
        self.content = content
        self.size = size
        self.laidOutFor = Layout.isTooSmall(size) ? Size(width: 80, height: 24) : size
        self.stack = [.menu(id: Content.mainMenuID, selection: 0, scroll: 0)]
        if !Layout.isTooSmall(size), let main = content.menus[Content.mainMenuID] {
            setMenu(id: Content.mainMenuID, menu: main, selection: 0, scroll: 0)
        }
    }

    public var screen: Screen { stack[stack.count - 1] }

    public var context: Context {
        if Layout.isTooSmall(size) { return .tooSmall }
        if case .menu = screen { return .menu }
        return .page
    }

    /// The page shown by a screen that scrolls like a page (generated ones included).
    public func page(for screen: Screen) -> Page? {
        switch screen {
        case .menu: return nil
        case .page(let id, _): return content.pages[id]
        case .help: return HelpPage.make(content.strings)
        case .screener:
            let s = content.strings
            return Page(id: "screener", title: s[.screenerTitle], blocks: [.paragraph([Span(s[.screenerComing])])])
        }
    }

    public func title(of screen: Screen) -> String {
        switch screen {
        case .menu(let id, _, _): return content.menus[id]?.title ?? ""
        default: return page(for: screen)?.title ?? ""
        }
    }

    // MARK: - Update

    /// Applies one action. Pure: the only way out is the returned effects.
    public mutating func update(_ action: Action) -> [Effect] {
        notice = nil
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
        switch action {
        case .up: move(by: -1)
        case .down: move(by: 1)
        case .pageUp: movePage(by: -1)
        case .pageDown: movePage(by: 1)
        case .home: moveToEnd(top: true)
        case .end: moveToEnd(top: false)
        case .open: return openSelected()
        case .back: back()
        case .number(let n): return openNumber(n)
        case .switchLanguage: return [.switchLanguage(to: Content.otherLanguage(than: content.language))]
        case .help:
            if case .help = screen { back() } else { stack.append(.help(scroll: 0)) }
        case .quickExit, .quit, .repaint, .resize: break
        }
        return []
    }

    /// Shows the same place in another language's content (same ids, so the whole back stack
    /// stays valid; scroll positions are kept within the new text's bounds).
    public mutating func switchContent(_ newContent: Content) {
        content = newContent
        stack = stack.filter { screen in
            switch screen {
            case .menu(let id, _, _): return newContent.menus[id] != nil
            case .page(let id, _): return newContent.pages[id] != nil
            default: return true
            }
        }
        if stack.isEmpty { stack = [.menu(id: Content.mainMenuID, selection: 0, scroll: 0)] }
        resize(to: size)
    }

    /// Tells the person why an action did nothing (shown until the next key).
    public mutating func show(notice text: String) {
        notice = text
    }

    public static func update(_ state: AppState, _ action: Action) -> (AppState, [Effect]) {
        var next = state
        let effects = next.update(action)
        return (next, effects)
    }

    // MARK: - Menus

    private var textWidth: Int { Layout.textWidth(size) }
    private var bodyHeight: Int { Layout.bodyHeight(size) }

    private mutating func move(by delta: Int) {
        switch screen {
        case .menu(let id, let selection, let scroll):
            guard let menu = content.menus[id], !menu.items.isEmpty else { return }
            let next = min(max(0, selection + delta), menu.items.count - 1)
            setMenu(id: id, menu: menu, selection: next, scroll: scroll)
        default:
            scrollPage(to: pageScroll + delta)
        }
    }

    private mutating func movePage(by direction: Int) {
        let step = max(1, bodyHeight - 1)
        switch screen {
        case .menu(let id, let selection, let scroll):
            guard let menu = content.menus[id], !menu.items.isEmpty else { return }
            let ranges = MenuLayout.lines(menu, width: textWidth).items
            // Move the selection to the item a screen away, by lines.
            let targetLine = ranges[selection].lowerBound + direction * step
            var next = selection
            if direction > 0 {
                while next + 1 < ranges.count, ranges[next + 1].lowerBound <= targetLine { next += 1 }
                if next == selection { next = min(selection + 1, ranges.count - 1) }
            } else {
                while next > 0, ranges[next - 1].lowerBound >= targetLine { next -= 1 }
                if next == selection { next = max(selection - 1, 0) }
            }
            setMenu(id: id, menu: menu, selection: next, scroll: scroll + direction * step)
        default:
            scrollPage(to: pageScroll + direction * step)
        }
    }

    private mutating func moveToEnd(top: Bool) {
        switch screen {
        case .menu(let id, _, _):
            guard let menu = content.menus[id], !menu.items.isEmpty else { return }
            setMenu(id: id, menu: menu, selection: top ? 0 : menu.items.count - 1, scroll: top ? 0 : Int.max / 2)
        default:
            scrollPage(to: top ? 0 : Int.max / 2)
        }
    }

    /// Keeps the selected item fully on screen, and the scroll within the menu's lines.
    private mutating func setMenu(id: String, menu: Menu, selection: Int, scroll: Int, at index: Int? = nil) {
        let layout = MenuLayout.lines(menu, width: textWidth)
        let selection = min(max(0, selection), max(0, menu.items.count - 1))
        var scroll = min(max(0, scroll), max(0, layout.lines.count - bodyHeight))
        if let range = layout.items.indices.contains(selection) ? layout.items[selection] : nil {
            if range.upperBound > scroll + bodyHeight { scroll = range.upperBound - bodyHeight }
            if range.lowerBound < scroll { scroll = range.lowerBound }
            // Show the intro when the first item is selected and there is room.
            if selection == 0, range.upperBound <= bodyHeight { scroll = 0 }
        }
        stack[index ?? stack.count - 1] = .menu(id: id, selection: selection, scroll: max(0, scroll))
    }

    private mutating func openSelected() -> [Effect] {
        guard case .menu(let id, let selection, _) = screen, let menu = content.menus[id],
              menu.items.indices.contains(selection) else { return [] }
        return open(menu.items[selection].target)
    }

    private mutating func openNumber(_ n: Int) -> [Effect] {
        guard case .menu(let id, _, let scroll) = screen, let menu = content.menus[id],
              (1...9).contains(n), n <= menu.items.count else { return [] }
        setMenu(id: id, menu: menu, selection: n - 1, scroll: scroll)
        return open(menu.items[n - 1].target)
    }

    private mutating func open(_ target: MenuTarget) -> [Effect] {
        switch target {
        case .menu(let id):
            guard let menu = content.menus[id] else { return [] }
            stack.append(.menu(id: id, selection: 0, scroll: 0))
            setMenu(id: id, menu: menu, selection: 0, scroll: 0)
        case .page(let id):
            guard content.pages[id] != nil else { return [] }
            stack.append(.page(id: id, scroll: 0))
        case .help:
            stack.append(.help(scroll: 0))
        case .screener:
            stack.append(.screener(scroll: 0))
        case .language:
            return [.switchLanguage(to: Content.otherLanguage(than: content.language))]
        }
        return []
    }

    private mutating func back() {
        if stack.count > 1 { stack.removeLast() }
    }

    // MARK: - Pages

    public var pageScroll: Int {
        switch screen {
        case .page(_, let scroll), .help(let scroll), .screener(let scroll): return scroll
        case .menu: return 0
        }
    }

    public func pageLines(for screen: Screen, width: Int) -> [LaidOutLine] {
        guard let page = page(for: screen) else { return [] }
        return PageLayout.lines(page, width: width)
    }

    public func maxScroll(for screen: Screen) -> Int {
        max(0, pageLines(for: screen, width: textWidth).count - bodyHeight)
    }

    private mutating func scrollPage(to scroll: Int) {
        let clamped = min(max(0, scroll), maxScroll(for: screen))
        stack[stack.count - 1] = screen.withScroll(clamped)
    }

    // MARK: - Resize

    private mutating func resize(to newSize: Size) {
        size = newSize
        if Layout.isTooSmall(newSize) { return }
        let oldWidth = Layout.textWidth(laidOutFor)
        laidOutFor = newSize
        for index in stack.indices {
            let entry = stack[index]
            switch entry {
            case .menu(let id, let selection, let scroll):
                guard let menu = content.menus[id] else { continue }
                setMenu(id: id, menu: menu, selection: selection, scroll: scroll, at: index)
            default:
                // Keep the same words at the top of the page.
                let old = pageLines(for: entry, width: oldWidth)
                let new = pageLines(for: entry, width: textWidth)
                var scroll = entry.scroll
                if old.indices.contains(scroll) { scroll = PageLayout.anchor(old[scroll], in: new) }
                stack[index] = entry.withScroll(min(max(0, scroll), max(0, new.count - bodyHeight)))
            }
        }
    }
}

extension Screen {
    public var scroll: Int {
        switch self {
        case .menu(_, _, let scroll), .page(_, let scroll), .help(let scroll), .screener(let scroll): return scroll
        }
    }

    public func withScroll(_ scroll: Int) -> Screen {
        switch self {
        case .menu(let id, let selection, _): return .menu(id: id, selection: selection, scroll: scroll)
        case .page(let id, _): return .page(id: id, scroll: scroll)
        case .help: return .help(scroll: scroll)
        case .screener: return .screener(scroll: scroll)
        }
    }
}

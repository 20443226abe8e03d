import WaymarkText

/// The content's menus and pages, and the help page.
public enum MenusKind: Sendable, Equatable {
    case menu(id: String)
    case page(id: String)
    case help
}

extension AppState {
    func menusView(_ kind: MenusKind) -> ScreenView {
        switch kind {
        case .menu(let id):
            guard let menu = content.menus[id] else { return ScreenView(title: "", context: .menu, body: nil) }
            // The line mode's main menu speaks of typing numbers, not of arrows.
            let words = lineMode && id == Content.mainMenuID ? content.strings[.plainIntro] : menu.intro
            let intro: [Block] = words.map { [.paragraph([Span($0)])] } ?? []
            return ScreenView(title: menu.title, context: .menu, body: .choices(intro: intro, items: menu.items.map(\.label)))
        case .page(let id):
            let page = content.pages[id]
            return ScreenView(title: page?.title ?? "", context: .page, body: page.map { .page($0) })
        case .help:
            return ScreenView(title: content.strings[.helpTitle], context: .page, body: .page(HelpPage.make(content.strings, lineMode: lineMode)))
        }
    }

    mutating func updateMenus(_ kind: MenusKind, _ event: ScreenEvent) -> [Effect] {
        switch kind {
        case .menu(let id):
            switch event {
            case .choose(let index):
                guard let menu = content.menus[id], menu.items.indices.contains(index) else { return [] }
                return open(menu.items[index].target)
            case .number(let n): return chooseNumbered(n)
            case .back: pop()
            }
        case .page, .help:
            if event == .back { pop() }
        }
        return []
    }

    private mutating func open(_ target: MenuTarget) -> [Effect] {
        switch target {
        case .menu(let id):
            guard content.menus[id] != nil else { return [] }
            push(ScreenEntry(.menus(.menu(id: id))))
        case .page(let id):
            guard content.pages[id] != nil else { return [] }
            push(ScreenEntry(.menus(.page(id: id))))
        case .help:
            push(ScreenEntry(.menus(.help)))
        case .screener:
            return openScreener()
        case .language:
            return content.nextLanguage.map { [.switchLanguage(to: $0.code)] } ?? []
        case .plan:
            guard content.plan != nil else { return [] }
            openPlan()
        case .settings:
            push(ScreenEntry(.settings))
        }
        return []
    }
}

import WaymarkText

/// One place in the navigation stack: what it shows, and the selection and scroll it had when
/// the person left it.
public struct ScreenEntry: Sendable, Equatable {
    public var kind: ScreenKind
    /// The selected choice on screens with choices; 0 elsewhere.
    public var selection: Int
    public var scroll: Int

    public init(_ kind: ScreenKind, selection: Int = 0, scroll: Int = 0) {
        self.kind = kind
        self.selection = selection
        self.scroll = scroll
    }

    public var isPassphrase: Bool {
        if case .plan(.passphrase) = kind { return true }
        return false
    }

    public var isHelp: Bool { kind == .menus(.help) }

    var isPlanScreen: Bool {
        if case .plan = kind { return true }
        return false
    }
}

/// What a screen shows, by the feature that owns it (see the files in Features/).
public enum ScreenKind: Sendable, Equatable {
    case menus(MenusKind)
    case screener(ScreenerKind)
    case plan(PlanKind)
    case settings
}

/// What a feature says a screen shows. `context` is `.form` for a form even while a box is
/// typed in (AppState knows that).
struct ScreenView {
    var title: String
    var context: Context
    /// nil when there is nothing to show (content without that part, an entry that is gone).
    var body: ScreenBody?
}

enum ScreenBody {
    case page(Page)
    case choices(intro: [Block], items: [String])
    case form(intro: [Block], rows: [FormRow])

    static func list(_ choices: (intro: [Block], items: [String])) -> ScreenBody {
        .choices(intro: choices.intro, items: choices.items)
    }
}

/// What a feature's update is asked to do on its top screen.
enum ScreenEvent: Equatable {
    /// Enter or a click on a choice (or row).
    case choose(Int)
    case number(Int)
    case back
}

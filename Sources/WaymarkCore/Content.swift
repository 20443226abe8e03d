/// The words of the program for one language, as loaded from `Content/<lang>/`.
public struct Content: Sendable {
    public var language: String
    public var menus: [String: Menu]
    public var pages: [String: Page]
    public var strings: Strings
    /// The visa screener (screener.yaml); nil only for content built without one.
    public var screener: Screener?
    /// The safety plan's checklist, fields and words (plan.yaml); nil only for content built without one.
    public var plan: SafetyPlanTemplate?
    /// The agency and the other places that help (Content/agency.yaml, in this language); nil
    /// for content without an agency.yaml. `agency?.phone` is the 24-hour line.
    public var agency: Agency? = nil

    public init(language: String, menus: [String: Menu], pages: [String: Page], strings: Strings,
                screener: Screener? = nil, plan: SafetyPlanTemplate? = nil) {
        self.language = language
        self.menus = menus
        self.pages = pages
        self.strings = strings
        self.screener = screener
        self.plan = plan
    }

    public static let mainMenuID = "main"
    public static let languages = ["en", "es"]

    public static func otherLanguage(than language: String) -> String {
        language == "es" ? "en" : "es"
    }

    /// The language to start in: `--lang`, else the locale variables (es_* means Spanish), else English.
    public static func language(option: String?, environment: (String) -> String?) -> String {
        if let option { return option }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment(name), !value.isEmpty else { continue }
            return value.hasPrefix("es") ? "es" : "en"
        }
        return "en"
    }
}

public struct Menu: Sendable, Equatable {
    public var id: String
    public var title: String
    public var intro: String?
    public var items: [MenuItem]
    public init(id: String, title: String, intro: String? = nil, items: [MenuItem]) {
        self.id = id
        self.title = title
        self.intro = intro
        self.items = items
    }
}

public struct MenuItem: Sendable, Equatable {
    public var label: String
    public var target: MenuTarget
    public init(label: String, target: MenuTarget) {
        self.label = label
        self.target = target
    }
}

public enum MenuTarget: Sendable, Equatable {
    case page(String)
    case menu(String)
    case screener
    case help
    /// Switches between the languages (English and Spanish).
    case language
    /// The safety plan.
    case plan
    /// Settings for this session: leaving by itself when idle, colours.
    case settings
}

public struct Page: Sendable, Equatable {
    public var id: String
    public var title: String
    public var blocks: [Block]
    public init(id: String, title: String, blocks: [Block]) {
        self.id = id
        self.title = title
        self.blocks = blocks
    }
}

public enum Block: Sendable, Equatable {
    case heading(String)
    case paragraph([Span])
    case bullet([Span])
    case callout([Span])
}

/// Interface words, looked up by key. Every key the program uses is listed in `StringKey`, and
/// the loader refuses content that lacks one, so a lookup here never fails at run time.
public struct Strings: Sendable {
    private var table: [String: String]
    public init(_ table: [String: String]) { self.table = table }
    public subscript(_ key: StringKey) -> String { table[key.rawValue] ?? key.rawValue }
    public func missing() -> [StringKey] { StringKey.allCases.filter { table[$0.rawValue] == nil } }
}

public enum StringKey: String, CaseIterable, Sendable {
    case quickExit = "footer.quick_exit"
    case quickExitShort = "footer.quick_exit_short"
    case emergency = "footer.emergency"
    case footerHelp = "footer.help"
    case footerScroll = "footer.scroll"
    case footerQuit = "footer.quit"
    case footerNumber = "footer.number"
    case footerNextField = "footer.next_field"
    case settingsTitle = "settings.title"
    case settingsIdle = "settings.idle"
    case settingsIdleOff = "settings.idle_off"
    case settingsMinutes = "settings.minutes"
    case settingsTheme = "settings.theme"
    case themeNormal = "settings.theme_normal"
    case themeHighContrast = "settings.theme_high_contrast"
    case themeNoColour = "settings.theme_no_colour"
    case settingsIntro = "settings.intro"
    case plainPrompt = "plain.prompt"
    case plainMore = "plain.more"
    case plainType = "plain.type"
    /// The main menu's intro in the plain mode, which has no arrow keys.
    case plainIntro = "plain.intro"
    case toggle = "key.toggle"
    case nextField = "key.next_field"
    case cursor = "key.cursor"
    case erase = "key.erase"
    case finishField = "key.finish_field"
    /// "24h: {agency.phone}": the agency's line, for the footer.
    case footerAgency = "footer.agency"
    case move = "key.move"
    case open = "key.open"
    case back = "key.back"
    case scroll = "key.scroll"
    case top = "key.top_bottom"
    case number = "key.number"
    case help = "key.help"
    case quit = "key.quit"
    case repaint = "key.repaint"
    case quickExitHelp = "key.quick_exit"
    case language = "key.language"
    case footerLanguage = "footer.language"
    case languageFailed = "notice.language_failed"
    case helpTitle = "help.title"
    case helpIntro = "help.intro"
    case helpKeysHeading = "help.keys_heading"
    case helpPrivacy = "help.privacy"
    case tooSmallTitle = "small.title"
    case tooSmallBody = "small.body"
    case screenerComing = "screener.coming"
    case screenerTitle = "screener.title"
}

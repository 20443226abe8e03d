import WaymarkText

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
    /// Every language found in the content folder (`Content/<code>/language.yaml`), in the order
    /// `L` goes through them: the default language first, then the others by code. Filled in by
    /// the loader; empty for content built in code, which then has no other language to go to.
    public var allLanguages: [Language] = []

    /// The language `L` (and the menu's language item) goes to: the one after this one in
    /// `allLanguages`, round to the first; with two languages, the other one.
    public var nextLanguage: Language? {
        Language.next(after: language, in: allLanguages)
    }

    /// The default language, used when the locale names none that the content has.
    public static let defaultLanguage = "en"
    /// The language to start in: `--lang`, else the first locale variable that is set (LC_ALL,
    /// LC_MESSAGES, LANG), matched against the codes the content has (`es_MX.UTF-8` is `es`), else
    /// the default language (English, or the first language when there is no English).
    public static func language(option: String?, available: [String],
                                environment: (String) -> String?) -> String {
        if let option { return option }
        let fallback = available.contains(defaultLanguage) ? defaultLanguage : (available.first ?? defaultLanguage)
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment(name), !value.isEmpty else { continue }
            return Language.match(locale: value, in: available) ?? fallback
        }
        return fallback
    }
}

/// One language of the content: its code (the folder's name, e.g. `es`) and its own name for
/// itself, from the folder's `language.yaml` (`name: "Español"`), shown where `L` says where it goes.
public struct Language: Sendable, Equatable {
    public var code: String
    public var name: String
    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    /// The language after `code` in `languages`, round to the first; nil when there is no other.
    public static func next(after code: String, in languages: [Language]) -> Language? {
        guard languages.count > 1 || languages.first.map({ $0.code != code }) == true else { return nil }
        guard let index = languages.firstIndex(where: { $0.code == code }) else { return languages.first }
        return languages[(index + 1) % languages.count]
    }

    /// The code among `codes` that a locale value names: `es_MX.UTF-8` and `es` give `es`; a code
    /// with a region (`pt-br`) matches `pt_BR` before a plain `pt` does. nil for `C`, `POSIX` or a
    /// language the content does not have.
    public static func match(locale value: String, in codes: [String]) -> String? {
        var name = value
        if let cut = name.firstIndex(where: { $0 == "." || $0 == "@" }) { name = String(name[..<cut]) }
        let full = String(name.lowercased().map { $0 == "_" ? "-" : $0 })
        if codes.contains(full) { return full }
        let base = String(full.prefix { $0 != "-" })
        return codes.contains(base) ? base : nil
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
    /// Goes to the next language (`Content.nextLanguage`).
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
    case plainLastPage = "plain.last_page"
    case plainType = "plain.type"
    case plainNoChoice = "plain.no_choice"
    case plainNotUnderstood = "plain.not_understood"
    case plainNothingToChoose = "plain.nothing_to_choose"
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
    /// The line mode's keys.
    case choose = "key.choose"
    case more = "key.more"
    case help = "key.help"
    case quit = "key.quit"
    case repaint = "key.repaint"
    case quickExitHelp = "key.quick_exit"
    case language = "key.language"
    case footerLanguage = "footer.language"
    case languageFailed = "notice.language_failed"
    case helpTitle = "help.title"
    case helpIntro = "help.intro"
    case helpIntroPlain = "help.intro_plain"
    case helpKeysHeading = "help.keys_heading"
    case helpPrivacy = "help.privacy"
    case tooSmallTitle = "small.title"
    case tooSmallBody = "small.body"
}

import WaymarkText

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

/// The settings screen: leaving by itself when idle, and colours.
extension AppState {
    func settingsView() -> ScreenView {
        let s = content.strings
        let idle = settings.idleMinutes.map { s[.settingsMinutes].replacingAll("{n}", with: String($0)) } ?? s[.settingsIdleOff]
        let theme: String
        switch settings.theme {
        case .normal: theme = s[.themeNormal]
        case .highContrast: theme = s[.themeHighContrast]
        case .noColour: theme = s[.themeNoColour]
        }
        let items = [s[.settingsIdle].replacingAll("{value}", with: idle), s[.settingsTheme].replacingAll("{value}", with: theme)]
        return ScreenView(title: s[.settingsTitle], context: .menu,
                          body: .choices(intro: [.paragraph([Span(s[.settingsIntro], .dim)])], items: items))
    }

    mutating func updateSettings(_ event: ScreenEvent) -> [Effect] {
        switch event {
        case .choose(let index):
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
        case .number(let n): return chooseNumbered(n)
        case .back: pop()
        }
        return []
    }
}

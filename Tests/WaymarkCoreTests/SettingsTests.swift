import Testing
import WaymarkText
import WaymarkWidgets
import TestSupport
import WaymarkCore

@Suite struct SettingsTests {
    func open() -> AppState {
        var s = AppState(content: Fixtures.shipped, size: Size(width: 80, height: 24))
        let about = s.content.menus["main"]!.items.firstIndex { $0.target == .menu("about") }! + 1
        _ = s.update(.number(about))
        let settings = s.content.menus["about"]!.items.firstIndex { $0.target == .settings }! + 1
        _ = s.update(.number(settings))
        return s
    }

    @Test func idleExitStepsThroughItsChoicesAndBackToNever() {
        var s = open()
        #expect(s.screen == ScreenEntry(.settings, selection: 0, scroll: 0))
        var seen: [Int?] = [s.settings.idleMinutes]
        for _ in 0..<Settings.idleChoices.count {
            _ = s.update(.number(1))
            seen.append(s.settings.idleMinutes)
        }
        #expect(seen == Settings.idleChoices + [nil])
        let (_, items) = s.choices(for: s.screen)!
        #expect(items[0].contains("never"))
    }

    @Test func themesCycleAndTheScreenSaysWhichIsOn() {
        var s = open()
        _ = s.update(.down)
        _ = s.update(.open)
        #expect(s.settings.theme == .highContrast)
        #expect(s.choices(for: s.screen)!.items[1].contains("high contrast"))
        _ = s.update(.open)
        #expect(s.settings.theme == .noColour)
        _ = s.update(.open)
        #expect(s.settings.theme == .normal)
    }

    @Test func settingsSurviveALanguageSwitch() {
        var s = open()
        _ = s.update(.number(1))
        _ = s.update(.contentLoaded(Fixtures.spanish))
        #expect(s.settings.idleMinutes == 2)
        #expect(s.choices(for: s.screen)!.items[0].contains("2 min"))
    }
}

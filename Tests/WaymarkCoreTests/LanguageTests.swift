import Testing
import WaymarkText
import WaymarkWidgets
import TestSupport
import WaymarkCore

@Suite struct LanguageTests {
    @Test(arguments: [
        (nil, [:], "en"),
        ("es", ["LANG": "en_US.UTF-8"], "es"),
        ("en", ["LC_ALL": "es_ES.UTF-8"], "en"),
        (nil, ["LC_ALL": "es_ES.UTF-8", "LANG": "en_US.UTF-8"], "es"),
        (nil, ["LC_ALL": "", "LANG": "es_MX"], "es"),
        (nil, ["LC_MESSAGES": "en_US.UTF-8", "LANG": "es_US.UTF-8"], "en"),
        (nil, ["LANG": "es_US.UTF-8"], "es"),
        (nil, ["LANG": "C.UTF-8"], "en"),
        (nil, ["LANG": "fr_FR.UTF-8"], "en"),
    ] as [(String?, [String: String], String)])
    func startingLanguage(_ option: String?, _ environment: [String: String], _ expected: String) {
        #expect(Content.language(option: option, available: ["en", "es"]) { environment[$0] } == expected)
    }

    @Test func switchingKeepsThePlaceAndTheWayBack() {
        var s = AppState(content: Fixtures.shipped, size: Size(width: 80, height: 24))
        _ = s.update(.number(5))
        _ = s.update(.number(2))
        _ = s.update(.down)
        let stack = s.stack
        #expect(s.update(.switchLanguage) == [.switchLanguage(to: "es")])
        _ = s.update(.contentLoaded(Fixtures.spanish))
        #expect(s.content.language == "es")
        #expect(s.stack.map(\.withoutScroll) == stack.map(\.withoutScroll))
        #expect(s.title(of: s.screen) == Fixtures.spanish.pages["u-visa"]?.title)
        _ = s.update(.back)
        #expect(s.screen == ScreenEntry(.menus(.menu(id: "immigration")), selection: 1, scroll: 0))
        #expect(s.update(.switchLanguage) == [.switchLanguage(to: "en")])
    }

    @Test func theLanguageItemAsksForTheOtherLanguage() {
        var s = AppState(content: Fixtures.spanish, size: Size(width: 80, height: 24))
        let items = Fixtures.spanish.menus["main"]!.items
        let n = items.firstIndex { $0.target == .language }! + 1
        #expect(s.update(.number(n)) == [.switchLanguage(to: "en")])
    }

    @Test func aNoticeShowsUntilTheNextKey() {
        var s = AppState(content: Fixtures.shipped, size: Size(width: 80, height: 24))
        _ = s.update(.contentFailed("could not load"))
        #expect(s.notice?.hasSuffix(" could not load") == true, "\(s.notice ?? "")")
        _ = s.update(.down)
        #expect(s.notice == nil)
    }
}

extension ScreenEntry {
    /// The screen without its scroll position, which may differ between languages.
    var withoutScroll: ScreenEntry { ScreenEntry(kind, selection: selection) }
}

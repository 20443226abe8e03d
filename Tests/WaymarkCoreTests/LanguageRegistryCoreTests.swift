import Testing
import WaymarkText
import WaymarkWidgets
import TestSupport
import WaymarkCore

/// `L` goes through every language the content folder has, whatever their number.
@Suite struct LanguageRegistryCoreTests {
    static let three = [Language(code: "en", name: "English"), Language(code: "es", name: "Español"),
                        Language(code: "xx", name: "Testish")]

    func content(_ base: Content, _ code: String) -> Content {
        var content = base
        content.language = code
        content.allLanguages = Self.three
        return content
    }

    @Test func lCyclesThroughThreeLanguagesAndBack() {
        var s = AppState(content: content(Fixtures.shipped, "en"), size: Size(width: 80, height: 24))
        var visited = ["en"]
        for _ in 0..<3 {
            let effects = s.update(.switchLanguage)
            guard case .switchLanguage(to: let code)? = effects.first else {
                Issue.record("no language switch: \(effects)")
                return
            }
            visited.append(code)
            _ = s.update(.contentLoaded(content(code == "es" ? Fixtures.spanish : Fixtures.shipped, code)))
        }
        #expect(visited == ["en", "es", "xx", "en"])
    }

    @Test func theMenuItemGoesToTheNextLanguageToo() {
        var s = AppState(content: content(Fixtures.spanish, "es"), size: Size(width: 80, height: 24))
        let n = Fixtures.spanish.menus["main"]!.items.firstIndex { $0.target == .language }! + 1
        #expect(s.update(.number(n)) == [.switchLanguage(to: "xx")])
    }

    @Test func withOneLanguageLDoesNothing() {
        var only = Fixtures.shipped
        only.allLanguages = [Language(code: "en", name: "English")]
        var s = AppState(content: only, size: Size(width: 80, height: 24))
        #expect(s.update(.switchLanguage) == [])
    }

    @Test(arguments: [
        (["LANG": "xx_YY.UTF-8"], "xx"),
        (["LC_ALL": "xx"], "xx"),
        (["LANG": "es_MX.UTF-8"], "es"),
        (["LANG": "est_EE.UTF-8"], "en"),  // a prefix of the code is not the code
        (["LANG": "pt_BR.UTF-8"], "pt-br"),
        (["LANG": "pt_PT.UTF-8"], "en"),
        (["LANG": "fr_FR.UTF-8"], "en"),
        (["LANG": "C"], "en"),
        ([:], "en"),
    ] as [([String: String], String)])
    func theLocaleIsMatchedAgainstTheLanguagesFound(_ environment: [String: String], _ expected: String) {
        let codes = ["en", "es", "pt-br", "xx"]
        #expect(Content.language(option: nil, available: codes) { environment[$0] } == expected)
    }

    @Test func withoutEnglishTheFirstLanguageIsTheDefault() {
        #expect(Content.language(option: nil, available: ["es", "xx"]) { _ in "fr_FR.UTF-8" } == "es")
    }
}

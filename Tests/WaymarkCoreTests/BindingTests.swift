import Testing
import TestSupport
import WaymarkCore

@Suite struct BindingTests {
    /// Every key of the issue, in every context, and what it must do there (nil: nothing).
    static let expected: [(Key, Context, Action?)] = {
        var rows: [(Key, Context, Action?)] = []
        let browsing: [Context] = [.menu, .page, .results, .form]
        for c in browsing {
            rows += [
                (.up, c, .up), (.char("k"), c, .up), (.down, c, .down), (.char("j"), c, .down),
                (.left, c, .back), (.backspace, c, .back), (.char("h"), c, .back),
                (.pageUp, c, .pageUp), (.pageDown, c, .pageDown),
                (.home, c, .home), (.end, c, .end),
                (.char("?"), c, .help), (.function(1), c, .help),
                (.char("L"), c, .switchLanguage), (.function(2), c, .switchLanguage),
            ]
        }
        rows += [(.char(" "), .menu, .pageDown), (.char(" "), .page, .pageDown), (.char(" "), .results, .pageDown)]
        rows += [(.enter, .menu, .open), (.right, .menu, .open), (.char("l"), .menu, .open)]
        rows += [(.enter, .page, nil), (.right, .page, nil), (.char("1"), .page, nil)]
        rows += (1...9).map { (.char(Character(String($0))), .menu, .number($0)) }
        rows += [(.char("0"), .menu, nil), (.char("x"), .menu, nil)]
        for c in Context.allCases {
            rows += [(.escape, c, .quickExit), (.ctrl("c"), c, .quickExit), (.ctrl("l"), c, .repaint)]
            rows.append((.char("q"), c, c == .editing ? .insert("q") : .quit))
        }
        // The safety plan's rows: Space and Enter act, Tab moves between boxes.
        rows += [(.char(" "), .form, .open), (.enter, .form, .open), (.tab, .form, .nextField),
                 (.backTab, .form, .previousField), (.left, .form, .back), (.char("1"), .form, .number(1))]
        // Typing: printable keys are text; the arrows, Backspace and Delete edit; Tab moves on.
        rows += [(.char("h"), .editing, .insert("h")), (.char("?"), .editing, .insert("?")),
                 (.char("L"), .editing, .insert("L")), (.char("1"), .editing, .insert("1")),
                 (.char(" "), .editing, .insert(" ")), (.char("ñ"), .editing, .insert("ñ")),
                 (.left, .editing, .cursorLeft), (.right, .editing, .cursorRight), (.home, .editing, .cursorHome),
                 (.end, .editing, .cursorEnd), (.backspace, .editing, .deleteBackward),
                 (.delete, .editing, .deleteForward), (.enter, .editing, .open), (.tab, .editing, .nextField),
                 (.backTab, .editing, .previousField), (.up, .editing, .up), (.down, .editing, .down),
                 (.function(1), .editing, .help), (.pageDown, .editing, nil)]
        rows += [(.down, .tooSmall, nil), (.char("1"), .tooSmall, nil), (.char("?"), .tooSmall, nil)]
        return rows
    }()

    @Test(arguments: 0..<expected.count)
    func keyMeansTheSameEverywhereItApplies(_ row: Int) {
        let (key, context, action) = Self.expected[row]
        #expect(Bindings.action(for: key, in: context) == action, "\(key) in \(context)")
    }

    @Test func quickExitIsBoundInEveryContext() {
        for context in Context.allCases {
            #expect(Bindings.action(for: .escape, in: context) == .quickExit)
        }
    }

    @Test func theFooterAlwaysOffersHelpAndBackWhereTheyWork() {
        let menu = Bindings.footer(in: .menu).map(\.footerLabel)
        #expect(menu.prefix(2) == ["?", "←"])
        #expect(Bindings.footer(in: .page).contains { $0.footerLabel == "Enter" } == false)
    }

    @Test func theHelpPageListsEveryBinding() {
        let strings = Fixtures.shipped.strings
        let page = HelpPage.make(strings)
        let text = page.blocks.map { block -> String in
            switch block {
            case .bullet(let spans), .paragraph(let spans), .callout(let spans): return spans.map(\.text).joined()
            case .heading(let text): return text
            }
        }.joined(separator: "\n")
        for binding in Bindings.all {
            #expect(text.contains(binding.label))
            #expect(text.contains(strings[binding.description]))
        }
    }
}

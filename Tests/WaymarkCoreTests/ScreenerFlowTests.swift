import Testing
import WaymarkText
import WaymarkWidgets
import TestSupport
import WaymarkCore

/// The screener as a person walks it in the program: one question per screen, answers by number
/// or arrows and Enter, back with answers kept, help, results and what to do from there.
@Suite struct ScreenerFlowTests {
    func start(_ content: Content = Fixtures.shipped) -> AppState {
        var s = AppState(content: content, size: Size(width: 80, height: 24))
        _ = s.update(.number(5))  // Immigration options
        let n = s.content.menus["immigration"]!.items.firstIndex { $0.target == .screener }! + 1
        _ = s.update(.number(n))
        _ = s.update(.number(1))  // the intro: start the questions
        return s
    }

    @Test func startsBySayingWhatItIsThatNothingIsSavedAndEsc() {
        var s = AppState(content: Fixtures.shipped, size: Size(width: 80, height: 24))
        _ = s.update(.number(5))
        let n = s.content.menus["immigration"]!.items.firstIndex { $0.target == .screener }! + 1
        _ = s.update(.number(n))
        #expect(s.screen == ScreenEntry(.screener(.intro), selection: 0, scroll: 0))
        let text = s.layout.lines.map { $0.spans.map(\.text).joined().replacingOccurrences(of: "┃ ", with: "") }
            .joined(separator: " ")
        #expect(text.contains("never saved") && text.contains("not legal advice") && text.contains("Esc"))
        let (_, items) = s.choices(for: s.screen)!
        #expect(items == ["Start the questions", "Back to the menu"])
        _ = s.update(.number(2))
        #expect(s.screen == ScreenEntry(.menus(.menu(id: "immigration")), selection: n - 1, scroll: 0))
        _ = s.update(.number(n))
        _ = s.update(.open)
        #expect(s.screen == ScreenEntry(.screener(.question), selection: 0, scroll: 0))
        // Back from the first question shows the intro again; the answers are kept.
        _ = s.update(.number(2))  // in_us: no
        _ = s.update(.back)
        _ = s.update(.back)
        #expect(s.screen == ScreenEntry(.screener(.intro), selection: 0, scroll: 0))
        _ = s.update(.back)
        _ = s.update(.number(n))
        _ = s.update(.number(1))
        #expect(s.screen == ScreenEntry(.screener(.question), selection: 1, scroll: 0) && s.screener?.currentAnswer == .no)
    }

    @Test func aChoiceQuestionShowsItsOwnWords() {
        var s = start()
        for (id, answer) in [(QuestionID.inUS, 1), (.forcedLabor, 2), (.couldNotLeave, 2), (.forcedSex, 2), (.minorCommercialSex, 2), (.qualifyingCrime, 1),
                             (.crimeInUS, 1), (.substantialAbuse, 1), (.under16OrIncapacitated, 2), (.hasInformation, 1),
                             (.helpfulToLawEnforcement, 1)] {
            #expect(current(s) == id)
            _ = s.update(.number(answer))
        }
        #expect(current(s) == .abuserRelationship)
        let (_, items) = s.choices(for: s.screen)!
        #expect(items.first == "My husband or wife")
        #expect(items.contains("No one") && items.count == 9, "six people, no one, not sure, and what does this mean")
        _ = s.update(.number(4))  // son or daughter
        #expect(current(s) == .abuserStatus)
        _ = s.update(.number(1))  // citizen
        #expect(s.screener?.answers[.abuserStatus] == .choice("citizen"))
        _ = s.update(.back)
        #expect(s.screen == ScreenEntry(.screener(.question), selection: 0, scroll: 0), "the choice made is shown again")
    }

    var current: (AppState) -> QuestionID? { { $0.screener?.current } }

    @Test func opensOnTheFirstQuestionWithNumberedChoices() {
        let s = start()
        #expect(s.screen == ScreenEntry(.screener(.question), selection: 0, scroll: 0))
        #expect(current(s) == .inUS)
        let (_, items) = s.choices(for: s.screen)!
        #expect(items.prefix(3) == ["Yes", "No", "Not sure"].prefix(3) || items.count >= 3)
        #expect(s.context == .menu)
    }

    @Test func answeringByNumberMovesOnAndBackKeepsTheAnswer() {
        var s = start()
        _ = s.update(.number(1))                 // in_us: yes
        #expect(current(s) == .forcedLabor)
        _ = s.update(.down)
        _ = s.update(.open)                      // forced_labor: no (arrows and Enter)
        #expect(s.screener?.answers[.forcedLabor] == .no)
        _ = s.update(.back)
        #expect(current(s) == .forcedLabor)
        #expect(s.screen == ScreenEntry(.screener(.question), selection: 1, scroll: 0), "the earlier answer is shown as chosen")
        _ = s.update(.back)
        #expect(current(s) == .inUS)
        #expect(s.screen == ScreenEntry(.screener(.question), selection: 0, scroll: 0))
        _ = s.update(.back)
        #expect(s.screen == ScreenEntry(.screener(.intro), selection: 0, scroll: 0), "back from the first question shows the intro")
        _ = s.update(.back)
        #expect(s.screen == ScreenEntry(.menus(.menu(id: "immigration")), selection: 4, scroll: 0), "and back again leaves")
    }

    @Test func whatDoesThisMeanOpensTheHelpAndBackReturns() {
        var s = start()
        let (_, items) = s.choices(for: s.screen)!
        #expect(items.count == 4)
        _ = s.update(.number(4))
        #expect(s.screen == ScreenEntry(.screener(.questionHelp), scroll: 0))
        #expect(s.title(of: s.screen) == s.content.screener![.title])
        #expect(!s.layout.lines.isEmpty)
        _ = s.update(.back)
        #expect(s.screen == ScreenEntry(.screener(.question), selection: 3, scroll: 0))
        #expect(current(s) == .inUS)
    }

    func answerAll(_ s: inout AppState, _ choice: Int) {
        var guardCount = 0
        while s.screen.kind == .screener(.question), guardCount < 40 {
            _ = s.update(.number(choice))
            guardCount += 1
        }
    }

    @Test func answeringEverythingShowsResultsWithReasonsNumbersAndTheWarning() {
        var s = start()
        answerAll(&s, 3)  // not sure, all the way
        #expect(s.screen == ScreenEntry(.screener(.results), scroll: 0))
        #expect(s.context == .results)
        let text = s.layout.lines.map { $0.spans.map(\.text).joined().replacingOccurrences(of: "┃ ", with: "") }
            .joined(separator: " ")
        let screener = s.content.screener!
        #expect(text.contains(screener[.levelUnclear]))
        #expect(text.contains("1-888-373-7888"))
        #expect(!text.lowercased().contains("you qualify"))
    }

    @Test func fromTheResultsChangeAnAnswer() {
        var s = start()
        answerAll(&s, 2)
        #expect(s.screen == ScreenEntry(.screener(.results), scroll: 0))
        _ = s.update(.number(1))
        guard s.screen.kind == .screener(.review) else { Issue.record("\(s.screen)"); return }
        #expect(s.layout.items.count == s.screener!.path.count)
        _ = s.update(.number(1))                 // change the first answer
        #expect(current(s) == .inUS)
        #expect(s.screen == ScreenEntry(.screener(.question), selection: 1, scroll: 0), "the old answer (no) is selected")
        _ = s.update(.back)
        #expect(s.screen == ScreenEntry(.screener(.intro), selection: 0, scroll: 0))
        _ = s.update(.back)
        #expect(s.screen == ScreenEntry(.menus(.menu(id: "immigration")), selection: 4, scroll: 0), "no review or results left on the stack")
    }

    @Test func fromTheResultsStartOverOrGoBackToTheMenu() {
        var s = start()
        answerAll(&s, 1)
        let answers = s.screener!.answers
        _ = s.update(.number(2))
        guard s.screen.kind == .screener(.confirmStartOver), s.screen.selection == 0 else { Issue.record("start over asks first: \(s.screen)"); return }
        _ = s.update(.number(1))
        #expect(s.screen == ScreenEntry(.screener(.results), scroll: 0), "keeping the answers goes back to the results")
        #expect(s.screener!.answers == answers)
        _ = s.update(.number(2))
        _ = s.update(.number(2))
        #expect(current(s) == .inUS)
        #expect(s.screener?.answers.isEmpty == true)
        answerAll(&s, 1)
        _ = s.update(.number(3))
        #expect(s.screen == ScreenEntry(.menus(.menu(id: "immigration")), selection: 4, scroll: 0))
        _ = s.update(.open)
        #expect(s.screen == ScreenEntry(.screener(.results), scroll: 0), "coming back shows the results of the answers kept in memory")
    }

    @Test func backFromTheResultsGoesToTheLastQuestion() {
        var s = start()
        answerAll(&s, 2)
        let last = s.screener!.path.last!
        _ = s.update(.back)
        #expect(current(s) == last)
    }

    @Test func switchingLanguageKeepsTheAnswersAndTheQuestion() {
        var s = start()
        _ = s.update(.number(1))
        _ = s.update(.number(2))
        let answers = s.screener!.answers
        let question = current(s)
        _ = s.update(.contentLoaded(Fixtures.spanish))
        #expect(s.screener!.answers == answers)
        #expect(current(s) == question)
        #expect(s.title(of: s.screen) == Fixtures.spanish.screener![.title])
        let (intro, _) = s.choices(for: s.screen)!
        #expect("\(intro)".contains(Fixtures.spanish.screener!.questions[question!]!.text))
    }

    @Test func theQuickExitWorksOnEveryScreenerScreen() {
        var s = start()
        for action in [Action.number(4), .back, .number(1), .number(3)] {
            _ = s.update(action)
            #expect(s.update(.quickExit) == [.quickExit])
        }
        answerAll(&s, 1)
        #expect(s.update(.quickExit) == [.quickExit])
    }
}

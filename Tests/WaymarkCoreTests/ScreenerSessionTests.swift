import Testing
import TestSupport
import WaymarkCore

@Suite struct ScreenerSessionTests {
    let screener = Fixtures.shipped.screener!

    /// Answers questions in turn from `script` (by id; a question not in it is answered "unsure"),
    /// and returns the questions asked, in order.
    func walk(_ script: Answers, from session: inout ScreenerSession) -> [QuestionID] {
        var asked: [QuestionID] = []
        while let current = session.current, asked.count <= QuestionID.allCases.count {
            asked.append(current)
            session.answer(script[current] ?? .unsure)
        }
        return asked
    }

    func asked(_ script: Answers) -> [QuestionID] {
        var session = screener.session()
        return walk(script, from: &session)
    }

    @Test func startsWithTheFirstQuestionOfTheContent() {
        let session = screener.session()
        #expect(session.current == .inUS)
        #expect(session.progress == ScreenerProgress(number: 1, total: QuestionID.allCases.count))
        #expect(!session.canGoBack)
        #expect(session.currentAnswer == nil)
    }

    @Test func thePortOfEntryOnlyWhenNotInTheUSOrNotSure() {
        #expect(!asked([.inUS: .yes]).contains(.atPortOfEntry))
        #expect(asked([.inUS: .no]).prefix(2) == [.inUS, .atPortOfEntry])
        #expect(asked([.inUS: .unsure]).prefix(2) == [.inUS, .atPortOfEntry])
    }

    @Test func oneYesSettlesTrafficking() {
        let path = asked([.inUS: .yes, .forcedLabor: .yes, .couldNotLeave: .yes])
        #expect(!path.contains(.forcedSex))
        // Commercial sex before 18 would still excuse a report, so it is asked.
        #expect(path.contains(.minorCommercialSex))
        // U crime is inferred from trafficking: qualifying_crime is skipped, the other U questions are not.
        #expect(!path.contains(.qualifyingCrime))
        for id in [QuestionID.hereBecauseOfTrafficking, .crimeInUS, .substantialAbuse, .under16OrIncapacitated, .hasInformation,
                   .helpfulToLawEnforcement] {
            #expect(path.contains(id), "\(id)")
        }
    }

    @Test func freeToLeaveAsksAboutSexAndCrimesButNotPresence() {
        let path = asked([.inUS: .yes, .forcedLabor: .yes, .couldNotLeave: .no, .forcedSex: .no, .minorCommercialSex: .no])
        #expect(path.prefix(5) == [.inUS, .forcedLabor, .couldNotLeave, .forcedSex, .minorCommercialSex])
        #expect(!path.contains(.hereBecauseOfTrafficking) && !path.contains(.lawEnforcementAsked))
        #expect(path.contains(.qualifyingCrime))
    }

    @Test func noTraffickingSkipsTheLawEnforcementQuestions() {
        let noFamily: Answers = [.inUS: .yes, .forcedLabor: .no, .couldNotLeave: .no, .forcedSex: .no, .minorCommercialSex: .no,
                                 .abuserRelationship: .choice("none"), .parentAbusedNeglectedOrAbandoned: .no, .unpaidWages: .no]
        #expect(asked(noFamily) == [.inUS, .forcedLabor, .couldNotLeave, .forcedSex, .minorCommercialSex, .qualifyingCrime, .crimeInUS,
                                    .substantialAbuse, .under16OrIncapacitated, .hasInformation, .helpfulToLawEnforcement,
                                    .abuserRelationship, .parentAbusedNeglectedOrAbandoned, .fearPersecution, .unpaidWages])
    }

    @Test func noCrimeAtAllSkipsTheUQuestions() {
        let path = asked([.inUS: .yes, .forcedLabor: .no, .couldNotLeave: .no, .forcedSex: .no, .minorCommercialSex: .no, .qualifyingCrime: .no,
                          .abuserRelationship: .choice("spouse"), .abuserStatus: .choice("citizen"),
                          .parentAbusedNeglectedOrAbandoned: .no, .unpaidWages: .yes])
        #expect(path == [.inUS, .forcedLabor, .couldNotLeave, .forcedSex, .minorCommercialSex, .qualifyingCrime,
                         .abuserRelationship, .abuserStatus, .parentAbusedNeglectedOrAbandoned, .fearPersecution,
                         .unpaidWages, .belowMinimumWage])
    }

    @Test func theFamilyQuestionsFollowWhoItWas() {
        let former = asked([.abuserRelationship: .choice("former_spouse"), .abuserStatus: .choice("citizen")])
        #expect(former.contains(.divorcedWithin2Years))
        let partner = asked([.abuserRelationship: .choice("partner"), .parentAbusedNeglectedOrAbandoned: .no])
        #expect(!partner.contains(.abuserStatus) && !partner.contains(.divorcedWithin2Years))
        #expect(!partner.contains(.ageNow) && !partner.contains(.marriedNow))
        let child = asked([.inUS: .yes, .abuserRelationship: .choice("parent"), .abuserStatus: .choice("citizen")])
        #expect(!child.contains(.divorcedWithin2Years) && !child.contains(.parentAbusedNeglectedOrAbandoned))
        #expect(child.contains(.ageNow) && child.contains(.marriedNow))
        let neither = asked([.abuserRelationship: .choice("spouse"), .abuserStatus: .choice("neither"),
                             .parentAbusedNeglectedOrAbandoned: .no])
        #expect(!neither.contains(.divorcedWithin2Years) && !neither.contains(.ageNow))
    }

    @Test func theUQuestionsStayWhenTheCrimeIsOnlyUnsure() {
        let path = asked([.inUS: .yes, .forcedLabor: .unsure, .forcedSex: .no, .minorCommercialSex: .no, .qualifyingCrime: .no])
        #expect(path.contains(.crimeInUS) && path.contains(.helpfulToLawEnforcement))
    }

    @Test func aCrimeElsewhereSkipsTheRestOfU() {
        let path = asked([.inUS: .yes, .forcedLabor: .no, .forcedSex: .no, .minorCommercialSex: .no, .qualifyingCrime: .yes, .crimeInUS: .no])
        #expect(path.firstIndex(of: .crimeInUS).map { path[$0 + 1] } == .abuserRelationship)
    }

    @Test func compliedOnlyWhenOfficialsAskedAndAReportOnlyWhenTheyDidNot() {
        let base: Answers = [.inUS: .yes, .forcedLabor: .yes, .couldNotLeave: .yes, .hereBecauseOfTrafficking: .yes, .under18AtTime: .no]
        var yes = base
        yes[.lawEnforcementAsked] = .yes
        let yesPath = asked(yes)
        #expect(yesPath.contains(.compliedWithRequests) && !yesPath.contains(.reportedToLawEnforcement))
        var unsure = base
        unsure[.lawEnforcementAsked] = .unsure
        let unsurePath = asked(unsure)
        #expect(!unsurePath.contains(.compliedWithRequests))
        #expect(unsurePath.contains(.reportedToLawEnforcement) && unsurePath.contains(.traumaPreventsCooperation))
        var reported = base
        reported[.lawEnforcementAsked] = .no
        reported[.reportedToLawEnforcement] = .yes
        // Reported and not asked: cooperation is settled, so trauma is not asked.
        #expect(!asked(reported).contains(.traumaPreventsCooperation))
        var notReported = base
        notReported[.lawEnforcementAsked] = .no
        notReported[.reportedToLawEnforcement] = .no
        #expect(asked(notReported).contains(.traumaPreventsCooperation))
    }

    @Test func aMinorIsNotAskedAboutCooperationButStillAboutContact() {
        let path = asked([.inUS: .yes, .forcedLabor: .yes, .couldNotLeave: .yes, .under18AtTime: .yes, .lawEnforcementAsked: .yes])
        // Contact with officials still matters for Continued Presence.
        #expect(path.contains(.lawEnforcementAsked) && path.contains(.compliedWithRequests))
        #expect(!path.contains(.traumaPreventsCooperation))
    }

    @Test func settledTStillAsksForContinuedPresence() {
        let script: Answers = [.inUS: .yes, .forcedLabor: .yes, .couldNotLeave: .yes, .minorCommercialSex: .no,
                               .hereBecauseOfTrafficking: .no, .lawEnforcementAsked: .yes, .compliedWithRequests: .yes,
                               .abuserRelationship: .choice("none"), .parentAbusedNeglectedOrAbandoned: .no,
                               .fearPersecution: .no, .unpaidWages: .no]
        let path = asked(script)
        #expect(!path.contains(.under18AtTime) && !path.contains(.traumaPreventsCooperation))
        #expect(path.contains(.lawEnforcementAsked))
        var session = screener.session()
        _ = walk(script, from: &session)
        #expect(session.results().alsoAskAbout.map(\.option) == [.continuedPresence])
        #expect(session.results().tVisa.level == .unlikely)
    }

    @Test func theRewordedQuestions() {
        var session = screener.session()
        let plain = screener.wording(of: .hasInformation, given: session.answers)
        #expect(plain.text == screener.questions[.hasInformation]!.text)
        let script: Answers = [.inUS: .yes, .forcedLabor: .no, .couldNotLeave: .no, .forcedSex: .no, .minorCommercialSex: .no, .qualifyingCrime: .yes,
                               .crimeInUS: .yes, .substantialAbuse: .yes, .under16OrIncapacitated: .yes]
        while let id = session.current, id != .hasInformation { session.answer(script[id]!) }
        #expect(session.current == .hasInformation)
        let helper = screener.wording(of: .hasInformation, given: session.answers)
        #expect(helper.text == screener.questions[.hasInformation]!.helperText)
        #expect(helper.text != plain.text)
    }

    @Test func backKeepsTheAnswer() {
        var session = screener.session()
        session.answer(.yes)  // in_us
        session.answer(.no)  // forced_labor
        #expect(session.current == .couldNotLeave, "held by debt or fear is asked even after no")
        let wentBack = session.back()
        #expect(wentBack)
        #expect(session.current == .forcedLabor)
        #expect(session.currentAnswer == .no)
        let wentBackAgain = session.back()
        #expect(wentBackAgain)
        #expect(session.current == .inUS)
        #expect(session.currentAnswer == .yes)
        let wentBackAtFirst = session.back()
        #expect(!wentBackAtFirst, "nothing before the first question")
        #expect(session.current == .inUS)
        // Forward again with the same answers: the way and the kept answers are as before.
        session.answer(.yes)
        #expect(session.current == .forcedLabor)
        #expect(session.currentAnswer == .no)
    }

    @Test func changingAnAnswerDropsWhatNoLongerMatters() {
        var session = screener.session()
        session.answer(.no)  // in_us
        #expect(session.current == .atPortOfEntry)
        session.answer(.yes)  // at_port_of_entry
        session.answer(.yes)  // forced_labor
        #expect(session.current == .couldNotLeave)
        session.answer(.yes)  // could_not_leave
        #expect(session.current == .minorCommercialSex)
        session.back()
        session.back()
        session.back()
        session.back()
        #expect(session.current == .inUS)
        session.answer(.yes)
        #expect(session.current == .forcedLabor)
        #expect(session.kept[.atPortOfEntry] == nil, "the port of entry answer no longer matters")
        #expect(session.currentAnswer == .yes, "an answer that may still count is kept")
        session.answer(.yes)
        session.answer(.yes)  // could_not_leave
        let results = session.results()
        #expect(results.tVisa.reasons.contains(.tPresenceInUS))
        #expect(!results.tVisa.reasons.contains(.tPresencePortOfEntry))
    }

    @Test func staleAnswersNeverCount() {
        var session = screener.session()
        _ = walk([.inUS: .yes, .forcedLabor: .yes, .couldNotLeave: .yes, .under18AtTime: .yes, .lawEnforcementAsked: .yes,
                  .compliedWithRequests: .yes, .abuserRelationship: .choice("none"), .parentAbusedNeglectedOrAbandoned: .no,
                  .fearPersecution: .no, .unpaidWages: .no], from: &session)
        #expect(session.isFinished)
        #expect(session.results().alsoAskAbout.map(\.option) == [.continuedPresence])
        let revisited = session.revisit(.forcedLabor)
        #expect(revisited)
        #expect(session.current == .forcedLabor)
        session.answer(.no)
        // Kept answers ahead (under_18_at_time, law_enforcement_asked) count only once reached again.
        #expect(session.answers[.under18AtTime] == nil && session.answers[.lawEnforcementAsked] == nil)
        #expect(session.results().alsoAskAbout.isEmpty)
        #expect(session.current == .couldNotLeave)
        #expect(session.currentAnswer == .yes, "the earlier answer ahead is kept, to be shown")
        _ = walk([.couldNotLeave: .no, .forcedSex: .no, .minorCommercialSex: .no, .qualifyingCrime: .no, .abuserRelationship: .choice("none"),
                  .parentAbusedNeglectedOrAbandoned: .no, .fearPersecution: .no, .unpaidWages: .no], from: &session)
        // Trafficking is now no: those questions were skipped, and their answers are gone.
        #expect(session.kept[.under18AtTime] == nil && session.kept[.lawEnforcementAsked] == nil)
        #expect(session.results().alsoAskAbout.isEmpty)
        let revisitedSkipped = session.revisit(.lawEnforcementAsked)
        #expect(!revisitedSkipped)
    }

    @Test func randomWalksKeepEveryPromise() {
        var random = SeededRandom(seed: 42)
        var outcomes: Set<String> = []
        var reasons: Set<Reason> = []
        var everAsked: Set<QuestionID> = []
        for _ in 0..<1000 {
            var session = screener.session()
            var lastTotal = Int.max
            var asked: [QuestionID] = []
            while let current = session.current {
                #expect(asked.count < QuestionID.allCases.count, "the walk ends")
                if asked.count >= QuestionID.allCases.count { break }
                let progress = session.progress
                #expect(progress.number == asked.count + 1)
                #expect(progress.number <= progress.total)
                #expect(progress.total <= lastTotal, "the estimate never grows going forward")
                lastTotal = progress.total
                #expect(!asked.contains(current), "never asked twice")
                #expect(ScreenerRules.canChangeResults(current, given: session.answers), "\(current) can change a result")
                asked.append(current)
                everAsked.insert(current)
                session.answer(current.options.randomElement(using: &random)!.value)
            }
            #expect(session.answers.count == asked.count)
            let results = session.results()
            #expect(results == ScreenerRules.evaluate(session.answers))
            for result in results.ordered {
                outcomes.insert("\(result.option.rawValue) \(result.level.rawValue)")
                reasons.formUnion(result.reasons)
            }
        }
        #expect(everAsked == Set(QuestionID.allCases))
        for level in ResultLevel.allCases {
            #expect(outcomes.contains("t-visa \(level.rawValue)"))
            #expect(outcomes.contains("u-visa \(level.rawValue)"))
        }
        for option in ScreenerOption.alsoAskAbout { #expect(outcomes.contains("\(option.rawValue) worth-asking")) }
        #expect(Set(Reason.allCases).subtracting(reasons).isEmpty, "unreachable: \(Set(Reason.allCases).subtracting(reasons))")
    }

    @Test func theProgressLineReadsNaturally() {
        var session = screener.session()
        session.answer(.yes)
        #expect(screener.progressText(session.progress) == "Question 2 of about 26")
        _ = walk([.forcedLabor: .no, .couldNotLeave: .no, .forcedSex: .no, .minorCommercialSex: .no, .qualifyingCrime: .no,
                  .abuserRelationship: .choice("none"), .parentAbusedNeglectedOrAbandoned: .no, .unpaidWages: .no], from: &session)
        #expect(session.progress == ScreenerProgress(number: 10, total: 10))
    }
}

import Testing
import TestSupport
import WaymarkCore

@Suite struct ThreeValuedLogicTests {
    @Test(arguments: [
        ([Answer.yes, .no], Answer.yes), ([.no, .no], .no), ([.unsure, .no], .unsure), ([.unsure, .yes], .yes),
        ([.unsure, .unsure], .unsure), ([.no], .no), ([.yes], .yes),
    ])
    func or(_ parts: [Answer], _ expected: Answer) {
        #expect(Answer.any(parts) == expected)
    }

    @Test(arguments: [
        ([Answer.yes, .yes], Answer.yes), ([.yes, .no], .no), ([.unsure, .no], .no), ([.unsure, .yes], .unsure),
        ([.unsure, .unsure], .unsure), ([.no], .no), ([.yes], .yes),
    ])
    func and(_ parts: [Answer], _ expected: Answer) {
        #expect(Answer.all(parts) == expected)
    }

    @Test func anUnansweredQuestionIsUnsure() {
        #expect(Formula.answer(.inUS).evaluate([:]) == .unsure)
        #expect(Formula.not(.answer(.lawEnforcementAsked)).evaluate([.lawEnforcementAsked: .no]) == .yes)
        #expect(Formula.oneOf(.abuserStatus, ["citizen"]).evaluate([:]) == .unsure)
        #expect(Formula.oneOf(.abuserStatus, ["citizen"]).evaluate([.abuserStatus: .unsure]) == .unsure)
    }

    @Test func agesByBand() {
        let child = Formula.age(.ageNow, yesBelow: 21, unsureBelow: 25)
        #expect(child.evaluate([.ageNow: .age(20, 20)]) == .yes)
        #expect(child.evaluate([.ageNow: .age(21, 21)]) == .unsure)
        #expect(child.evaluate([.ageNow: .age(24, 24)]) == .unsure)
        #expect(child.evaluate([.ageNow: .age(25, 25)]) == .no)
        #expect(child.evaluate([.ageNow: .age(0, 20)]) == .yes)
        #expect(child.evaluate([.ageNow: .age(18, 30)]) == .unsure)
        #expect(child.evaluate([.ageNow: .unsure]) == .unsure)
    }
}

@Suite struct ScreenerAnalysisTests {
    /// Every value a question can take, for brute force.
    static func values(_ id: QuestionID) -> [AnswerValue] {
        id.kind == .age ? [.age(17, 17), .age(22, 22), .age(40, 40), .unsure] : id.options.map(\.value)
    }

    /// Brute force: can some answers to the other open questions make `question` change the rule?
    func bruteForceCanChange(_ formula: Formula, _ question: QuestionID, _ known: Answers) -> Bool {
        let open = Array(Set(formula.questions).subtracting(known.keys).subtracting([question])).sorted { $0.rawValue < $1.rawValue }
        var combination = [Int](repeating: 0, count: open.count)
        while true {
            var filled = known
            for (index, id) in open.enumerated() { filled[id] = Self.values(id)[combination[index]] }
            let results = Self.values(question).map { value -> Answer in
                filled[question] = value
                return formula.evaluate(filled)
            }
            if Set(results).count > 1 { return true }
            var index = 0
            while index < open.count, combination[index] == Self.values(open[index]).count - 1 {
                combination[index] = 0
                index += 1
            }
            if index == open.count { return false }
            combination[index] += 1
        }
    }

    /// The screener skips what cannot change a result, so the analysis must never miss a question
    /// that can; it is exact for every rule here (a question read twice is split on).
    @Test func whetherAQuestionCanStillChangeARuleIsExact() {
        var random = SeededRandom(seed: 13)
        for _ in 0..<250 {
            var known: Answers = [:]
            for id in QuestionID.allCases where Int.random(in: 0..<3, using: &random) > 0 {
                known[id] = Self.values(id).randomElement(using: &random)!
            }
            for (option, formula) in ScreenerRules.formulas {
                for question in Set(formula.questions) {
                    var rest = known
                    rest[question] = nil
                    #expect(formula.canChange(by: question, given: rest) == bruteForceCanChange(formula, question, rest),
                            "\(option) \(question) \(rest)")
                }
            }
        }
    }

    @Test func whatCanStillChangeAResult() {
        // Not in the US: the port of entry matters; in the US it does not.
        #expect(ScreenerRules.canChangeResults(.atPortOfEntry, given: [.inUS: .no]))
        #expect(!ScreenerRules.canChangeResults(.atPortOfEntry, given: [.inUS: .yes]))
        // Whether the person could leave matters after any answer about force at work (held by
        // debt or fear without calling it force is not clear yet), not once trafficking is settled.
        #expect(ScreenerRules.canChangeResults(.couldNotLeave, given: [.forcedLabor: .no]))
        #expect(ScreenerRules.canChangeResults(.couldNotLeave, given: [.forcedLabor: .yes]))
        #expect(!ScreenerRules.canChangeResults(.couldNotLeave, given: [.forcedLabor: .yes, .forcedSex: .yes, .inUS: .no,
                                                                         .atPortOfEntry: .no, .under18AtTime: .yes]))
        // complied_with_requests only after officials asked; a report only when they did not.
        #expect(!ScreenerRules.canChangeResults(.compliedWithRequests, given: [.forcedSex: .yes, .inUS: .yes, .lawEnforcementAsked: .unsure]))
        #expect(ScreenerRules.canChangeResults(.compliedWithRequests, given: [.forcedSex: .yes, .inUS: .yes, .lawEnforcementAsked: .yes]))
        #expect(!ScreenerRules.canChangeResults(.reportedToLawEnforcement,
                                                given: [.forcedSex: .yes, .inUS: .yes, .lawEnforcementAsked: .yes]))
        // Commercial sex before 18 settles the exemption: under_18_at_time is not asked.
        let minor: Answers = [.minorCommercialSex: .yes, .inUS: .yes, .hereBecauseOfTrafficking: .yes]
        #expect(!ScreenerRules.canChangeResults(.under18AtTime, given: minor))
        // The divorce question only for a former husband or wife; status not for a partner.
        #expect(!ScreenerRules.canChangeResults(.divorcedWithin2Years, given: [.abuserRelationship: .choice("spouse")]))
        #expect(ScreenerRules.canChangeResults(.divorcedWithin2Years, given: [.abuserRelationship: .choice("former_spouse")]))
        #expect(!ScreenerRules.canChangeResults(.abuserStatus, given: [.abuserRelationship: .choice("partner")]))
        // Age and marriage matter for a young person harmed by a parent, not for someone else.
        let adultNoParent: Answers = [.abuserRelationship: .choice("spouse"), .parentAbusedNeglectedOrAbandoned: .no]
        #expect(!ScreenerRules.canChangeResults(.ageNow, given: adultNoParent))
        #expect(!ScreenerRules.canChangeResults(.marriedNow, given: adultNoParent))
        #expect(ScreenerRules.canChangeResults(.ageNow, given: [.inUS: .yes, .parentAbusedNeglectedOrAbandoned: .yes]))
        // Once pay below the minimum is settled, the wider pay question changes nothing.
        #expect(!ScreenerRules.canChangeResults(.unpaidWages, given: [.belowMinimumWage: .yes]))
        #expect(ScreenerRules.canChangeResults(.under16OrIncapacitated, given: [:]))
    }
}

@Suite struct ScreenerResultShapeTests {
    @Test func everyResultSaysWhatToDoNext() {
        for situation in ScreenerSituations.all {
            let results = ScreenerRules.evaluate(situation.answers)
            for result in [results.tVisa, results.uVisa] + results.alsoAskAbout {
                let last = result.reasons.last!
                #expect(last.rawValue.contains(".needs") || last == .unlikelySecondOpinion,
                        "\(situation.story): \(result.option) ends with \(last)")
                #expect(result.reasons.count >= 2, "\(situation.story): \(result.option) says which answers made it so")
            }
        }
    }

    @Test func noOtherOptionIsEverShownAsUnlikely() {
        var random = SeededRandom(seed: 5)
        for _ in 0..<3000 {
            var given: Answers = [:]
            for id in QuestionID.allCases where Bool.random(using: &random) {
                given[id] = ScreenerAnalysisTests.values(id).randomElement(using: &random)!
            }
            let also = ScreenerRules.evaluate(given).alsoAskAbout
            #expect(also.allSatisfy { $0.level != .unlikely }, "\(given)")
            #expect(also.map(\.option) == ScreenerOption.alsoAskAbout.filter { option in also.contains { $0.option == option } })
        }
    }

    @Test func mostRelevantFirst() {
        let results = ScreenerRules.evaluate([
            .inUS: .no, .atPortOfEntry: .no, .forcedLabor: .yes, .couldNotLeave: .yes, .unpaidWages: .yes, .belowMinimumWage: .yes,
            .crimeInUS: .yes, .substantialAbuse: .yes, .hasInformation: .yes, .helpfulToLawEnforcement: .yes,
        ])
        #expect(results.ordered.map(\.option) == [.uVisa, .wageClaim, .tVisa])
    }
}

import Testing
import TestSupport
import WaymarkCore


func answers(_ pairs: KeyValuePairs<QuestionID, Answer>) -> Answers {
    Dictionary(uniqueKeysWithValues: pairs.map { ($0.key, $0.value) })
}

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
    }
}

/// The rules of issue 3, transcribed a second time as plain code, to check the formulas against.
enum IssueRules {
    static func or(_ parts: Answer...) -> Answer {
        parts.contains(.yes) ? .yes : parts.allSatisfy { $0 == .no } ? .no : .unsure
    }
    static func and(_ parts: Answer...) -> Answer {
        parts.contains(.no) ? .no : parts.allSatisfy { $0 == .yes } ? .yes : .unsure
    }
    static func levels(_ a: Answers) -> (t: ResultLevel, u: ResultLevel, also: [ScreenerOption]) {
        func v(_ id: QuestionID) -> Answer { a[id] ?? .unsure }
        let trafficking = or(v(.forcedLabor), v(.forcedSex), v(.minorCommercialSex))
        let presence = or(v(.inUS), v(.atPortOfEntry))
        let notAsked: Answer = v(.lawEnforcementAsked) == .no ? .yes : v(.lawEnforcementAsked) == .yes ? .no : .unsure
        let cooperation = or(v(.under18AtTime), v(.traumaPreventsCooperation), notAsked, v(.compliedWithRequests))
        let t = and(trafficking, presence, cooperation)
        let uCrime = or(v(.qualifyingCrime), trafficking)
        let u = and(uCrime, v(.crimeInUS), v(.substantialAbuse), v(.hasInformation), v(.helpfulToLawEnforcement))
        var also: [ScreenerOption] = []
        if v(.abusedByCitizenOrResidentFamily) == .yes { also.append(.vawaSelfPetition) }
        if v(.under21AbusedByParent) == .yes { also.append(.specialImmigrantJuvenile) }
        if v(.fearPersecution) == .yes { also.append(.asylum) }
        if and(trafficking, v(.lawEnforcementAsked)) == .yes { also.append(.continuedPresence) }
        if v(.unpaidWages) == .yes { also.append(.wageClaim) }
        return (ResultLevel(t), ResultLevel(u), also)
    }
}

@Suite struct ScreenerRulesTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var given: Answers
        var t: ResultLevel
        var tReasons: [Reason]? = nil
        var u: ResultLevel
        var uReasons: [Reason]? = nil
        var also: [ScreenerOption] = []
        var testDescription: String { name }
    }

    static let hardship = Reason.tNeedsHardshipAdmissibility
    static let uNeeds: [Reason] = [.uNeedsCertification, .uNeedsAdmissibility]

    static let cases: [Case] = [
        Case(name: "nothing answered: everything unclear", given: [:], t: .unclear,
             tReasons: [.tTraffickingUnsure, .tPresenceUnsure, .tCooperationUnsure, hardship],
             u: .unclear, uReasons: [.uCrimeUnsure, .uPlaceUnsure, .uHarmUnsure, .uInformationUnsure, .uHelpfulUnsure] + uNeeds),
        Case(name: "forced labor in the US, no one has asked yet",
             given: answers([.inUS: .yes, .forcedLabor: .yes, .lawEnforcementAsked: .no]),
             t: .worthAsking, tReasons: [.tTraffickingForcedLabor, .tPresenceInUS, .tCooperationNotAsked, hardship],
             u: .unclear),
        Case(name: "minor exemption: under 18, asked, did not comply",
             given: answers([.inUS: .yes, .forcedSex: .yes, .under18AtTime: .yes, .lawEnforcementAsked: .yes, .compliedWithRequests: .no]),
             t: .worthAsking, tReasons: [.tTraffickingForcedSex, .tPresenceInUS, .tCooperationMinor, hardship],
             u: .unclear, also: [.continuedPresence]),
        Case(name: "trauma exemption",
             given: answers([.inUS: .yes, .forcedLabor: .yes, .under18AtTime: .no, .lawEnforcementAsked: .yes,
                             .compliedWithRequests: .no, .traumaPreventsCooperation: .yes]),
             t: .worthAsking, tReasons: [.tTraffickingForcedLabor, .tPresenceInUS, .tCooperationTrauma, hardship],
             u: .unclear, also: [.continuedPresence]),
        Case(name: "complied with law enforcement",
             given: answers([.inUS: .yes, .forcedLabor: .yes, .lawEnforcementAsked: .yes, .compliedWithRequests: .yes]),
             t: .worthAsking, tReasons: [.tTraffickingForcedLabor, .tPresenceInUS, .tCooperationComplied, hardship],
             u: .unclear, also: [.continuedPresence]),
        Case(name: "asked, did not help, no exemption: unlikely, and only the reason why",
             given: answers([.inUS: .yes, .forcedLabor: .yes, .under18AtTime: .no, .lawEnforcementAsked: .yes,
                             .compliedWithRequests: .no, .traumaPreventsCooperation: .no]),
             t: .unlikely, tReasons: [.tCooperationNo, .unlikelySecondOpinion], u: .unclear, also: [.continuedPresence]),
        Case(name: "asked, compliance not sure",
             given: answers([.inUS: .yes, .forcedLabor: .yes, .under18AtTime: .no, .lawEnforcementAsked: .yes,
                             .compliedWithRequests: .unsure, .traumaPreventsCooperation: .no]),
             t: .unclear, tReasons: [.tTraffickingForcedLabor, .tPresenceInUS, .tCooperationUnsure, hardship],
             u: .unclear, also: [.continuedPresence]),
        Case(name: "port of entry, minor in commercial sex",
             given: answers([.inUS: .no, .atPortOfEntry: .yes, .minorCommercialSex: .yes, .lawEnforcementAsked: .no]),
             t: .worthAsking, tReasons: [.tTraffickingMinor, .tPresencePortOfEntry, .tCooperationNotAsked, hardship],
             u: .unclear),
        Case(name: "neither in the US nor at a port of entry; U does not need presence",
             given: answers([.inUS: .no, .atPortOfEntry: .no, .forcedLabor: .yes, .lawEnforcementAsked: .no,
                             .crimeInUS: .yes, .substantialAbuse: .yes, .hasInformation: .yes, .helpfulToLawEnforcement: .yes]),
             t: .unlikely, tReasons: [.tPresenceNo, .unlikelySecondOpinion],
             u: .worthAsking, uReasons: [.uCrimeFromTrafficking, .uPlaceYes, .uHarmYes, .uInformationYes, .uHelpfulYes,
                                         .uFromOutsideUS] + uNeeds),
        Case(name: "presence not sure",
             given: answers([.inUS: .unsure, .atPortOfEntry: .unsure, .forcedLabor: .yes, .lawEnforcementAsked: .no]),
             t: .unclear, tReasons: [.tTraffickingForcedLabor, .tPresenceUnsure, .tCooperationNotAsked, hardship], u: .unclear),
        Case(name: "not in the US, port of entry not sure",
             given: answers([.inUS: .no, .atPortOfEntry: .unsure, .forcedLabor: .yes, .lawEnforcementAsked: .no]),
             t: .unclear, tReasons: [.tTraffickingForcedLabor, .tPresenceUnsure, .tCooperationNotAsked, hardship], u: .unclear),
        Case(name: "no trafficking, no listed crime",
             given: answers([.inUS: .yes, .forcedLabor: .no, .forcedSex: .no, .minorCommercialSex: .no, .qualifyingCrime: .no]),
             t: .unlikely, tReasons: [.tTraffickingNo, .unlikelySecondOpinion],
             u: .unlikely, uReasons: [.uCrimeNo, .unlikelySecondOpinion]),
        Case(name: "trafficking not sure",
             given: answers([.inUS: .yes, .forcedLabor: .unsure, .forcedSex: .no, .minorCommercialSex: .no, .lawEnforcementAsked: .no]),
             t: .unclear, tReasons: [.tTraffickingUnsure, .tPresenceInUS, .tCooperationNotAsked, hardship], u: .unclear),
        Case(name: "U crime inferred from trafficking, qualifying_crime not asked",
             given: answers([.forcedSex: .yes, .crimeInUS: .yes, .substantialAbuse: .yes, .hasInformation: .yes, .helpfulToLawEnforcement: .yes]),
             t: .unclear, u: .worthAsking,
             uReasons: [.uCrimeFromTrafficking, .uPlaceYes, .uHarmYes, .uInformationYes, .uHelpfulYes] + uNeeds),
        Case(name: "U by a listed crime, no trafficking",
             given: answers([.inUS: .yes, .forcedLabor: .no, .forcedSex: .no, .minorCommercialSex: .no, .qualifyingCrime: .yes,
                             .crimeInUS: .yes, .substantialAbuse: .yes, .hasInformation: .yes, .helpfulToLawEnforcement: .yes]),
             t: .unlikely, u: .worthAsking,
             uReasons: [.uCrimeQualifying, .uPlaceYes, .uHarmYes, .uInformationYes, .uHelpfulYes] + uNeeds),
        Case(name: "U through a parent, guardian or next friend",
             given: answers([.qualifyingCrime: .yes, .crimeInUS: .yes, .substantialAbuse: .yes, .under16OrIncapacitated: .yes,
                             .hasInformation: .yes, .helpfulToLawEnforcement: .yes]),
             t: .unclear, u: .worthAsking,
             uReasons: [.uCrimeQualifying, .uPlaceYes, .uHarmYes, .uInformationHelper, .uHelpfulHelper] + uNeeds),
        Case(name: "U: crime abroad that broke no US law",
             given: answers([.qualifyingCrime: .yes, .crimeInUS: .no, .substantialAbuse: .yes]),
             t: .unclear, u: .unlikely, uReasons: [.uPlaceNo, .unlikelySecondOpinion]),
        Case(name: "U: no serious harm",
             given: answers([.qualifyingCrime: .yes, .crimeInUS: .yes, .substantialAbuse: .no]),
             t: .unclear, u: .unlikely, uReasons: [.uHarmNo, .unlikelySecondOpinion]),
        Case(name: "U: no information and not willing to help",
             given: answers([.qualifyingCrime: .yes, .crimeInUS: .yes, .substantialAbuse: .yes, .hasInformation: .no,
                             .helpfulToLawEnforcement: .no]),
             t: .unclear, u: .unlikely, uReasons: [.uInformationNo, .uHelpfulNo, .unlikelySecondOpinion]),
        Case(name: "U: harm not sure",
             given: answers([.qualifyingCrime: .yes, .crimeInUS: .yes, .substantialAbuse: .unsure, .hasInformation: .yes,
                             .helpfulToLawEnforcement: .yes]),
             t: .unclear, u: .unclear,
             uReasons: [.uCrimeQualifying, .uPlaceYes, .uHarmUnsure, .uInformationYes, .uHelpfulYes] + uNeeds),
        Case(name: "VAWA", given: answers([.abusedByCitizenOrResidentFamily: .yes]), t: .unclear, u: .unclear, also: [.vawaSelfPetition]),
        Case(name: "SIJ", given: answers([.under21AbusedByParent: .yes]), t: .unclear, u: .unclear, also: [.specialImmigrantJuvenile]),
        Case(name: "asylum", given: answers([.fearPersecution: .yes]), t: .unclear, u: .unclear, also: [.asylum]),
        Case(name: "wage claim", given: answers([.unpaidWages: .yes]), t: .unclear, u: .unclear, also: [.wageClaim]),
        Case(name: "the other options only when yes",
             given: answers([.abusedByCitizenOrResidentFamily: .unsure, .under21AbusedByParent: .no, .fearPersecution: .unsure,
                             .unpaidWages: .no, .forcedLabor: .yes, .lawEnforcementAsked: .unsure]),
             t: .unclear, u: .unclear, also: []),
        Case(name: "continued presence needs trafficking, not only a request",
             given: answers([.forcedLabor: .unsure, .lawEnforcementAsked: .yes]), t: .unclear, u: .unclear, also: []),
        Case(name: "every other option at once, in a fixed order",
             given: answers([.unpaidWages: .yes, .fearPersecution: .yes, .under21AbusedByParent: .yes,
                             .abusedByCitizenOrResidentFamily: .yes, .minorCommercialSex: .yes, .lawEnforcementAsked: .yes]),
             t: .unclear, u: .unclear,
             also: [.vawaSelfPetition, .specialImmigrantJuvenile, .asylum, .continuedPresence, .wageClaim]),
    ]

    @Test(arguments: cases)
    func rule(_ c: Case) {
        let results = ScreenerRules.evaluate(c.given)
        #expect(results.tVisa.level == c.t)
        #expect(results.uVisa.level == c.u)
        if let expected = c.tReasons { #expect(results.tVisa.reasons == expected) }
        if let expected = c.uReasons { #expect(results.uVisa.reasons == expected) }
        #expect(results.alsoAskAbout.map(\.option) == c.also)
        #expect(results.alsoAskAbout.allSatisfy { $0.level == .worthAsking && $0.reasons.count == 2 })
        // The table agrees with the second transcription of issue 3.
        let issue = IssueRules.levels(c.given)
        #expect((issue.t, issue.u, issue.also) == (c.t, c.u, c.also))
    }

    @Test func everyResultSaysWhatAnAttorneyWouldStillLookAt() {
        for c in Self.cases {
            let results = ScreenerRules.evaluate(c.given)
            for result in [results.tVisa, results.uVisa] + results.alsoAskAbout {
                let last = result.reasons.last!
                let isAdvice = last.rawValue.contains(".needs") || last == .unlikelySecondOpinion
                #expect(isAdvice, "\(c.name): \(result.option) ends with \(last)")
                #expect(result.reasons.count >= 2, "\(c.name): \(result.option) says which answers made it so")
            }
        }
    }

    @Test func theFormulasAgreeWithIssue3OnRandomAnswers() {
        var random = SeededRandom(seed: 3)
        for _ in 0..<5000 {
            var given: Answers = [:]
            for id in QuestionID.allCases where Bool.random(using: &random) {
                given[id] = Answer.allCases.randomElement(using: &random)!
            }
            let results = ScreenerRules.evaluate(given)
            let issue = IssueRules.levels(given)
            #expect(results.tVisa.level == issue.t && results.uVisa.level == issue.u
                    && results.alsoAskAbout.map(\.option) == issue.also, "\(given)")
        }
    }

    @Test func mostRelevantFirst() {
        let results = ScreenerRules.evaluate(answers([
            .inUS: .no, .atPortOfEntry: .no, .forcedLabor: .yes, .lawEnforcementAsked: .no, .unpaidWages: .yes,
            .crimeInUS: .yes, .substantialAbuse: .yes, .hasInformation: .yes, .helpfulToLawEnforcement: .yes,
        ]))
        #expect(results.ordered.map(\.option) == [.uVisa, .wageClaim, .tVisa])
        let unclearFirst = ScreenerRules.evaluate(answers([.forcedLabor: .no, .forcedSex: .no, .minorCommercialSex: .no,
                                                           .fearPersecution: .yes]))
        #expect(unclearFirst.ordered.map(\.option) == [.asylum, .uVisa, .tVisa])
        #expect(unclearFirst.ordered.map(\.level) == [.worthAsking, .unclear, .unlikely])
    }

    @Test func eachRuleReadsEachQuestionOnce() {
        // The relevance analysis is exact only for such rules.
        for (option, formula) in ScreenerRules.formulas {
            #expect(Set(formula.questions).count == formula.questions.count, "\(option)")
        }
    }

    /// Brute force: can some answers to the other open questions make `question` change the rule?
    func bruteForceCanChange(_ formula: Formula, _ question: QuestionID, _ known: Answers, onlyYes: Bool) -> Bool {
        let open = Array(Set(formula.questions).subtracting(known.keys).subtracting([question]))
        var combination = [Int](repeating: 0, count: open.count)
        while true {
            var filled = known
            for (index, id) in open.enumerated() { filled[id] = Answer.allCases[combination[index]] }
            let values = Answer.allCases.map { value -> Answer in
                filled[question] = value
                return formula.evaluate(filled)
            }
            let observed = onlyYes ? values.map { $0 == .yes ? Answer.yes : .no } : values
            if Set(observed).count > 1 { return true }
            var index = 0
            while index < open.count, combination[index] == 2 {
                combination[index] = 0
                index += 1
            }
            if index == open.count { return false }
            combination[index] += 1
        }
    }

    @Test func whetherAQuestionCanStillChangeARuleIsExact() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<300 {
            var known: Answers = [:]
            for id in QuestionID.allCases where Int.random(in: 0..<3, using: &random) > 0 {
                known[id] = Answer.allCases.randomElement(using: &random)!
            }
            for (option, formula) in ScreenerRules.formulas {
                let onlyYes = option != .tVisa && option != .uVisa
                for question in Set(formula.questions) {
                    var rest = known
                    rest[question] = nil
                    #expect(formula.canChange(by: question, given: rest, onlyYes: onlyYes)
                            == bruteForceCanChange(formula, question, rest, onlyYes: onlyYes),
                            "\(option) \(question) \(rest)")
                }
            }
        }
    }

    @Test func whatCanStillChangeAResult() {
        // Settled trafficking makes the other trafficking questions and qualifying_crime moot.
        let labor = answers([.forcedLabor: .yes])
        #expect(!ScreenerRules.canChangeResults(.forcedSex, given: labor))
        #expect(!ScreenerRules.canChangeResults(.qualifyingCrime, given: labor))
        #expect(ScreenerRules.canChangeResults(.crimeInUS, given: labor))
        // Not in the US: the port of entry matters; in the US it does not.
        #expect(ScreenerRules.canChangeResults(.atPortOfEntry, given: answers([.inUS: .no])))
        #expect(ScreenerRules.canChangeResults(.atPortOfEntry, given: answers([.inUS: .unsure])))
        #expect(!ScreenerRules.canChangeResults(.atPortOfEntry, given: answers([.inUS: .yes])))
        // complied_with_requests only after law enforcement asked.
        #expect(!ScreenerRules.canChangeResults(.compliedWithRequests, given: answers([.forcedLabor: .yes, .inUS: .yes])))
        #expect(!ScreenerRules.canChangeResults(.compliedWithRequests,
                                                given: answers([.forcedLabor: .yes, .inUS: .yes, .lawEnforcementAsked: .unsure])))
        #expect(ScreenerRules.canChangeResults(.compliedWithRequests,
                                               given: answers([.forcedLabor: .yes, .inUS: .yes, .lawEnforcementAsked: .yes])))
        // T settled as unlikely, but Continued Presence still needs law_enforcement_asked.
        let abroad = answers([.inUS: .no, .atPortOfEntry: .no, .forcedLabor: .yes])
        #expect(!ScreenerRules.canChangeResults(.under18AtTime, given: abroad))
        #expect(ScreenerRules.canChangeResults(.lawEnforcementAsked, given: abroad))
        // ... unless trafficking can no longer be yes.
        let unsureTrafficking = answers([.forcedLabor: .unsure, .forcedSex: .no, .minorCommercialSex: .no, .inUS: .no, .atPortOfEntry: .no])
        #expect(!ScreenerRules.canChangeResults(.lawEnforcementAsked, given: unsureTrafficking))
        // No listed crime and no trafficking: the U questions are moot, and so is the rewording one.
        let noCrime = answers([.forcedLabor: .no, .forcedSex: .no, .minorCommercialSex: .no, .qualifyingCrime: .no])
        for id in [QuestionID.crimeInUS, .substantialAbuse, .under16OrIncapacitated, .hasInformation, .helpfulToLawEnforcement] {
            #expect(!ScreenerRules.canChangeResults(id, given: noCrime), "\(id)")
        }
        #expect(ScreenerRules.canChangeResults(.under16OrIncapacitated, given: [:]))
        // The other options are always worth asking.
        for id in [QuestionID.abusedByCitizenOrResidentFamily, .under21AbusedByParent, .fearPersecution, .unpaidWages] {
            #expect(ScreenerRules.canChangeResults(id, given: noCrime))
        }
    }
}

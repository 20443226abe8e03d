/// The visa screener's rules (issue 3), in three-valued logic. Pure: no Foundation, no content.
///
/// The rules decide only *levels* and *reason keys*; every word a person reads (question text,
/// result titles, reason sentences) lives in `Content/<lang>/screener.yaml`, keyed by the raw
/// values below, so a translation is a copy of that file with the same ids.

/// One answer. A question that was not asked, or not answered, counts as `.unsure`.
public enum Answer: String, CaseIterable, Sendable, Hashable, Comparable {
    case yes, no, unsure

    /// The order of three-valued logic: no < unsure < yes (AND is min, OR is max).
    var rank: Int {
        switch self {
        case .no: return 0
        case .unsure: return 1
        case .yes: return 2
        }
    }

    public static func < (lhs: Answer, rhs: Answer) -> Bool { lhs.rank < rhs.rank }

    /// Yes if any part is yes, no if all are no, else unsure (and no for no parts).
    public static func any(_ parts: [Answer]) -> Answer { parts.max() ?? .no }
    /// No if any part is no, yes if all are yes, else unsure (and yes for no parts).
    public static func all(_ parts: [Answer]) -> Answer { parts.min() ?? .yes }

    public var negated: Answer {
        switch self {
        case .yes: return .no
        case .no: return .yes
        case .unsure: return .unsure
        }
    }
}

/// The screener's questions. The raw values are the stable ids of issue 3.
public enum QuestionID: String, CaseIterable, Sendable, Hashable {
    case inUS = "in_us"
    case atPortOfEntry = "at_port_of_entry"
    case forcedLabor = "forced_labor"
    case forcedSex = "forced_sex"
    case minorCommercialSex = "minor_commercial_sex"
    case under18AtTime = "under_18_at_time"
    case lawEnforcementAsked = "law_enforcement_asked"
    case compliedWithRequests = "complied_with_requests"
    case traumaPreventsCooperation = "trauma_prevents_cooperation"
    case qualifyingCrime = "qualifying_crime"
    case crimeInUS = "crime_in_us"
    case substantialAbuse = "substantial_abuse"
    case under16OrIncapacitated = "under_16_or_incapacitated"
    case hasInformation = "has_information"
    case helpfulToLawEnforcement = "helpful_to_law_enforcement"
    case abusedByCitizenOrResidentFamily = "abused_by_citizen_or_resident_family"
    case under21AbusedByParent = "under_21_abused_by_parent"
    case fearPersecution = "fear_persecution"
    case unpaidWages = "unpaid_wages"

    /// The questions whose wording changes when `under_16_or_incapacitated` is yes: then a
    /// parent, guardian or next friend may have the information and give the help.
    public static let reworded: Set<QuestionID> = [.hasInformation, .helpfulToLawEnforcement]
}

/// Answers by question; a missing one counts as unsure.
public typealias Answers = [QuestionID: Answer]

/// A rule as a tree, so that it can be evaluated *and* asked whether a question can still change it.
/// Each rule reads every question at most once (checked by a test), which makes the analysis exact.
public indirect enum Formula: Sendable, Equatable {
    case answer(QuestionID)
    case not(Formula)
    case any([Formula])
    case all([Formula])

    public func evaluate(_ answers: Answers) -> Answer {
        switch self {
        case .answer(let id): return answers[id] ?? .unsure
        case .not(let inner): return inner.evaluate(answers).negated
        case .any(let parts): return Answer.any(parts.map { $0.evaluate(answers) })
        case .all(let parts): return Answer.all(parts.map { $0.evaluate(answers) })
        }
    }

    /// Every question the rule reads, in order, with repeats.
    public var questions: [QuestionID] {
        switch self {
        case .answer(let id): return [id]
        case .not(let inner): return inner.questions
        case .any(let parts), .all(let parts): return parts.flatMap(\.questions)
        }
    }

    /// The lowest and highest value the rule can still take when the questions missing from
    /// `known` may get any answer.
    func bounds(_ known: Answers) -> (low: Answer, high: Answer) {
        switch self {
        case .answer(let id):
            if let value = known[id] { return (value, value) }
            return (.no, .yes)
        case .not(let inner):
            let (low, high) = inner.bounds(known)
            return (high.negated, low.negated)
        case .any(let parts):
            let all = parts.map { $0.bounds(known) }
            return (Answer.any(all.map(\.low)), Answer.any(all.map(\.high)))
        case .all(let parts):
            let all = parts.map { $0.bounds(known) }
            return (Answer.all(all.map(\.low)), Answer.all(all.map(\.high)))
        }
    }

    /// How far the answer to `question` can move this rule, the other unknown questions being set
    /// as favourably as possible: the lowest and highest value reachable by changing only that
    /// answer. `nil` when the rule does not read the question, or something already fixes it.
    func swing(of question: QuestionID, _ known: Answers) -> (low: Answer, high: Answer)? {
        switch self {
        case .answer(let id):
            return id == question ? (.no, .yes) : nil
        case .not(let inner):
            guard let (low, high) = inner.swing(of: question, known) else { return nil }
            return (high.negated, low.negated)
        case .any(let parts), .all(let parts):
            let isAny: Bool
            if case .any = self { isAny = true } else { isAny = false }
            for (index, part) in parts.enumerated() {
                guard let (low, high) = part.swing(of: question, known) else { continue }
                let others = parts.indices.filter { $0 != index }.map { parts[$0].bounds(known) }
                // The best setting of the other parts: as low as they go for OR, as high for AND.
                if isAny {
                    let floor = Answer.any(others.map(\.low))
                    return (max(low, floor), max(high, floor))
                } else {
                    let ceiling = Answer.all(others.map(\.high))
                    return (min(low, ceiling), min(high, ceiling))
                }
            }
            return nil
        }
    }

    /// Whether answering `question` can still change the rule's value (`onlyYes`: only whether it
    /// is yes). `known` must not contain `question`.
    public func canChange(by question: QuestionID, given known: Answers, onlyYes: Bool = false) -> Bool {
        guard let (low, high) = swing(of: question, known) else { return false }
        return onlyYes ? (high == .yes && low != .yes) : low != high
    }
}

/// What the screener can point to. The raw values are the ids of issue 3 (and of the content).
public enum ScreenerOption: String, CaseIterable, Sendable, Hashable {
    case tVisa = "t-visa"
    case uVisa = "u-visa"
    case vawaSelfPetition = "vawa-self-petition"
    case specialImmigrantJuvenile = "special-immigrant-juvenile"
    case asylum
    case continuedPresence = "continued-presence"
    case wageClaim = "wage-claim"

    public static let alsoAskAbout: [ScreenerOption] = [
        .vawaSelfPetition, .specialImmigrantJuvenile, .asylum, .continuedPresence, .wageClaim,
    ]
}

/// Never "you qualify" or "you are not eligible": only how worth asking about an option is.
public enum ResultLevel: String, CaseIterable, Sendable, Hashable, Comparable {
    case worthAsking = "worth-asking"
    case unclear
    case unlikely

    public init(_ answer: Answer) {
        switch answer {
        case .yes: self = .worthAsking
        case .unsure: self = .unclear
        case .no: self = .unlikely
        }
    }

    /// Most relevant first.
    public static func < (lhs: ResultLevel, rhs: ResultLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Why a result is what it is: the answers that made it so, and what an attorney would still
/// look at. The raw values are the keys of the `reasons:` texts in screener.yaml.
public enum Reason: String, CaseIterable, Sendable, Hashable {
    case tTraffickingForcedLabor = "t.trafficking.forced_labor"
    case tTraffickingForcedSex = "t.trafficking.forced_sex"
    case tTraffickingMinor = "t.trafficking.minor_commercial_sex"
    case tTraffickingNo = "t.trafficking.no"
    case tTraffickingUnsure = "t.trafficking.unsure"
    case tPresenceInUS = "t.presence.in_us"
    case tPresencePortOfEntry = "t.presence.port_of_entry"
    case tPresenceNo = "t.presence.no"
    case tPresenceUnsure = "t.presence.unsure"
    case tCooperationMinor = "t.cooperation.minor"
    case tCooperationTrauma = "t.cooperation.trauma"
    case tCooperationNotAsked = "t.cooperation.not_asked"
    case tCooperationComplied = "t.cooperation.complied"
    case tCooperationNo = "t.cooperation.no"
    case tCooperationUnsure = "t.cooperation.unsure"
    case tNeedsHardshipAdmissibility = "t.needs.hardship_admissibility"

    case uCrimeFromTrafficking = "u.crime.from_trafficking"
    case uCrimeQualifying = "u.crime.qualifying"
    case uCrimeNo = "u.crime.no"
    case uCrimeUnsure = "u.crime.unsure"
    case uPlaceYes = "u.place.yes"
    case uPlaceNo = "u.place.no"
    case uPlaceUnsure = "u.place.unsure"
    case uHarmYes = "u.harm.yes"
    case uHarmNo = "u.harm.no"
    case uHarmUnsure = "u.harm.unsure"
    case uInformationYes = "u.information.yes"
    case uInformationHelper = "u.information.helper"
    case uInformationNo = "u.information.no"
    case uInformationUnsure = "u.information.unsure"
    case uHelpfulYes = "u.helpful.yes"
    case uHelpfulHelper = "u.helpful.helper"
    case uHelpfulNo = "u.helpful.no"
    case uHelpfulUnsure = "u.helpful.unsure"
    case uFromOutsideUS = "u.presence.not_required"
    case uNeedsCertification = "u.needs.certification"
    case uNeedsAdmissibility = "u.needs.admissibility"

    case vawaAbused = "vawa.abused_by_family"
    case vawaNeeds = "vawa.needs"
    case sijAbused = "sij.abused_by_parent"
    case sijNeeds = "sij.needs"
    case asylumFear = "asylum.fear"
    case asylumNeeds = "asylum.needs"
    case continuedPresenceAsked = "continued_presence.trafficking_and_asked"
    case continuedPresenceNeeds = "continued_presence.needs"
    case wageUnpaid = "wage.unpaid"
    case wageNeeds = "wage.needs"

    case unlikelySecondOpinion = "any.unlikely.second_opinion"
}

/// One option's result, with its reasons in the order a person should read them.
public struct OptionResult: Sendable, Equatable {
    public var option: ScreenerOption
    public var level: ResultLevel
    public var reasons: [Reason]
    public init(option: ScreenerOption, level: ResultLevel, reasons: [Reason]) {
        self.option = option
        self.level = level
        self.reasons = reasons
    }
}

public struct ScreenerResults: Sendable, Equatable {
    public var tVisa: OptionResult
    public var uVisa: OptionResult
    /// Only the options whose answer is yes (issue 3), always `worthAsking`, in the fixed order
    /// of `ScreenerOption.alsoAskAbout`.
    public var alsoAskAbout: [OptionResult]

    /// Everything to show, most relevant first: by level (worth asking, unclear, unlikely), and
    /// within a level T visa, U visa, then the other options. So the other options, which are
    /// only listed when worth asking, come right after a T or U visa worth asking about and
    /// before any that is unclear or unlikely.
    public var ordered: [OptionResult] {
        let all = [tVisa, uVisa] + alsoAskAbout
        return ResultLevel.allCases.flatMap { level in all.filter { $0.level == level } }
    }
}

public enum ScreenerRules {
    // The parts, exactly as issue 3 states them.
    public static let trafficking = Formula.any([.answer(.forcedLabor), .answer(.forcedSex), .answer(.minorCommercialSex)])
    public static let tPresence = Formula.any([.answer(.inUS), .answer(.atPortOfEntry)])
    public static let tCooperation = Formula.any([
        .answer(.under18AtTime), .answer(.traumaPreventsCooperation),
        .not(.answer(.lawEnforcementAsked)), .answer(.compliedWithRequests),
    ])
    public static let tVisa = Formula.all([trafficking, tPresence, tCooperation])
    public static let uCrime = Formula.any([.answer(.qualifyingCrime), trafficking])
    public static let uVisa = Formula.all([
        uCrime, .answer(.crimeInUS), .answer(.substantialAbuse),
        .answer(.hasInformation), .answer(.helpfulToLawEnforcement),
    ])

    /// Every option's rule. T and U show their level; the others are listed only when yes.
    public static let formulas: [ScreenerOption: Formula] = [
        .tVisa: tVisa,
        .uVisa: uVisa,
        .vawaSelfPetition: .answer(.abusedByCitizenOrResidentFamily),
        .specialImmigrantJuvenile: .answer(.under21AbusedByParent),
        .asylum: .answer(.fearPersecution),
        .continuedPresence: .all([trafficking, .answer(.lawEnforcementAsked)]),
        .wageClaim: .answer(.unpaidWages),
    ]

    public static func evaluate(_ answers: Answers) -> ScreenerResults {
        ScreenerResults(tVisa: tResult(answers), uVisa: uResult(answers), alsoAskAbout: alsoAskAbout(answers))
    }

    // MARK: - Which questions still matter

    /// Whether answering `question` can still change any result, given the answers so far (the
    /// other questions may get any answer). This is what the screener uses to skip questions:
    /// a skipped question counts as "not sure", which by this test changes nothing.
    ///
    /// Two questions are not plain parts of a rule: `complied_with_requests` is only asked after
    /// law enforcement asked (issue 3), and `under_16_or_incapacitated` only rewords the
    /// information and helpfulness questions, so it matters exactly when one of them does.
    public static func canChangeResults(_ question: QuestionID, given known: Answers) -> Bool {
        var known = known
        known[question] = nil
        switch question {
        case .compliedWithRequests:
            guard known[.lawEnforcementAsked] == .yes else { return false }
        case .under16OrIncapacitated:
            return QuestionID.reworded.contains { canChangeResults($0, given: known) }
        default: break
        }
        return formulas.contains { option, formula in
            formula.canChange(by: question, given: known, onlyYes: option != .tVisa && option != .uVisa)
        }
    }

    /// Like `canChangeResults`, but treating `complied_with_requests` as possible while the law
    /// enforcement question is still ahead: for an estimate that must not fall short.
    static func mightStillMatter(_ question: QuestionID, given known: Answers) -> Bool {
        if question == .compliedWithRequests, known[.lawEnforcementAsked] == nil {
            var assumed = known
            assumed[.lawEnforcementAsked] = .yes
            return canChangeResults(question, given: assumed)
        }
        return canChangeResults(question, given: known)
    }

    // MARK: - Reasons

    static func value(_ id: QuestionID, _ answers: Answers) -> Answer { answers[id] ?? .unsure }

    /// The reasons of one part of an AND: what made it yes, no or not sure.
    struct Part {
        var value: Answer
        var reasons: [Reason]
    }

    /// Keeps, for an option, the parts that explain its level: all of them when it is worth asking
    /// about, the ones that point to it and the unclear ones when unclear, the "no" ones when
    /// unlikely. Then what an attorney would still look at.
    static func result(_ option: ScreenerOption, _ parts: [Part], needs: [Reason]) -> OptionResult {
        let level = ResultLevel(Answer.all(parts.map(\.value)))
        var reasons: [Reason] = []
        switch level {
        case .worthAsking, .unclear:
            reasons = parts.flatMap(\.reasons) + needs
        case .unlikely:
            reasons = parts.filter { $0.value == .no }.flatMap(\.reasons) + [.unlikelySecondOpinion]
        }
        return OptionResult(option: option, level: level, reasons: reasons)
    }

    /// An OR: the reason of each yes part when yes, else the "no" or "not sure" reason.
    static func anyPart(_ value: Answer, yes: [(Bool, Reason)], no: Reason, unsure: Reason) -> Part {
        switch value {
        case .yes: return Part(value: .yes, reasons: yes.filter(\.0).map(\.1))
        case .no: return Part(value: .no, reasons: [no])
        case .unsure: return Part(value: .unsure, reasons: [unsure])
        }
    }

    static func simplePart(_ id: QuestionID, _ answers: Answers, yes: Reason, no: Reason, unsure: Reason) -> Part {
        let value = value(id, answers)
        return Part(value: value, reasons: [value == .yes ? yes : value == .no ? no : unsure])
    }

    static func traffickingPart(_ a: Answers) -> Part {
        anyPart(trafficking.evaluate(a), yes: [
            (value(.forcedLabor, a) == .yes, .tTraffickingForcedLabor),
            (value(.forcedSex, a) == .yes, .tTraffickingForcedSex),
            (value(.minorCommercialSex, a) == .yes, .tTraffickingMinor),
        ], no: .tTraffickingNo, unsure: .tTraffickingUnsure)
    }

    static func tResult(_ a: Answers) -> OptionResult {
        let presence = anyPart(tPresence.evaluate(a), yes: [
            (value(.inUS, a) == .yes, .tPresenceInUS),
            (value(.atPortOfEntry, a) == .yes, .tPresencePortOfEntry),
        ], no: .tPresenceNo, unsure: .tPresenceUnsure)
        let cooperation = anyPart(tCooperation.evaluate(a), yes: [
            (value(.under18AtTime, a) == .yes, .tCooperationMinor),
            (value(.traumaPreventsCooperation, a) == .yes, .tCooperationTrauma),
            (value(.lawEnforcementAsked, a) == .no, .tCooperationNotAsked),
            (value(.compliedWithRequests, a) == .yes, .tCooperationComplied),
        ], no: .tCooperationNo, unsure: .tCooperationUnsure)
        return result(.tVisa, [traffickingPart(a), presence, cooperation], needs: [.tNeedsHardshipAdmissibility])
    }

    static func uResult(_ a: Answers) -> OptionResult {
        let helper = value(.under16OrIncapacitated, a) == .yes
        let crime = anyPart(uCrime.evaluate(a), yes: [
            (trafficking.evaluate(a) == .yes, .uCrimeFromTrafficking),
            (value(.qualifyingCrime, a) == .yes, .uCrimeQualifying),
        ], no: .uCrimeNo, unsure: .uCrimeUnsure)
        let parts = [
            crime,
            simplePart(.crimeInUS, a, yes: .uPlaceYes, no: .uPlaceNo, unsure: .uPlaceUnsure),
            simplePart(.substantialAbuse, a, yes: .uHarmYes, no: .uHarmNo, unsure: .uHarmUnsure),
            simplePart(.hasInformation, a, yes: helper ? .uInformationHelper : .uInformationYes,
                       no: .uInformationNo, unsure: .uInformationUnsure),
            simplePart(.helpfulToLawEnforcement, a, yes: helper ? .uHelpfulHelper : .uHelpfulYes,
                       no: .uHelpfulNo, unsure: .uHelpfulUnsure),
        ]
        var needs: [Reason] = [.uNeedsCertification, .uNeedsAdmissibility]
        // Being in the US is not required for a U visa: say so to someone who is not.
        if value(.inUS, a) == .no { needs.insert(.uFromOutsideUS, at: 0) }
        return result(.uVisa, parts, needs: needs)
    }

    static func alsoAskAbout(_ a: Answers) -> [OptionResult] {
        let reasons: [ScreenerOption: [Reason]] = [
            .vawaSelfPetition: [.vawaAbused, .vawaNeeds],
            .specialImmigrantJuvenile: [.sijAbused, .sijNeeds],
            .asylum: [.asylumFear, .asylumNeeds],
            .continuedPresence: [.continuedPresenceAsked, .continuedPresenceNeeds],
            .wageClaim: [.wageUnpaid, .wageNeeds],
        ]
        return ScreenerOption.alsoAskAbout.compactMap { option in
            guard formulas[option]!.evaluate(a) == .yes else { return nil }
            return OptionResult(option: option, level: .worthAsking, reasons: reasons[option]!)
        }
    }
}

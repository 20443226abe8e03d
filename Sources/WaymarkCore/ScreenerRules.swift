/// The visa screener's rules (issue 13), in three-valued logic. Pure: no Foundation, no content.
///
/// The rules decide only *levels* and *reason keys*; every word a person reads lives in
/// `Content/<lang>/screener.yaml`, keyed by the raw values below. Where each rule comes from is
/// said next to it and listed, with dates, in `Content/sources.yaml`.

/// What the screener can point to. The raw values are the ids of `waymark screen --json`.
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

/// Why a result is what it is: the answers that made it so, what is still to find out, and what
/// a lawyer would look at. The raw values are the keys of the `reasons:` texts in screener.yaml.
public enum Reason: String, CaseIterable, Sendable, Hashable {
    case tTraffickingForcedLabor = "t.trafficking.forced_labor"
    case tTraffickingForcedSex = "t.trafficking.forced_sex"
    case tTraffickingMinor = "t.trafficking.minor_commercial_sex"
    case tTraffickingFreeToLeave = "t.trafficking.free_to_leave"
    case tTraffickingLeaveUnsure = "t.trafficking.leave_unsure"
    case tTraffickingNo = "t.trafficking.no"
    case tTraffickingUnsure = "t.trafficking.unsure"
    case tPresenceInUS = "t.presence.in_us"
    case tPresencePortOfEntry = "t.presence.port_of_entry"
    case tPresenceBecause = "t.presence.because"
    case tPresenceNo = "t.presence.no"
    case tPresenceNotBecause = "t.presence.not_because"
    case tPresenceUnsure = "t.presence.unsure"
    case tPresenceBecauseUnsure = "t.presence.because_unsure"
    case tCooperationMinor = "t.cooperation.minor"
    case tCooperationTrauma = "t.cooperation.trauma"
    case tCooperationReported = "t.cooperation.reported"
    case tCooperationComplied = "t.cooperation.complied"
    case tCooperationNeedsReport = "t.cooperation.needs_report"
    case tCooperationNo = "t.cooperation.no"
    case tCooperationUnsure = "t.cooperation.unsure"
    case tCooperationComplyUnsure = "t.cooperation.comply_unsure"
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
    case uInformationHelperNo = "u.information.helper_no"
    case uInformationUnsure = "u.information.unsure"
    case uHelpfulYes = "u.helpful.yes"
    case uHelpfulHelper = "u.helpful.helper"
    case uHelpfulNo = "u.helpful.no"
    case uHelpfulHelperNo = "u.helpful.helper_no"
    case uHelpfulUnsure = "u.helpful.unsure"
    case uFromOutsideUS = "u.presence.not_required"
    case uNeedsCertification = "u.needs.certification"
    case uNeedsAdmissibility = "u.needs.admissibility"

    case vawaSpouse = "vawa.spouse"
    case vawaFormerSpouse = "vawa.former_spouse"
    case vawaFormerSpouseUnsure = "vawa.former_spouse_unsure"
    case vawaChild = "vawa.child"
    case vawaChild21To24 = "vawa.child_21_to_24"
    case vawaChildUnsure = "vawa.child_unsure"
    case vawaParent = "vawa.parent"
    case vawaStatusUnsure = "vawa.status_unsure"
    case vawaAbroad = "vawa.abroad"
    case vawaRelationshipUnsure = "vawa.relationship_unsure"
    case vawaNeeds = "vawa.needs"
    case sijYes = "sij.yes"
    case sijUnsure = "sij.unsure"
    case sijNeeds = "sij.needs"
    case asylumFear = "asylum.fear"
    case asylumUnsure = "asylum.unsure"
    case asylumFearUnsure = "asylum.fear_unsure"
    case asylumNeeds = "asylum.needs"
    case continuedPresenceYes = "continued_presence.yes"
    case continuedPresenceUnsure = "continued_presence.unsure"
    case continuedPresenceNeeds = "continued_presence.needs"
    case wageMinimum = "wage.minimum"
    case wagePromised = "wage.promised"
    case wageWhichUnsure = "wage.which_unsure"
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
    /// The other options that are worth asking about, or not clear yet after the person said
    /// something that points to them; in the fixed order of `ScreenerOption.alsoAskAbout`.
    public var alsoAskAbout: [OptionResult]

    /// Everything to show, most relevant first: by level (worth asking, unclear, unlikely), and
    /// within a level T visa, U visa, then the other options.
    public var ordered: [OptionResult] {
        let all = [tVisa, uVisa] + alsoAskAbout
        return ResultLevel.allCases.flatMap { level in all.filter { $0.level == level } }
    }
}

public enum ScreenerRules {
    // MARK: - T visa (22 U.S.C. 7102(11); 8 CFR 214.202, 214.207, 214.208)

    /// Labor trafficking: force, fraud or coercion used *to hold* someone in forced work, debt
    /// bondage or servitude. Lies about pay alone, when the person was free to leave, are not.
    /// Held by threats, debt, papers or fear while saying nobody forced you: not clear yet.
    public static let laborTrafficking = Formula.all([
        .any([.answer(.forcedLabor), .all([.answer(.couldNotLeave), .const(.unsure)])]), .answer(.couldNotLeave),
    ])
    /// Commercial sex under 18 needs no force, fraud or coercion.
    public static let trafficking = Formula.any([laborTrafficking, .answer(.forcedSex), .answer(.minorCommercialSex)])
    /// In the US (or at a port of entry) *on account of* the trafficking.
    public static let tPresence = Formula.all([
        .any([.answer(.inUS), .answer(.atPortOfEntry)]), .answer(.hereBecauseOfTrafficking),
    ])
    /// Under 18 at an act of trafficking: commercial sex before 18 is such an act, whatever
    /// `under_18_at_time` says.
    public static let minorAtTime = Formula.any([.answer(.under18AtTime), .answer(.minorCommercialSex)])
    /// Contact with police or another agency: asked for help, or told them.
    public static let lawEnforcementContact = Formula.any([.answer(.lawEnforcementAsked), .answer(.reportedToLawEnforcement)])
    /// Did not refuse a reasonable request (nobody asked, or did what was asked).
    public static let notRefused = Formula.any([.not(.answer(.lawEnforcementAsked)), .answer(.compliedWithRequests)])
    /// An adult generally must at least report; one who has not reported yet is "not clear yet"
    /// (a report fixes it), so a "no" there counts as not sure.
    public static let tCooperation = Formula.any([
        minorAtTime, .answer(.traumaPreventsCooperation),
        .all([.any([lawEnforcementContact, .const(.unsure)]), notRefused]),
    ])
    public static let tVisa = Formula.all([trafficking, tPresence, tCooperation])

    // MARK: - U visa (INA 101(a)(15)(U); 8 CFR 214.14)

    public static let uCrime = Formula.any([.answer(.qualifyingCrime), trafficking])
    public static let uVisa = Formula.all([
        uCrime, .answer(.crimeInUS), .answer(.substantialAbuse),
        .answer(.hasInformation), .answer(.helpfulToLawEnforcement),
    ])

    // MARK: - VAWA self-petition (8 U.S.C. 1154(a)(1)(A), (B), (D))

    static let citizenOrResident = Formula.oneOf(.abuserStatus, ["citizen", "resident"])
    static func abuser(is relationship: String) -> Formula { .oneOf(.abuserRelationship, [relationship]) }
    public static let vawaSpouse = Formula.all([abuser(is: "spouse"), citizenOrResident])
    /// Within 2 years of a divorce linked to the abuse, of the abuser's death, or of the abuser
    /// losing status through domestic violence.
    /// An abuser who lost status through domestic violence is "neither" now: not clear yet.
    public static let vawaFormerSpouse = Formula.all([
        abuser(is: "former_spouse"), .answer(.divorcedWithin2Years),
        .any([citizenOrResident, .all([.oneOf(.abuserStatus, ["neither"]), .const(.unsure)])]),
    ])
    /// Unmarried and under 21; 21 to 24 may still file when the abuse was a main reason for waiting.
    public static let vawaChild = Formula.all([
        abuser(is: "parent"), citizenOrResident, .not(.answer(.marriedNow)),
        .age(.ageNow, yesBelow: 21, unsureBelow: 25),
    ])
    /// Parent of an abusive US-citizen son or daughter aged 21 or older (citizen only).
    public static let vawaParent = Formula.all([abuser(is: "son_or_daughter"), .oneOf(.abuserStatus, ["citizen"])])
    public static let vawa = Formula.any([vawaSpouse, vawaFormerSpouse, vawaChild, vawaParent])

    // MARK: - Others

    /// SIJS (USCIS Policy Manual vol. 6 part J): in the US, under 21, unmarried, harmed by a parent.
    public static let parentHarm = Formula.any([.answer(.parentAbusedNeglectedOrAbandoned), abuser(is: "parent")])
    /// A child at a port of entry may be in the US by the time of filing: not clear yet.
    public static let sij = Formula.all([
        .any([.answer(.inUS), .all([.answer(.atPortOfEntry), .const(.unsure)])]), parentHarm, .age(.ageNow, yesBelow: 21, unsureBelow: 21), .not(.answer(.marriedNow)),
    ])
    /// Asylum (8 U.S.C. 1158(a)): in the US or arriving at a port of entry.
    public static let asylum = Formula.all([.any([.answer(.inUS), .answer(.atPortOfEntry)]), .answer(.fearPersecution)])
    /// Continued Presence (22 U.S.C. 7105(c)(3); 28 CFR 1100.35): in the US, likely a trafficking
    /// victim, police or agents involved, and not refusing to help.
    public static let continuedPresence = Formula.all([.answer(.inUS), trafficking, lawEnforcementContact, notRefused])
    public static let wagePay = Formula.any([.answer(.unpaidWages), .answer(.belowMinimumWage)])

    /// Every option's rule.
    public static let formulas: [ScreenerOption: Formula] = [
        .tVisa: tVisa,
        .uVisa: uVisa,
        .vawaSelfPetition: vawa,
        .specialImmigrantJuvenile: sij,
        .asylum: asylum,
        .continuedPresence: continuedPresence,
        .wageClaim: wagePay,
    ]

    /// For the other options: what the person must have said (not left unanswered) before a rule
    /// that is not clear yet is shown as "not clear yet" rather than left out.
    public static let triggers: [ScreenerOption: Formula] = [
        .vawaSelfPetition: .oneOf(.abuserRelationship, ["spouse", "former_spouse", "parent", "son_or_daughter"]),
        .specialImmigrantJuvenile: parentHarm,
        .asylum: .answer(.fearPersecution),
        .continuedPresence: trafficking,
        .wageClaim: wagePay,
    ]

    public static func evaluate(_ answers: Answers) -> ScreenerResults {
        ScreenerResults(tVisa: tResult(answers), uVisa: uResult(answers), alsoAskAbout: alsoAskAbout(answers))
    }

    // MARK: - Which questions still matter

    /// Whether answering `question` can still change any result, given the answers so far (the
    /// other questions may get any answer). The screener skips the others as "not sure".
    ///
    /// Three questions are not plain parts of a rule: `complied_with_requests` is only asked after
    /// law enforcement asked; `under_16_or_incapacitated` only rewords the information and
    /// helpfulness questions, so it matters exactly when one of them does; `below_minimum_wage`
    /// also decides where a wage claim goes.
    public static func canChangeResults(_ question: QuestionID, given known: Answers) -> Bool {
        var known = known
        known[question] = nil
        switch question {
        case .compliedWithRequests:
            guard known[.lawEnforcementAsked] == .yes else { return false }
        case .under16OrIncapacitated:
            return QuestionID.reworded.contains { canChangeResults($0, given: known) }
        case .belowMinimumWage:
            // It also says which agency takes the claim, so it is asked whenever pay may be owed.
            if wagePay.evaluate(known) != .no { return true }
        default: break
        }
        return formulas.values.contains { $0.canChange(by: question, given: known) }
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

    static func value(_ id: QuestionID, _ answers: Answers) -> Answer { Formula.answer(id).evaluate(answers) }

    /// One part of an AND, with the reasons that explain its value.
    struct Part {
        var value: Answer
        var reasons: [Reason]
    }

    /// All the parts' reasons when worth asking about or not clear yet, the "no" ones when
    /// unlikely; then what a lawyer would still look at.
    static func result(_ option: ScreenerOption, _ parts: [Part], needs: [Reason]) -> OptionResult {
        let level = ResultLevel(Answer.all(parts.map(\.value)))
        switch level {
        case .worthAsking, .unclear:
            return OptionResult(option: option, level: level, reasons: parts.flatMap(\.reasons) + needs)
        case .unlikely:
            return OptionResult(option: option, level: level,
                                reasons: parts.filter { $0.value == .no }.flatMap(\.reasons) + [.unlikelySecondOpinion])
        }
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
        let value = trafficking.evaluate(a)
        if value == .yes {
            return anyPart(value, yes: [
                (laborTrafficking.evaluate(a) == .yes, .tTraffickingForcedLabor),
                (self.value(.forcedSex, a) == .yes, .tTraffickingForcedSex),
                (self.value(.minorCommercialSex, a) == .yes, .tTraffickingMinor),
            ], no: .tTraffickingNo, unsure: .tTraffickingUnsure)
        }
        // Made to work by lies or threats: whether the person was free to leave decides it.
        if self.value(.forcedLabor, a) == .yes {
            switch self.value(.couldNotLeave, a) {
            case .no: return Part(value: value, reasons: [.tTraffickingFreeToLeave])
            case .unsure: return Part(value: value, reasons: [.tTraffickingLeaveUnsure])
            case .yes: break
            }
        }
        return Part(value: value, reasons: [value == .no ? .tTraffickingNo : .tTraffickingUnsure])
    }

    static func tResult(_ a: Answers) -> OptionResult {
        let place = Formula.any([.answer(.inUS), .answer(.atPortOfEntry)]).evaluate(a)
        let because = value(.hereBecauseOfTrafficking, a)
        var presenceReasons: [Reason] = []
        switch place {
        case .yes: presenceReasons.append(value(.inUS, a) == .yes ? .tPresenceInUS : .tPresencePortOfEntry)
        case .no: presenceReasons.append(.tPresenceNo)
        case .unsure: presenceReasons.append(.tPresenceUnsure)
        }
        if place != .no {
            switch because {
            case .yes: presenceReasons.append(.tPresenceBecause)
            case .no: presenceReasons = [.tPresenceNotBecause]
            case .unsure: presenceReasons.append(.tPresenceBecauseUnsure)
            }
        }
        let presence = Part(value: tPresence.evaluate(a), reasons: presenceReasons)

        let cooperationValue = tCooperation.evaluate(a)
        var cooperationReasons: [Reason] = []
        if minorAtTime.evaluate(a) == .yes { cooperationReasons.append(.tCooperationMinor) }
        if value(.traumaPreventsCooperation, a) == .yes { cooperationReasons.append(.tCooperationTrauma) }
        if cooperationReasons.isEmpty {
            if notRefused.evaluate(a) == .no {
                cooperationReasons = [.tCooperationNo]
            } else if value(.lawEnforcementAsked, a) == .yes {
                cooperationReasons = [value(.compliedWithRequests, a) == .yes ? .tCooperationComplied : .tCooperationComplyUnsure]
            } else {
                switch value(.reportedToLawEnforcement, a) {
                case .yes:
                    cooperationReasons = [.tCooperationReported]
                    if cooperationValue == .unsure { cooperationReasons.append(.tCooperationComplyUnsure) }
                case .no: cooperationReasons = [.tCooperationNeedsReport]
                case .unsure: cooperationReasons = [.tCooperationUnsure, .tCooperationNeedsReport]
                }
            }
        }
        let cooperation = Part(value: cooperationValue, reasons: cooperationReasons)
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
                       no: helper ? .uInformationHelperNo : .uInformationNo, unsure: .uInformationUnsure),
            simplePart(.helpfulToLawEnforcement, a, yes: helper ? .uHelpfulHelper : .uHelpfulYes,
                       no: helper ? .uHelpfulHelperNo : .uHelpfulNo, unsure: .uHelpfulUnsure),
        ]
        var needs: [Reason] = [.uNeedsCertification, .uNeedsAdmissibility]
        // Being in the US is not required for a U visa: say so to someone who is not.
        if value(.inUS, a) == .no { needs.insert(.uFromOutsideUS, at: 0) }
        return result(.uVisa, parts, needs: needs)
    }

    /// The other options worth asking about, or not clear yet when the person said something
    /// that points to them ("not sure" never leaves one out); none is ever "unlikely".
    static func alsoAskAbout(_ a: Answers) -> [OptionResult] {
        ScreenerOption.alsoAskAbout.compactMap { option in
            var level = ResultLevel(formulas[option]!.evaluate(a))
            switch level {
            case .unlikely: return nil
            case .unclear: guard triggers[option]!.evaluateGiven(a) != .no else { return nil }
            case .worthAsking: break
            }
            var reasons = reasons(option, level, a)
            // From abroad a self-petition needs an abuser in US government or military service,
            // or abuse in the US (8 U.S.C. 1154(a)(1)(A)(v), (B)(iv)).
            if option == .vawaSelfPetition, a[.inUS] == .no, a[.atPortOfEntry] != .yes {
                level = .unclear
                reasons.insert(.vawaAbroad, at: 0)
            }
            return OptionResult(option: option, level: level, reasons: reasons)
        }
    }

    static func reasons(_ option: ScreenerOption, _ level: ResultLevel, _ a: Answers) -> [Reason] {
        let sure = level == .worthAsking
        switch option {
        case .vawaSelfPetition:
            if !sure {
                if Formula.oneOf(.abuserRelationship, ["spouse"]).evaluate(a) == .unsure { return [.vawaRelationshipUnsure, .vawaNeeds] }
                if citizenOrResident.evaluate(a) == .unsure { return [.vawaStatusUnsure, .vawaNeeds] }
            }
            if vawaSpouse.evaluate(a) != .no && abuser(is: "spouse").evaluate(a) == .yes { return [.vawaSpouse, .vawaNeeds] }
            if abuser(is: "former_spouse").evaluate(a) == .yes {
                return [sure ? .vawaFormerSpouse : .vawaFormerSpouseUnsure, .vawaNeeds]
            }
            if abuser(is: "parent").evaluate(a) == .yes {
                if sure { return [.vawaChild, .vawaNeeds] }
                if case .age(let low, _) = a[.ageNow], low >= 21 { return [.vawaChild21To24, .vawaNeeds] }
                return [.vawaChildUnsure, .vawaNeeds]
            }
            return [.vawaParent, .vawaNeeds]
        case .specialImmigrantJuvenile: return [sure ? .sijYes : .sijUnsure, .sijNeeds]
        case .asylum:
            if sure { return [.asylumFear, .asylumNeeds] }
            return [value(.fearPersecution, a) == .yes ? .asylumUnsure : .asylumFearUnsure, .asylumNeeds]
        case .continuedPresence: return [sure ? .continuedPresenceYes : .continuedPresenceUnsure, .continuedPresenceNeeds]
        case .wageClaim:
            switch value(.belowMinimumWage, a) {
            case .yes: return [.wageMinimum, .wageNeeds]
            case .no: return [.wagePromised, .wageNeeds]
            case .unsure: return [.wageWhichUnsure, .wageNeeds]
            }
        case .tVisa, .uVisa: return []
        }
    }
}

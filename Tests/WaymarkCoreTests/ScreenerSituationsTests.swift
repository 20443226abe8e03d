import Testing
import WaymarkCore

/// People's situations, told as they might tell them, with the answers they would give and what
/// the screener must point to. Each names the rule it checks and the source that rule rests on
/// (checked 2026-12-03; see Content/sources.yaml).
struct Situation: CustomTestStringConvertible, Sendable {
    var story: String
    var rule: String
    var source: String
    var answers: Answers
    var t: ResultLevel
    var u: ResultLevel? = nil
    /// Exactly the other options shown, with their levels.
    var also: [ScreenerOption: ResultLevel] = [:]
    /// Reasons that must be among the T visa's.
    var tReasons: [Reason] = []
    var alsoReasons: [Reason] = []
    var testDescription: String { story }
}

private let yes = AnswerValue.yes
private let no = AnswerValue.no
private let unsure = AnswerValue.unsure
private func choice(_ id: String) -> AnswerValue { .choice(id) }
private func age(_ years: Int) -> AnswerValue { .age(years, years) }

private let t7102 = "22 U.S.C. 7102(11); 8 CFR 214.201"
private let tPresence = "8 CFR 214.207; 8 U.S.C. 1101(a)(15)(T)(i)(II)"
private let tReport = "8 CFR 214.208; 8 CFR 214.202(c)"
private let uRule = "8 U.S.C. 1101(a)(15)(U); 8 CFR 214.14"
private let vawaRule = "8 U.S.C. 1154(a)(1)(A)(iii), (B)(ii), (A)(iv), (D)(v), (A)(vii)"
private let sijRule = "8 U.S.C. 1101(a)(27)(J); USCIS Policy Manual vol. 6, part J, ch. 2"
private let asylumRule = "8 U.S.C. 1158(a)(1), (a)(2)(B), (D); 8 CFR 208.4"
private let cpRule = "22 U.S.C. 7105(c)(3); 28 CFR 1100.35"
private let wageRule = "29 U.S.C. 206, 207, 213(b)(21); 29 CFR 501 (H-2A), 29 CFR 503 (H-2B)"

/// Someone here because of labor trafficking, adult, who reported it.
private let reportedLabor: Answers = [
    .inUS: yes, .forcedLabor: yes, .couldNotLeave: yes, .forcedSex: no, .minorCommercialSex: no, .hereBecauseOfTrafficking: yes,
    .under18AtTime: no, .lawEnforcementAsked: no, .reportedToLawEnforcement: yes, .traumaPreventsCooperation: no,
]

private func with(_ base: Answers, _ changes: Answers) -> Answers { base.merging(changes) { $1 } }

enum ScreenerSituations {
    static let all: [Situation] = trafficking + crimes + family + young + others

    static let trafficking: [Situation] = [
        Situation(story: "A recruiter brought me to pick crops, the boss took my passport and said I owed him $5,000; I could not leave. I told the Department of Labor.",
                  rule: "labor trafficking with a report; Continued Presence with officials involved", source: t7102 + "; " + tReport + "; " + cpRule,
                  answers: reportedLabor, t: .worthAsking, u: .unclear, also: [.continuedPresence: .worthAsking],
                  tReasons: [.tTraffickingForcedLabor, .tPresenceBecause, .tCooperationReported]),
        Situation(story: "The restaurant paid me less than they promised, but I could quit whenever I wanted.",
                  rule: "lies about pay alone are not trafficking; a wage claim instead", source: t7102 + "; " + wageRule,
                  answers: [.inUS: yes, .forcedLabor: yes, .couldNotLeave: no, .forcedSex: no, .minorCommercialSex: no,
                            .unpaidWages: yes, .belowMinimumWage: no],
                  t: .unlikely, also: [.wageClaim: .worthAsking], tReasons: [.tTraffickingFreeToLeave], alsoReasons: [.wagePromised]),
        Situation(story: "An agency in my country lied about the job to bring me here; I was free to leave, but I lost everything. I told the police, who will help, and it hurt me badly.",
                  rule: "fraud in foreign labor contracting is a U crime even where T does not fit", source: uRule + "; " + t7102,
                  answers: [.inUS: yes, .forcedLabor: yes, .couldNotLeave: no, .forcedSex: no, .minorCommercialSex: no,
                            .qualifyingCrime: yes, .crimeInUS: yes, .substantialAbuse: yes, .hasInformation: yes, .helpfulToLawEnforcement: yes],
                  t: .unlikely, u: .worthAsking),
        Situation(story: "I was forced to work in a factory in Mexico years ago. I got away, and later came to the US for a job.",
                  rule: "presence must be on account of the trafficking", source: tPresence,
                  answers: with(reportedLabor, [.hereBecauseOfTrafficking: no]), t: .unlikely, u: .unclear,
                  also: [.continuedPresence: .worthAsking], tReasons: [.tPresenceNotBecause]),
        Situation(story: "I was forced to work, but I left the US for a while and came back, and I don't know if that matters.",
                  rule: "presence on account of trafficking not sure: not clear yet", source: tPresence,
                  answers: with(reportedLabor, [.hereBecauseOfTrafficking: unsure]), t: .unclear,
                  also: [.continuedPresence: .worthAsking], tReasons: [.tPresenceBecauseUnsure]),
        Situation(story: "A man made me sell sex to pay a debt. I am an adult and I have never told the police or anyone official.",
                  rule: "an adult generally must report; not reported yet is not clear yet", source: tReport,
                  answers: [.inUS: yes, .forcedSex: yes, .hereBecauseOfTrafficking: yes, .under18AtTime: no,
                            .lawEnforcementAsked: no, .reportedToLawEnforcement: no, .traumaPreventsCooperation: no],
                  t: .unclear, tReasons: [.tCooperationNeedsReport]),
        Situation(story: "I only called the trafficking hotline; I have not talked to the police.",
                  rule: "a hotline call is not a report; Continued Presence needs officials involved", source: tReport + "; " + cpRule,
                  answers: with(reportedLabor, [.reportedToLawEnforcement: no]), t: .unclear, also: [:],
                  tReasons: [.tCooperationNeedsReport]),
        Situation(story: "When I was 16 I traded sex for a place to sleep; nobody forced me. I answered no to being under 18 by mistake, and I never went to the police.",
                  rule: "commercial sex under 18 is trafficking and exempts from reporting", source: t7102 + "; 8 CFR 214.202(c)(1)",
                  answers: [.inUS: yes, .forcedLabor: no, .forcedSex: no, .minorCommercialSex: yes, .hereBecauseOfTrafficking: yes,
                            .under18AtTime: no, .lawEnforcementAsked: no, .reportedToLawEnforcement: no],
                  t: .worthAsking, tReasons: [.tTraffickingMinor, .tCooperationMinor]),
        Situation(story: "I was 17 when they forced me to work on a fishing boat. I am 20 now and never told anyone.",
                  rule: "under 18 at an act of trafficking: no report needed", source: "8 CFR 214.202(c)(1)",
                  answers: with(reportedLabor, [.under18AtTime: yes, .reportedToLawEnforcement: no]), t: .worthAsking,
                  tReasons: [.tCooperationMinor]),
        Situation(story: "After what they did to me I cannot talk about it with anyone, let alone the police.",
                  rule: "trauma exception", source: "8 CFR 214.202(c)(2); 8 CFR 214.208(e)",
                  answers: with(reportedLabor, [.reportedToLawEnforcement: no, .traumaPreventsCooperation: yes]), t: .worthAsking,
                  tReasons: [.tCooperationTrauma]),
        Situation(story: "The FBI asked me to testify against the people who held me, and I said no. I am an adult and can talk about it.",
                  rule: "refusing a reasonable request; Continued Presence only for someone who has not refused", source: tReport + "; " + cpRule,
                  answers: with(reportedLabor, [.lawEnforcementAsked: yes, .compliedWithRequests: no]),
                  t: .unlikely, also: [:], tReasons: [.tCooperationNo]),
        Situation(story: "Federal agents asked me to help with the case against my trafficker, and I am helping.",
                  rule: "complied with requests; Continued Presence", source: tReport + "; " + cpRule,
                  answers: with(reportedLabor, [.lawEnforcementAsked: yes, .compliedWithRequests: yes]),
                  t: .worthAsking, also: [.continuedPresence: .worthAsking], tReasons: [.tCooperationComplied]),
        Situation(story: "I am at the airport; they brought me here to sell sex, and I told the border officers.",
                  rule: "a port of entry counts for T; Continued Presence is for someone in the US", source: tPresence + "; " + cpRule,
                  answers: [.inUS: no, .atPortOfEntry: yes, .forcedSex: yes, .hereBecauseOfTrafficking: yes, .under18AtTime: no,
                            .lawEnforcementAsked: no, .reportedToLawEnforcement: yes],
                  t: .worthAsking, also: [:], tReasons: [.tPresencePortOfEntry]),
        Situation(story: "I was trafficked in the US, but I live in my home country now.",
                  rule: "T needs presence in the US or at a port of entry; U does not", source: tPresence + "; " + uRule,
                  answers: with(reportedLabor, [.inUS: no, .atPortOfEntry: no, .crimeInUS: yes, .substantialAbuse: yes,
                                               .hasInformation: yes, .helpfulToLawEnforcement: yes]),
                  t: .unlikely, u: .worthAsking, also: [:], tReasons: [.tPresenceNo]),
        Situation(story: "My boss threatened me and kept my pay, but I am not sure whether I could have left.",
                  rule: "not sure whether free to leave: not clear yet, never dismissed", source: t7102,
                  answers: with(reportedLabor, [.couldNotLeave: unsure]), t: .unclear,
                  also: [.continuedPresence: .unclear], tReasons: [.tTraffickingLeaveUnsure]),
        Situation(story: "Nobody forced me, exactly, but the boss kept my passport and I owed him for the trip, so I could not leave.",
                  rule: "held by debt or papers is coercion even when the person does not call it force: not clear yet", source: t7102 + "; 18 U.S.C. 1592",
                  answers: with(reportedLabor, [.forcedLabor: no]), t: .unclear, also: [.continuedPresence: .unclear]),
        Situation(story: "They asked me to testify and I am thinking about it; I already told the labor department everything.",
                  rule: "asked, compliance not sure: says what is unclear", source: tReport,
                  answers: with(reportedLabor, [.lawEnforcementAsked: yes, .compliedWithRequests: unsure]),
                  t: .unclear, also: [.continuedPresence: .unclear], tReasons: [.tCooperationComplyUnsure]),
        Situation(story: "I don't want to answer anything yet.",
                  rule: "nothing answered: nothing dismissed, nothing else listed", source: "issue 13",
                  answers: [:], t: .unclear, u: .unclear, also: [:]),
        Situation(story: "Agents asked me to help and I am not sure I can do what they ask.",
                  rule: "cooperation not sure: not clear yet", source: tReport + "; " + cpRule,
                  answers: with(reportedLabor, [.lawEnforcementAsked: yes, .compliedWithRequests: unsure]),
                  t: .unclear, also: [.continuedPresence: .unclear]),
    ]

    static let crimes: [Situation] = [
        Situation(story: "My boyfriend beat me. I called the police, they said they would sign the form, and I still have nightmares.",
                  rule: "domestic violence is a U crime; an unmarried partner is not a VAWA relationship", source: uRule + "; " + vawaRule,
                  answers: [.inUS: yes, .forcedLabor: no, .couldNotLeave: no, .forcedSex: no, .minorCommercialSex: no, .qualifyingCrime: yes, .crimeInUS: yes,
                            .substantialAbuse: yes, .hasInformation: yes, .helpfulToLawEnforcement: yes,
                            .abuserRelationship: choice("partner"), .abuserStatus: choice("citizen")],
                  t: .unlikely, u: .worthAsking, also: [:]),
        Situation(story: "I was attacked in another country, and it had nothing to do with US law.",
                  rule: "U crime must be in the US or break US law", source: uRule,
                  answers: [.qualifyingCrime: yes, .crimeInUS: no, .substantialAbuse: yes], t: .unclear, u: .unlikely),
        Situation(story: "I was 12 when it happened; my mother talks to the police for me.",
                  rule: "under 16: a parent or next friend can give the information and the help", source: "8 CFR 214.14(b)(2), (b)(3)",
                  answers: [.qualifyingCrime: yes, .crimeInUS: yes, .substantialAbuse: yes, .under16OrIncapacitated: yes,
                            .hasInformation: yes, .helpfulToLawEnforcement: yes],
                  t: .unclear, u: .worthAsking),
        Situation(story: "Someone stalked me; I am not sure whether it hurt me badly enough to count.",
                  rule: "substantial harm not sure: not clear yet", source: uRule,
                  answers: [.qualifyingCrime: yes, .crimeInUS: yes, .substantialAbuse: unsure, .hasInformation: yes,
                            .helpfulToLawEnforcement: yes],
                  t: .unclear, u: .unclear),
        Situation(story: "I was 14 and have a learning disability; neither my aunt nor I will talk to the police.",
                  rule: "under 16: the help may come from an adult who speaks for the person, and the reason says so", source: "8 CFR 214.14(b)(3)",
                  answers: [.qualifyingCrime: yes, .crimeInUS: yes, .substantialAbuse: yes, .under16OrIncapacitated: yes,
                            .hasInformation: yes, .helpfulToLawEnforcement: no],
                  t: .unclear, u: .unlikely),
        Situation(story: "I was robbed and beaten, but I will not help the police in any way.",
                  rule: "U needs helpfulness", source: uRule,
                  answers: [.qualifyingCrime: yes, .crimeInUS: yes, .substantialAbuse: yes, .hasInformation: yes,
                            .helpfulToLawEnforcement: no],
                  t: .unclear, u: .unlikely),
    ]

    static let family: [Situation] = [
        Situation(story: "My husband is a US citizen and he hits me.",
                  rule: "VAWA: abused spouse of a citizen", source: vawaRule,
                  answers: [.abuserRelationship: choice("spouse"), .abuserStatus: choice("citizen")],
                  t: .unclear, also: [.vawaSelfPetition: .worthAsking], alsoReasons: [.vawaSpouse, .vawaNeeds]),
        Situation(story: "My wife has a green card and threatens to have me deported.",
                  rule: "VAWA: abused spouse of a permanent resident", source: vawaRule,
                  answers: [.abuserRelationship: choice("spouse"), .abuserStatus: choice("resident")],
                  t: .unclear, also: [.vawaSelfPetition: .worthAsking]),
        Situation(story: "My husband abuses me; he has no papers either.",
                  rule: "VAWA needs a citizen or resident abuser", source: vawaRule,
                  answers: [.abuserRelationship: choice("spouse"), .abuserStatus: choice("neither")], t: .unclear, also: [:]),
        Situation(story: "My husband hurts me and I don't know whether he is a citizen.",
                  rule: "status not sure: not clear yet", source: vawaRule,
                  answers: [.abuserRelationship: choice("spouse"), .abuserStatus: unsure],
                  t: .unclear, also: [.vawaSelfPetition: .unclear], alsoReasons: [.vawaStatusUnsure]),
        Situation(story: "I divorced my citizen husband a year ago because of the abuse.",
                  rule: "VAWA: former spouse within 2 years of a divorce linked to the abuse", source: vawaRule,
                  answers: [.abuserRelationship: choice("former_spouse"), .abuserStatus: choice("citizen"), .divorcedWithin2Years: yes],
                  t: .unclear, also: [.vawaSelfPetition: .worthAsking], alsoReasons: [.vawaFormerSpouse]),
        Situation(story: "My ex-husband lost his green card last year after he was convicted of beating me.",
                  rule: "VAWA: an abuser who lost status through domestic violence within 2 years is 'neither' now: not clear yet", source: vawaRule,
                  answers: [.abuserRelationship: choice("former_spouse"), .abuserStatus: choice("neither"), .divorcedWithin2Years: yes],
                  t: .unclear, also: [.vawaSelfPetition: .unclear], alsoReasons: [.vawaFormerSpouseUnsure]),
        Situation(story: "I went back to my country; my husband, a US citizen, beat me there.",
                  rule: "VAWA from abroad only for a US government or military abuser, or abuse in the US", source: "8 U.S.C. 1154(a)(1)(A)(v)",
                  answers: [.inUS: no, .atPortOfEntry: no, .abuserRelationship: choice("spouse"), .abuserStatus: choice("citizen")],
                  t: .unlikely, also: [.vawaSelfPetition: .unclear], alsoReasons: [.vawaAbroad, .vawaSpouse]),
        Situation(story: "I divorced my abusive wife, who has a green card, three years ago.",
                  rule: "VAWA: a former spouse after more than 2 years does not fit", source: vawaRule,
                  answers: [.abuserRelationship: choice("former_spouse"), .abuserStatus: choice("resident"), .divorcedWithin2Years: no],
                  t: .unclear, also: [:]),
        Situation(story: "We divorced; I am not sure when it was final or whether the abuse was the reason.",
                  rule: "VAWA former spouse, timing not sure: not clear yet", source: vawaRule,
                  answers: [.abuserRelationship: choice("former_spouse"), .abuserStatus: choice("citizen"), .divorcedWithin2Years: unsure],
                  t: .unclear, also: [.vawaSelfPetition: .unclear], alsoReasons: [.vawaFormerSpouseUnsure]),
        Situation(story: "I am 19, not married, and my mother, who has a green card, beats me.",
                  rule: "VAWA child under 21; SIJS for a young person harmed by a parent", source: vawaRule + "; " + sijRule,
                  answers: [.inUS: yes, .abuserRelationship: choice("parent"), .abuserStatus: choice("resident"),
                            .ageNow: age(19), .marriedNow: no],
                  t: .unclear, also: [.vawaSelfPetition: .worthAsking, .specialImmigrantJuvenile: .worthAsking],
                  alsoReasons: [.vawaChild, .sijYes]),
        Situation(story: "I am 23 and never married. My father, a citizen, abused me all through my teens, and I was too afraid to do anything.",
                  rule: "VAWA child 21 to 24: possible if the abuse was a central reason for the delay", source: vawaRule,
                  answers: [.inUS: yes, .abuserRelationship: choice("parent"), .abuserStatus: choice("citizen"),
                            .ageNow: age(23), .marriedNow: no],
                  t: .unclear, also: [.vawaSelfPetition: .unclear], alsoReasons: [.vawaChild21To24]),
        Situation(story: "I am 30. My father, a US citizen, abused me when I was a child.",
                  rule: "VAWA: abused as a child, now 25 or older, does not fit", source: vawaRule,
                  answers: [.inUS: yes, .abuserRelationship: choice("parent"), .abuserStatus: choice("citizen"),
                            .ageNow: age(30), .marriedNow: no],
                  t: .unclear, also: [:]),
        Situation(story: "I am 19 and married; my citizen father abused me.",
                  rule: "VAWA child and SIJS need an unmarried child", source: vawaRule + "; " + sijRule,
                  answers: [.inUS: yes, .abuserRelationship: choice("parent"), .abuserStatus: choice("citizen"),
                            .ageNow: age(19), .marriedNow: yes],
                  t: .unclear, also: [:]),
        Situation(story: "My son is a US citizen, 35, and he hits me and takes my money.",
                  rule: "VAWA: parent of an abusive citizen son or daughter over 21", source: vawaRule,
                  answers: [.abuserRelationship: choice("son_or_daughter"), .abuserStatus: choice("citizen")],
                  t: .unclear, also: [.vawaSelfPetition: .worthAsking], alsoReasons: [.vawaParent]),
        Situation(story: "My adult daughter has a green card and abuses me.",
                  rule: "VAWA parent route is for a citizen son or daughter only", source: vawaRule,
                  answers: [.abuserRelationship: choice("son_or_daughter"), .abuserStatus: choice("resident")], t: .unclear, also: [:]),
        Situation(story: "My boyfriend is a citizen; we are not married, and he controls everything I do.",
                  rule: "VAWA: an unmarried partner does not fit", source: vawaRule,
                  answers: [.abuserRelationship: choice("partner"), .abuserStatus: choice("citizen")], t: .unclear, also: [:]),
        Situation(story: "Someone in my home hurts me, and I would rather not say who.",
                  rule: "relationship not sure: not clear yet", source: vawaRule,
                  answers: [.abuserRelationship: unsure, .abuserStatus: unsure],
                  t: .unclear, also: [.vawaSelfPetition: .unclear, .specialImmigrantJuvenile: .unclear],
                  alsoReasons: [.vawaRelationshipUnsure]),
    ]

    static let young: [Situation] = [
        Situation(story: "I am 17 and live in Texas. My father left when I was small and never came back.",
                  rule: "SIJS: in the US, under 21, unmarried, abandoned by a parent", source: sijRule,
                  answers: [.inUS: yes, .abuserRelationship: choice("none"), .parentAbusedNeglectedOrAbandoned: yes,
                            .ageNow: age(17), .marriedNow: no],
                  t: .unclear, also: [.specialImmigrantJuvenile: .worthAsking]),
        Situation(story: "I am 17, my parents abandoned me, and I live in Honduras.",
                  rule: "SIJS needs presence in the US", source: sijRule,
                  answers: [.inUS: no, .atPortOfEntry: no, .parentAbusedNeglectedOrAbandoned: yes, .ageNow: age(17), .marriedNow: no],
                  t: .unlikely, also: [:]),
        Situation(story: "I am 15, at the border crossing with nobody; my parents abandoned me.",
                  rule: "SIJS needs presence in the US when filing: a child at a port of entry is not clear yet", source: sijRule + "; 8 CFR 204.11(b)(1)",
                  answers: [.inUS: no, .atPortOfEntry: yes, .parentAbusedNeglectedOrAbandoned: yes, .ageNow: age(15), .marriedNow: no,
                            .fearPersecution: no],
                  t: .unclear, also: [.specialImmigrantJuvenile: .unclear]),
        Situation(story: "I am 20, my mother neglected me, and I am not sure whether my marriage back home counts.",
                  rule: "SIJS, married not sure: not clear yet", source: sijRule,
                  answers: [.inUS: yes, .parentAbusedNeglectedOrAbandoned: yes, .ageNow: age(20), .marriedNow: unsure],
                  t: .unclear, also: [.specialImmigrantJuvenile: .unclear]),
        Situation(story: "I am 22; my parents abandoned me when I was 10.",
                  rule: "SIJS is for people under 21", source: sijRule,
                  answers: [.inUS: yes, .parentAbusedNeglectedOrAbandoned: yes, .ageNow: age(22), .marriedNow: no],
                  t: .unclear, also: [:]),
    ]

    static let others: [Situation] = [
        Situation(story: "I am in the US and I was jailed at home for my political views.",
                  rule: "asylum: in the US, fear of persecution", source: asylumRule,
                  answers: [.inUS: yes, .fearPersecution: yes], t: .unclear, also: [.asylum: .worthAsking], alsoReasons: [.asylumNeeds]),
        Situation(story: "I am at the border crossing now; I am gay and I was beaten for it at home.",
                  rule: "asylum: arriving at a port of entry", source: asylumRule,
                  answers: [.inUS: no, .atPortOfEntry: yes, .fearPersecution: yes], t: .unclear, also: [.asylum: .worthAsking]),
        Situation(story: "I am in the US and scared to go back, but I don't know if it is because of who I am.",
                  rule: "asylum, fear not sure: the reason says the fear is what is unclear", source: asylumRule,
                  answers: [.inUS: yes, .fearPersecution: unsure], t: .unclear, also: [.asylum: .unclear],
                  alsoReasons: [.asylumFearUnsure]),
        Situation(story: "I fear going home, but I am living in a third country.",
                  rule: "asylum needs presence in the US or arrival at a port of entry", source: asylumRule,
                  answers: [.inUS: no, .atPortOfEntry: no, .fearPersecution: yes], t: .unlikely, also: [:]),
        Situation(story: "I am afraid to go home; I don't know whether where I am counts as the US.",
                  rule: "asylum, presence not sure: not clear yet", source: asylumRule,
                  answers: [.inUS: unsure, .atPortOfEntry: unsure, .fearPersecution: yes], t: .unclear, also: [.asylum: .unclear]),
        Situation(story: "I clean offices and get $5 an hour.",
                  rule: "below the minimum wage: the Wage and Hour Division", source: wageRule,
                  answers: [.unpaidWages: yes, .belowMinimumWage: yes], t: .unclear,
                  also: [.wageClaim: .worthAsking], alsoReasons: [.wageMinimum]),
        Situation(story: "I work 60 hours a week in a warehouse and never get paid extra.",
                  rule: "overtime: the Wage and Hour Division", source: wageRule,
                  answers: [.unpaidWages: unsure, .belowMinimumWage: yes], t: .unclear,
                  also: [.wageClaim: .worthAsking], alsoReasons: [.wageMinimum]),
        Situation(story: "They promised me $18 an hour and paid me $12.",
                  rule: "promised pay above the minimum: state labor department or small claims", source: wageRule,
                  answers: [.unpaidWages: yes, .belowMinimumWage: no], t: .unclear,
                  also: [.wageClaim: .worthAsking], alsoReasons: [.wagePromised]),
        Situation(story: "My last boss never paid me; I don't know what the minimum wage is.",
                  rule: "which agency not sure: both named", source: wageRule,
                  answers: [.unpaidWages: yes, .belowMinimumWage: unsure], t: .unclear,
                  also: [.wageClaim: .worthAsking], alsoReasons: [.wageWhichUnsure]),
        Situation(story: "I am paid what I was promised, on time.",
                  rule: "no wage claim when pay is right", source: wageRule,
                  answers: [.unpaidWages: no, .belowMinimumWage: no], t: .unclear, also: [:]),
    ]
}

@Suite struct ScreenerSituationsTests {
    @Test func thereAreAtLeastFortySituations() {
        #expect(ScreenerSituations.all.count >= 40)
        #expect(ScreenerSituations.all.allSatisfy { !$0.rule.isEmpty && !$0.source.isEmpty })
    }

    @Test(arguments: ScreenerSituations.all)
    func situation(_ s: Situation) {
        let results = ScreenerRules.evaluate(s.answers)
        #expect(results.tVisa.level == s.t, "T: \(results.tVisa.reasons)")
        if let u = s.u { #expect(results.uVisa.level == u, "U: \(results.uVisa.reasons)") }
        let also = Dictionary(uniqueKeysWithValues: results.alsoAskAbout.map { ($0.option, $0.level) })
        #expect(also == s.also)
        for reason in s.tReasons { #expect(results.tVisa.reasons.contains(reason), "\(reason) in \(results.tVisa.reasons)") }
        let alsoReasons = results.alsoAskAbout.flatMap(\.reasons)
        for reason in s.alsoReasons { #expect(alsoReasons.contains(reason), "\(reason) in \(alsoReasons)") }
    }
}

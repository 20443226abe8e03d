/// The screener's questions and the answers a person can give (issue 13). Pure: no content.

/// Three-valued logic for the rules. A question not asked, or not answered, counts as `.unsure`.
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

/// The screener's questions. The raw values are the stable ids of `waymark screen`.
public enum QuestionID: String, CaseIterable, Sendable, Hashable {
    case inUS = "in_us"
    case atPortOfEntry = "at_port_of_entry"
    case forcedLabor = "forced_labor"
    case couldNotLeave = "could_not_leave"
    case forcedSex = "forced_sex"
    case minorCommercialSex = "minor_commercial_sex"
    case hereBecauseOfTrafficking = "here_because_of_trafficking"
    case under18AtTime = "under_18_at_time"
    case lawEnforcementAsked = "law_enforcement_asked"
    case compliedWithRequests = "complied_with_requests"
    case reportedToLawEnforcement = "reported_to_law_enforcement"
    case traumaPreventsCooperation = "trauma_prevents_cooperation"
    case qualifyingCrime = "qualifying_crime"
    case crimeInUS = "crime_in_us"
    case substantialAbuse = "substantial_abuse"
    case under16OrIncapacitated = "under_16_or_incapacitated"
    case hasInformation = "has_information"
    case helpfulToLawEnforcement = "helpful_to_law_enforcement"
    case abuserRelationship = "abuser_relationship"
    case abuserStatus = "abuser_status"
    case divorcedWithin2Years = "divorced_within_2_years"
    case parentAbusedNeglectedOrAbandoned = "parent_abused_neglected_or_abandoned"
    case ageNow = "age_now"
    case marriedNow = "married_now"
    case fearPersecution = "fear_persecution"
    case unpaidWages = "unpaid_wages"
    case belowMinimumWage = "below_minimum_wage"

    /// The ids of version 1 that no longer exist, with what replaced them (for clear errors).
    public static let retired: [(id: String, replacedBy: String)] = [
        ("abused_by_citizen_or_resident_family", "abuser_relationship and abuser_status"),
        ("under_21_abused_by_parent", "parent_abused_neglected_or_abandoned, age_now and married_now"),
    ]

    /// The questions whose wording changes when `under_16_or_incapacitated` is yes: then a
    /// parent, guardian or next friend may have the information and give the help.
    public static let reworded: Set<QuestionID> = [.hasInformation, .helpfulToLawEnforcement]

    public var kind: QuestionKind {
        switch self {
        case .abuserRelationship:
            return .choice(["spouse", "former_spouse", "parent", "son_or_daughter", "partner", "other", "none"])
        case .abuserStatus:
            return .choice(["citizen", "resident", "neither"])
        case .ageNow:
            return .age
        default:
            return .yesNo
        }
    }

    /// What a person can choose, in the order shown; "unsure" is always last.
    public var options: [AnswerOption] {
        switch kind {
        case .yesNo:
            return [AnswerOption("yes", .yes), AnswerOption("no", .no), AnswerOption("unsure", .unsure)]
        case .choice(let values):
            return values.map { AnswerOption($0, .choice($0)) } + [AnswerOption("unsure", .unsure)]
        case .age:
            return AgeBand.all.map { AnswerOption($0.id, .age($0.low, $0.high)) } + [AnswerOption("unsure", .unsure)]
        }
    }

    /// The option an answer belongs to (for an age, the band that holds it).
    public func option(for value: AnswerValue) -> AnswerOption {
        let all = options
        switch value {
        case .choice(let id): return all.first { $0.id == id } ?? all[all.count - 1]
        case .age(let low, _):
            let band = AgeBand.all.first { low >= $0.low && low <= $0.high }
            return all.first { $0.id == band?.id } ?? all[all.count - 1]
        }
    }
}

public enum QuestionKind: Sendable, Equatable {
    /// Yes, no or not sure.
    case yesNo
    /// One of a few values, or not sure.
    case choice([String])
    /// A person's age in whole years (the full-screen screener asks in bands), or not sure.
    case age
}

/// The age bands the full-screen screener offers: the ages the rules tell apart (21 and 25).
public struct AgeBand: Sendable {
    public var id: String
    public var low: Int
    public var high: Int
    public static let oldest = 150
    public static let all = [
        AgeBand(id: "under_21", low: 0, high: 20),
        AgeBand(id: "21_to_24", low: 21, high: 24),
        AgeBand(id: "25_or_older", low: 25, high: oldest),
    ]
}

/// One answer to one question: a value (`yes`, `no`, `unsure`, a choice's id) or an age range.
public enum AnswerValue: Sendable, Hashable, CustomStringConvertible {
    case choice(String)
    /// low...high years; a number given on the command line is `age(n, n)`.
    case age(Int, Int)

    public static let yes = AnswerValue.choice("yes")
    public static let no = AnswerValue.choice("no")
    public static let unsure = AnswerValue.choice("unsure")

    public var description: String {
        switch self {
        case .choice(let id): return id
        case .age(let low, let high): return low == high ? String(low) : "\(low)-\(high)"
        }
    }
}

/// A choice on a question's screen: its id (the key of its words and of its way on in
/// screener.yaml) and the answer it gives.
public struct AnswerOption: Sendable, Hashable {
    public var id: String
    public var value: AnswerValue
    public init(_ id: String, _ value: AnswerValue) {
        self.id = id
        self.value = value
    }
}

/// Answers by question; a missing one counts as unsure.
public typealias Answers = [QuestionID: AnswerValue]

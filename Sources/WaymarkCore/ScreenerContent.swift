/// The screener's words and question graph for one language, as loaded from
/// `Content/<lang>/screener.yaml` (the format is documented at the top of that file).

/// Where an answer leads: another question, or the results.
public enum ScreenerNext: Sendable, Hashable {
    case question(QuestionID)
    case results
}

public struct ScreenerQuestion: Sendable, Equatable {
    public var id: QuestionID
    public var text: String
    /// "What does this mean?": plain words for a legal term. Optional.
    public var help: String?
    /// The wording used when `under_16_or_incapacitated` is yes (only for `QuestionID.reworded`):
    /// then a parent, guardian or next friend may answer for the person.
    public var helperText: String?
    public var helperHelp: String?
    /// The words of each choice other than yes, no and not sure (by option id; "unsure" may
    /// have its own words too).
    public var choices: [String: String]
    /// Where each choice leads, by option id; every option has an entry.
    public var next: [String: ScreenerNext]

    public init(id: QuestionID, text: String, help: String? = nil, helperText: String? = nil,
                helperHelp: String? = nil, choices: [String: String] = [:], next: [String: ScreenerNext]) {
        self.id = id
        self.text = text
        self.help = help
        self.helperText = helperText
        self.helperHelp = helperHelp
        self.choices = choices
        self.next = next
    }

    /// The same next step for every answer.
    public init(id: QuestionID, text: String, help: String? = nil, choices: [String: String] = [:], then next: ScreenerNext) {
        self.init(id: id, text: text, help: help, choices: choices,
                  next: Dictionary(uniqueKeysWithValues: id.options.map { ($0.id, next) }))
    }
}

/// The question graph alone: all a `ScreenerSession` needs. Loaded content is validated (no
/// cycles, every question reachable, every answer leads somewhere); a graph built by hand that
/// breaks this still never loops, because the session only moves forward a bounded number of times.
public struct ScreenerFlow: Sendable, Equatable {
    public var first: QuestionID
    /// By question, then by option id.
    public var next: [QuestionID: [String: ScreenerNext]]

    public init(first: QuestionID, next: [QuestionID: [String: ScreenerNext]]) {
        self.first = first
        self.next = next
    }

    public func next(after question: QuestionID, _ answer: AnswerValue) -> ScreenerNext {
        next[question]?[question.option(for: answer).id] ?? .results
    }

    /// Every question that can follow `start` (itself included) by any answers.
    public func reachable(from start: QuestionID) -> Set<QuestionID> {
        var seen: Set<QuestionID> = []
        var queue = [start]
        while let id = queue.popLast() {
            guard seen.insert(id).inserted else { continue }
            for case .question(let target) in (next[id] ?? [:]).values { queue.append(target) }
        }
        return seen
    }
}

/// The fixed words of the screener, by key in the `words:` mapping of screener.yaml.
public enum ScreenerWord: String, CaseIterable, Sendable {
    case title = "title"
    case intro = "intro"
    /// Nothing is saved, not legal advice, Esc.
    case introSafety = "intro.safety"
    case introStart = "intro.start"
    case choiceYes = "choice.yes"
    case choiceNo = "choice.no"
    case choiceUnsure = "choice.unsure"
    /// "Question {n} of about {total}".
    case progress = "progress"
    /// The label of the key or link that opens a question's help text.
    case whatDoesThisMean = "help.label"
    case resultsTitle = "results.title"
    case resultsIntro = "results.intro"
    case changeAnswers = "results.change_answers"
    case startOver = "results.start_over"
    case startOverQuestion = "results.start_over_question"
    case keepAnswers = "results.keep_answers"
    case clearAnswers = "results.clear_answers"
    case backToMenu = "results.menu"
    case levelWorthAsking = "level.worth-asking"
    case levelUnclear = "level.unclear"
    case levelUnlikely = "level.unlikely"
    case optionTVisa = "option.t-visa"
    case optionUVisa = "option.u-visa"
    case optionVAWA = "option.vawa-self-petition"
    case optionSIJ = "option.special-immigrant-juvenile"
    case optionAsylum = "option.asylum"
    case optionContinuedPresence = "option.continued-presence"
    case optionWageClaim = "option.wage-claim"
    /// Not legal advice; an immigration attorney or DOJ-accredited representative; notarios.
    case notLegalAdvice = "warning.not_legal_advice"
    case hotlinesHeading = "hotlines.heading"
    case hotlineEmergency = "hotlines.emergency"
    case hotlineTrafficking = "hotlines.trafficking"
    case hotlineLocal = "hotlines.local"

    public static func level(_ level: ResultLevel) -> ScreenerWord {
        switch level {
        case .worthAsking: return .levelWorthAsking
        case .unclear: return .levelUnclear
        case .unlikely: return .levelUnlikely
        }
    }

    public static func option(_ option: ScreenerOption) -> ScreenerWord {
        ScreenerWord(rawValue: "option." + option.rawValue)!
    }

    /// The shared words of yes, no and not sure.
    public static func choice(_ optionID: String) -> ScreenerWord? {
        switch optionID {
        case "yes": return .choiceYes
        case "no": return .choiceNo
        case "unsure": return .choiceUnsure
        default: return nil
        }
    }

    /// The hotline lines, in the order to show them.
    public static let hotlines: [ScreenerWord] = [.hotlineEmergency, .hotlineTrafficking, .hotlineLocal]
}

/// The screener for one language: its questions, graph and words. The loader guarantees every
/// question, word and reason text is present, so the lookups below never come back empty for
/// loaded content.
public struct Screener: Sendable, Equatable {
    public var questions: [QuestionID: ScreenerQuestion]
    public var flow: ScreenerFlow
    public var words: [String: String]
    public var reasons: [String: String]

    public init(questions: [QuestionID: ScreenerQuestion], first: QuestionID,
                words: [String: String], reasons: [String: String]) {
        self.questions = questions
        self.flow = ScreenerFlow(first: first, next: questions.mapValues(\.next))
        self.words = words
        self.reasons = reasons
    }

    public subscript(_ word: ScreenerWord) -> String { words[word.rawValue] ?? word.rawValue }

    public func text(_ reason: Reason) -> String { reasons[reason.rawValue] ?? reason.rawValue }

    public func title(_ option: ScreenerOption) -> String { self[.option(option)] }

    public func title(_ level: ResultLevel) -> String { self[.level(level)] }

    /// The words of one choice of a question: its own, or the shared yes / no / not sure.
    public func label(_ option: AnswerOption, of id: QuestionID) -> String {
        if let own = questions[id]?.choices[option.id] { return own }
        if let shared = ScreenerWord.choice(option.id) { return self[shared] }
        return option.id
    }

    /// The words of an answer given (for the list of answers to change).
    public func label(_ answer: AnswerValue, of id: QuestionID) -> String {
        label(id.option(for: answer), of: id)
    }

    /// The words of a question as the person should read them, given the answers so far: the
    /// helper wording when a parent, guardian or next friend speaks for them.
    public func wording(of id: QuestionID, given answers: Answers) -> (text: String, help: String?) {
        guard let question = questions[id] else { return (id.rawValue, nil) }
        if answers[.under16OrIncapacitated] == .yes, let helperText = question.helperText {
            return (helperText, question.helperHelp ?? question.help)
        }
        return (question.text, question.help)
    }

    /// "Question 4 of about 9".
    public func progressText(_ progress: ScreenerProgress) -> String {
        self[.progress]
            .replacingAll("{n}", with: String(progress.number))
            .replacingAll("{total}", with: String(progress.total))
    }

    public func session() -> ScreenerSession { ScreenerSession(flow: flow) }
}

extension String {
    /// Foundation-free replace.
    public func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

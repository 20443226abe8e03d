/// "Question N of about M". `number` never exceeds `total`.
public struct ScreenerProgress: Sendable, Equatable {
    public var number: Int
    public var total: Int
    public init(number: Int, total: Int) {
        self.number = number
        self.total = total
    }
}

/// One run through the screener, as a value: the question shown, the answers so far, and the way
/// back. Answers live only here (in memory).
///
/// How the next question is chosen: follow the graph of screener.yaml from the question just
/// answered, by that answer; a question that can no longer change any result (given the answers
/// on the way so far) is skipped as if answered "not sure" (which, by that test, changes nothing),
/// following its "unsure" branch. So the content decides the order and the branches, and the
/// rules decide what is worth asking.
///
/// Back returns to the previous question and keeps every answer, so walking forward again shows
/// each earlier answer as chosen. Answering a question again drops the answers to questions that
/// can no longer come up (neither on the way walked nor ahead in the graph); answers ahead that
/// might still come up are kept, but only the answers on the way walked (`path`) ever count.
public struct ScreenerSession: Sendable, Equatable {
    public let flow: ScreenerFlow
    /// The questions answered, in order, up to the current one: the way back.
    public private(set) var path: [QuestionID]
    /// The question shown; nil when finished (the results are shown).
    public private(set) var current: QuestionID?
    /// Every kept answer: the ones on `path`, and the ones ahead kept from before a step back.
    public private(set) var kept: Answers

    public init(flow: ScreenerFlow) {
        self.flow = flow
        self.path = []
        self.kept = [:]
        self.current = nil
        self.current = firstWorthAsking(from: .question(flow.first))
    }

    public var isFinished: Bool { current == nil }

    /// The answers that count: those on the way walked. Results use only these.
    public var answers: Answers {
        var answers: Answers = [:]
        for id in path { answers[id] = kept[id] }
        return answers
    }

    /// The answers that count, in the order they were given (for a "review your answers" list).
    public var answeredInOrder: [(id: QuestionID, answer: AnswerValue)] {
        path.compactMap { id in kept[id].map { (id, $0) } }
    }

    /// The answer given earlier to the current question, to show it as chosen; nil if none.
    public var currentAnswer: AnswerValue? { current.flatMap { kept[$0] } }

    public var canGoBack: Bool { !path.isEmpty }

    public mutating func answer(_ answer: AnswerValue) {
        guard let question = current else { return }
        kept[question] = answer
        path.append(question)
        current = firstWorthAsking(from: flow.next(after: question, answer))
        // Drop what can no longer come up, so stale answers are neither shown nor counted.
        let alive = Set(path).union(current.map { flow.reachable(from: $0) } ?? [])
        kept = kept.filter { alive.contains($0.key) }
    }

    /// Back to the previous question, its answer kept. False (and nothing changes) at the first.
    @discardableResult
    public mutating func back() -> Bool {
        guard let previous = path.popLast() else { return false }
        current = previous
        return true
    }

    /// Back to an earlier question on the way walked (for "change an answer" from the results).
    @discardableResult
    public mutating func revisit(_ question: QuestionID) -> Bool {
        guard path.contains(question) else { return false }
        while current != question, back() {}
        return true
    }

    /// The results of the answers that count; questions not asked count as "not sure".
    public func results() -> ScreenerResults { ScreenerRules.evaluate(answers) }

    /// N = questions answered + 1; M = N - 1 + the questions ahead that might still be asked
    /// (reachable in the graph and still able to change a result, the current one included).
    /// An upper bound on any way forward, so N never exceeds M, and M never grows as one answers
    /// (the set ahead only shrinks); it can drop by more than one when an answer settles things.
    public var progress: ScreenerProgress {
        let answered = path.count
        guard let current else { return ScreenerProgress(number: answered, total: answered) }
        let known = answers
        let ahead = flow.reachable(from: current).filter { $0 == current || ScreenerRules.mightStillMatter($0, given: known) }
        return ScreenerProgress(number: answered + 1, total: answered + ahead.count)
    }

    /// The first question from `step` on that can still change a result, skipping the others
    /// by their "unsure" branch; nil for the results.
    func firstWorthAsking(from step: ScreenerNext) -> QuestionID? {
        let known = answers
        var step = step
        // A validated graph has no cycles; the bound keeps a hand-made one from looping.
        for _ in 0...QuestionID.allCases.count {
            guard case .question(let id) = step else { return nil }
            if !path.contains(id), ScreenerRules.canChangeResults(id, given: known) { return id }
            step = flow.next(after: id, .unsure)
        }
        return nil
    }
}

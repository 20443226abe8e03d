/// A rule as a tree, so that it can be evaluated *and* asked whether a question can still change it.
public indirect enum Formula: Sendable, Equatable {
    /// A yes/no question.
    case answer(QuestionID)
    /// A choice question whose answer is one of these values.
    case oneOf(QuestionID, [String])
    /// An age: yes below `yesBelow`, not sure from there to below `unsureBelow`, no from there on.
    case age(QuestionID, yesBelow: Int, unsureBelow: Int)
    case const(Answer)
    case not(Formula)
    case any([Formula])
    case all([Formula])

    public func evaluate(_ answers: Answers) -> Answer {
        switch self {
        case .answer(let id):
            switch answers[id] {
            case .choice("yes"): return .yes
            case .choice("no"): return .no
            default: return .unsure
            }
        case .oneOf(let id, let values):
            guard case .choice(let value) = answers[id], value != "unsure" else { return .unsure }
            return values.contains(value) ? .yes : .no
        case .age(let id, let yesBelow, let unsureBelow):
            guard case .age(let low, let high) = answers[id] else { return .unsure }
            func band(_ years: Int) -> Answer { years < yesBelow ? .yes : years < unsureBelow ? .unsure : .no }
            return band(low) == band(high) ? band(low) : .unsure
        case .const(let value): return value
        case .not(let inner): return inner.evaluate(answers).negated
        case .any(let parts): return Answer.any(parts.map { $0.evaluate(answers) })
        case .all(let parts): return Answer.all(parts.map { $0.evaluate(answers) })
        }
    }

    /// Like `evaluate`, but a question that was not answered at all counts as no (an answer of
    /// "not sure" still counts as not sure): whether the person said anything that points here.
    public func evaluateGiven(_ answers: Answers) -> Answer {
        substituting(answers).substitutingMissing(.no).evaluate([:])
    }

    /// Every question the rule reads, in order, with repeats.
    public var questions: [QuestionID] {
        switch self {
        case .answer(let id), .oneOf(let id, _), .age(let id, _, _): return [id]
        case .const: return []
        case .not(let inner): return inner.questions
        case .any(let parts), .all(let parts): return parts.flatMap(\.questions)
        }
    }

    // MARK: - Which questions can still change a rule

    /// The rule with the known answers put in and constants folded.
    func substituting(_ known: Answers) -> Formula {
        switch self {
        case .answer(let id), .oneOf(let id, _), .age(let id, _, _):
            return known[id] == nil ? self : .const(evaluate(known))
        case .const: return self
        case .not(let inner):
            let folded = inner.substituting(known)
            if case .const(let value) = folded { return .const(value.negated) }
            return .not(folded)
        case .any(let parts): return Formula.fold(parts.map { $0.substituting(known) }, isAny: true)
        case .all(let parts): return Formula.fold(parts.map { $0.substituting(known) }, isAny: false)
        }
    }

    func substitutingMissing(_ value: Answer) -> Formula {
        switch self {
        case .answer, .oneOf, .age: return .const(value)
        case .const: return self
        case .not(let inner): return .not(inner.substitutingMissing(value))
        case .any(let parts): return .any(parts.map { $0.substitutingMissing(value) })
        case .all(let parts): return .all(parts.map { $0.substitutingMissing(value) })
        }
    }

    /// An OR (or AND) of folded parts: a yes (no) decides it; no (yes) parts drop out.
    static func fold(_ parts: [Formula], isAny: Bool) -> Formula {
        let decisive: Answer = isAny ? .yes : .no
        let neutral: Answer = isAny ? .no : .yes
        var kept: [Formula] = []
        var sawUnsure = false
        for part in parts {
            if case .const(let value) = part {
                if value == decisive { return .const(decisive) }
                if value == .unsure { sawUnsure = true }
                continue
            }
            kept.append(part)
        }
        if sawUnsure { kept.append(.const(.unsure)) }
        if kept.isEmpty { return .const(neutral) }
        if kept.count == 1 { return kept[0] }
        return isAny ? .any(kept) : .all(kept)
    }

    /// The lowest and highest value the rule can take, each question read being free.
    var bounds: (low: Answer, high: Answer) {
        switch self {
        case .answer, .oneOf, .age: return (.no, .yes)
        case .const(let value): return (value, value)
        case .not(let inner):
            let (low, high) = inner.bounds
            return (high.negated, low.negated)
        case .any(let parts):
            let all = parts.map(\.bounds)
            return (Answer.any(all.map(\.low)), Answer.any(all.map(\.high)))
        case .all(let parts):
            let all = parts.map(\.bounds)
            return (Answer.all(all.map(\.low)), Answer.all(all.map(\.high)))
        }
    }

    /// For a rule that reads `question` once and every other question at most once: the lowest
    /// and highest value reachable by changing only that answer, the others set as favourably as
    /// possible. nil when the rule does not read it.
    func swing(of question: QuestionID) -> (low: Answer, high: Answer)? {
        switch self {
        case .answer(let id), .oneOf(let id, _), .age(let id, _, _):
            return id == question ? (.no, .yes) : nil
        case .const: return nil
        case .not(let inner):
            guard let (low, high) = inner.swing(of: question) else { return nil }
            return (high.negated, low.negated)
        case .any(let parts), .all(let parts):
            let isAny: Bool
            if case .any = self { isAny = true } else { isAny = false }
            for (index, part) in parts.enumerated() {
                guard let (low, high) = part.swing(of: question) else { continue }
                let others = parts.indices.filter { $0 != index }.map { parts[$0].bounds }
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

    /// Whether answering `question` can still change the rule's value, the questions missing from
    /// `known` being free. Exact: a rule that reads each question once is decided by `swing`; one
    /// that reads another question more than once is split on that question's answers; one that
    /// reads `question` itself more than once is split on the other questions until it is decided.
    public func canChange(by question: QuestionID, given known: Answers) -> Bool {
        var known = known
        known[question] = nil
        return substituting(known).canChange(by: question)
    }

    func canChange(by question: QuestionID) -> Bool {
        let read = questions
        guard read.contains(question) else { return false }
        var seen: Set<QuestionID> = []
        var repeated: [QuestionID] = []
        for id in read where !seen.insert(id).inserted && !repeated.contains(id) { repeated.append(id) }
        if let split = repeated.first(where: { $0 != question }) {
            return split.options.contains { substituting([split: $0.value]).canChange(by: question) }
        }
        if repeated.contains(question) { return changes(by: question) }
        guard let (low, high) = swing(of: question) else { return false }
        return low != high
    }

    /// Shannon expansion: with `question` set to each of its answers the rule is fixed (then it
    /// changes if the values differ), or it is split on another question it still reads.
    func changes(by question: QuestionID) -> Bool {
        let settled = question.options.map { substituting([question: $0.value]) }
        let fixed = settled.compactMap { formula -> Answer? in
            if case .const(let value) = formula { return value }
            return nil
        }
        if fixed.count == settled.count { return Set(fixed).count > 1 }
        if Set(fixed).count > 1 { return true }
        guard let other = questions.first(where: { $0 != question }) else { return false }
        return other.options.contains { substituting([other: $0.value]).changes(by: question) }
    }
}

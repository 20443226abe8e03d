import WaymarkText

/// The screener's screens. The answers live in `AppState.screener`, in memory only.
public enum ScreenerKind: Sendable, Equatable {
    /// What the screener is, before the first question: nothing is saved, not legal advice, Esc.
    case intro
    /// The current question: choices 1-3 answer it, the last one explains it.
    case question
    /// "What does this mean?" for the current question.
    case questionHelp
    /// The results; digits choose what to do next.
    case results
    /// The answers given so far, to pick one to change.
    case review
    /// "Start over? Your answers will be cleared": keeping them is the first choice.
    case confirmStartOver
}

extension AppState {
    func screenerView(_ kind: ScreenerKind) -> ScreenView {
        let template = content.screener
        let session = screener
        switch kind {
        case .intro:
            return ScreenView(title: template?[.title] ?? "", context: .menu,
                              body: template.map { .list(ScreenerPages.intro(screener: $0)) })
        case .question:
            guard let template, let session, let id = session.current else {
                return ScreenView(title: template?[.title] ?? "", context: .menu, body: nil)
            }
            return ScreenView(title: template[.title], context: .menu,
                              body: .list(ScreenerPages.question(id, session: session, screener: template)))
        case .questionHelp:
            guard let template, let session, let id = session.current else {
                return ScreenView(title: template?[.title] ?? "", context: .page, body: nil)
            }
            let wording = template.wording(of: id, given: session.answers)
            let page = Page(id: "question-help", title: template[.whatDoesThisMean],
                            blocks: [.paragraph([Span(wording.text, .emphasis)]), .paragraph([Span(wording.help ?? "")])])
            return ScreenView(title: template[.title], context: .page, body: .page(page))
        case .results:
            guard let template, let session else { return ScreenView(title: template?[.resultsTitle] ?? "", context: .results, body: nil) }
            return ScreenView(title: template[.resultsTitle], context: .results,
                              body: .page(ScreenerPages.results(session.results(), screener: template)))
        case .review:
            guard let template, let session else { return ScreenView(title: template?[.changeAnswers] ?? "", context: .menu, body: nil) }
            return ScreenView(title: template[.changeAnswers], context: .menu, body: .list(ScreenerPages.review(session, screener: template)))
        case .confirmStartOver:
            guard let template else { return ScreenView(title: "", context: .menu, body: nil) }
            return ScreenView(title: template[.startOver], context: .menu,
                              body: .choices(intro: [.paragraph([Span(template[.startOverQuestion], .emphasis)])],
                                             items: [template[.keepAnswers], template[.clearAnswers]]))
        }
    }

    mutating func updateScreener(_ kind: ScreenerKind, _ event: ScreenEvent) -> [Effect] {
        if case .number(let n) = event { return kind == .results ? chooseAfterResults(n) : chooseNumbered(n) }
        switch kind {
        case .intro:
            guard case .choose(let index) = event else { break }
            if index == 0 {
                replaceTop(with: questionScreen())
            } else if index == 1 {
                pop()
            }
            return []
        case .question:
            guard case .choose(let index) = event else {
                // Back through the questions first, each with its answer kept; then to the intro.
                if var session = screener, session.back() {
                    screener = session
                    replaceTop(with: questionScreen())
                } else {
                    replaceTop(with: ScreenEntry(.screener(.intro)))
                }
                return []
            }
            guard let id = screener?.current else { return [] }
            let options = id.options
            if index < options.count {
                answer(options[index].value)
            } else if index == options.count {
                push(ScreenEntry(.screener(.questionHelp)))
            }
            return []
        case .questionHelp:
            break
        case .results:
            guard event == .back else { return [] }
            if var session = screener, session.back() {
                screener = session
                replaceTop(with: questionScreen())
                return []
            }
        case .review:
            guard case .choose(let index) = event else { break }
            guard let session = screener, session.path.indices.contains(index) else { return [] }
            var changed = session
            changed.revisit(session.path[index])
            screener = changed
            pop()  // the review
            replaceTop(with: questionScreen())
            return []
        case .confirmStartOver:
            guard case .choose(let index) = event else { break }
            pop()
            if index == 1 {
                screener = content.screener?.session()
                replaceTop(with: questionScreen())
            }
            return []
        }
        if event == .back { pop() }
        return []
    }

    /// Coming back to the screener picks up where the person left it; the first time, it says
    /// what it is before it asks anything.
    mutating func openScreener() -> [Effect] {
        guard let template = content.screener else { return [] }
        if screener == nil { screener = template.session() }
        if screener!.isFinished {
            push(ScreenEntry(.screener(.results)))
        } else {
            push(screener!.path.isEmpty ? ScreenEntry(.screener(.intro)) : questionScreen())
        }
        return []
    }

    private func questionScreen() -> ScreenEntry {
        guard let session = screener, let id = session.current else { return ScreenEntry(.screener(.question)) }
        let chosen = session.currentAnswer.flatMap { answer in id.options.firstIndex(of: id.option(for: answer)) } ?? 0
        return ScreenEntry(.screener(.question), selection: chosen)
    }

    private mutating func answer(_ answer: AnswerValue) {
        guard var session = screener else { return }
        session.answer(answer)
        screener = session
        replaceTop(with: session.isFinished ? ScreenEntry(.screener(.results)) : questionScreen())
    }

    private mutating func chooseAfterResults(_ n: Int) -> [Effect] {
        switch n {
        case 1:
            push(ScreenEntry(.screener(.review)))
        case 2:
            // Clearing every answer is the one thing here that cannot be undone: ask first.
            push(ScreenEntry(.screener(.confirmStartOver)))
        case 3:
            pop()
        default:
            break
        }
        return []
    }
}

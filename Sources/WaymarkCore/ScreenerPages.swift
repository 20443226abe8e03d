import WaymarkText

/// The screener's screens, in words: the question with its choices, the list of answers to
/// change, and the results page.
public enum ScreenerPages {
    public static func question(_ id: QuestionID, session: ScreenerSession, screener: Screener) -> (intro: [Block], items: [String]) {
        let wording = screener.wording(of: id, given: session.answers)
        let intro: [Block] = [
            .paragraph([Span(screener.progressText(session.progress), .dim)]),
            .paragraph([Span(wording.text, .emphasis)]),
        ]
        var items = id.options.map { screener.label($0, of: id) }
        if wording.help != nil { items.append(screener[.whatDoesThisMean]) }
        return (intro, items)
    }

    /// What the screener is, that nothing is saved, that it is not legal advice, and Esc.
    public static func intro(screener: Screener) -> (intro: [Block], items: [String]) {
        ([.paragraph([Span(screener[.intro])]), .callout([Span(screener[.introSafety])])],
         [screener[.introStart], screener[.backToMenu]])
    }

    public static func review(_ session: ScreenerSession, screener: Screener) -> (intro: [Block], items: [String]) {
        var answers: Answers = [:]
        var items: [String] = []
        for (id, answer) in session.answeredInOrder {
            items.append("\(screener.wording(of: id, given: answers).text) — \(screener.label(answer, of: id))")
            answers[id] = answer
        }
        return ([], items)
    }

    /// Most relevant first; each option with its level and reasons; then the warning, the
    /// numbers to call, and what the person can do next (by number).
    public static func results(_ results: ScreenerResults, screener: Screener) -> Page {
        var blocks: [Block] = [.paragraph([Span(screener[.resultsIntro])])]
        for result in results.ordered {
            blocks.append(.heading(screener.title(result.option)))
            blocks.append(.paragraph([Span(screener.title(result.level), .emphasis)]))
            for reason in result.reasons { blocks.append(.bullet([Span(screener.text(reason))])) }
        }
        blocks.append(.callout([Span(screener[.notLegalAdvice])]))
        blocks.append(.heading(screener[.hotlinesHeading]))
        for line in ScreenerWord.hotlines { blocks.append(.bullet([Span(screener[line])])) }
        for (n, word) in [ScreenerWord.changeAnswers, .startOver, .backToMenu].enumerated() {
            blocks.append(.paragraph([Span("\(n + 1). ", .number), Span(screener[word])]))
        }
        return Page(id: "results", title: screener[.resultsTitle], blocks: blocks)
    }
}

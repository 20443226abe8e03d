import WaymarkText

/// The screener without the full-screen UI (`waymark screen`): reading `ID=VALUE` answers and
/// writing the results as plain text or as JSON. Pure, so it is tested without a process.
public enum ScreenerReport {
    public struct BadAnswer: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Reads `--answer` values: `ID=VALUE`, with the ids of `QuestionID` and, by question, `yes`,
    /// `no`, `unsure` ("not sure" and "not_sure" too), a choice's id, or for `age_now` a whole
    /// number. The same id twice with different values is an error; every message names the
    /// valid ids or values.
    public static func parseAnswers(_ arguments: [String]) -> Result<Answers, BadAnswer> {
        var answers: Answers = [:]
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "=") else {
                return .failure(BadAnswer(message: "'\(argument)' is not ID=VALUE (for example in_us=yes)"))
            }
            let name = String(argument[..<equals]).lowercased()
            let valueText = String(argument[argument.index(after: equals)...]).lowercased()
            if let retired = QuestionID.retired.first(where: { $0.id == name }) {
                return .failure(BadAnswer(message: "'\(name)' is no longer a question; use \(retired.replacedBy) instead. The ids are: "
                    + QuestionID.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            guard let id = QuestionID(rawValue: name) else {
                return .failure(BadAnswer(message: "unknown question id '\(name)'; the ids are: "
                    + QuestionID.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            guard let value = parseValue(valueText, for: id) else {
                return .failure(BadAnswer(message: "'\(valueText)' is not an answer for \(name); the answers are: \(validValues(id))"))
            }
            if let earlier = answers[id], earlier != value {
                return .failure(BadAnswer(message: "\(name) is answered twice (\(earlier) and \(value))"))
            }
            answers[id] = value
        }
        // Someone under 18 now was under 18 when it happened: the minor's path for the T visa.
        if case .age(_, let high)? = answers[.ageNow], high < 18 {
            switch answers[.under18AtTime] {
            case .choice("no")?:
                return .failure(BadAnswer(message: "age_now=\(high) and under_18_at_time=no cannot both be true: "
                    + "someone under 18 now was under 18 when it happened"))
            case .choice?, .age?, nil: answers[.under18AtTime] = .yes
            }
        }
        // A husband or wife (not a former one) means married now, even when living apart.
        if answers[.abuserRelationship] == .choice("spouse"), answers[.marriedNow] == .no {
            return .failure(BadAnswer(message: "abuser_relationship=spouse and married_now=no cannot both be true: "
                + "use former_spouse for a husband or wife one is no longer married to"))
        }
        return .success(answers)
    }

    static func parseValue(_ text: String, for id: QuestionID) -> AnswerValue? {
        if ["unsure", "not sure", "not_sure"].contains(text) { return .unsure }
        switch id.kind {
        case .yesNo, .choice:
            return id.options.contains { $0.id == text } ? .choice(text) : nil
        case .age:
            guard !text.isEmpty, text.utf8.count <= 3, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                  let years = Int(text), years <= AgeBand.oldest else { return nil }
            return .age(years, years)
        }
    }

    public static func validValues(_ id: QuestionID) -> String {
        switch id.kind {
        case .yesNo, .choice: return id.options.map(\.id).joined(separator: ", ")
        case .age: return "a whole number of years from 0 to \(AgeBand.oldest), or unsure"
        }
    }

    /// Exactly one JSON object, on one line, keys in a fixed order:
    /// `{"t_visa": {"result": …, "reasons": [texts]}, "u_visa": {…}, "also_ask_about": [ids],
    /// "answers": {id: value}}`. `answers` lists only the questions given, in the order of
    /// `QuestionID`; an age is a number.
    public static func json(_ results: ScreenerResults, answers: Answers, screener: Screener) -> String {
        func option(_ result: OptionResult) -> String {
            let reasons = result.reasons.map { quote(screener.text($0)) }.joined(separator: ", ")
            return "{\"result\": \(quote(result.level.rawValue)), \"reasons\": [\(reasons)]}"
        }
        func value(_ answer: AnswerValue) -> String {
            if case .age(let low, let high) = answer, low == high { return String(low) }
            return quote(answer.description)
        }
        let also = results.alsoAskAbout.map { quote($0.option.rawValue) }.joined(separator: ", ")
        let given = QuestionID.allCases.compactMap { id in answers[id].map { "\(quote(id.rawValue)): \(value($0))" } }
        return "{\"t_visa\": \(option(results.tVisa)), \"u_visa\": \(option(results.uVisa)), "
            + "\"also_ask_about\": [\(also)], \"answers\": {\(given.joined(separator: ", "))}}"
    }

    /// A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped.
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The results as a person reads them: most relevant first, each option with its level and
    /// reasons, then the not-legal-advice warning and the hotlines. Wrapped to `width` columns.
    public static func text(_ results: ScreenerResults, screener: Screener, width: Int = 80) -> String {
        var lines: [String] = []
        lines += wrap(screener[.resultsTitle], width: width)
        lines.append("")
        lines += wrap(screener[.resultsIntro], width: width)
        for result in results.ordered {
            lines.append("")
            lines += wrap("\(screener.title(result.level)): \(screener.title(result.option))", width: width)
            for reason in result.reasons {
                lines += wrap(screener.text(reason), width: width, first: "  - ", rest: "    ")
            }
        }
        lines.append("")
        lines += wrap(screener[.notLegalAdvice], width: width)
        lines.append("")
        lines += wrap(screener[.hotlinesHeading], width: width)
        for line in ScreenerWord.hotlines {
            lines += wrap(screener[line], width: width, first: "  ", rest: "    ")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Greedy word wrap by display width; `first` starts the first line, `rest` the others; a
    /// line break in the text starts a new line; a word longer than a line is cut.
    public static func wrap(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
        var lines: [String] = []
        var line = first
        var used = DisplayWidth.of(first)
        var hasWord = false
        func newLine() {
            lines.append(line)
            line = rest
            used = DisplayWidth.of(rest)
            hasWord = false
        }
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            for original in paragraph.split(separator: " ") {
                var word = original
                if hasWord, used + 1 + DisplayWidth.of(word) > width { newLine() }
                if hasWord {
                    line += " "
                    used += 1
                }
                while used + DisplayWidth.of(word) > width, let head = word.first {
                    // Cut what fits (at least one character, so this always ends).
                    var cut = String(head)
                    var cutWidth = DisplayWidth.of(head)
                    for character in word.dropFirst() {
                        let w = DisplayWidth.of(character)
                        if used + cutWidth + w > width { break }
                        cut.append(character)
                        cutWidth += w
                    }
                    line += cut
                    word = word.dropFirst(cut.count)
                    newLine()
                }
                if !word.isEmpty {
                    line += word
                    used += DisplayWidth.of(word)
                    hasWord = true
                }
            }
            newLine()
        }
        return lines.map { $0.trimmingTrailingSpaces() }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

import WaymarkCore

/// Reads the page format documented in Content/README.md: a small Markdown subset.
public enum PageParser {
    public static func parse(_ text: String, id: String, file: String) -> (Page?, [ContentProblem]) {
        var problems: [ContentProblem] = []
        var title: String?
        var blocks: [Block] = []
        enum Open { case none, paragraph, bullet, callout }
        var open = Open.none
        var buffer = ""
        var bufferLine = 0

        func close() {
            guard open != .none else { return }
            let (spans, problem) = inline(buffer)
            if let problem { problems.append(ContentProblem(file, bufferLine, problem)) }
            switch open {
            case .paragraph: blocks.append(.paragraph(spans))
            case .bullet: blocks.append(.bullet(spans))
            case .callout: blocks.append(.callout(spans))
            case .none: break
            }
            open = .none
            buffer = ""
        }
        func start(_ kind: Open, _ text: String, _ line: Int) {
            close()
            open = kind
            buffer = text
            bufferLine = line
        }

        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let line = rawLine.replacingTabs().trimmingTrailing()
            if line.hasPrefix("%") { continue }
            let trimmed = line.trimmingLeading()
            if trimmed.isEmpty {
                close()
                continue
            }
            if title == nil {
                if line.hasPrefix("# ") {
                    title = String(line.dropFirst(2)).trimmingLeading()
                    if title!.isEmpty { problems.append(ContentProblem(file, lineNumber, "the title after '# ' is empty")) }
                } else {
                    problems.append(ContentProblem(file, lineNumber, "a page must start with its title, like '# My title'"))
                    title = ""
                }
                continue
            }
            if line.hasPrefix("# ") {
                problems.append(ContentProblem(file, lineNumber, "a page has only one title ('# '); use '## ' for a heading"))
            } else if line.hasPrefix("## ") {
                close()
                let heading = String(line.dropFirst(3)).trimmingLeading()
                blocks.append(.heading(heading))
            } else if line.hasPrefix("#") {
                problems.append(ContentProblem(file, lineNumber, "only '# ' (the title) and '## ' (a heading) are understood"))
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                start(.bullet, String(line.dropFirst(2)).trimmingLeading(), lineNumber)
            } else if line.hasPrefix(">") {
                let text = String(line.dropFirst()).trimmingLeading()
                if open == .callout { buffer += " " + text } else { start(.callout, text, lineNumber) }
            } else if open == .none {
                start(.paragraph, trimmed, lineNumber)
            } else {
                buffer += " " + trimmed
            }
        }
        close()
        guard let title else {
            return (nil, [ContentProblem(file, 1, "the page is empty")])
        }
        if blocks.isEmpty, problems.isEmpty {
            problems.append(ContentProblem(file, 1, "the page has a title but no text"))
        }
        return (problems.isEmpty ? Page(id: id, title: title, blocks: blocks) : nil, problems)
    }

    /// Splits `**bold**` runs out of a line of text.
    static func inline(_ text: String) -> ([Span], String?) {
        var spans: [Span] = []
        var bold = false
        var run = ""
        var previousWasStar = false
        for character in text {
            if character == "*" {
                if previousWasStar {
                    if !run.isEmpty { spans.append(Span(run, bold ? .emphasis : .plain)) }
                    run = ""
                    bold.toggle()
                    previousWasStar = false
                } else {
                    previousWasStar = true
                }
                continue
            }
            if previousWasStar { run.append("*") }
            previousWasStar = false
            run.append(character)
        }
        if previousWasStar { run.append("*") }
        if !run.isEmpty { spans.append(Span(run, bold ? .emphasis : .plain)) }
        return (spans, bold ? "'**' starts bold text that is never closed with another '**'" : nil)
    }
}

extension StringProtocol {
    func trimmingLeading() -> String { String(drop(while: { $0 == " " })) }
    func trimmingTrailing() -> String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\r" { s.removeLast() }
        return String(s)
    }
    func replacingTabs() -> String { String(map { $0 == "\t" ? " " : $0 }) }
}

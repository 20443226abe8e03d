import WaymarkCore
import WaymarkText

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
        // Lines by bytes, not Characters: much faster, and every marker is ASCII.
        for rawLine in text.utf8.split(separator: 10, omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = Substring(rawLine).replacingTabs().trimmingTrailing()
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
        var run: [UInt8] = []
        var previousWasStar = false
        func flush() {
            if !run.isEmpty { spans.append(Span(String(decoding: run, as: UTF8.self), bold ? .emphasis : .plain)) }
            run = []
        }
        for byte in text.utf8 {
            if byte == 42 {
                if previousWasStar {
                    flush()
                    bold.toggle()
                    previousWasStar = false
                } else {
                    previousWasStar = true
                }
                continue
            }
            if previousWasStar { run.append(42) }
            previousWasStar = false
            run.append(byte)
        }
        if previousWasStar { run.append(42) }
        flush()
        return (spans, bold ? "'**' starts bold text that is never closed with another '**'" : nil)
    }
}

extension Substring {
    func trimmingLeading() -> String {
        let bytes = utf8
        let start = bytes.firstIndex { $0 != 32 } ?? bytes.endIndex
        return String(Substring(bytes[start...]))
    }
    func trimmingTrailing() -> String {
        let bytes = utf8
        var end = bytes.endIndex
        while end > bytes.startIndex, [32, 13].contains(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        return String(Substring(bytes[..<end]))
    }
    func replacingTabs() -> Substring {
        utf8.contains(9) ? Substring(String(unicodeScalars.map { $0 == "\t" ? " " : Character($0) })) : self
    }
}

extension String {
    func trimmingLeading() -> String { Substring(self).trimmingLeading() }
}

import WaymarkCore
import WaymarkText

/// `{agency.phone}`, `{agency.name}` … in pages, strings.yaml, screener.yaml and plan.yaml are
/// replaced by the agency's own words from `Content/agency.yaml` as the content loads, so an
/// agency changes its number in one place. Two more stand alone on a line of a page and become
/// whole parts of it: `{agency.details}` (text line, TTY, walk-in address and hours, website,
/// languages: those the agency has) and `{agency.resources}` (every other place that helps).
/// An unknown placeholder, or one whose value agency.yaml lacks, is a `file:line` problem.
public enum AgencyPlaceholders {
    static let prefix = Array("{agency.".utf8)

    public static var allNames: [String] { Agency.inlinePlaceholders + Agency.blockPlaceholders }

    // MARK: - YAML

    /// Fills in placeholders in every text (not the keys) of a YAML document.
    static func substitute(_ node: YAMLNode, file: String, context: LoadContext, _ problems: inout [ContentProblem]) -> YAMLNode {
        switch node.kind {
        case .scalar(let text):
            guard contains(text) else { return node }
            return YAMLNode(kind: .scalar(substitute(text, line: node.line, file: file, context: context, &problems)), line: node.line)
        case .sequence(let items):
            return YAMLNode(kind: .sequence(items.map { substitute($0, file: file, context: context, &problems) }), line: node.line)
        case .mapping(let pairs):
            return YAMLNode(kind: .mapping(pairs.map { YAMLNode.Pair(key: $0.key, value: substitute($0.value, file: file, context: context, &problems)) }),
                            line: node.line)
        }
    }

    // MARK: - Pages

    /// Reads a page, filling in placeholders first and putting the generated parts in place of
    /// `{agency.details}` and `{agency.resources}` lines.
    public static func parsePage(_ text: String, id: String, file: String, context: LoadContext) -> (Page?, [ContentProblem]) {
        guard contains(text) else { return PageParser.parse(text, id: id, file: file) }
        var problems: [ContentProblem] = []
        var blockLines: [String: Int] = [:]
        var lines: [String] = []
        for (index, raw) in text.utf8.split(separator: 10, omittingEmptySubsequences: false).enumerated() {
            let line = String(Substring(raw))
            let trimmed = line.trimmingCarriageReturn().trimmingSpaces()
            if trimmed.hasPrefix("%") {
                lines.append(line)  // an editor's note: never shown, left as written
            } else if let name = blockName(trimmed) {
                blockLines[name] = blockLines[name] ?? index + 1
                lines.append(line)
            } else {
                lines.append(contains(line) ? substitute(line, line: index + 1, file: file, context: context, &problems) : line)
            }
        }
        let (parsed, pageProblems) = PageParser.parse(lines.joined(separator: "\n"), id: id, file: file)
        problems += pageProblems
        guard var page = parsed else { return (nil, problems) }

        var blocks: [Block] = []
        for block in page.blocks {
            guard let spans = block.spans, spans.contains(where: { contains($0.text) }) else {
                blocks.append(block)
                continue
            }
            let whole = spans.map(\.text).joined()
            if case .paragraph = block, let name = blockName(whole) {
                guard let agency = context.agency else {
                    if !context.agencyBroken {
                        problems.append(ContentProblem(file, blockLines[name] ?? 1,
                            "{agency.\(name)} needs \(context.agencyFile), and there is none"))
                    }
                    continue
                }
                blocks += name == "details" ? agency.detailBlocks : agency.resourceBlocks
                continue
            }
            blocks.append(block)
            for name in Agency.blockPlaceholders where whole.contains("{agency.\(name)}") {
                problems.append(ContentProblem(file, blockLines[name] ?? 1,
                    "{agency.\(name)} must stand on a line of its own, with a blank line before and after it"))
            }
        }
        page.blocks = blocks
        return problems.isEmpty ? (page, []) : (nil, problems)
    }

    static func blockName(_ text: String) -> String? {
        guard text.hasPrefix("{agency."), text.hasSuffix("}") else { return nil }
        let name = String(text.dropFirst(prefix.count).dropLast())
        return Agency.blockPlaceholders.contains(name) ? name : nil
    }

    // MARK: - Text

    static func contains(_ text: String) -> Bool {
        let bytes = text.utf8
        var start = bytes.startIndex
        while let brace = bytes[start...].firstIndex(of: 123) {
            if bytes[brace...].starts(with: prefix) { return true }
            start = bytes.index(after: brace)
        }
        return false
    }

    /// Fills in every `{agency.<name>}` in `text`, which starts at `line` of `file`.
    static func substitute(_ text: String, line: Int, file: String, context: LoadContext,
                           _ problems: inout [ContentProblem]) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var lineNumber = line
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 10 { lineNumber += 1 }
            guard byte == 123, bytes[i...].starts(with: prefix) else {
                out.append(byte)
                i += 1
                continue
            }
            var end = i + prefix.count
            while end < bytes.count, bytes[end] != 125, bytes[end] != 10, bytes[end] != 123 { end += 1 }
            guard end < bytes.count, bytes[end] == 125 else {
                problems.append(ContentProblem(file, lineNumber, "'{agency.' is not closed with '}' (placeholders look like {agency.phone})"))
                out += bytes[i..<end]
                i = end
                continue
            }
            let name = String(decoding: bytes[(i + prefix.count)..<end], as: UTF8.self)
            if let value = value(of: name, line: lineNumber, file: file, context: context, &problems) {
                out += value.utf8
            } else {
                out += bytes[i...end]
            }
            i = end + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func value(of name: String, line: Int, file: String, context: LoadContext, _ problems: inout [ContentProblem]) -> String? {
        guard Agency.inlinePlaceholders.contains(name) else {
            if Agency.blockPlaceholders.contains(name) {
                problems.append(ContentProblem(file, line,
                    "{agency.\(name)} can only stand on a line of its own in a page (pages/*.md), with a blank line before and after it"))
            } else {
                problems.append(ContentProblem(file, line,
                    "unknown placeholder {agency.\(name)} (known: \(allNames.map { "{agency.\($0)}" }.joined(separator: ", ")))"))
            }
            return nil
        }
        guard let agency = context.agency else {
            if !context.agencyBroken {
                problems.append(ContentProblem(file, line, "{agency.\(name)} needs \(context.agencyFile), and there is none"))
            }
            return nil
        }
        guard let value = agency.value(of: name) else {
            problems.append(ContentProblem(file, line,
                "{agency.\(name)}: \(context.agencyFile) has no '\(name):' (add it there, or take the placeholder out)"))
            return nil
        }
        return value
    }
}

extension Block {
    var spans: [Span]? {
        switch self {
        case .heading(let text): return [Span(text)]
        case .paragraph(let spans), .bullet(let spans), .callout(let spans): return spans
        }
    }
}

extension String {
    func trimmingCarriageReturn() -> String { hasSuffix("\r") ? String(dropLast()) : self }
}

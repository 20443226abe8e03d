/// A small reader for the part of YAML that content files use: block mappings and sequences,
/// plain, quoted and block (`|`, `>`) scalars, flow lists of scalars, and comments. Anything else
/// (anchors, aliases, tags, flow mappings, several documents) is refused with its line, never
/// guessed at. Why not Yams at run time: see docs/DECISIONS.md (start-up time and memory);
/// the tests check that this reader and Yams agree on every shipped file.
public struct YAMLNode: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case scalar(String)
        case mapping([Pair])
        case sequence([YAMLNode])
    }

    public struct Pair: Sendable, Equatable {
        public var key: YAMLNode
        public var value: YAMLNode
    }

    public var kind: Kind
    /// 1-based line where the node starts.
    public var line: Int

    public var string: String? {
        if case .scalar(let text) = kind { return text }
        return nil
    }

    public var bool: Bool? {
        switch string?.lowercased() {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }

    public var int: Int? { string.flatMap { Int($0) } }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    public var mapping: Mapping? {
        if case .mapping(let pairs) = kind { return Mapping(pairs: pairs) }
        return nil
    }

    public struct Mapping: Sendable, Sequence {
        public let pairs: [Pair]
        public subscript(_ key: String) -> YAMLNode? { pairs.first { $0.key.string == key }?.value }
        public var count: Int { pairs.count }
        public func makeIterator() -> some IteratorProtocol<(key: YAMLNode, value: YAMLNode)> {
            pairs.lazy.map { (key: $0.key, value: $0.value) }.makeIterator()
        }
    }
}

public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
    public var description: String { "\(line): \(message)" }
}

public enum YAML {
    /// Reads one document. Returns nil for a file with nothing but comments and blank lines.
    public static func parse(_ text: String) throws(YAMLError) -> YAMLNode? {
        var reader = Reader(text)
        return try reader.document()
    }
}

private struct Line {
    var number: Int
    var indent: Int
    /// The text after the indentation, with trailing spaces removed.
    var text: Substring
    var raw: Substring
    /// A tab among the spaces that indent the line (found once, when the file is split).
    var tabInIndent = false

    var isSequenceItem: Bool { Line.isSequenceItem(text) }

    /// "-" or "- …": an item of a block sequence.
    static func isSequenceItem(_ text: Substring) -> Bool {
        let bytes = text.utf8
        guard bytes.first == 45 else { return false }
        let second = bytes.index(after: bytes.startIndex)
        return second == bytes.endIndex || bytes[second] == 32
    }

    var isBlankOrComment: Bool { text.utf8.first.map { $0 == 35 } ?? true }
}

/// Where one line lies in a file's bytes (see `Reader.splitLines`). Plain offsets rather than
/// `Range`s, whose array's generic metadata costs a conformance search at start.
private struct LineBytes {
    var rawStart: Int, rawEnd: Int
    var textStart: Int, textEnd: Int
    var tab: Bool
}

private struct Reader {
    var lines: [Line] = []
    var index = 0
    /// How many blocks are open around the current one. Content nests a few levels; a limit keeps
    /// a hostile file (`- - - …` thousands deep) from overflowing the stack.
    var depth = 0
    static let maxDepth = 64

    init(_ text: String) {
        // Bytes, not Characters: every structural character is ASCII, and splitting by grapheme
        // is what made reading slow (docs/PERFORMANCE.md).
        let utf8 = text.utf8
        let offsets = Reader.splitLines(Array(utf8))
        func at(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        lines = offsets.enumerated().map { number, line in
            Line(number: number + 1, indent: line.textStart - line.rawStart,
                 text: Substring(utf8[at(line.textStart)..<at(line.textEnd)]),
                 raw: Substring(utf8[at(line.rawStart)..<at(line.rawEnd)]), tabInIndent: line.tab)
        }
    }

    /// Each line's extent in bytes: `raw` without the line break (and a CR before it), `text`
    /// without the indenting spaces and trailing blanks; and whether a tab is in the indentation.
    static func splitLines(_ bytes: [UInt8]) -> [LineBytes] {
        var result: [LineBytes] = []
        var lineStart = 0
        while true {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 10 { lineEnd += 1 }
            var end = lineEnd
            while end > lineStart, bytes[end - 1] == 13 || bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
            var start = lineStart
            while start < end, bytes[start] == 32 { start += 1 }
            let rawEnd = lineEnd > lineStart && bytes[lineEnd - 1] == 13 ? lineEnd - 1 : lineEnd
            var tab = false
            var i = lineStart
            while i < rawEnd, bytes[i] == 32 || bytes[i] == 9 {
                if bytes[i] == 9 { tab = true; break }
                i += 1
            }
            result.append(LineBytes(rawStart: lineStart, rawEnd: rawEnd, textStart: start, textEnd: max(start, end), tab: tab))
            guard lineEnd < bytes.count else { break }
            lineStart = lineEnd + 1
        }
        return result
    }

    mutating func skipBlank() {
        while index < lines.count, lines[index].isBlankOrComment { index += 1 }
    }

    var current: Line? {
        index < lines.count ? lines[index] : nil
    }

    mutating func document() throws(YAMLError) -> YAMLNode? {
        skipBlank()
        if let line = current, line.text == "---" { index += 1; skipBlank() }
        guard let first = current else { return nil }
        if first.tabInIndent {
            throw YAMLError(line: first.number, message: "a tab in the indentation; indent with spaces")
        }
        let node = try block(indent: first.indent)
        skipBlank()
        if let extra = current {
            if extra.text == "---" || extra.text == "..." {
                throw YAMLError(line: extra.number, message: "only one document per file")
            }
            throw YAMLError(line: extra.number, message: "this line is indented less than the lines above it, or more than it should be")
        }
        return node
    }

    /// A mapping, a sequence or a scalar starting at the current line, at exactly `indent`.
    mutating func block(indent: Int) throws(YAMLError) -> YAMLNode {
        skipBlank()
        guard let line = current else { return YAMLNode(kind: .scalar(""), line: lines.last?.number ?? 1) }
        try checkTabs(line)
        guard depth < Reader.maxDepth else {
            throw YAMLError(line: line.number, message: "lists and keys are nested more than \(Reader.maxDepth) levels deep here")
        }
        depth += 1
        defer { depth -= 1 }
        if line.isSequenceItem { return try sequence(indent: indent) }
        if Reader.keySplit(line.text) != nil { return try mapping(indent: indent) }
        index += 1
        return try scalar(String(line.text), line: line.number, parentIndent: indent - 1)
    }

    func checkTabs(_ line: Line) throws(YAMLError) {
        if line.tabInIndent {
            throw YAMLError(line: line.number, message: "a tab in the indentation; indent with spaces")
        }
    }

    mutating func sequence(indent: Int) throws(YAMLError) -> YAMLNode {
        let start = current!.number
        var items: [YAMLNode] = []
        while true {
            skipBlank()
            guard let line = current, line.indent == indent, line.isSequenceItem else { break }
            let rest = Substring(line.text.utf8.dropFirst(1).drop { $0 == 32 })
            if rest.utf8.isEmpty || rest.utf8.first == 35 {
                index += 1
                skipBlank()
                if let next = current, next.indent > indent {
                    items.append(try block(indent: next.indent))
                } else {
                    items.append(YAMLNode(kind: .scalar(""), line: line.number))
                }
                continue
            }
            // "- key: value": the rest of the line is a block indented to where it starts.
            let column = indent + (line.text.utf8.count - rest.utf8.count)
            lines[index] = Line(number: line.number, indent: column, text: rest, raw: line.raw, tabInIndent: line.tabInIndent)
            if Line.isSequenceItem(rest) || Reader.keySplit(rest) != nil {
                items.append(try block(indent: column))
            } else {
                index += 1
                items.append(try scalar(String(rest), line: line.number, parentIndent: indent))
            }
        }
        return YAMLNode(kind: .sequence(items), line: start)
    }

    mutating func mapping(indent: Int) throws(YAMLError) -> YAMLNode {
        let start = current!.number
        var pairs: [YAMLNode.Pair] = []
        var seen: [String: Int] = [:]
        while true {
            skipBlank()
            guard let line = current else { break }
            if line.indent < indent { break }
            if line.indent > indent {
                throw YAMLError(line: line.number, message: "this line's indentation does not match the lines above it")
            }
            try checkTabs(line)
            guard let (rawKey, rawValue) = Reader.keySplit(line.text) else {
                if line.isSequenceItem || line.text == "---" || line.text == "..." { break }
                throw YAMLError(line: line.number, message: "expected 'key: value' here")
            }
            let key = try keyText(rawKey, line: line.number)
            if let first = seen[key] {
                throw YAMLError(line: line.number, message: "the key '\(key)' appears twice (first on line \(first))")
            }
            seen[key] = line.number
            index += 1
            let keyNode = YAMLNode(kind: .scalar(key), line: line.number)
            let value = Substring(rawValue.utf8.drop { $0 == 32 })
            var valueNode: YAMLNode
            if value.utf8.isEmpty || value.utf8.first == 35 {
                skipBlank()
                if let next = current, next.indent > indent {
                    valueNode = try block(indent: next.indent)
                } else if let next = current, next.indent == indent, next.isSequenceItem {
                    valueNode = try sequence(indent: indent)
                } else {
                    valueNode = YAMLNode(kind: .scalar(""), line: line.number)
                }
            } else {
                valueNode = try scalar(String(value), line: line.number, parentIndent: indent)
            }
            pairs.append(YAMLNode.Pair(key: keyNode, value: valueNode))
        }
        return YAMLNode(kind: .mapping(pairs), line: start)
    }

    func keyText(_ raw: Substring, line: Int) throws(YAMLError) -> String {
        if raw.utf8.first == UInt8(ascii: "\"") || raw.utf8.first == UInt8(ascii: "'") {
            var reader = Reader("")
            reader.lines = [Line(number: line, indent: 0, text: raw, raw: raw)]
            return try reader.quoted(String(raw), line: line, parentIndent: -1, allowTrailing: false)
        }
        try checkPlainStart(raw, line: line)
        return String(raw)
    }

    /// Splits "key: value" at the first ": " (or a final ":") outside quotes.
    static func keySplit(_ text: Substring) -> (Substring, Substring)? {
        guard let offset = keyColon(Array(text.utf8)) else { return nil }
        let bytes = text.utf8
        let colon = bytes.index(bytes.startIndex, offsetBy: offset)
        return (Substring(bytes[..<colon]), Substring(bytes[bytes.index(after: colon)...]))
    }

    /// Where the colon after a mapping key is (`key:` at the end or before a space), or nil.
    private static func keyColon(_ bytes: [UInt8]) -> Int? {
        guard let first = bytes.first else { return nil }
        if first == 34 || first == 39 {  // a quoted key
            var i = 1
            while i < bytes.count {
                let byte = bytes[i]
                if byte == 92, first == 34 {  // backslash escape
                    i += 2
                    continue
                }
                if byte == first {
                    let next = i + 1
                    if first == 39, next < bytes.count, bytes[next] == 39 { i = next + 1; continue }
                    guard next < bytes.count, bytes[next] == 58 else { return nil }
                    let after = next + 1
                    return after == bytes.count || bytes[after] == 32 ? next : nil
                }
                i += 1
            }
            return nil
        }
        if first == 35 { return nil }  // a comment
        if first == 45, bytes.count >= 2, bytes[1] == 32 { return nil }  // "- "
        var previous: UInt8 = 0
        for i in 0..<bytes.count {
            let byte = bytes[i]
            if byte == 58, i + 1 == bytes.count || bytes[i + 1] == 32 { return i }
            if byte == 35, previous == 32 { return nil }
            previous = byte
        }
        return nil
    }

    func checkPlainStart(_ text: Substring, line: Int) throws(YAMLError) {
        // The first byte, not the first Character: every character checked for is ASCII.
        guard let first = text.utf8.first else { return }
        switch first {
        case UInt8(ascii: "&"), UInt8(ascii: "*"):
            throw YAMLError(line: line, message: "anchors and aliases ('&', '*') are not supported; write the text out")
        case UInt8(ascii: "!"): throw YAMLError(line: line, message: "tags ('!') are not supported")
        case UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: "%"):
            throw YAMLError(line: line, message: "a value cannot start with '\(Character(Unicode.Scalar(first)))'; put it in double quotes")
        case UInt8(ascii: "{"):
            if text != "{}" { throw YAMLError(line: line, message: "'{ }' mappings are not supported; use one 'key: value' per line") }
        default: break
        }
    }

    /// The value after "key: " or "- ", possibly continuing on more-indented lines.
    mutating func scalar(_ text: String, line: Int, parentIndent: Int) throws(YAMLError) -> YAMLNode {
        let first = text.utf8.first!
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            return YAMLNode(kind: .scalar(try quoted(text, line: line, parentIndent: parentIndent, allowTrailing: true)), line: line)
        }
        if first == UInt8(ascii: "|") || first == UInt8(ascii: ">") {
            return YAMLNode(kind: .scalar(try blockScalar(text, line: line, parentIndent: parentIndent)), line: line)
        }
        if first == UInt8(ascii: "[") { return try flowSequence(text, line: line) }
        try checkPlainStart(Substring(text), line: line)
        var value = Reader.stripComment(text)
        if Reader.keySplit(Substring(value)) != nil {
            throw YAMLError(line: line, message: "a ': ' inside a value; put the whole value in double quotes")
        }
        // A plain value may go on over more-indented lines: they join with spaces, and a blank
        // line between them is a line break.
        var blank = 0
        while index < lines.count {
            let next = lines[index]
            if next.text.utf8.isEmpty { blank += 1; index += 1; continue }
            if next.indent <= parentIndent || next.text.utf8.first == 35 { break }
            if Reader.keySplit(next.text) != nil {
                throw YAMLError(line: next.number, message: "a ': ' inside a value that goes on from line \(line); put the value in double quotes")
            }
            value += blank > 0 ? String(repeating: "\n", count: blank) : " "
            value += Reader.stripComment(String(next.text))
            blank = 0
            index += 1
        }
        index -= blank
        return YAMLNode(kind: .scalar(value), line: line)
    }

    static func stripComment(_ text: String) -> String {
        guard let end = commentStart(Array(text.utf8)) else { return text }
        let bytes = text.utf8
        return String(Substring(bytes[..<bytes.index(bytes.startIndex, offsetBy: end)]))
    }

    /// Where a " #" comment begins, less the spaces before it; nil when there is none.
    private static func commentStart(_ bytes: [UInt8]) -> Int? {
        var previous: UInt8 = 0
        for i in 0..<bytes.count {
            if bytes[i] == 35, previous == 32 {
                var end = i - 1
                while end > 0, bytes[end - 1] == 32 { end -= 1 }
                return end
            }
            previous = bytes[i]
        }
        return nil
    }

    /// A quoted scalar; it may span lines (a line break folds to a space, a blank line is a break).
    mutating func quoted(_ start: String, line: Int, parentIndent: Int, allowTrailing: Bool) throws(YAMLError) -> String {
        // Works on UTF-8 bytes: quotes, backslashes and escapes are ASCII, and other bytes are
        // copied as they are.
        let quote = start.utf8.first!
        let quoteText = quote == 34 ? "\"" : "'"
        var segment = Array(start.utf8.dropFirst())
        var result: [UInt8] = []
        result.reserveCapacity(segment.count)
        var continuing = false
        var breaks = 0
        while true {
            if continuing {
                while result.last == 32 || result.last == 9 { result.removeLast() }
                if breaks > 0 { result += Array(repeating: 10, count: breaks) } else { result.append(32) }
                breaks = 0
            }
            var i = 0
            while i < segment.count {
                let c = segment[i]
                if c == quote {
                    if quote == 39, i + 1 < segment.count, segment[i + 1] == 39 {
                        result.append(39)
                        i += 2
                        continue
                    }
                    let rest = segment[(i + 1)...].drop { $0 == 32 }
                    if !rest.isEmpty, !(allowTrailing && rest.first == 35) {
                        throw YAMLError(line: line, message: "unexpected text after the closing quote")
                    }
                    return String(decoding: result, as: UTF8.self)
                }
                if c == 92, quote == 34 {
                    guard i + 1 < segment.count else {
                        throw YAMLError(line: line, message: "a '\\' at the end of a line is not supported")
                    }
                    let e = segment[i + 1]
                    i += 2
                    switch e {
                    case UInt8(ascii: "n"): result.append(10)
                    case UInt8(ascii: "t"): result.append(9)
                    case 92, 34, UInt8(ascii: "/"), 32: result.append(e)
                    case UInt8(ascii: "u"), UInt8(ascii: "U"), UInt8(ascii: "x"):
                        let length = e == UInt8(ascii: "u") ? 4 : (e == UInt8(ascii: "U") ? 8 : 2)
                        let hex = String(decoding: segment.dropFirst(i).prefix(length), as: UTF8.self)
                        guard hex.utf8.count == length, let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
                            throw YAMLError(line: line, message: "a bad '\\\(Character(Unicode.Scalar(e)))' escape in double quotes")
                        }
                        result += Array(String(scalar).utf8)
                        i += length
                    default:
                        throw YAMLError(line: line, message: "unknown escape '\\\(Character(Unicode.Scalar(e)))' in double quotes (write \\\\ for a backslash)")
                    }
                    continue
                }
                result.append(c)
                i += 1
            }
            // No closing quote yet: the value goes on to the next line.
            while true {
                guard index < lines.count else {
                    throw YAMLError(line: line, message: "the quote \(quoteText) opened here is never closed")
                }
                let next = lines[index]
                index += 1
                if next.text.isEmpty { breaks += 1; continue }
                if next.indent <= parentIndent {
                    throw YAMLError(line: line, message: "the quote \(quoteText) opened here is never closed")
                }
                segment = Array(next.text.utf8)
                continuing = true
                break
            }
        }
    }

    /// `|` keeps line breaks; `>` folds lines into one paragraph per blank-line-separated block.
    mutating func blockScalar(_ header: String, line: Int, parentIndent: Int) throws(YAMLError) -> String {
        let literal = header.first == "|"
        var chomp: Character = " "
        for c in Reader.stripComment(header).dropFirst() {
            guard c == "-" || c == "+", chomp == " " else {
                throw YAMLError(line: line, message: "after '\(header.first!)' only '-' or '+' are supported")
            }
            chomp = c
        }
        var body: [Substring?] = []
        var contentIndent: Int?
        while index < lines.count {
            let next = lines[index]
            if next.raw.utf8.allSatisfy({ $0 == 32 }) { body.append(nil); index += 1; continue }
            if next.indent <= parentIndent { break }
            if contentIndent == nil { contentIndent = next.indent }
            if next.indent < contentIndent! {
                throw YAMLError(line: next.number, message: "this line is indented less than the first line of the text above")
            }
            body.append(Substring(next.raw.utf8.dropFirst(contentIndent!)))
            index += 1
        }
        var trailing = 0
        while let last = body.last, last == nil { body.removeLast(); trailing += 1 }
        var text = ""
        if literal {
            text = body.map { $0.map(String.init) ?? "" }.joined(separator: "\n")
        } else {
            var previousWasText = false
            for entry in body {
                guard let part = entry else {
                    text.append("\n")
                    previousWasText = false
                    continue
                }
                if previousWasText { text.append(" ") }
                text += part
                previousWasText = true
            }
        }
        if body.isEmpty { return chomp == "+" ? String(repeating: "\n", count: trailing) : "" }
        switch chomp {
        case "-": return text
        case "+": return text + String(repeating: "\n", count: 1 + trailing)
        default: return text + "\n"
        }
    }

    func flowSequence(_ text: String, line: Int) throws(YAMLError) -> YAMLNode {
        let body = Reader.stripComment(text)
        guard body.hasSuffix("]") else {
            throw YAMLError(line: line, message: "a '[ ]' list must close on the same line")
        }
        let inner = body.dropFirst().dropLast()
        if inner.allSatisfy({ $0 == " " }) { return YAMLNode(kind: .sequence([]), line: line) }
        var items: [YAMLNode] = []
        for part in Reader.splitFlow(inner) {
            let item = part.trimmingCharacters(in: " ")
            if item.first == "\"" || item.first == "'" {
                var reader = Reader("")
                items.append(YAMLNode(kind: .scalar(try reader.quoted(item, line: line, parentIndent: -1, allowTrailing: false)), line: line))
            } else {
                if item.isEmpty || item.contains(where: { "[]{}:".contains($0) }) {
                    throw YAMLError(line: line, message: "in a '[ ]' list, separate plain words with commas (quote text with commas or colons)")
                }
                try checkPlainStart(Substring(item), line: line)
                items.append(YAMLNode(kind: .scalar(item), line: line))
            }
        }
        return YAMLNode(kind: .sequence(items), line: line)
    }
}

extension Reader {
    /// Splits the inside of a `[ ]` list at commas that are not inside quotes.
    static func splitFlow(_ inner: Substring) -> [Substring] {
        var parts: [Substring] = []
        var start = inner.startIndex
        var quote: Character?
        var i = inner.startIndex
        while i < inner.endIndex {
            let c = inner[i]
            if let open = quote {
                if c == "\\", open == "\"" { i = inner.index(after: i) } else if c == open { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "," {
                parts.append(inner[start..<i])
                start = inner.index(after: i)
            }
            if i < inner.endIndex { i = inner.index(after: i) }
        }
        parts.append(inner[start...])
        return parts
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}

import Foundation
import Testing
import TestSupport
import WaymarkContent
import Yams

/// The run-time YAML reader must read every file as a real YAML parser (Yams) does.
@Suite struct YAMLTests {
    indirect enum Tree: Equatable, CustomStringConvertible {
        case scalar(String)
        case mapping([String], [Tree])
        case sequence([Tree])

        var description: String {
            switch self {
            case .scalar(let s): return s.debugDescription
            case .mapping(let keys, let values): return "{" + zip(keys, values).map { "\($0): \($1)" }.joined(separator: ", ") + "}"
            case .sequence(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
            }
        }
    }

    static func tree(_ node: YAMLNode) -> Tree {
        switch node.kind {
        case .scalar(let s): return .scalar(s)
        case .mapping(let pairs): return .mapping(pairs.map { $0.key.string ?? "?" }, pairs.map { tree($0.value) })
        case .sequence(let items): return .sequence(items.map(tree))
        }
    }

    static func tree(_ node: Yams.Node) -> Tree {
        switch node {
        case .scalar(let scalar): return .scalar(scalar.string == "~" || scalar.string == "null" ? "" : scalar.string)
        case .mapping(let mapping): return .mapping(mapping.map { $0.key.string ?? "?" }, mapping.map { tree($0.value) })
        case .sequence(let sequence): return .sequence(sequence.map(tree))
        case .alias: return .scalar("<alias>")
        }
    }

    static func agree(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let ours = (try? YAML.parse(text)).flatMap { $0.map(tree) }
        let theirs = (try? Yams.compose(yaml: text)).flatMap { $0.map(tree) }
        #expect(ours == theirs, "\(text.debugDescription)", sourceLocation: sourceLocation)
    }

    static var shippedYAMLFiles: [String] {
        let root = Fixtures.repoRoot + "/Content"
        var files: [String] = []
        for language in (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + language)) ?? [] where name.hasSuffix(".yaml") {
                files.append("\(root)/\(language)/\(name)")
            }
        }
        return files.sorted()
    }

    @Test(arguments: shippedYAMLFiles)
    func everyShippedFileReadsAsYAMLReadsIt(_ file: String) throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let ours = try #require(try YAML.parse(text))
        let theirs = try #require(try Yams.compose(yaml: text))
        #expect(Self.tree(ours) == Self.tree(theirs))
    }

    @Test(arguments: [
        "a: b\nc: d\n",
        "# comment\nkey: value # trailing\n",
        "list:\n  - one\n  - two\n",
        "list:\n- one\n- two\nnext: x\n",
        "items:\n  - label: A\n    page: a\n  - label: B\n    help: true\n",
        "q: \"Esc: quick exit\"\n",
        "q: 'it''s'\n",
        "q: \"tab\\tnew\\nline \\u00f1 \\\"quoted\\\"\"\n",
        "q: \"folded\n  over lines\n\n  and a break\"\n",
        "plain: goes on\n  over the next line\n  and more\nnext: 1\n",
        "plain: para one\n\n  para two\n",
        "lit: |\n  line one\n  line two\n\n  after blank\nnext: x\n",
        "lit: |-\n  no newline at end\n",
        "lit: |+\n  keep\n\nnext: x\n",
        "fold: >\n  one\n  two\n\n  three\n",
        "fold: >-\n  one\n  two\n",
        "empty:\nnext: x\n",
        "flow: [a, b, \"c, d\"]\n",
        "flow: []\n",
        "nested:\n  deeper:\n    deepest: x\n  back: y\n",
        "- a\n- b: c\n  d: e\n- - x\n  - y\n",
        "url: http://example.org/a:b\n",
        "accents: ñandú é 中文\n",
        "\"quoted key\": v\n",
        "num: 860.763.4542\n",
        "yes: no\n",
        "---\na: b\n",
        "a: b\r\nc: d\r\n",
    ])
    func agreesWithYAMLOn(_ text: String) {
        Self.agree(text)
    }

    @Test(arguments: [
        ("a: b\na: c\n", 2, "the key 'a' appears twice (first on line 1)"),
        ("a: &x b\n", 1, "anchors and aliases ('&', '*') are not supported; write the text out"),
        ("a: *x\n", 1, "anchors and aliases ('&', '*') are not supported; write the text out"),
        ("a: !tag b\n", 1, "tags ('!') are not supported"),
        ("a: {b: c}\n", 1, "'{ }' mappings are not supported; use one 'key: value' per line"),
        ("a: \"open\nb: c\n", 1, "the quote \" opened here is never closed"),
        ("a: b: c\n", 1, "a ': ' inside a value; put the whole value in double quotes"),
        ("a:\n\tb: c\n", 2, "a tab in the indentation; indent with spaces"),
        ("a: b\n  c: d\n", 2, "a ': ' inside a value that goes on from line 1; put the value in double quotes"),
        ("a:\n  b: c\n d: e\n", 3, "this line's indentation does not match the lines above it"),
        ("a: [b, c\n", 1, "a '[ ]' list must close on the same line"),
        ("a: \"x\" y\n", 1, "unexpected text after the closing quote"),
        ("a: \"\\q\"\n", 1, "unknown escape '\\q' in double quotes (write \\\\ for a backslash)"),
        ("a: b\n---\nc: d\n", 2, "only one document per file"),
        ("just text\nkey: v\n", 2, "a ': ' inside a value that goes on from line 1; put the value in double quotes"),
    ] as [(String, Int, String)])
    func refusesWhatItDoesNotRead(_ text: String, _ line: Int, _ message: String) {
        #expect(throws: YAMLError(line: line, message: message)) { try YAML.parse(text) }
        // Where Yams reads it, the content would mean something we did not intend; where it does
        // not, both refuse. Either way an editor is told the line.
    }

    /// Issue 15: `- ` 30,000 deep on one line, or keys indented level after level, overflowed the
    /// stack. Past 64 levels the reader stops with the line, and 64 levels still read.
    @Test func deepNestingIsRefusedWithItsLine() throws {
        #expect(throws: YAMLError(line: 2, message: "lists and keys are nested more than 64 levels deep here")) {
            try YAML.parse("a:\n  " + String(repeating: "- ", count: 30_000) + "x\n")
        }
        let keys = (0..<2000).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " v\n"
        #expect(throws: YAMLError(line: 65, message: "lists and keys are nested more than 64 levels deep here")) {
            try YAML.parse(keys)
        }
        var node = try #require(try YAML.parse(String(repeating: "- ", count: 63) + "x\n"))
        for _ in 0..<63 { node = try #require(node.sequence?.first) }
        #expect(node.string == "x")
    }

    @Test func linesAreReported() throws {
        let node = try #require(try YAML.parse("# c\n\nmenus:\n  main:\n    items:\n      - label: x\n"))
        let main = try #require(node.mapping?["menus"]?.mapping?["main"])
        #expect(main.line == 5 || main.line == 4)
        let item = try #require(main.mapping?["items"]?.sequence?.first)
        #expect(item.line == 6)
        #expect(item.mapping?["label"]?.line == 6)
    }

    @Test func emptyOrCommentOnlyIsNothing() throws {
        #expect(try YAML.parse("") == nil)
        #expect(try YAML.parse("# just a comment\n\n") == nil)
    }

    @Test func randomMutationsNeverCrash() throws {
        let file = Fixtures.repoRoot + "/Content/en/menu.yaml"
        let original = Array(try String(contentsOfFile: file, encoding: .utf8).utf8)
        var state: UInt64 = 7
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let alphabet = Array(" :-#\"'|>[]{}\n\t&*!ab".utf8)
        for _ in 0..<2000 {
            var bytes = original
            for _ in 0..<(1 + next() % 4) {
                let at = next() % bytes.count
                switch next() % 3 {
                case 0: bytes[at] = alphabet[next() % alphabet.count]
                case 1: bytes.remove(at: at)
                default: bytes.insert(alphabet[next() % alphabet.count], at: at)
                }
            }
            _ = try? YAML.parse(String(decoding: bytes, as: UTF8.self))
        }
    }
}

import Foundation
import Testing
@testable import WaymarkContent

/// The checks every loader shares (ContentDecoder): each gives its problem at the right file:line.
@Suite struct ContentDecoderTests {
    func tree(_ text: String) throws -> YAMLNode { try #require(try YAML.parse(text)) }

    @Test func anUnknownKeyIsReportedAtItsLineWithTheKeysThereAre() throws {
        var decoder = ContentDecoder(file: "x.yaml")
        let mapping = try #require(decoder.mapping(try tree("title: A\n\nbogus: 1\nintro: B\n"), else: "not this"))
        decoder.unknownKeys(mapping, ["title", "intro"], in: "a section")
        decoder.unknownKeys(mapping, ["title", "intro"], hint: "is it misspelt?")
        #expect(decoder.problems.map(\.description) == [
            "x.yaml:3: unknown key 'bogus' in a section (expected title, intro)",
            "x.yaml:3: unknown key 'bogus' (is it misspelt?)",
        ])
    }

    @Test func isKnownLetsTheKnownKeysThroughInTheirOrder() throws {
        var decoder = ContentDecoder(file: "x.yaml")
        let mapping = try #require(try tree("b: 1\nzz: 2\na: 3\n").mapping)
        let known = mapping.filter { decoder.isKnown($0.key, ["a", "b"]) }.compactMap(\.key.string)
        #expect(known == ["b", "a"])
        #expect(decoder.problems.map(\.description) == ["x.yaml:2: unknown key 'zz' (expected a, b)"])
    }

    @Test func aWrongKindOfNodeIsReportedAtItsOwnLine() throws {
        let root = try #require(try tree("# a comment\nlist:\n  - a\nword: text\nempty: []\ntable:\n  k: v\n").mapping)
        var decoder = ContentDecoder(file: "x.yaml")
        #expect(decoder.mapping(root["list"], else: "needs a mapping") == nil)
        #expect(decoder.list(root["word"], else: "needs a list") == nil)
        #expect(decoder.list(root["empty"], else: "needs at least one") == nil)
        #expect(decoder.text(try #require(root["table"]), else: "needs some text") == nil)
        #expect(decoder.problems.map(\.description) == [
            "x.yaml:3: needs a mapping", "x.yaml:4: needs a list", "x.yaml:5: needs at least one", "x.yaml:7: needs some text",
        ])
        #expect(decoder.list(root["list"], else: "")?.compactMap(\.string) == ["a"])
        #expect(decoder.mapping(root["table"], else: "")?["k"]?.string == "v")
        #expect(decoder.problems.count == 4)
    }

    @Test func aMissingNodeIsReportedWhereItShouldHaveBeen() {
        var decoder = ContentDecoder(file: "x.yaml")
        #expect(decoder.mapping(nil, else: "needs 'words:'", missingAt: 7) == nil)
        #expect(decoder.list(nil, else: "needs 'items:'", missingAt: 9) == nil)
        #expect(decoder.problems.map(\.description) == ["x.yaml:7: needs 'words:'", "x.yaml:9: needs 'items:'"])
    }

    @Test(arguments: [("\"  \"", false), ("\"\\t\\n\"", false), ("\"\u{3000}\"", false), ("é", true), ("\"\u{3000}口\"", true), ("a", true)])
    func textIsMoreThanBlanks(_ value: String, _ isText: Bool) throws {
        var decoder = ContentDecoder(file: "x.yaml")
        let node = try #require(try tree("key: \(value)\n").mapping?["key"])
        #expect((decoder.text(node, else: "needs some text") != nil) == isText)
        #expect(decoder.problems.map(\.description) == (isText ? [] : ["x.yaml:1: needs some text"]))
    }

    @Test func aTableOfTextsNeedsEveryKeyAndNoOther() throws {
        let root = try #require(try tree("words:\n  yes: Yes\n  yse: No\n  maybe: \"\"\n").mapping)
        var decoder = ContentDecoder(file: "x.yaml")
        let table = decoder.texts(root["words"], section: "words", line: 1, keys: ["yes", "no", "maybe"])
        #expect(table == ["yes": "Yes"])
        #expect(decoder.problems.map(\.description) == [
            "x.yaml:3: unknown key 'yse' in 'words:' (is it misspelt?)",
            "x.yaml:4: 'maybe' needs some text",
            "x.yaml:1: 'words:' is missing 'no'",
        ])
    }

    @Test func readingGivesTheFilesOwnProblems() throws {
        let folder = NSTemporaryDirectory() + "decoder-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (text, expected) in [("# nothing\n", "1: the file is empty"), ("a: 1\nb: [x\n", "2: YAML: a '[ ]' list must close on the same line")] {
            let file = folder + "/f.yaml"
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            var decoder = ContentDecoder(file: file)
            #expect(decoder.read(context: nil) == nil)
            #expect(decoder.problems.map(\.description) == ["\(file):\(expected)"])
        }
        var missing = ContentDecoder(file: folder + "/none.yaml")
        #expect(missing.read(context: nil) == nil)
        #expect(missing.problems.map(\.line) == [0])
    }
}

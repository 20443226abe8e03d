import Foundation
import Testing
import TestSupport
import WaymarkContent

/// Random mutations of the shipped content files (issue 6, "Survives anything"): the loader and
/// `check` never crash, and every failure is a list of clear problems, each pointing at a file
/// inside the content folder and at a line that file has.
///
/// Seeded: set WAYMARK_FUZZ_SEED to replay a run; a failure prints the seed and the mutations.
@Suite struct LoaderFuzzTests {
    typealias Random = SeededRandom

    static let seed: UInt64 = {
        if let text = ProcessInfo.processInfo.environment["WAYMARK_FUZZ_SEED"], let seed = UInt64(text) { return seed }
        return UInt64.random(in: 0...UInt64.max)
    }()

    /// The files that are mutated, relative to the content folder.
    static let targets = [
        "en/menu.yaml", "en/strings.yaml", "en/pages/get-help.md", "en/pages/t-visa.md", "en/screener.yaml",
        "en/plan.yaml", "agency.yaml", "es/menu.yaml", "es/screener.yaml", "es/pages/get-help.md",
    ]

    /// Bytes that matter to the readers: YAML and Markdown markers, line ends, quotes, braces.
    static let interesting: [UInt8] = Array(":-#\"'{}[]|>*&!%@` \t\n\r\\,?".utf8) + [0]
    static let invalidUTF8: [[UInt8]] = [
        [0xFF], [0xFE], [0xC3], [0xE2, 0x82], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80],
        [0xF0, 0x9F, 0x98],
    ]

    /// One mutation of the bytes; returns a short description for the failure report.
    static func mutate(_ bytes: inout [UInt8], _ random: inout Random) -> String {
        let at = random.below(bytes.count + 1)
        func lineBounds(_ offset: Int) -> Range<Int> {
            var start = min(offset, bytes.count)
            while start > 0, bytes[start - 1] != 10 { start -= 1 }
            var end = start
            while end < bytes.count, bytes[end] != 10 { end += 1 }
            return start..<min(end + 1, bytes.count)
        }
        switch random.below(12) {
        case 0 where !bytes.isEmpty:
            let i = min(at, bytes.count - 1)
            let bit = UInt8(1 << random.below(8))
            bytes[i] ^= bit
            return "flip bit \(bit) at \(i)"
        case 1:
            let byte = interesting[random.below(interesting.count)]
            bytes.insert(byte, at: at)
            return "insert \(byte) at \(at)"
        case 2:
            let byte = UInt8(random.below(256))
            bytes.insert(byte, at: at)
            return "insert \(byte) at \(at)"
        case 3 where !bytes.isEmpty:
            let i = min(at, bytes.count - 1)
            let count = min(bytes.count - i, 1 + random.below(random.chance(20) ? 200 : 4))
            bytes.removeSubrange(i..<(i + count))
            return "delete \(count) at \(i)"
        case 4:
            let bad = invalidUTF8[random.below(invalidUTF8.count)]
            bytes.insert(contentsOf: bad, at: at)
            return "invalid UTF-8 \(bad) at \(at)"
        case 5:
            bytes.insert(0, at: at)
            return "NUL at \(at)"
        case 6:
            bytes.removeSubrange(at...)
            return "truncate at \(at)"
        case 7 where !bytes.isEmpty:
            let line = lineBounds(at)
            let copy = Array(bytes[line])
            bytes.insert(contentsOf: copy, at: line.upperBound)
            return "duplicate line at \(line.lowerBound)"
        case 8 where !bytes.isEmpty:
            let line = lineBounds(at)
            bytes.removeSubrange(line)
            return "delete line at \(line.lowerBound)"
        case 9 where !bytes.isEmpty:
            // Change a line's indentation (YAML structure).
            let line = lineBounds(at)
            if random.chance(50) {
                bytes.insert(contentsOf: Array(repeating: 32, count: 1 + random.below(4)), at: line.lowerBound)
                return "indent line at \(line.lowerBound)"
            }
            var end = line.lowerBound
            while end < line.upperBound, bytes[end] == 32 { end += 1 }
            bytes.removeSubrange(line.lowerBound..<end)
            return "unindent line at \(line.lowerBound)"
        case 10 where !bytes.isEmpty:
            // Move a line somewhere else.
            let line = lineBounds(at)
            let copy = Array(bytes[line])
            bytes.removeSubrange(line)
            let to = lineBounds(random.below(bytes.count + 1)).lowerBound
            bytes.insert(contentsOf: copy, at: to)
            return "move line \(line.lowerBound) to \(to)"
        case 11:
            // Structure-shaped text: a key, a list item, a placeholder, a heading.
            let pieces = ["\nkey: value\n", "\n  - ", ": ", "{agency.nope}", "{agency.phone}", "\n# Title\n", "\n## \n",
                          "**", "\"", "next: results", "id: in_us\n", "- id: go-bag\n", "page: nowhere\n", "&a ", "*a",
                          "!!str ", "|\n", ">\n", "\u{FEFF}", "\r\n", "\t", String(repeating: "x", count: 3000)]
            let piece = Array(pieces[random.below(pieces.count)].utf8)
            bytes.insert(contentsOf: piece, at: at)
            return "insert \(String(decoding: piece.prefix(20), as: UTF8.self).debugDescription) at \(at)"
        default:
            bytes.append(UInt8(random.below(256)))
            return "append a byte"
        }
    }

    /// Each problem: a message, a file inside the content folder, a line that file has.
    static func checkProblems(_ problems: [ContentProblem], root: String, context: @autoclosure () -> String,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        for problem in problems {
            let message = problem.message.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(!message.isEmpty, "an empty message: \(problem) — \(context())", sourceLocation: sourceLocation)
            #expect(!problem.message.contains("\n"), "a message over several lines: \(problem.description.debugDescription) — \(context())",
                    sourceLocation: sourceLocation)
            #expect(problem.file == root || problem.file.hasPrefix(root + "/"),
                    "file outside the content folder: \(problem) — \(context())", sourceLocation: sourceLocation)
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: problem.file, isDirectory: &isFolder)
            if exists, !isFolder.boolValue, let data = FileManager.default.contents(atPath: problem.file) {
                let lines = data.reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
                #expect((0...lines).contains(problem.line),
                        "line \(problem.line) outside 0...\(lines): \(problem) — \(context())", sourceLocation: sourceLocation)
            } else {
                #expect(problem.line == 0, "a folder or missing file reported at a line: \(problem) — \(context())",
                        sourceLocation: sourceLocation)
            }
        }
    }

    @Test func randomMutationsOfTheShippedFilesGiveClearProblems() throws {
        let seed = Self.seed
        print("LoaderFuzzTests seed: \(seed) (replay with WAYMARK_FUZZ_SEED=\(seed))")
        var random = Random(seed: seed)
        let root = Fixtures.copyOfShippedContent()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var originals: [String: [UInt8]] = [:]
        for target in Self.targets {
            originals[target] = Array(try #require(FileManager.default.contents(atPath: root + "/" + target)))
        }
        let iterations = 300
        var failedLoads = 0, failedChecks = 0, problemCount = 0
        for iteration in 0..<iterations {
            // Put back what the last round changed, then break one or two files a few ways.
            for (target, bytes) in originals { _ = FileManager.default.createFile(atPath: root + "/" + target, contents: Data(bytes)) }
            var log: [String] = []
            for _ in 0..<(random.chance(70) ? 1 : 2) {
                let target = Self.targets[random.below(Self.targets.count)]
                var bytes = Array(FileManager.default.contents(atPath: root + "/" + target) ?? Data())
                for _ in 0..<(1 + random.below(4)) { log.append("\(target): " + Self.mutate(&bytes, &random)) }
                _ = FileManager.default.createFile(atPath: root + "/" + target, contents: Data(bytes))
            }
            let context = "seed \(seed), iteration \(iteration): \(log.joined(separator: "; "))"

            let language = random.chance(50) ? "en" : "es"
            do {
                _ = try ContentLoader.load(directory: root, language: language)
            } catch {
                failedLoads += 1
                #expect(!error.problems.isEmpty, "a failure with no problems — \(context)")
                Self.checkProblems(error.problems, root: root, context: context)
            }
            do {
                _ = try ContentLoader.load(directory: root, language: language, extent: .firstScreen)
            } catch {
                #expect(!error.problems.isEmpty, "a first-screen failure with no problems — \(context)")
                Self.checkProblems(error.problems, root: root, context: context)
            }
            let problems = ContentLoader.check(directory: root)
            if !problems.isEmpty { failedChecks += 1 }
            problemCount += problems.count
            Self.checkProblems(problems, root: root, context: context)
        }
        print("LoaderFuzzTests: \(iterations) rounds, \(failedLoads) loads and \(failedChecks) checks failed, \(problemCount) problems reported")
        // The mutations must mostly break something, or the test proves little.
        #expect(failedChecks > iterations / 2, "only \(failedChecks) of \(iterations) mutated folders had problems (seed \(seed))")
    }

    /// Whole-file cases the random rounds rarely reach: empty, only NULs, random bytes, one huge line.
    @Test(arguments: ["en/menu.yaml", "en/strings.yaml", "en/pages/get-help.md", "en/screener.yaml", "en/plan.yaml", "agency.yaml"])
    func wholeFileReplacements(_ target: String) throws {
        var random = Random(seed: Self.seed ^ UInt64(target.hashValue & 0x7FFF_FFFF))
        let replacements: [(String, [UInt8])] = [
            ("empty", []),
            ("only NULs", Array(repeating: 0, count: 64)),
            ("random bytes", (0..<4096).map { _ in UInt8(random.below(256)) }),
            ("random ASCII", (0..<4096).map { _ in UInt8(32 + random.below(95)) }),
            ("one long line", Array(String(repeating: "a: ", count: 50_000).utf8)),
            ("deep indentation", Array((0..<500).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined().utf8)),
            ("a lone colon", Array(":\n".utf8)),
            ("a list at the top", Array("- a\n- b\n".utf8)),
        ]
        for (name, bytes) in replacements {
            let root = Fixtures.copyOfShippedContent()
            defer { try? FileManager.default.removeItem(atPath: root) }
            _ = FileManager.default.createFile(atPath: root + "/" + target, contents: Data(bytes))
            let context = "\(target) replaced by \(name)"
            do {
                _ = try ContentLoader.load(directory: root, language: "en")
                Issue.record("loaded without a problem — \(context)")
            } catch {
                #expect(!error.problems.isEmpty, "\(context)")
                Self.checkProblems(error.problems, root: root, context: context)
            }
            let problems = ContentLoader.check(directory: root)
            #expect(!problems.isEmpty, "check found nothing — \(context)")
            Self.checkProblems(problems, root: root, context: context)
        }
    }
}

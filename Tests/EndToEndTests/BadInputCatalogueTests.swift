import Foundation
import Testing
import TestSupport

/// Issue 6, "Bad input catalogue": bad content, bad command lines and bad surroundings, each with
/// the exact message and exit status the real binary gives. Rows that need no terminal are one
/// table (`BadInputCatalogueTests.catalogue`); rows that need one run in tmux
/// (`BadInputTerminalCatalogueTests`).
@Suite struct BadInputCatalogueTests {
    /// A fresh copy of the shipped content for one row, and helpers to break it.
    struct Fixture {
        let root: String
        /// The 1-based line of the first line containing `needle` in the shipped file.
        func line(of needle: String, in file: String) -> Int {
            let text = (try? String(contentsOfFile: Fixtures.repoRoot + "/Content/" + file, encoding: .utf8)) ?? ""
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            return 1 + (lines.firstIndex { $0.contains(needle) } ?? -1)
        }
        func replace(_ old: String, with new: String, in file: String) throws {
            let path = root + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard let range = text.range(of: old) else { throw FixtureError("'\(old)' is not in \(file)") }
            try text.replacingCharacters(in: range, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        }
        func write(_ bytes: [UInt8], to file: String) throws {
            guard FileManager.default.createFile(atPath: root + "/" + file, contents: Data(bytes)) else {
                throw FixtureError("cannot write \(file)")
            }
        }
        func write(_ text: String, to file: String) throws { try write(Array(text.utf8), to: file) }
        func remove(_ file: String) throws { try FileManager.default.removeItem(atPath: root + "/" + file) }
        /// Replaces the file with a FIFO (nothing ever writes to it).
        func fifo(_ file: String) throws {
            try remove(file)
            guard mkfifo(root + "/" + file, 0o600) == 0 else { throw FixtureError("mkfifo \(file) failed") }
        }
    }

    struct FixtureError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// What one stream must hold.
    enum Expect: Sendable {
        case exactly(String)
        case prefix(String)
        /// Each of these, somewhere.
        case contains([String])
        /// Every line passes the check, and there is at least one line.
        case everyLine(@Sendable (String) -> Bool, also: [String])
        case empty
        case anything

        func failure(_ text: String) -> String? {
            switch self {
            case .exactly(let expected): return text == expected ? nil : "expected exactly \(expected.debugDescription)"
            case .prefix(let expected): return text.hasPrefix(expected) ? nil : "expected to start with \(expected.debugDescription)"
            case .contains(let pieces):
                let missing = pieces.filter { !text.contains($0) }
                return missing.isEmpty ? nil : "missing \(missing.map(\.debugDescription).joined(separator: ", "))"
            case .everyLine(let check, let pieces):
                let lines = text.split(separator: "\n").map(String.init)
                if lines.isEmpty { return "expected lines, got none" }
                if let bad = lines.first(where: { !check($0) }) { return "a line is not as expected: \(bad.debugDescription)" }
                let missing = pieces.filter { !text.contains($0) }
                return missing.isEmpty ? nil : "missing \(missing.map(\.debugDescription).joined(separator: ", "))"
            case .empty: return text.isEmpty ? nil : "expected nothing"
            case .anything: return nil
            }
        }
    }

    struct Row: Sendable, CustomTestStringConvertible {
        let name: String
        var prepare: @Sendable (Fixture) throws -> Void = { _ in }
        let arguments: @Sendable (Fixture) -> [String]
        var environment: [String: String] = [:]
        var input: String = ""
        let status: Int32
        var stdout: @Sendable (Fixture) -> Expect = { _ in .empty }
        var stderr: @Sendable (Fixture) -> Expect = { _ in .empty }
        /// Rows that used to hang get killed sooner than the default.
        var seconds: Double = 120
        var testDescription: String { name }
    }

    /// `check-content` on the broken copy: exactly these problems, and the count on stderr.
    static func checkContent(_ name: String, prepare: @escaping @Sendable (Fixture) throws -> Void,
                             problems: @escaping @Sendable (Fixture) -> [String], seconds: Double = 120) -> Row {
        Row(name: name, prepare: prepare, arguments: { ["check-content", $0.root] }, status: 65,
            stdout: { f in .exactly(problems(f).map { "\(f.root)/\($0)\n" }.joined()) },
            stderr: { f in .exactly("waymark: \(problems(f).count) problem(s) in \(f.root)\n") }, seconds: seconds)
    }

    /// The usage line swift-argument-parser prints after a mistake in the command line.
    static let seeHelp = "  See 'waymark run --help' for more information.\n"

    static let catalogue: [Row] = [
        // Content, found when the program starts (the first screen's files: menus, words, agency).
        Row(name: "malformed YAML in menu.yaml (program start)",
            prepare: { try $0.replace("title: What trafficking is", with: "title: [What trafficking is", in: "en/menu.yaml") },
            arguments: { ["--content", $0.root] }, status: 65,
            stderr: { f in .exactly("waymark: \(f.root)/en/menu.yaml:\(f.line(of: "title: What trafficking is", in: "en/menu.yaml")): YAML: a '[ ]' list must close on the same line\n") }),
        Row(name: "missing Content folder",
            arguments: { _ in ["--content", "/nonexistent"] }, status: 65,
            stderr: { _ in .exactly("waymark: /nonexistent:0: no content folder here (expected a folder with en/ and es/ inside)\n") }),
        Row(name: "a file given as the Content folder",
            arguments: { ["--content", $0.root + "/agency.yaml"] }, status: 65,
            stderr: { f in .exactly("waymark: \(f.root)/agency.yaml:0: no content folder here (expected a folder with en/ and es/ inside)\n") }),
        Row(name: "YAML nested 30,000 deep (program start)",
            prepare: { try $0.write(String(repeating: "- ", count: 30_000) + "x\n", to: "en/menu.yaml") },
            arguments: { ["--content", $0.root] }, status: 65,
            stderr: { f in .exactly("waymark: \(f.root)/en/menu.yaml:1: YAML: lists and keys are nested more than 64 levels deep here\n") }),
        Row(name: "a FIFO as menu.yaml (program start)", prepare: { try $0.fifo("en/menu.yaml") },
            arguments: { ["--content", $0.root] }, status: 65,
            stderr: { f in .exactly("waymark: \(f.root)/en/menu.yaml:0: this is not a plain file (a pipe, a device or a folder?); content files must be text files\n") },
            seconds: 15),
        // A language is a folder with a language.yaml: without es/ there is no Spanish to ask for.
        Row(name: "a Content folder without es/, started in Spanish",
            prepare: { try $0.remove("es") }, arguments: { ["--content", $0.root, "--lang", "es"] }, status: 64,
            stderr: { _ in .prefix("Error: unknown language 'es'; use one of: en (English)\nUsage: waymark run ") }),
        Row(name: "a missing strings key (program start)",
            prepare: { try $0.replace("footer.quit: quit\n", with: "", in: "en/strings.yaml") },
            arguments: { ["--content", $0.root] }, status: 65,
            stderr: { f in .everyLine({ $0.hasPrefix("waymark: \(f.root)/en/strings.yaml:") && $0.hasSuffix(": missing 'footer.quit'") }, also: []) }),

        // Content, found by check-content (every file, every language).
        checkContent("an unknown menu target id",
                     prepare: { try $0.replace("menu: dv\n", with: "menu: dvv\n", in: "en/menu.yaml") },
                     problems: { f in [
                         "en/menu.yaml:\(f.line(of: "label: Trafficking and domestic violence", in: "en/menu.yaml")): item 'Trafficking and domestic violence': there is no menu 'dvv'",
                         "en/menu.yaml:\(f.line(of: "  dv:", in: "en/menu.yaml")): menu 'dv' cannot be reached from the main menu",
                         "en/pages/intimate-partner-trafficking.md:1: no menu opens this page (add it to menu.yaml)",
                         "en/pages/trafficking-by-family.md:1: no menu opens this page (add it to menu.yaml)",
                     ] }),
        checkContent("an unknown key in a menu item",
                     prepare: { try $0.replace("page: get-help", with: "pgae: get-help", in: "en/menu.yaml") },
                     problems: { f in [
                         "en/menu.yaml:\(f.line(of: "page: get-help", in: "en/menu.yaml")): unknown key 'pgae' (expected label, page, menu, screener, help, language, plan or settings)",
                         "en/menu.yaml:\(f.line(of: "label: Get help now", in: "en/menu.yaml")): item 'Get help now' needs exactly one of page, menu, screener, help, language, plan or settings",
                         "en/pages/get-help.md:1: no menu opens this page (add it to menu.yaml)",
                     ] }),
        checkContent("an empty page", prepare: { try $0.write("", to: "en/pages/self-care.md") },
                     problems: { _ in ["en/pages/self-care.md:1: the page is empty"] }),
        checkContent("a page without a title", prepare: { try $0.write("Some text\n\nMore text\n", to: "en/pages/self-care.md") },
                     problems: { _ in ["en/pages/self-care.md:1: a page must start with its title, like '# My title'"] }),
        checkContent("a 10 MB page",
                     prepare: { try $0.write("# Big\n\n" + String(repeating: "x", count: 10_000_000 - 8) + "\n", to: "en/pages/self-care.md") },
                     problems: { _ in ["en/pages/self-care.md:0: the file is too large (10000 kB; the limit is 1000 kB)"] }),
        checkContent("invalid UTF-8 in a page",
                     prepare: { try $0.write(Array("# T\n\nfine\nbad ".utf8) + [0xFF, 0xFE] + Array(" here\n".utf8), to: "en/pages/self-care.md") },
                     problems: { _ in ["en/pages/self-care.md:4: this line is not valid UTF-8 text (save the file as UTF-8)"] }),
        checkContent("a binary file as a page",
                     prepare: { f in
                         let binary = try Data(contentsOf: URL(fileURLWithPath: Binary.path)).prefix(4096)
                         try f.write(Array(binary), to: "en/pages/self-care.md")
                     },
                     problems: { _ in ["en/pages/self-care.md:1: a NUL byte: this does not look like a text file"] }),
        // Without es/ there is no Spanish (a language is a folder with a language.yaml), so the
        // Spanish words left in agency.yaml are for a language the content does not have.
        checkContent("a Content folder without es/", prepare: { try $0.remove("es") },
                     problems: { _ in
                         let text = (try? String(contentsOfFile: Fixtures.repoRoot + "/Content/agency.yaml", encoding: .utf8)) ?? ""
                         return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                             .filter { $0.element.drop { $0 == " " }.hasPrefix("es:") }
                             .map { "agency.yaml:\($0.offset + 1): 'es' is not a language Waymark has (en)" }
                     }),
        checkContent("a duplicate YAML key",
                     prepare: { try $0.replace("footer.help: help\n", with: "footer.help: help\nfooter.help: again\n", in: "en/strings.yaml") },
                     problems: { f in
                         let first = f.line(of: "footer.help: help", in: "en/strings.yaml")
                         return ["en/strings.yaml:\(first + 1): YAML: the key 'footer.help' appears twice (first on line \(first))"]
                     }),
        checkContent("a screener question leading to an unknown id",
                     prepare: { try $0.replace("    next: forced_labor\n", with: "    next: forced_labour\n", in: "en/screener.yaml") },
                     problems: { f in [
                         "en/screener.yaml:\(f.line(of: "    next: forced_labor", in: "en/screener.yaml")): question 'at_port_of_entry' leads to 'forced_labour': there is no such question (write a question id or 'results')",
                     ] }),
        checkContent("a plan.yaml with a duplicate item id",
                     prepare: { try $0.replace("id: go-bag-keys", with: "id: go-bag-cash", in: "en/plan.yaml") },
                     problems: { f in [
                         "en/plan.yaml:\(f.line(of: "id: go-bag-keys", in: "en/plan.yaml")): the id 'go-bag-cash' is used twice (first on line \(f.line(of: "id: go-bag-cash", in: "en/plan.yaml"))); every id must be different",
                     ] }),
        checkContent("agency.yaml with a bad phone number",
                     prepare: { try $0.replace("\nphone: 860.763.4542", with: "\nphone: call-us-now", in: "agency.yaml") },
                     problems: { f in [
                         "agency.yaml:\(f.line(of: "phone: 860.763.4542", in: "agency.yaml")): 'phone': 'call-us-now' is not a phone number (write its digits, with . - ( ) + or spaces between them, e.g. 860.763.4542 or 1-888-373-7888)",
                     ] }),
        checkContent("YAML nested 30,000 deep",
                     prepare: { try $0.write(String(repeating: "- ", count: 30_000) + "x\n", to: "en/strings.yaml") },
                     problems: { _ in ["en/strings.yaml:1: YAML: lists and keys are nested more than 64 levels deep here"] }),
        checkContent("a FIFO as a page", prepare: { try $0.fifo("en/pages/self-care.md") },
                     problems: { _ in ["en/pages/self-care.md:0: this is not a plain file (a pipe, a device or a folder?); content files must be text files"] },
                     seconds: 15),
        checkContent("a folder as a page", prepare: { f in
                         try f.remove("en/pages/self-care.md")
                         try FileManager.default.createDirectory(atPath: f.root + "/en/pages/self-care.md", withIntermediateDirectories: false)
                     },
                     problems: { _ in ["en/pages/self-care.md:0: this is not a plain file (a pipe, a device or a folder?); content files must be text files"] }),
        checkContent("escape sequences in a file name",
                     prepare: { try $0.write("# T\n", to: "en/pages/x\u{1B}]0;owned\u{7}\u{1B}[2J.md") },
                     problems: { _ in ["en/pages/x^[]0;owned^G^[[2J.md:0: a page file name may use only a-z, 0-9 and '-' (it is the page's id)"] }),
        Row(name: "escape sequences in the content (plain mode)",
            prepare: { try $0.replace("title: Waymark\n", with: "title: Way\u{1B}]0;owned\u{7}mark\u{1B}[2J\u{9B}31m\n", in: "en/menu.yaml") },
            arguments: { ["--plain", "--content", $0.root] }, status: 0,
            stdout: { _ in .everyLine({ !$0.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" || $0 == "\u{7}" } },
                                      also: ["Way^[]0;owned^Gmark^[[2J^[[31m", "1. Get help now"]) }),
        checkContent("an empty menu.yaml", prepare: { try $0.write("", to: "en/menu.yaml") },
                     problems: { _ in ["en/menu.yaml:1: the file is empty"] }),
        checkContent("a missing menu.yaml", prepare: { try $0.remove("en/menu.yaml") },
                     problems: { _ in ["en/menu.yaml:0: cannot read this file (missing, or no permission)"] }),
        Row(name: "check-content on a folder with several problems: every one as file:line",
            prepare: { f in
                try f.write("", to: "en/pages/self-care.md")
                try f.write("# T\n\n**open\n", to: "es/pages/privacy.md")
                try f.replace("menu: dv\n", with: "menu: dvv\n", in: "en/menu.yaml")
                try f.replace("\nphone: 860.763.4542", with: "\nphone: nope", in: "agency.yaml")
            },
            arguments: { ["check-content", $0.root] }, status: 65,
            stdout: { f in
                .everyLine({ line in
                    // file:line: message, the file inside the folder, the line a number.
                    guard line.hasPrefix(f.root + "/") else { return false }
                    let parts = line.dropFirst(f.root.count + 1).split(separator: ":", maxSplits: 2)
                    return parts.count == 3 && Int(parts[1]) != nil && parts[2].hasPrefix(" ") && parts[2].count > 1
                }, also: [
                    "\(f.root)/en/pages/self-care.md:1: the page is empty",
                    "\(f.root)/es/pages/privacy.md:3: '**' starts bold text that is never closed with another '**'",
                    "there is no menu 'dvv'",
                    "'phone': 'nope' is not a phone number",
                ])
            },
            stderr: { f in .everyLine({ $0.hasPrefix("waymark: ") && $0.hasSuffix(" problem(s) in \(f.root)") }, also: []) }),
        Row(name: "check-content on a folder that does not exist",
            arguments: { _ in ["check-content", "/nonexistent"] }, status: 65,
            stdout: { _ in .exactly("/nonexistent:0: no content folder here (expected a folder with en/ and es/ inside)\n") },
            stderr: { _ in .exactly("waymark: 1 problem(s) in /nonexistent\n") }),

        // The command line.
        Row(name: "an unknown command-line flag", arguments: { _ in ["--colour"] }, status: 64,
            stderr: { _ in .prefix("Error: Unknown option '--colour'\nUsage: waymark run ") }),
        Row(name: "--lang fr", arguments: { _ in ["--lang", "fr"] }, status: 64,
            stderr: { _ in .prefix("Error: unknown language 'fr'; use one of: en (English), es (Español)\nUsage: waymark run ") }),
        Row(name: "--plan-file without a path", arguments: { _ in ["--plan-file"] }, status: 64,
            stderr: { _ in .prefix("Error: Missing value for '--plan-file <PATH>'\n") }),
        Row(name: "an unexpected argument", arguments: { _ in ["extra"] }, status: 64,
            stderr: { _ in .prefix("Error: Unexpected argument 'extra'\nUsage: waymark run ") }),
        Row(name: "screen: an answer that is not yes, no or unsure", arguments: { _ in ["screen", "--answer", "in_us=maybe"] }, status: 64,
            stderr: { _ in .exactly("waymark: 'maybe' is not an answer for in_us; the answers are: yes, no, unsure\n") }),
        Row(name: "screen: an unknown question id", arguments: { _ in ["screen", "--answer", "nope=yes"] }, status: 64,
            stderr: { _ in .prefix("waymark: unknown question id 'nope'; the ids are: in_us, at_port_of_entry, ") }),
        Row(name: "screen: an answer without =", arguments: { _ in ["screen", "--answer", "in_us"] }, status: 64,
            stderr: { _ in .exactly("waymark: 'in_us' is not ID=VALUE (for example in_us=yes)\n") }),
        Row(name: "screen: a broken screener.yaml",
            prepare: { try $0.replace("    next: forced_labor\n", with: "    next: forced_labour\n", in: "en/screener.yaml") },
            arguments: { ["screen", "--content", $0.root, "--answer", "in_us=yes"] }, status: 65,
            stdout: { _ in .empty },
            stderr: { f in .exactly("waymark: \(f.root)/en/screener.yaml:\(f.line(of: "    next: forced_labor", in: "en/screener.yaml")): question 'at_port_of_entry' leads to 'forced_labour': there is no such question (write a question id or 'results')\n") }),

        // The surroundings.
        Row(name: "standard input is not a terminal (a known TERM)", arguments: { _ in [] }, status: 2,
            stdout: { _ in .empty },
            stderr: { _ in .prefix("waymark: standard input is not a terminal; start waymark from a terminal window") }),
    ]

    static func environment(_ extra: [String: String], home: String) -> [String: String] {
        var environment = ["PATH": "/usr/bin:/bin", "HOME": home, "XDG_DATA_HOME": home + "/data", "LANG": "C.UTF-8",
                           "TERM": "xterm-256color"]
        environment.merge(extra) { $1 }
        return environment
    }

    @Test func theCatalogueHasAtLeastTwentyRows() {
        #expect(Self.catalogue.count + BadInputTerminalCatalogueTests.rows >= 20)
        #expect(Self.catalogue.count >= 20)
    }

    @Test(arguments: catalogue)
    func badInput(_ row: Row) throws {
        let root = Fixtures.copyOfShippedContent()
        let home = Fixtures.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: home)
        }
        let fixture = Fixture(root: root)
        try row.prepare(fixture)
        let result = Binary.run(row.arguments(fixture), input: row.input, environment: Self.environment(row.environment, home: home),
                                seconds: row.seconds)
        #expect(result.status == row.status, "\(row.name): exit status\nstderr: \(result.error)")
        if let failure = row.stdout(fixture).failure(result.output) {
            Issue.record("\(row.name): standard output: \(failure)\ngot: \(result.output.debugDescription)")
        }
        if let failure = row.stderr(fixture).failure(result.error) {
            Issue.record("\(row.name): standard error: \(failure)\ngot: \(result.error.debugDescription)")
        }
    }

    /// TERM unset, "dumb" or unknown: the plain line mode starts by itself, and with input from
    /// /dev/null it prints the main menu and ends, status 0, at the end of the input.
    @Test(arguments: [nil, "dumb", "no-such-terminal-xyz"] as [String?])
    func aTerminalTypeThatCannotDrawGivesPlainMode(_ term: String?) throws {
        let home = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        var environment = Self.environment([:], home: home)
        environment["TERM"] = term
        let result = Spawn.run(Binary.path, [], input: nil, environment: environment)
        let output = result.output
        #expect(result.status == 0, "TERM=\(term ?? "(unset)"): \(result.error)")
        #expect(output.contains("1. Get help now"), "TERM=\(term ?? "(unset)"): the main menu, numbered:\n\(output)")
        #expect(output.contains("Esc"), "the way out is named")
        #expect(!output.contains("\u{1B}["), "no cursor addressing or colours")
    }
}

/// Catalogue rows that need a terminal: run in tmux.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (apt-get install tmux)"))
struct BadInputTerminalCatalogueTests {
    /// How many catalogue rows this suite holds (counted into the catalogue's total).
    static let rows = 7

    func start(_ tmux: Tmux, _ arguments: String = "") {
        tmux.type("echo MARKER-BEFORE; \(Binary.path) \(arguments); echo \"exit=$?\"")
    }

    @Test func aOneByOneTerminal() {
        let tmux = Tmux(width: 80, height: 24)
        tmux.resize(width: 1, height: 1)
        let deadline = Date().addingTimeInterval(3)
        while Date() < deadline, tmux.paneSize() != "1x1" { usleep(20_000) }
        start(tmux)
        // One cell: the start of "Make the window bigger" or of "Esc", and no crash.
        #expect(tmux.waitFor(seconds: 5) { screen in
            let cell = screen.trimmingCharacters(in: .whitespacesAndNewlines)
            return !cell.isEmpty && ["Make the window bigger", "Esc"].contains { $0.hasPrefix(cell) }
        }, "1x1 shows the start of the too-small screen, got \(tmux.screen().debugDescription)")
        usleep(500_000)
        #expect(tmux.foreground() != "bash", "still running at 1x1")
        tmux.resize(width: 80, height: 24)
        #expect(tmux.waitFor { $0.contains("Get help now") && $0.contains("Esc: quick exit") }, "the menu is back at 80x24")
        tmux.press("Escape")
        #expect(tmux.waitForExit(seconds: 2))
        #expect(tmux.waitFor { $0.contains("exit=0") })
        let all = tmux.everything()
        for word in ["MARKER-BEFORE", "Waymark", "Get help now", "bigger", "Esc"] {
            #expect(!all.contains(word), "'\(word)' left behind:\n\(all)")
        }
    }

    /// Opens "My safety plan" on a file that cannot be used, gives a passphrase, and expects the
    /// message; the file's bytes are the same afterwards.
    func openPlan(on bytes: [UInt8], expecting message: String) throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/plan"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let tmux = Tmux(width: 80, height: 24, environment: ["XDG_DATA_HOME": folder + "/data"])
        start(tmux, "--plan-file \(path)")
        try #require(tmux.waitFor { $0.contains("Get help now") })
        tmux.press("7")
        #expect(tmux.waitFor { $0.contains("Type your passphrase") })
        tmux.type("a passphrase")
        #expect(tmux.waitFor(seconds: 20) { $0.contains(message) }, "expected \(message.debugDescription), got:\n\(tmux.screen())")
        #expect(tmux.foreground() != "bash", "still running")
        tmux.press("Escape")
        #expect(tmux.waitForExit(seconds: 5))
        #expect(tmux.waitFor { $0.contains("exit=0") })
        #expect(!tmux.everything().contains("plan"), "cleared")
        let after = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(after) == bytes, "the plan file's bytes are unchanged")
        let others = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        #expect(Set(others).isSubset(of: ["plan", "data"]), "nothing else written beside it: \(others)")
    }

    @Test func aPlanFileOfRandomBytes() throws {
        var random = SystemRandomNumberGenerator()
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }
        try openPlan(on: bytes, expecting: "The file where the plan is kept is not a Waymark plan. It was left as it")
    }

    @Test func aDamagedPlanFile() throws {
        var random = SystemRandomNumberGenerator()
        let bytes = Array("WAYMARK1".utf8) + (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }
        try openPlan(on: bytes, expecting: "The saved plan is damaged and cannot be opened. It was left as it is.")
    }

    /// Issue 15: a plan path that is a symlink loop said "Your plan could not be saved" when
    /// nothing was being saved. It is a file that cannot be used, and it is left alone.
    @Test func aPlanPathThatIsASymlinkLoop() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/plan"
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: path)
        let tmux = Tmux(width: 100, height: 24, environment: ["XDG_DATA_HOME": folder + "/data"])
        start(tmux, "--plan-file \(path)")
        try #require(tmux.waitFor { $0.contains("Get help now") })
        tmux.press("7")
        if tmux.waitFor(seconds: 3, { $0.contains("Type your passphrase") }) { tmux.type("a passphrase") }
        #expect(tmux.waitFor(seconds: 20) { $0.contains("The file where the plan is kept is not a Waymark plan. It was left as it") },
                "the not-a-plan message:\n\(tmux.screen())")
        #expect(!tmux.screen().contains("could not be saved"), "nothing was saved:\n\(tmux.screen())")
        tmux.press("Escape")
        #expect(tmux.waitForExit(seconds: 5))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) == path, "the link is left as it was")
    }

    @Test func stdoutNotATerminal() throws {
        let tmux = Tmux(width: 80, height: 24)
        let out = tmux.home + "/out"
        tmux.type("\(Binary.path) > \(out); echo \"exit=$?\"")
        #expect(tmux.waitFor { $0.contains("exit=2") }, "exit status 2:\n\(tmux.screen())")
        #expect(tmux.screen().contains("waymark: standard output is not a terminal; start waymark from a terminal window"))
        #expect(((try? String(contentsOfFile: out, encoding: .utf8)) ?? "x").isEmpty, "nothing drawn into the file")
    }

    /// Decision 16: pages are read after the first screen is drawn; a broken one still stops the
    /// program with file:line and status 65, after the terminal is put back.
    @Test func aBrokenPageFoundAfterTheFirstScreen() throws {
        let root = Fixtures.copyOfShippedContent()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "".write(toFile: root + "/en/pages/self-care.md", atomically: true, encoding: .utf8)
        let tmux = Tmux(width: 100, height: 24)
        tmux.type("stty -g > \(tmux.home)/before; \(Binary.path) --content \(root); echo \"exit=$?\"; stty -g > \(tmux.home)/after")
        #expect(tmux.waitFor { $0.contains("exit=65") }, "exit status 65:\n\(tmux.screen())")
        #expect(tmux.screen().contains("waymark: \(root)/en/pages/self-care.md:1: the page is empty"))
        _ = tmux.waitFor(seconds: 3) { _ in FileManager.default.fileExists(atPath: tmux.home + "/after") }
        usleep(200_000)
        let before = try String(contentsOfFile: tmux.home + "/before", encoding: .utf8)
        let after = try String(contentsOfFile: tmux.home + "/after", encoding: .utf8)
        #expect(before == after, "stty -g is unchanged")
    }

    /// Where the plan cannot be written (a read-only folder), saving says so and the program goes on.
    @Test func aPlanFileInAReadOnlyFolder() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var readOnly = folder + "/ro"
        try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: true)
        // Root writes through permissions: then a read-only mount, or where even root may not
        // write (sysfs refuses new files with EACCES).
        var mounted = false
        if getuid() == 0 {
            mounted = Tmux.run(["/bin/sh", "-c", "mount -t tmpfs -o ro,size=64k tmpfs '\(readOnly)' 2>/dev/null && echo ok"]).contains("ok")
            if !mounted { readOnly = "/sys/waymark-test-\(UInt32.random(in: 0...UInt32.max))" }
        } else {
            chmod(readOnly, 0o555)
        }
        defer {
            if mounted { Tmux.run(["umount", folder + "/ro"]) } else { chmod(folder + "/ro", 0o755) }
        }
        #expect(!FileManager.default.createFile(atPath: readOnly + "/probe", contents: Data()), "\(readOnly) is read-only")

        let tmux = Tmux(width: 100, height: 30, environment: ["XDG_DATA_HOME": folder + "/data"])
        start(tmux, "--plan-file \(readOnly)/plan")
        try #require(tmux.waitFor { $0.contains("Get help now") })
        tmux.press("7")
        #expect(tmux.waitFor { $0.contains("My safety plan") })
        try saveANewPlan(tmux)
        #expect(tmux.waitFor(seconds: 20) { $0.contains("Your plan could not be saved: this place cannot be written to.") },
                "the read-only message:\n\(tmux.screen())")
        #expect(tmux.foreground() != "bash", "still running")
        tmux.press("Escape")
        #expect(tmux.waitForExit(seconds: 5))
        #expect(tmux.waitFor { $0.contains("exit=0") })
        #expect(!FileManager.default.fileExists(atPath: readOnly + "/plan"), "nothing written")
    }

    /// From a new plan's overview: "Save my plan" (the row above the last), a passphrase twice.
    func saveANewPlan(_ tmux: Tmux) throws {
        try #require(tmux.waitFor { $0.contains("Save my plan") })
        tmux.press("End", "Up", "Enter")
        try #require(tmux.waitFor { $0.contains("Choose a passphrase") })
        tmux.type("a long passphrase")
        try #require(tmux.waitFor { $0.contains("Type it again") })
        tmux.type("a long passphrase")
    }
}

import Foundation
import Testing
import TestSupport
import WaymarkContent
import WaymarkCore
import Yams
import WaymarkText

/// Content/agency.yaml: the shipped agency, placeholders in every kind of file, and each kind of
/// mistake with the file:line it is reported at.
@Suite struct AgencyTests: EditsContentCopies {
    // MARK: - Helpers

    func write(_ path: String, _ text: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The problems of loading `language`, as "file-name:line: message".
    func problems(_ root: String, language: String = "en") -> [String] {
        defer { try? FileManager.default.removeItem(atPath: root) }
        do {
            _ = try ContentLoader.load(directory: root, language: language)
            return []
        } catch {
            return error.problems.map { "\(($0.file as NSString).lastPathComponent):\($0.line): \($0.message)" }
        }
    }

    func line(of needle: String, in path: String) throws -> Int {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        // Not in a comment: agency.yaml's comments show examples.
        return 1 + (try #require(lines.firstIndex { $0.contains(needle) && !$0.drop { $0 == " " }.hasPrefix("#") }, "'\(needle)' in \(path)"))
    }

    static let shippedAgencyFile = Fixtures.repoRoot + "/Content/agency.yaml"

    /// Every text a person can meet in a loaded language.
    func allText(_ content: Content) -> String {
        var parts: [String] = []
        for page in content.pages.values { parts.append(page.title); parts.append("\(page.blocks)") }
        for key in StringKey.allCases { parts.append(content.strings[key]) }
        if let screener = content.screener {
            parts += screener.words.values.map { $0 } + screener.reasons.values.map { $0 }
            parts += screener.questions.values.flatMap { [$0.text, $0.help, $0.helperText, $0.helperHelp].compactMap { $0 } }
        }
        if let plan = content.plan {
            parts.append("\(plan)")
        }
        return parts.joined(separator: "\n")
    }

    // MARK: - The shipped agency

    @Test func theShippedAgencyLoadsInEveryLanguage() throws {
        let en = try #require(Fixtures.shipped.agency)
        let es = try #require(Fixtures.spanish.agency)
        #expect(en.phone == "860.763.4542" && es.phone == en.phone)
        #expect(en.name == "Local advocates" && es.name == "Intercesores locales")
        #expect(en.resources.map(\.phone) == ["1-888-373-7888", "1-800-799-7233", "1-866-487-9243", "1-800-321-6742", "1-800-669-4000"])
        #expect(es.resources.map(\.phone) == en.resources.map(\.phone))
        // No keyword or TTY is confirmed for the hotline's operator since 2025: "text 233733" only.
        #expect(en.resources[0].text == "233733" && en.resources[0].textWord == nil && en.resources[0].tty == nil)
        #expect(es.resources[0].name == "Línea Nacional contra la Trata de Personas")
        #expect(try AgencyLoader.load(directory: Fixtures.repoRoot + "/Content", language: "es") == es)
    }

    @Test func noPlaceholderIsLeftAndTheNumberIsEverywhereItWas() {
        for content in [Fixtures.shipped, Fixtures.spanish] {
            let text = allText(content)
            #expect(!text.contains("{agency."), "\(content.language)")
            #expect(content.strings[.footerAgency].hasSuffix("860.763.4542"))
            #expect(content.screener!.words["hotlines.local"]!.contains("860.763.4542"))
            for id in ["get-help", "legal-help", "safety-plan", "dont-retaliate", "t-visa", "u-visa"] {
                #expect("\(content.pages[id]!.blocks)".contains("860.763.4542"), "\(content.language) \(id)")
            }
        }
        #expect(Fixtures.shipped.screener!.words["hotlines.local"] == "Local advocates, 24 hours a day: 860.763.4542.")
    }

    @Test func getHelpListsTheResourcesFromAgencyYAML() throws {
        let blocks = try #require(Fixtures.shipped.pages["get-help"]).blocks
        #expect(blocks.contains(.heading("National Human Trafficking Hotline")))
        #expect(blocks.contains(.bullet([Span("Call "), Span("1-888-373-7888", .emphasis)])))
        #expect(blocks.contains(.bullet([Span("Text "), Span("233733", .emphasis)])))
        #expect(blocks.contains(.bullet([Span("Text "), Span("START", .emphasis), Span(" to "), Span("88788", .emphasis)])))
        #expect(blocks.contains(.bullet([Span("TTY: "), Span("711", .emphasis)])))
        #expect(blocks.contains(.heading("What happens when you call")), "the page goes on after the list")
        let spanish = try #require(Fixtures.spanish.pages["get-help"]).blocks
        #expect(spanish.contains(.bullet([Span("Llame al "), Span("1-800-799-7233", .emphasis)])))
    }

    /// The reader Waymark uses and a real YAML parser read agency.yaml the same way.
    @Test func agencyYAMLReadsAsYAMLReadsIt() throws {
        let text = try String(contentsOfFile: Self.shippedAgencyFile, encoding: .utf8)
        let ours = try #require(try YAML.parse(text))
        let theirs = try #require(try Yams.compose(yaml: text))
        #expect(YAMLTests.tree(ours) == YAMLTests.tree(theirs))
    }

    // MARK: - Every field, and the generated parts

    static let fullAgency = """
        name: Casa Esperanza
        phone: (860) 555-0100
        text: 860 555 0101
        text_word:
          en: HELP
          es: AYUDA
        tty: "711"
        address: 100 Main Street, Anytown
        hours:
          en: Monday to Friday, 9 to 5
          es: De lunes a viernes, de 9 a 5
        website: www.example.org
        languages:
          en: English, Spanish
          es: inglés, español
        resources:
          - name: Safe Haven Shelter
            help:
              en: A safe place to stay.
              es: Un lugar seguro.
            phone: +1 860 555 0199
            hours: "24/7"
        words:
          call: {en: "Call {number}", es: "Llame al {number}"}
          text: {en: "Text {number}", es: "Texto al {number}"}
          text_word: {en: "Text {word} to {number}", es: "Envíe {word} al {number}"}
          tty: "TTY: {number}"
          address: {en: Walk in, es: Visítenos}
          hours: {en: Hours, es: Horario}
          website: {en: Website, es: Sitio web}
          languages: {en: We speak, es: Hablamos}

        """

    /// The content's YAML has no `{ }` mappings: the fixture above is written with them for
    /// brevity, and turned into block mappings here.
    static func blockStyle(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let open = line.range(of: ": {"), line.hasSuffix("}") else { return String(line) }
            let indent = String(line.prefix { $0 == " " })
            let key = line[..<open.lowerBound]
            let inner = line[open.upperBound..<line.index(before: line.endIndex)]
            var out = ["\(key):"]
            var rest = Substring(inner)
            while !rest.isEmpty {
                let code = rest.prefix { $0 != ":" }.trimmingCharacters(in: .whitespaces)
                rest = rest.drop { $0 != ":" }.dropFirst().drop { $0 == " " }
                var value: Substring
                if rest.hasPrefix("\"") {
                    let end = rest.dropFirst().firstIndex(of: "\"")!
                    value = rest[...end]
                    rest = rest[rest.index(after: end)...]
                } else {
                    value = rest.prefix { $0 != "," }
                    rest = rest.dropFirst(value.count)
                }
                rest = rest.drop { $0 == "," || $0 == " " }
                out.append("\(indent)  \(code): \(value.trimmingCharacters(in: .whitespaces))")
            }
            return out.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    @Test func everyFieldAndTheDetailsOnAPage() throws {
        let root = try copy { root in
            try write(root + "/agency.yaml", Self.blockStyle(Self.fullAgency))
            try edit(root + "/es/pages/get-help.md", "{agency.details}", "{agency.details}\n\nEscriba a {agency.website}; {agency.languages}.")
        }
        defer { try? FileManager.default.removeItem(atPath: root) }
        let es = try ContentLoader.load(directory: root, language: "es")
        let agency = try #require(es.agency)
        #expect(agency.name == "Casa Esperanza" && agency.phone == "(860) 555-0100" && agency.tty == "711")
        #expect(agency.textWord == "AYUDA" && agency.hours == "De lunes a viernes, de 9 a 5")
        #expect(agency.resources == [LocalResource(name: "Safe Haven Shelter", help: "Un lugar seguro.", phone: "+1 860 555 0199", hours: "24/7")])
        let blocks = try #require(es.pages["get-help"]).blocks
        #expect(blocks.contains(.bullet([Span("Envíe "), Span("AYUDA", .emphasis), Span(" al "), Span("860 555 0101", .emphasis)])))
        #expect(blocks.contains(.bullet([Span("TTY: "), Span("711", .emphasis)])))
        #expect(blocks.contains(.bullet([Span("Visítenos: "), Span("100 Main Street, Anytown", .emphasis)])))
        #expect(blocks.contains(.bullet([Span("Hablamos: "), Span("inglés, español", .emphasis)])))
        #expect(blocks.contains(.paragraph([Span("Escriba a www.example.org; inglés, español.")])))
        #expect(blocks.contains(.heading("Safe Haven Shelter")))
        #expect(blocks.contains(.bullet([Span("Llame al "), Span("+1 860 555 0199", .emphasis)])))
        #expect(blocks.contains(.bullet([Span("Horario: "), Span("24/7", .emphasis)])))
        #expect(es.strings[.footerAgency] == "24 h: (860) 555-0100")
        #expect(ContentLoader.check(directory: root) == [])
    }

    @Test func withoutAgencyYAMLAndWithoutPlaceholdersContentStillLoads() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for language in ["en", "es"] {
            try FileManager.default.createDirectory(atPath: "\(folder)/\(language)/pages", withIntermediateDirectories: true)
            try write("\(folder)/\(language)/pages/a.md", "# A\n\nCall us.\n")
            try write("\(folder)/\(language)/menu.yaml", "menus:\n  main:\n    title: Main\n    items:\n      - label: A\n        page: a\n")
            let strings = StringKey.allCases.map { "\($0.rawValue): x" }.joined(separator: "\n")
            try write("\(folder)/\(language)/strings.yaml", strings + "\n")
        }
        // Without screener.yaml and plan.yaml there are problems, but none about the agency.
        var found: [ContentProblem] = []
        do { _ = try ContentLoader.load(directory: folder, language: "en") } catch { found = error.problems }
        #expect(!found.contains { $0.message.contains("agency") }, "\(found)")
    }

    // MARK: - Mistakes in agency.yaml

    @Test func aBadPhoneNumberIsReportedAtItsLine() throws {
        let file = Self.shippedAgencyFile
        let found = problems(try copy { try edit($0 + "/agency.yaml", "phone: 860.763.4542", "phone: 860.763.45x2") })
        let phoneLine = try line(of: "phone: 860.763.4542", in: file)
        #expect(found.contains { $0.hasPrefix("agency.yaml:\(phoneLine): 'phone': '860.763.45x2' is not a phone number") }, "\(found)")
        // The broken file is reported once; the placeholders it would have filled are not.
        #expect(found.count == 1, "\(found)")

        let tty = try line(of: "tty: 711", in: file)
        let found2 = problems(try copy { try edit($0 + "/agency.yaml", "tty: 711", "tty: call us") })
        #expect(found2 == ["agency.yaml:\(tty): 'tty' in 'Not paid for your work? US Department of Labor': 'call us' is not a phone number (write its digits, with . - ( ) + or spaces between them, e.g. 860.763.4542 or 1-888-373-7888)"])
    }

    @Test func phoneNumbers() {
        for good in ["911", "711", "233733", "860.763.4542", "1-888-373-7888", "(860) 555-0100", "+1 860 555 0100", "+44 20 7946 0000"] {
            #expect(AgencyLoader.isPhoneNumber(good), "\(good)")
        }
        for bad in ["", "12", "1-866-4-USWAGE", "call 911", "860.763.4542.", "-911", "1+860", "911 ext", "8607634542x"] {
            #expect(!AgencyLoader.isPhoneNumber(bad), "\(bad)")
        }
    }

    @Test func aMissingRequiredField() throws {
        let first = try line(of: "name:", in: Self.shippedAgencyFile)
        let found = problems(try copy { try edit($0 + "/agency.yaml", "phone: 860.763.4542\n", "") })
        #expect(found == ["agency.yaml:\(first): needs 'phone:' (a phone number)"], "\(found)")

        let placeLine = try line(of: "en: \"Not paid for your work?", in: Self.shippedAgencyFile) - 1
        let found2 = problems(try copy { try edit($0 + "/agency.yaml", "phone: 1-866-487-9243", "") })
        #expect(found2 == ["agency.yaml:\(placeLine): needs 'phone:' in 'Not paid for your work? US Department of Labor' (a phone number)"], "\(found2)")

        let found3 = problems(try copy { try edit($0 + "/agency.yaml", "words:\n", "wrods:\n") })
        #expect(found3.contains { $0.contains("unknown key 'wrods'") } && found3.contains { $0.contains("needs 'words:'") }, "\(found3)")
    }

    @Test func aLanguageMissingFromAWordIsReportedForEveryLanguage() throws {
        let nameLine = try line(of: "es: Intercesores locales", in: Self.shippedAgencyFile) - 2
        let root = try copy { try edit($0 + "/agency.yaml", "  en: Local advocates\n  es: Intercesores locales\n", "  en: Local advocates\n") }
        defer { try? FileManager.default.removeItem(atPath: root) }
        let expected = ContentProblem(root + "/agency.yaml", nameLine, "'name' has no text for 'es' (every language needs one, or write one text for all)")
        // Loading English finds it too, so an editor who only tries English still hears of it;
        // check-content says it once, not once per language.
        #expect(throws: ContentProblems.self) { try ContentLoader.load(directory: root, language: "en") }
        #expect(ContentLoader.check(directory: root) == [expected])
    }

    @Test func unknownKeysAndLanguages() throws {
        let frLine = try line(of: "en: Local advocates", in: Self.shippedAgencyFile) + 1
        let found = problems(try copy { try edit($0 + "/agency.yaml", "name:\n  en: Local advocates\n", "name:\n  en: Local advocates\n  fr: Intervenants\n") })
        #expect(found == ["agency.yaml:\(frLine): 'fr' is not a language Waymark has (en, es)"], "\(found)")
        let found2 = problems(try copy { try edit($0 + "/agency.yaml", "    phone: 1-866-487-9243\n", "    phone: 1-866-487-9243\n    fax: 1-866-487-9244\n") })
        #expect(found2.count == 1 && found2[0].contains("unknown key 'fax' in a place"), "\(found2)")
        let found3 = problems(try copy { try edit($0 + "/agency.yaml", "    text_word: START\n", "    text_word: START\n    text_word: STOP\n") })
        #expect(!found3.isEmpty, "a key twice is a YAML mistake")
    }

    @Test func aLabelWithoutItsNumber() throws {
        let found = problems(try copy { try edit($0 + "/agency.yaml", "es: \"Llame al {number}\"", "es: \"Llame al número\"") })
        #expect(found.count == 1 && found[0].contains("'call' in 'words:' needs {number}"), "\(found)")
    }

    // MARK: - Mistakes with placeholders

    @Test func anUnknownPlaceholderInAPage() throws {
        let found = problems(try copy { try edit($0 + "/en/pages/self-care.md", "{agency.phone}", "{agency.phnoe}") })
        let pageLine = try line(of: "{agency.phone}", in: Fixtures.repoRoot + "/Content/en/pages/self-care.md")
        #expect(found.count == 1 && found[0].hasPrefix("self-care.md:\(pageLine): unknown placeholder {agency.phnoe} (known: {agency.name}, {agency.phone}"), "\(found)")
    }

    @Test func anUnknownPlaceholderInStringsScreenerAndPlan() throws {
        let strings = try line(of: "footer.agency", in: Fixtures.repoRoot + "/Content/en/strings.yaml")
        let found = problems(try copy { try edit($0 + "/en/strings.yaml", "24h: {agency.phone}", "24h: {agency.fone}") })
        #expect(found.count == 1 && found[0].hasPrefix("strings.yaml:\(strings): unknown placeholder {agency.fone}"), "\(found)")

        let screener = try line(of: "hotlines.local", in: Fixtures.repoRoot + "/Content/en/screener.yaml")
        let found2 = problems(try copy { try edit($0 + "/en/screener.yaml", "{agency.name}, 24", "{agency.nom}, 24") })
        #expect(found2.count == 1 && found2[0].hasPrefix("screener.yaml:\(screener): unknown placeholder {agency.nom}"), "\(found2)")

        let plan = try line(of: "For example: {agency.phone}", in: Fixtures.repoRoot + "/Content/en/plan.yaml")
        let found3 = problems(try copy { try edit($0 + "/en/plan.yaml", "For example: {agency.phone}", "For example: {agency.phone") })
        #expect(found3 == ["plan.yaml:\(plan): '{agency.' is not closed with '}' (placeholders look like {agency.phone})"], "\(found3)")
    }

    @Test func aPlaceholderWhoseValueTheAgencyHasNot() throws {
        let found = problems(try copy { try edit($0 + "/en/pages/legal-help.md", "**{agency.phone}**", "**{agency.address}**") })
        #expect(found.count == 1 && found[0].contains("{agency.address}: ") && found[0].contains("agency.yaml has no 'address:'"), "\(found)")
    }

    @Test func placeholdersWithoutAgencyYAML() throws {
        let found = problems(try copy { try FileManager.default.removeItem(atPath: $0 + "/agency.yaml") })
        #expect(found.contains { $0.hasPrefix("get-help.md:6: {agency.phone} needs ") && $0.hasSuffix("agency.yaml, and there is none") }, "\(found)")
        let resources = try line(of: "{agency.resources}", in: Fixtures.repoRoot + "/Content/en/pages/get-help.md")
        #expect(found.contains { $0.hasPrefix("get-help.md:\(resources): {agency.resources} needs ") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("strings.yaml:") }, "\(found)")
    }

    @Test func aBlockPlaceholderMustStandAlone() throws {
        let found = problems(try copy { try edit($0 + "/en/pages/get-help.md", "safety plan.\n\n{agency.details}", "safety plan.\n{agency.details}") })
        #expect(found == ["get-help.md:8: {agency.details} must stand on a line of its own, with a blank line before and after it"], "\(found)")
        let found2 = problems(try copy { try edit($0 + "/en/strings.yaml", "24h: {agency.phone}", "24h: {agency.details}") })
        #expect(found2.count == 1 && found2[0].contains("{agency.details} can only stand on a line of its own in a page"), "\(found2)")
    }

    @Test func anEditorsNoteMayMentionAnything() throws {
        let found = problems(try copy { try edit($0 + "/en/pages/get-help.md", "# Get help now\n", "# Get help now\n% {agency.whatever} is fine here\n") })
        #expect(found == [])
    }

    @Test func checkContentComparesTheLanguages() throws {
        // A page in one language only, made with a placeholder: parity still applies.
        let root = try copy { root in
            try write(root + "/es/pages/local.md", "# Local\n\n{agency.resources}\n")
            try edit(root + "/es/menu.yaml", "        page: not-legal-advice\n", "        page: not-legal-advice\n      - label: Local\n        page: local\n")
        }
        defer { try? FileManager.default.removeItem(atPath: root) }
        let found = ContentLoader.check(directory: root).map(\.message)
        #expect(found.contains { $0.contains("extra: there is no en/pages/local.md") }, "\(found)")
        #expect(found.contains { $0.contains("menu 'about' has 6 items; en/menu.yaml has 5") }, "\(found)")
    }
}

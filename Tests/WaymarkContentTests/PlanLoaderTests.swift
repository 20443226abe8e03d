import Foundation
import Testing
import TestSupport
import WaymarkContent
import WaymarkCore

@Suite struct ShippedPlanTests {
    @Test func bothLanguagesHaveThePlan() throws {
        let en = try #require(Fixtures.shipped.plan)
        let es = try #require(Fixtures.spanish.plan)
        #expect(en.sections.map(\.id) == ["go-bag", "documents", "money", "people", "leaving", "children-pets", "digital", "self-care"])
        #expect(es.sections.map(\.id) == en.sections.map(\.id))
        #expect(es.allItemIDs == en.allItemIDs && es.allFieldIDs == en.allFieldIDs)
        for template in [en, es] {
            #expect(template.words.missing().isEmpty)
            let ids = template.allItemIDs + template.allFieldIDs
            #expect(Set(ids).count == ids.count)
        }
        #expect(en[.wrongPassphrase].hasPrefix("That passphrase did not open the plan"))
        #expect(en.countText(done: 3, total: 7) == "3 of 7")
        #expect(es.countText(done: 3, total: 7) == "3 de 7")
        #expect(es.tooLongText().contains("10.000"))
        #expect(en.tooLongText().contains("10,000"))
    }

    @Test func theFieldsTheIssueAsksFor() throws {
        let en = try #require(Fixtures.shipped.plan)
        for id in ["people-contacts", "people-code-word", "documents-where", "leaving-places", "people-advocate-number"] {
            #expect(en.allFieldIDs.contains(id), "\(id)")
        }
        #expect(en.section(containing: "people-contacts")?.fields.first { $0.id == "people-contacts" }?.kind == .multiLine)
        #expect(en[.exportWarning].contains("Anyone"))
    }

    @Test func spanishSaysUsted() throws {
        let es = try #require(Fixtures.spanish.plan)
        var all = [es.title, es.intro ?? ""] + PlanWord.allCases.map { es[$0] }
        for section in es.sections {
            all += [section.title, section.intro ?? ""] + section.items.flatMap { [$0.label, $0.help ?? ""] }
                + section.fields.flatMap { [$0.label, $0.help ?? "", $0.placeholder ?? ""] }
        }
        for text in all {
            let words = text.lowercased().split { !$0.isLetter }.map(String.init)
            for informal in ["tú", "tu", "tus", "te", "puedes", "quieres", "tienes", "eres", "estás", "escríbela", "ábrelo"] {
                #expect(!words.contains(informal), "'\(informal)' in: \(text)")
            }
        }
    }
}

@Suite struct PlanLoaderErrorTests {
    func problems(replacing old: String, with new: String, language: String = "en") throws -> [String] {
        let root = Fixtures.copyOfShippedContent()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/\(language)/plan.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old), "fixture: \(old) not in plan.yaml")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ContentLoader.load(directory: root, language: language)
            return []
        } catch {
            return error.problems.map { "\(($0.file as NSString).lastPathComponent):\($0.line): \($0.message)" }
        }
    }

    func line(of needle: String, language: String = "en") throws -> Int {
        let text = try String(contentsOfFile: Fixtures.repoRoot + "/Content/\(language)/plan.yaml", encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if needle.hasPrefix("\n") {  // a whole line
            return 1 + lines.firstIndex { $0 == needle.dropFirst() }!
        }
        return 1 + lines.firstIndex { $0.contains(needle) }!
    }

    @Test func aDuplicateID() throws {
        let first = try line(of: "id: go-bag-clothes")
        let second = try line(of: "id: go-bag-cash")
        let found = try problems(replacing: "id: go-bag-cash", with: "id: go-bag-clothes")
        #expect(found == ["plan.yaml:\(second): the id 'go-bag-clothes' is used twice (first on line \(first)); every id must be different"])
    }

    @Test func aBadKindAndAMissingLabel() throws {
        let kind = try line(of: "kind: lines")
        let found = try problems(replacing: "        kind: lines\n", with: "        kind: paragraph\n")
        #expect(found.contains("plan.yaml:\(kind): 'kind:' is 'line' (one line) or 'lines' (several lines)"), "\(found)")
        let item = try line(of: "- id: go-bag-keys")
        let missing = try problems(replacing: "      - id: go-bag-keys\n        label: \"Spare keys: house, car, work\"\n",
                                   with: "      - id: go-bag-keys\n")
        #expect(missing == ["plan.yaml:\(item): item 'go-bag-keys' needs 'label:'"])
    }

    @Test func aMissingWordAndAMissingPlaceholder() throws {
        let words = try line(of: "\nwords:")
        let found = try problems(replacing: "  erase_confirm:", with: "  erase_confirmm:")
        let key = try line(of: "erase_confirm:")
        #expect(found.contains("plan.yaml:\(key): unknown key 'erase_confirmm' in 'words:' (is it misspelt?)"), "\(found)")
        #expect(found.contains("plan.yaml:\(words): 'words:' is missing 'erase_confirm'"), "\(found)")
        let count = try line(of: "  count:")
        let placeholder = try problems(replacing: "\"{done} of {total}\"", with: "\"{done} of all\"")
        #expect(placeholder == ["plan.yaml:\(count): 'count' needs {total}"])
    }

    @Test func aBadIDAndAnUnknownKey() throws {
        let at = try line(of: "- id: money")
        let found = try problems(replacing: "  - id: money\n", with: "  - id: Money!\n    colour: red\n")
        #expect(found.contains("plan.yaml:\(at): a section id may use only a-z, 0-9 and '-'"), "\(found)")
        #expect(found.contains("plan.yaml:\(at + 1): unknown key 'colour' in a section (expected id, title, intro, items, fields)"), "\(found)")
    }

    @Test func aYAMLErrorHasItsLine() throws {
        let at = try line(of: "title: \"Money\"")
        let found = try problems(replacing: "title: \"Money\"", with: "title: &anchor Money")
        #expect(found.count == 1 && found[0].hasPrefix("plan.yaml:\(at): YAML: anchors"), "\(found)")
    }

    @Test func aMissingFile() throws {
        let root = Fixtures.copyOfShippedContent()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.removeItem(atPath: root + "/es/plan.yaml")
        let problems = ContentLoader.check(directory: root).map(\.description)
        #expect(problems == ["\(root)/es/plan.yaml:0: cannot read this file (missing, or no permission)"])
    }

    @Test func parityOfIDsOrderAndKinds() throws {
        let root = Fixtures.copyOfShippedContent()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/es/plan.yaml"
        let original = try String(contentsOfFile: path, encoding: .utf8)
        #expect(ContentLoader.check(directory: root).isEmpty)

        // Two items swapped in Spanish.
        var swapped = original.replacingOccurrences(of: "id: go-bag-keys", with: "id: TMP")
        swapped = swapped.replacingOccurrences(of: "id: go-bag-cash", with: "id: go-bag-keys")
        swapped = swapped.replacingOccurrences(of: "id: TMP", with: "id: go-bag-cash")
        try swapped.write(toFile: path, atomically: true, encoding: .utf8)
        let at = try line(of: "id: go-bag-cash", language: "es")
        #expect(ContentLoader.check(directory: root).map { "\(($0.file as NSString).lastPathComponent):\($0.line): \($0.message)" }
            == ["plan.yaml:\(at): the plan has item go-bag-keys here; en/plan.yaml has item go-bag-cash (same ids, same order)"])

        // A field of another kind.
        try original.replacingOccurrences(of: "label: \"Dónde guardo mis documentos\"\n        kind: lines",
                                          with: "label: \"Dónde guardo mis documentos\"\n        kind: line")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let field = try line(of: "id: documents-where", language: "es")
        #expect(ContentLoader.check(directory: root).map(\.description)
            == ["\(path):\(field): the plan has field documents-where (kind: line) here; en/plan.yaml has field documents-where (kind: lines) (same ids, same order)"])
    }
}

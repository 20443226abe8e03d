import Foundation
import Testing
import TestSupport

/// The real program with a third language added as a folder (`xx/`, "Testish"; see
/// `Fixtures.copyWithThirdLanguage`): no change to the program is needed.
@Suite struct LanguageRegistryEndToEndTests {
    static let environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]

    @Test func checkContentAcceptsAThirdLanguage() throws {
        let root = try Fixtures.copyWithThirdLanguage()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = Binary.run(["check-content", root], environment: Self.environment)
        #expect(result.status == 0, "\(result.output) \(result.error)")
        #expect(result.output.hasSuffix("\(root): content is good\n"), "\(result.output)")
    }

    @Test func langXXShowsItsOwnWordsAndLGoesOnToEnglish() throws {
        let root = try Fixtures.copyWithThirdLanguage()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = Binary.run(["--plain", "--content", root, "--lang", "xx"], input: "L\nq\n", environment: Self.environment)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Testmark"), "\(result.output)")
        #expect(result.output.contains("1. Get testish help now"), "\(result.output)")
        #expect(result.output.contains("L: English."), "\(result.output)")
        // After L, English: its own words, and L goes on to Spanish.
        let after = result.output.components(separatedBy: "> ").dropFirst().joined(separator: "> ")
        #expect(after.contains("1. Get help now"), "\(after)")
        #expect(after.contains("L: Español."), "\(after)")
    }

    @Test func spanishGoesToTheThirdLanguage() throws {
        let root = try Fixtures.copyWithThirdLanguage()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = Binary.run(["--plain", "--content", root, "--lang", "es"], input: "L\nq\n", environment: Self.environment)
        #expect(result.output.contains("L: Testish."), "\(result.output)")
        let after = result.output.components(separatedBy: "> ").dropFirst().joined(separator: "> ")
        #expect(after.contains("1. Get testish help now"), "\(after)")
    }

    @Test func theLocaleCanPickTheThirdLanguage() throws {
        let root = try Fixtures.copyWithThirdLanguage()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = Binary.run(["--plain", "--content", root], input: "q\n",
                                environment: ["PATH": "/usr/bin:/bin", "LANG": "xx_YY.UTF-8"])
        #expect(result.output.contains("1. Get testish help now"), "\(result.output)")
    }

    @Test func anUnknownLanguageNamesEveryLanguageFound() throws {
        let root = try Fixtures.copyWithThirdLanguage()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = Binary.run(["--plain", "--content", root, "--lang", "zz"], environment: Self.environment)
        #expect(result.status == 64)
        #expect(result.error.hasPrefix("Error: unknown language 'zz'; use one of: en (English), es (Español), xx (Testish)\n"),
                "\(result.error)")
    }
}

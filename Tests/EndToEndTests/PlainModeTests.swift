import Foundation
import Testing
import TestSupport

/// The plain line mode, driven as a screen reader user or a script would: lines in, text out.
@Suite final class PlainModeTests {
    let home = Fixtures.temporaryFolder()
    deinit { try? FileManager.default.removeItem(atPath: home) }

    func env(_ extra: [String: String] = [:]) -> [String: String] {
        var e = ["PATH": "/usr/bin:/bin", "HOME": home, "XDG_DATA_HOME": home + "/data", "LANG": "C.UTF-8"]
        e.merge(extra) { $1 }
        return e
    }

    @Test func pipedInputReadsLinesAndStopsAtTheEnd() {
        let result = Binary.run(["--plain"], input: "2\n\n\nb\n", environment: env())
        #expect(result.status == 0)
        #expect(result.output.contains("  1. Get help now"))
        #expect(result.output.contains("Your rights at work"))
        #expect(result.output.contains("(There is more: press Enter.)"))
        #expect(result.output.contains("Speaking up"), "Enter shows more of the page, a screen at a time")
        #expect(!result.output.contains("\u{1B}"), "no escape sequences in plain mode")
    }

    @Test(arguments: [["TERM": "dumb"], ["TERM": "no-such-terminal"], [:]])
    func aTerminalThatCannotDrawGetsPlainModeByItself(_ term: [String: String]) {
        let result = Binary.run([], input: "1\n", environment: env(term))
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Get help now"))
        #expect(result.output.contains("1-888-373-7888"))
    }

    @Test func xLeavesAtOnce() {
        let result = Binary.run(["--plain"], input: "1\nx\n2\n", environment: env())
        #expect(result.status == 0)
        #expect(!result.output.contains("Fair pay"), "nothing after x is read")
    }

    @Test func escTypedOnALineLeavesAtOnce() {
        let result = Binary.run(["--plain"], input: "\u{1B}\n2\n", environment: env())
        #expect(result.status == 0)
        #expect(!result.output.contains("Fair pay"))
    }

    @Test func spanishFromTheLocale() {
        let result = Binary.run(["--plain"], input: "2\n", environment: env(["LANG": "es_US.UTF-8"]))
        #expect(result.output.contains("Pida ayuda ahora"))
        #expect(result.output.contains("Sus derechos en el trabajo"))
        #expect(result.output.contains("Escriba un número"))
    }

    @Test func theScreenerByNumbers() {
        // Immigration options, the questions, then "not sure" to everything.
        let result = Binary.run(["--plain"], input: "5\n5\n1\n" + String(repeating: "3\n", count: 30), environment: env())
        #expect(result.output.contains("never saved"))
        #expect(result.output.contains("Are you in the United States right now?"))
        #expect(result.output.contains("Who was it?"))
        #expect(result.output.contains("What to ask about"))
        #expect(result.output.contains("Not clear yet"))
    }

    @Test func thePlanTickedTypedAndSavedEncrypted() throws {
        let environment = env()
        // The plan, Go-bag: tick the first item, write in the box, back, save with a passphrase.
        let result = Binary.run(["--plain"], input: "7\n1\n1\n8\nPLAINWORDS under the bed\nb\n11\npass word\npass word\nq\n",
                                environment: environment)
        #expect(result.status == 0)
        #expect(result.output.contains("[x] Clothes for a few days"))
        #expect(result.output.contains("Saved, locked with your passphrase."))
        let file = environment["XDG_DATA_HOME"]! + "/waymark/plan"
        let bytes = try #require(FileManager.default.contents(atPath: file))
        #expect(!String(decoding: bytes, as: UTF8.self).contains("PLAINWORDS"), "nothing typed is in the file in the clear")
        // Open it again with the passphrase.
        let again = Binary.run(["--plain"], input: "7\npass word\n1\n", environment: environment)
        #expect(again.output.contains("[x] Clothes for a few days"))
        #expect(again.output.contains("PLAINWORDS under the bed"))
    }
}

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
        let result = Binary.run(["--plain"], input: "2\n\n\n\nb\n", environment: env())
        #expect(result.status == 0)
        #expect(result.output.contains("  1. Get help now"))
        #expect(result.output.contains("Your rights at work"))
        #expect(result.output.contains("(Page 1 of 4. There is more: press Enter.)"))
        #expect(result.output.contains("(Page 4 of 4: the end.)"), "pages are counted, and the last says so")
        #expect(result.output.contains("Speaking up"), "Enter shows more of the page, a screen at a time")
        #expect(!result.output.contains("\u{1B}"), "no escape sequences in plain mode")
    }

    @Test func theKeysAreSaidAtTheStartWithTheHelpAndInANewLanguageOnly() {
        let result = Binary.run(["--plain"], input: "2\nb\n3\nb\n?\nb\nL\n1\n", environment: env())
        #expect(result.status == 0)
        let english = result.output.components(separatedBy: "Type a number and press Enter. Enter alone").count - 1
        let spanish = result.output.components(separatedBy: "Escriba un número y presione Enter. Solo Enter").count - 1
        #expect(english == 2, "at the start and with ?: \(english)")
        #expect(spanish == 1, "once on turning to Spanish: \(spanish)")
    }

    /// Found by hand: the plain mode's help listed the full screen's keys (arrows, Tab, Space,
    /// Ctrl-L), none of which a typed line can use, and the prompt came again with every page of
    /// it and after its end.
    @Test(arguments: [("C.UTF-8", "Type a number and press Enter. Enter alone", "1 2 3 + Enter: choose the item"),
                      ("es_US.UTF-8", "Escriba un número y presione Enter. Solo Enter", "1 2 3 + Enter: elegir la opción")])
    func theHelpListsTheKeysOfTheLineModeAndThePromptComesOnce(_ lang: String, _ prompt: String, _ choose: String) {
        let result = Binary.run(["--plain"], input: "?\n\n\n\nb\n", environment: env(["LANG": lang]))
        #expect(result.status == 0)
        #expect(result.output.contains(choose))
        #expect(result.output.contains("b: ") && result.output.contains("q: "))
        for fullScreenKey in ["↑", "Tab", "PgUp", "Ctrl-L", "F1"] {
            #expect(!result.output.contains(fullScreenKey), "\(fullScreenKey) is not a key of the line mode")
        }
        let prompts = result.output.components(separatedBy: prompt).count - 1
        #expect(prompts == 2, "at the start and on opening the help: \(prompts)")
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

    /// An answer that chooses nothing gets its message each time, and the screen is not printed
    /// again: a screen reader does not read the whole page to say "no".
    @Test(arguments: [
        ("C.UTF-8", "  1. Get help now", "Type one of the numbers shown", "(Page 1 of ", "There is nothing to choose here"),
        ("es_US.UTF-8", "  1. Pida ayuda ahora", "Escriba uno de los números que se muestran y", "(Página 1 de ", "Aquí no hay nada que elegir"),
    ])
    func anAnswerThatChoosesNothingGetsOnlyItsMessage(_ lang: String, _ menuItem: String, _ notUnderstood: String, _ pageMark: String, _ nothingHere: String) {
        let result = Binary.run(["--plain"], input: "zz\nzz\n2\n7\n1\n", environment: env(["LANG": lang]))
        #expect(result.status == 0)
        func count(_ text: String) -> Int { result.output.components(separatedBy: text).count - 1 }
        #expect(count(menuItem) == 1, "the menu is printed once")
        #expect(count(notUnderstood) == 2, "the message each time")
        #expect(count(pageMark) == 1, "the page is printed once")
        #expect(count(nothingHere) == 2)
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

/// Issue 15: in the plain mode at a terminal, Esc and Ctrl-C waited for Enter (the terminal's
/// line mode held them), and Ctrl-C killed the program with the page still on screen. Bytes are
/// now read as they are typed.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (apt-get install tmux)"))
struct PlainTerminalTests {
    func start(_ tmux: Tmux) {
        tmux.type("stty -g > \(tmux.home)/before; echo MARKER-BEFORE; \(Binary.path) --plain; echo \"exit=$?\"; stty -g > \(tmux.home)/after")
        #expect(tmux.waitFor { $0.contains("1. Get help now") })
    }

    func modes(_ tmux: Tmux, _ name: String) -> String {
        let path = "\(tmux.home)/\(name)"
        _ = tmux.waitFor(seconds: 3) { _ in ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").hasSuffix("\n") }
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? "missing"
    }

    @Test(arguments: ["Escape", "C-c"])
    func escOrCtrlCAloneLeavesAtOnceAndClears(_ key: String) {
        let tmux = Tmux()
        start(tmux)
        tmux.type("2")
        #expect(tmux.waitFor { $0.contains("minimum wage") })
        tmux.press(key)
        #expect(tmux.waitForExit(), "\(key) alone, without Enter, leaves")
        #expect(tmux.waitFor { $0.contains("exit=0") })
        let all = tmux.everything()
        for word in ["MARKER-BEFORE", "Get help now", "minimum wage"] {
            #expect(!all.contains(word), "'\(word)' is left on screen or in scrollback:\n\(all)")
        }
        #expect(modes(tmux, "before") == modes(tmux, "after"), "stty -g is unchanged")
    }

    /// What is typed is shown, and Backspace takes back a character, as in the line mode.
    @Test func typedLinesAreShownAndCanBeCorrected() {
        let tmux = Tmux()
        start(tmux)
        tmux.typeLiterally("29")
        #expect(tmux.waitFor { $0.contains("> 29") })
        tmux.press("BSpace")
        tmux.press("Enter")
        #expect(tmux.waitFor { $0.contains("minimum wage") })
        tmux.typeLiterally("q")
        tmux.press("Enter")
        #expect(tmux.waitForExit())
        #expect(tmux.waitFor { $0.contains("exit=0") })
        #expect(modes(tmux, "before") == modes(tmux, "after"), "stty -g is unchanged")
    }
}

/// The main menu's intro spoke of arrow keys, which the plain mode does not use.
@Suite struct PlainHeaderTests {
    @Test(arguments: [("en", "Type a number and press Enter", "arrow"), ("es", "Escriba un número y presione Enter", "flechas")])
    func theHeaderSaysWhatThePlainModeDoes(_ lang: String, _ said: String, _ notSaid: String) {
        let result = Binary.run(["--plain", "--lang", lang], input: "q\n", environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
        // The intro is wrapped: its lines joined again.
        let header = result.output.split(separator: "\n").prefix(5).joined(separator: " ")
        #expect(header.contains("Esc"), "\(header)")
        #expect(header.contains(said), "\(header)")
        #expect(!header.contains(notSaid), "\(header)")
    }
}

/// A `--plan-file` link to a place that is not there (the USB stick is not plugged in) was
/// called "not a Waymark plan", as if there were some other file (found by an attack run).
@Suite struct DanglingPlanLinkTests {
    @Test(arguments: [("en", "is a link to something that is not there"), ("es", "es un enlace a algo que no está")])
    func aLinkToNothingIsCalledThat(_ lang: String, _ said: String) throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder + "/plan", withDestinationPath: folder + "/usb/plan")
        let result = Binary.run(["--plain", "--lang", lang, "--plan-file", folder + "/plan"], input: "7\n",
                                environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "XDG_DATA_HOME": folder + "/data"])
        let joined = result.output.split(whereSeparator: \.isNewline).joined(separator: " ")
            .split(separator: " ").joined(separator: " ")
        #expect(joined.contains(said), "\(result.output)")
        #expect(!joined.contains("not a Waymark plan") && !joined.contains("no es un plan de Waymark"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["plan"], "nothing written")
    }
}

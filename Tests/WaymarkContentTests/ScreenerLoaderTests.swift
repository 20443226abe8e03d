import Foundation
import Testing
import TestSupport
import WaymarkContent
import WaymarkCore

@Suite struct ShippedScreenerTests {
    let screener = Fixtures.shipped.screener!

    @Test func everyQuestionWordAndReasonIsThere() {
        #expect(Set(screener.questions.keys) == Set(QuestionID.allCases))
        #expect(screener.flow.first == .inUS)
        for word in ScreenerWord.allCases { #expect(screener.words[word.rawValue] != nil, "\(word)") }
        for reason in Reason.allCases { #expect(screener.reasons[reason.rawValue] != nil, "\(reason)") }
        for id in QuestionID.reworded { #expect(screener.questions[id]?.helperText != nil, "\(id)") }
    }

    @Test func legalTermsHaveHelp() {
        for id in [QuestionID.atPortOfEntry, .forcedLabor, .qualifyingCrime, .helpfulToLawEnforcement, .under16OrIncapacitated,
                   .couldNotLeave, .hereBecauseOfTrafficking, .reportedToLawEnforcement, .abuserRelationship, .abuserStatus,
                   .divorcedWithin2Years, .parentAbusedNeglectedOrAbandoned, .belowMinimumWage, .fearPersecution, .traumaPreventsCooperation] {
            #expect(screener.questions[id]?.help != nil, "\(id)")
        }
        let crimes = screener.questions[.qualifyingCrime]!.help!
        for crime in ["domestic violence", "stalking", "kidnapping", "peonage", "involuntary servitude", "witness tampering",
                      "female genital mutilation", "extortion", "perjury", "hate crime"] {
            #expect(crimes.contains(crime), "\(crime)")
        }
        #expect(screener.questions[.helpfulToLawEnforcement]!.help!.contains("certifying agenc"))
    }

    /// Plain language: no sentence of a question or its help runs past 25 words, in any language.
    @Test(arguments: ["en", "es"]) func shortSentencesInQuestionsAndHelp(_ language: String) {
        let screener = language == "en" ? Fixtures.shipped.screener! : Fixtures.spanish.screener!
        var texts = screener.questions.values.flatMap { [$0.text, $0.help, $0.helperText, $0.helperHelp].compactMap { $0 } }
        texts += [screener[.intro], screener[.introSafety]]
        for text in texts {
            var sentence: [Substring] = []
            for word in text.split(separator: " ") {
                sentence.append(word)
                if let last = word.last, ".?!".contains(last) || word.hasSuffix(".\"") {
                    #expect(sentence.count <= 25, "\(language): \(sentence.joined(separator: " "))")
                    sentence = []
                }
            }
            #expect(sentence.count <= 25, "\(language): \(sentence.joined(separator: " "))")
        }
    }

    @Test func neverSaysQualifyOrNotEligible() {
        let all = screener.words.values.map { $0 } + screener.reasons.values.map { $0 }
            + screener.questions.values.flatMap { [$0.text, $0.help, $0.helperText, $0.helperHelp].compactMap { $0 } }
        for text in all {
            let lower = text.lowercased()
            #expect(!lower.contains("you qualify") && !lower.contains("eligible") && !lower.contains("you are approved"), "\(text)")
        }
    }

    @Test func theWarningAndTheHotlines() {
        #expect(screener[.notLegalAdvice].contains("not legal advice"))
        #expect(screener[.notLegalAdvice].contains("DOJ-accredited representative"))
        #expect(screener[.notLegalAdvice].contains("notarios"))
        let lines = ScreenerWord.hotlines.map { screener[$0] }.joined(separator: " ")
        for number in ["911", "1-888-373-7888", "233733", "860.763.4542"] { #expect(lines.contains(number), "\(number)") }
        #expect(screener[.levelWorthAsking] == "Worth asking a lawyer about")
        #expect(screener[.levelUnclear] == "Not clear yet — worth finding out")
        #expect(screener[.levelUnlikely] == "Probably does not fit")
    }
}

/// Each kind of mistake in screener.yaml, and the file:line it is reported at.
@Suite struct ScreenerErrorTests {
    /// Breaks a fresh copy of the shipped screener.yaml; returns the problems as "screener.yaml:LINE: message"
    /// (through `ContentLoader.load`, as at start-up and in `check-content`) and the broken text.
    func problems(replacing old: String, with new: String) throws -> (found: [String], text: String) {
        let root = Fixtures.copyOfShippedContent()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/en/screener.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old), "fixture: \(old) not in screener.yaml")
        let broken = text.replacingOccurrences(of: old, with: new)
        try broken.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ContentLoader.load(directory: root, language: "en")
            return ([], broken)
        } catch {
            return (error.problems.map { "\(($0.file as NSString).lastPathComponent):\($0.line): \($0.message)" }, broken)
        }
    }

    /// The 1-based line of the first line containing `marker`.
    func line(of marker: String, in text: String) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // A section key ("questions:") is matched at the start of a line, not in the comment on top.
        let atStart = ["questions:", "words:", "reasons:"].contains(marker)
        return lines.firstIndex { atStart ? $0.hasPrefix(marker) : $0.contains(marker) }.map { $0 + 1 } ?? -1
    }

    @Test func anUnknownID() throws {
        let (found, text) = try problems(replacing: "  - id: unpaid_wages\n", with: "  - id: unpaid_wage\n")
        #expect(found.contains { $0.hasPrefix("screener.yaml:\(line(of: "id: unpaid_wage", in: text)): unknown question id 'unpaid_wage'; the ids are: in_us,") }, "\(found)")
        #expect(found.contains("screener.yaml:\(line(of: "questions:", in: text)): question 'unpaid_wages' is missing (every question of the screener must be here once)"), "\(found)")
        let edge = line(of: "next: unpaid_wages", in: text)
        #expect(found.contains("screener.yaml:\(edge): 'fear_persecution' leads to 'unpaid_wages', which is not in this file"), "\(found)")
    }

    @Test func aQuestionTwice() throws {
        let (found, text) = try problems(replacing: "  - id: forced_sex\n", with: "  - id: forced_labor\n")
        let first = line(of: "id: forced_labor", in: text)
        let second = text.split(separator: "\n", omittingEmptySubsequences: false).indices.filter {
            text.split(separator: "\n", omittingEmptySubsequences: false)[$0].contains("id: forced_labor")
        }.last.map { $0 + 1 }!
        #expect(found.contains("screener.yaml:\(second): question 'forced_labor' appears twice (first at line \(first))"), "\(found)")
        #expect(found.contains { $0.hasSuffix("question 'forced_sex' is missing (every question of the screener must be here once)") })
    }

    @Test func aBranchToNowhere() throws {
        let (found, text) = try problems(replacing: "    next: crime_in_us\n", with: "    next: crime_in_usa\n")
        #expect(found == ["screener.yaml:\(line(of: "next: crime_in_usa", in: text)): question 'qualifying_crime' leads to 'crime_in_usa': there is no such question (write a question id or 'results')"], "\(found)")
    }

    @Test func aLoop() throws {
        let (found, text) = try problems(replacing: "    next: results\n\nwords:", with: "    next: fear_persecution\n\nwords:")
        let loopLine = text.split(separator: "\n", omittingEmptySubsequences: false).indices.filter {
            text.split(separator: "\n", omittingEmptySubsequences: false)[$0].contains("next: fear_persecution")
        }.last.map { $0 + 1 }!
        #expect(found == ["screener.yaml:\(loopLine): a loop: fear_persecution → unpaid_wages → below_minimum_wage → fear_persecution (every way must lead on to the results)"], "\(found)")
    }

    @Test func anUnreachableQuestion() throws {
        let (found, text) = try problems(replacing: "      no: at_port_of_entry\n      unsure: at_port_of_entry\n",
                                         with: "      no: forced_labor\n      unsure: forced_labor\n")
        #expect(found == ["screener.yaml:\(line(of: "id: at_port_of_entry", in: text)): question 'at_port_of_entry' cannot be reached from the first question ('in_us')"], "\(found)")
    }

    @Test func aBranchMissingAnAnswer() throws {
        let (found, text) = try problems(replacing: "      no: reported_to_law_enforcement\n      unsure: reported_to_law_enforcement\n",
                                         with: "      no: reported_to_law_enforcement\n      maybe: reported_to_law_enforcement\n")
        let maybe = line(of: "maybe: reported", in: text)
        #expect(found.contains("screener.yaml:\(maybe): 'maybe' is not an answer to 'law_enforcement_asked'; 'next:' takes yes, no, unsure"), "\(found)")
        #expect(found.contains("screener.yaml:\(maybe - 3): question 'law_enforcement_asked': 'next:' says nowhere for unsure (give every answer, or one target for all)"), "\(found)")
    }

    @Test func choiceQuestionsNeedTheirWords() throws {
        let (found, text) = try problems(replacing: "      son_or_daughter: \"My son or daughter, aged 21 or older\"\n", with: "      cousin: \"My cousin\"\n")
        #expect(found.contains("screener.yaml:\(line(of: "cousin:", in: text)): 'cousin' is not an answer to 'abuser_relationship'; its choices are spouse, former_spouse, parent, son_or_daughter, partner, other, none, unsure"), "\(found)")
        #expect(found.contains("screener.yaml:\(line(of: "spouse: \"My husband or wife\"", in: text)): 'choices:' of 'abuser_relationship' is missing 'son_or_daughter'"), "\(found)")
        let (yesNo, text2) = try problems(replacing: "  - id: married_now\n", with: "  - id: married_now\n    choices:\n      yes: \"Yes I am\"\n")
        #expect(yesNo == ["screener.yaml:\(line(of: "yes: \"Yes I am\"", in: text2) - 1): question 'married_now' is answered yes, no or not sure: it takes no 'choices:' (their words are choice.yes, choice.no and choice.unsure under 'words:')"], "\(yesNo)")
        let (noChoices, text3) = try problems(replacing: "      citizen: \"A US citizen\"\n      resident: \"A green card holder (permanent resident)\"\n      neither: \"Neither\"\n", with: "")
        #expect(noChoices.contains { $0.hasPrefix("screener.yaml:\(line(of: "id: abuser_status", in: text3) + 3):") && $0.contains("'abuser_status'") }, "\(noChoices)")
    }

    @Test func aQuestionBeforeTheOneItDependsOn() throws {
        // under_18_at_time straight to complied_with_requests: law_enforcement_asked is skipped.
        let (found, text) = try problems(replacing: "    next: law_enforcement_asked\n", with: "    next: complied_with_requests\n")
        #expect(found.contains("screener.yaml:\(line(of: "id: law_enforcement_asked", in: text)): question 'law_enforcement_asked' cannot be reached from the first question ('in_us')"), "\(found)")
        #expect(found.contains("screener.yaml:\(line(of: "id: complied_with_requests", in: text)): 'complied_with_requests' can be reached without 'law_enforcement_asked' before it, but it must come after it: it is only asked when law enforcement asked for help"), "\(found)")
    }

    @Test func helperWordingOnlyWhereItBelongs() throws {
        let (found, text) = try problems(replacing: "    helper_text: \"Do you, or an adult", with: "    helper_txt: \"Do you, or an adult")
        let bad = line(of: "helper_txt:", in: text)
        #expect(found.contains { $0.hasPrefix("screener.yaml:\(bad): unknown key 'helper_txt' (expected id, text, help,") }, "\(found)")
        #expect(found.contains("screener.yaml:\(line(of: "id: has_information", in: text)): question 'has_information' needs 'helper_text:'"), "\(found)")
        let (misplaced, text2) = try problems(replacing: "  - id: unpaid_wages\n", with: "  - id: unpaid_wages\n    helper_text: \"x\"\n")
        #expect(misplaced == ["screener.yaml:\(line(of: "helper_text: \"x\"", in: text2)): only has_information and helpful_to_law_enforcement have a 'helper_text:' (their wording when someone speaks for the person)"], "\(misplaced)")
    }

    @Test func aMissingOrUnknownReasonOrWord() throws {
        let (found, text) = try problems(replacing: "  wage.needs:", with: "  wage.neds:")
        #expect(found.contains("screener.yaml:\(line(of: "wage.neds:", in: text)): unknown key 'wage.neds' in 'reasons:' (is it misspelt?)"), "\(found)")
        #expect(found.contains("screener.yaml:\(line(of: "reasons:", in: text)): 'reasons:' is missing 'wage.needs'"), "\(found)")
        let (words, text2) = try problems(replacing: "  progress: \"Question {n} of about {total}\"", with: "  progress: \"Question {n}\"")
        #expect(words == ["screener.yaml:\(line(of: "words:", in: text2)): 'progress' needs both {n} and {total}"], "\(words)")
    }

    @Test func anEmptyText() throws {
        let (found, text) = try problems(replacing: "    text: \"Are you in the United States right now?\"", with: "    text: \"\"")
        #expect(found == ["screener.yaml:\(line(of: "text: \"\"", in: text)): 'text:' of question 'in_us' needs some text"], "\(found)")
    }

    @Test func theScreenerFileIsRequired() throws {
        let root = Fixtures.copyOfShippedContent()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.removeItem(atPath: root + "/en/screener.yaml")
        #expect(throws: ContentProblems.self) { try ContentLoader.load(directory: root, language: "en") }
        #expect(ContentLoader.check(directory: root).contains { $0.file.hasSuffix("en/screener.yaml") })
    }

    @Test func theLoaderAlone() throws {
        let screener = try ScreenerLoader.load(file: Fixtures.repoRoot + "/Content/en/screener.yaml")
        #expect(screener.questions.count == QuestionID.allCases.count)
        #expect(throws: ContentProblems.self) { try ScreenerLoader.load(file: "/nonexistent/screener.yaml") }
    }
}

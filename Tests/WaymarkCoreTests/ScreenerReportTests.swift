import Foundation
import Testing
import TestSupport
import WaymarkCore
import WaymarkText

@Suite struct ScreenerReportTests {
    let screener = Fixtures.shipped.screener!

    @Test func readsAnswers() throws {
        let parsed = try ScreenerReport.parseAnswers(["in_us=yes", "forced_labor=NO", "fear_persecution=unsure", "in_us=yes"]).get()
        #expect(parsed == [.inUS: .yes, .forcedLabor: .no, .fearPersecution: .unsure])
        #expect(try ScreenerReport.parseAnswers([]).get() == [:])
    }

    @Test func aChildNowWasAChildThen() throws {
        let parsed = try ScreenerReport.parseAnswers(["age_now=15"]).get()
        #expect(parsed[.under18AtTime] == .yes)
        #expect(try ScreenerReport.parseAnswers(["age_now=15", "under_18_at_time=unsure"]).get()[.under18AtTime] == .yes)
        #expect(try ScreenerReport.parseAnswers(["age_now=18"]).get()[.under18AtTime] == nil)
        let t = ScreenerRules.evaluate(parsed)
        let unsure = ScreenerRules.evaluate([.ageNow: .age(15, 15)])
        #expect(t != unsure, "the minor's path counts")
    }

    @Test(arguments: [
        ("age_now=15 under_18_at_time=no", "age_now=15 and under_18_at_time=no cannot both be true"),
        ("abuser_relationship=spouse married_now=no", "abuser_relationship=spouse and married_now=no cannot both be true"),
        ("foo=yes", "unknown question id 'foo'; the ids are: in_us, at_port_of_entry,"),
        ("in_us=maybe", "'maybe' is not an answer for in_us; the answers are: yes, no, unsure"),
        ("in_us", "'in_us' is not ID=VALUE"),
        ("age_now=twenty", "'twenty' is not an answer for age_now; the answers are: a whole number"),
        ("age_now=-3", "'-3' is not an answer for age_now"),
        ("age_now=999", "'999' is not an answer for age_now"),
        ("abuser_relationship=cousin", "'cousin' is not an answer for abuser_relationship; the answers are: spouse, former_spouse, parent, son_or_daughter, partner, other, none, unsure"),
        ("abuser_status=yes", "'yes' is not an answer for abuser_status; the answers are: citizen, resident, neither, unsure"),
        ("abused_by_citizen_or_resident_family=yes", "'abused_by_citizen_or_resident_family' is no longer a question; use abuser_relationship and abuser_status"),
        ("under_21_abused_by_parent=no", "'under_21_abused_by_parent' is no longer a question; use parent_abused_neglected_or_abandoned"),
    ])
    func refusesBadAnswers(_ argument: String, _ message: String) {
        guard case .failure(let problem) = ScreenerReport.parseAnswers(argument.split(separator: " ").map(String.init)) else {
            Issue.record("accepted \(argument)")
            return
        }
        #expect(problem.message.hasPrefix(message), "\(problem.message)")
        if argument.hasPrefix("foo") { #expect(problem.message.hasSuffix("below_minimum_wage")) }
    }

    @Test func refusesTwoDifferentAnswersToOneQuestion() {
        guard case .failure(let problem) = ScreenerReport.parseAnswers(["in_us=yes", "in_us=no"]) else {
            Issue.record("accepted")
            return
        }
        #expect(problem.message == "in_us is answered twice (yes and no)")
    }

    @Test func jsonIsOneObjectWithTheKeysInOrder() throws {
        let given: Answers = [.forcedLabor: .yes, .couldNotLeave: .yes, .forcedSex: .no, .minorCommercialSex: .no, .inUS: .yes,
                              .hereBecauseOfTrafficking: .yes, .under18AtTime: .no, .lawEnforcementAsked: .no,
                              .reportedToLawEnforcement: .yes, .unpaidWages: .yes, .ageNow: .age(34, 34),
                              .abuserRelationship: .choice("none")]
        let results = ScreenerRules.evaluate(given)
        let json = ScreenerReport.json(results, answers: given, screener: screener)
        #expect(!json.contains("\n"))
        #expect(json.hasPrefix("{\"t_visa\": {\"result\": \"worth-asking\", \"reasons\": [\""))
        let order = ["\"t_visa\"", "\"u_visa\"", "\"also_ask_about\"", "\"answers\""].map { json.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["t_visa", "u_visa", "also_ask_about", "answers"])
        let t = try #require(object["t_visa"] as? [String: Any])
        #expect(t["result"] as? String == "worth-asking")
        #expect(t["reasons"] as? [String] == results.tVisa.reasons.map { screener.text($0) })
        #expect((t["reasons"] as? [String])?.first?.hasPrefix("You said someone used force") == true)
        let u = try #require(object["u_visa"] as? [String: Any])
        #expect(u["result"] as? String == "unclear")
        #expect(object["also_ask_about"] as? [String] == ["continued-presence", "wage-claim"])
        let answers = try #require(object["answers"] as? [String: Any])
        #expect(answers["age_now"] as? Int == 34, "an age is a number")
        #expect(answers["abuser_relationship"] as? String == "none")
        #expect(answers.count == given.count)
        #expect(json.hasSuffix("\"abuser_relationship\": \"none\", \"age_now\": 34, \"unpaid_wages\": \"yes\"}}"),
                "answers in the order of the questions")
    }

    @Test func jsonEscapes() throws {
        #expect(ScreenerReport.quote("a\"b\\c\nd\t\u{1}é") == "\"a\\\"b\\\\c\\nd\\t\\u0001é\"")
        var odd = screener
        odd.reasons[Reason.tTraffickingUnsure.rawValue] = "Quote \" back\\slash\nnew line"
        let json = ScreenerReport.json(ScreenerRules.evaluate([:]), answers: [:], screener: odd)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let reasons = (object["t_visa"] as? [String: Any])?["reasons"] as? [String]
        #expect(reasons?.first == "Quote \" back\\slash\nnew line")
        #expect((object["answers"] as? [String: String])?.isEmpty == true)
    }

    @Test func textIsWhatAPersonReads() {
        let given: Answers = [.forcedSex: .yes, .inUS: .yes, .hereBecauseOfTrafficking: .yes, .under18AtTime: .yes,
                              .lawEnforcementAsked: .no, .reportedToLawEnforcement: .no, .crimeInUS: .no, .fearPersecution: .yes]
        let text = ScreenerReport.text(ScreenerRules.evaluate(given), screener: screener)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 }, "wrapped to 80 columns")
        let t = text.range(of: "Worth asking a lawyer about: T visa")!
        let asylum = text.range(of: "Worth asking a lawyer about: Asylum")!
        let u = text.range(of: "Probably does not fit: U visa")!
        #expect(t.lowerBound < asylum.lowerBound && asylum.lowerBound < u.lowerBound, "most relevant first")
        #expect(text.contains("  - You were under 18 at the time, so you do not have to report to or help the"))
        for needed in ["This is not legal advice", "DOJ-accredited", "\"notarios\"", "1-888-373-7888", "233733",
                       "860.763.4542", "911", "within 1 year", "$100"] {
            #expect(text.replacingOccurrences(of: "\n    ", with: " ").replacingOccurrences(of: "\n", with: " ").contains(needed), "\(needed)")
        }
    }

    @Test func wrapping() {
        #expect(ScreenerReport.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
        #expect(ScreenerReport.wrap("one two three four", width: 10, first: "- ", rest: "  ") == ["- one two", "  three", "  four"])
        #expect(ScreenerReport.wrap("abcdefghijkl x", width: 5) == ["abcde", "fghij", "kl x"])
        #expect(ScreenerReport.wrap("中文中文中文", width: 5) == ["中文", "中文", "中文"])
        #expect(ScreenerReport.wrap("a\nb", width: 5) == ["a", "b"])
    }
}

@Suite
struct ScreenCommandTests {
    let content = ["--content", Fixtures.repoRoot + "/Content"]

    @Test func json() throws {
        let run = Binary.run(["screen", "--answer", "forced_labor=yes", "--answer", "in_us=yes", "--json"] + content)
        #expect(run.status == 0, "\(run.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect((object["t_visa"] as? [String: Any])?["result"] as? String == "unclear")
        #expect(object["answers"] as? [String: String] == ["forced_labor": "yes", "in_us": "yes"])
        let spanish = Binary.run(["screen", "--lang", "es", "--answer", "abuser_relationship=spouse", "--answer", "abuser_status=citizen",
                                  "--answer", "age_now=30", "--json"] + content)
        #expect(spanish.status == 0, "\(spanish.error)")
        let es = try #require(try JSONSerialization.jsonObject(with: Data(spanish.output.utf8)) as? [String: Any])
        #expect(es["also_ask_about"] as? [String] == ["vawa-self-petition"])
        #expect(((es["t_visa"] as? [String: Any])?["reasons"] as? [String])?.first?.hasPrefix("Todavía no está claro") == true)
    }

    @Test func text() {
        let run = Binary.run(["screen", "--answer", "unpaid_wages=yes"] + content)
        #expect(run.status == 0)
        #expect(run.output.contains("Worth asking a lawyer about: A wage claim"))
        #expect(!run.output.contains("{agency."), "the agency's own words are filled in")
        #expect(run.output.contains("Local advocates, 24 hours a day: 860.763.4542."))
    }

    @Test func anUnknownIDExits64NamingTheValidOnes() {
        let run = Binary.run(["screen", "--answer", "in_usa=yes"] + content)
        #expect(run.status == 64)
        #expect(run.output.isEmpty)
        #expect(run.error.contains("unknown question id 'in_usa'") && run.error.contains("in_us, at_port_of_entry"))
        let value = Binary.run(["screen", "--answer", "in_us=perhaps"] + content)
        #expect(value.status == 64)
        #expect(value.error.contains("yes, no, unsure"))
        for bad in ["age_now=old", "abuser_status=maybe", "abused_by_citizen_or_resident_family=yes", "under_21_abused_by_parent=yes"] {
            let run = Binary.run(["screen", "--answer", bad] + content)
            #expect(run.status == 64, "\(bad)")
            #expect(run.output.isEmpty && (run.error.lowercased().contains("the ids are") || run.error.contains("the answers are")), "\(bad): \(run.error)")
        }
    }
}

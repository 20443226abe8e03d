import ArgumentParser
import Glibc
import WaymarkContent
import WaymarkCore

/// `waymark screen`: the visa screener's rules without the full-screen UI, for advocates and tests.
struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Show which immigration options given answers point to (not legal advice).",
        discussion: """
            Evaluates the screener's rules for the answers given; a question not given counts as \
            "not sure". Question ids and their answers: \(QuestionID.allCases.map { "\($0.rawValue) (\(ScreenerReport.validValues($0)))" }.joined(separator: "; ")).
            """
    )

    @Option(name: .customLong("answer"), help: ArgumentHelp("An answer, as ID=VALUE; VALUE is yes, no or unsure, a choice, or for age_now a whole number. Repeat for each question.", valueName: "ID=VALUE"))
    var answers: [String] = []

    @Flag(help: "Print one JSON object: t_visa, u_visa, also_ask_about, answers (the ones given, and under_18_at_time=yes when age_now is under 18).")
    var json = false

    /// --content and --lang (a language folder's code; every language has its own screener.yaml).
    @OptionGroup var options: ContentOption

    func run() throws {
        let given: Answers
        switch ScreenerReport.parseAnswers(answers) {
        case .success(let answers): given = answers
        case .failure(let problem):
            printError(problem.message)
            throw ExitCode(ExitStatus.usage)
        }
        let directory = options.content ?? ContentLocator.shipped()
        let screener: Screener
        do {
            screener = try ContentLoader.loadScreener(directory: directory, language: options.language)
        } catch {
            fail(error.problems.map(\.description).joined(separator: "\nwaymark: "), ExitStatus.contentError)
        }
        let results = ScreenerRules.evaluate(given)
        if json {
            print(ScreenerReport.json(results, answers: given, screener: screener))
        } else {
            print(ScreenerReport.text(results, screener: screener, width: 80), terminator: "")
        }
    }
}

extension ExitStatus {
    /// A mistake in the command line (sysexits EX_USAGE, as ArgumentParser uses).
    static let usage: Int32 = 64
}

import ArgumentParser
import CWipeOnFree
import Glibc
import WaymarkContent
import WaymarkCore
import WaymarkStore
import WaymarkTerminal
import WaymarkText

@main
enum Main {
    static func main() {
        // Freed memory is zeroed from the first allocation on (see CWipeOnFree).
        precondition(wm_wipe_on_free_linked() == 1)
        // Plain `waymark`, the way a person starts it, goes straight to the program: the argument
        // parser's reflection costs about 2 ms of start-up (docs/DECISIONS.md, entry 11).
        if CommandLine.arguments.count == 1 {
            Run.start(contentDirectory: nil, language: nil, planFile: nil, plain: false, idleMinutes: nil)
        }
        Waymark.main()
    }
}

struct Waymark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waymark",
        abstract: "Private, keyboard-driven help for people facing trafficking or domestic violence.",
        discussion: """
            Press Esc (or Ctrl-C) at any time to clear the screen and leave at once.

            Terminals this computer's terminfo does not know (xterm-kitty, alacritty, foot, \
            wezterm, xterm-ghostty) are drawn as xterm-256color; any other unknown TERM, or \
            TERM=dumb, gives the plain line mode.

            On a shared server (the SSH recipe, docs/SSH-HOSTING.md), run it as `waymark --hosted`: \
            nothing is saved or exported there (see `waymark run --help`).
            """,
        version: "0.1.0",
        subcommands: [Run.self, CheckContent.self, ScreenCommand.self],
        defaultSubcommand: Run.self
    )
}

/// Exit codes, also listed in the README.
enum ExitStatus {
    static let contentError: Int32 = 65
    static let notATerminal: Int32 = 2
}

struct ContentOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Use the content in this folder instead of the shipped one.", valueName: "DIR"))
    var content: String?

    @Option(name: .long, help: ArgumentHelp("The language: the name of one of the content's language folders, e.g. en (English) or es (Español). Default: from LC_ALL, LC_MESSAGES or LANG (es_MX.UTF-8 is es), else English.", valueName: "CODE"))
    var lang: String?

    var directory: String { content ?? ContentLocator.shipped() }

    var language: String {
        Content.language(option: lang, available: ContentLoader.languages(directory: directory).map(\.code)) { name in
            getenv(name).map { String(cString: $0) }
        }
    }

    func validate() throws {
        guard let lang else { return }
        let languages = ContentLoader.languages(directory: directory)
        if !languages.contains(where: { $0.code == lang }) {
            // Exit status 64, as for every other bad option.
            let names = languages.map { "\($0.code) (\($0.name))" }.joined(separator: ", ")
            throw ValidationError("unknown language '\(lang)'; use one of: \(names.isEmpty ? "none found in \(directory)" : names)")
        }
    }

}

func printError(_ message: String) {
    // Messages quote file names and content: their control characters are shown, not obeyed.
    let line = "waymark: \(TerminalText.visible(message))\n"
    _ = line.withCString { write(STDERR_FILENO, $0, strlen($0)) }
}

func fail(_ message: String, _ status: Int32) -> Never {
    printError(message)
    exit(status)
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start Waymark in this terminal (the default).")

    @OptionGroup var options: ContentOption

    @Option(name: .long, help: ArgumentHelp("Keep the safety plan in this file (e.g. on a USB stick) instead of the usual place.", valueName: "PATH"))
    var planFile: String?

    @Flag(name: .long, help: "Plain line mode: text lines and numbered choices, for screen readers and simple terminals (also used when TERM is dumb or unknown; xterm-kitty, alacritty, foot, wezterm and xterm-ghostty, where terminfo lacks them, are drawn as xterm-256color).")
    var plain = false

    @Option(name: .customLong("idle-exit"), help: ArgumentHelp("After this many minutes without a key, clear the screen and leave, as Esc does (off unless given; also in Settings).", valueName: "MINUTES"))
    var idleExit: Int?

    @Flag(name: .long, help: "For a shared server (the SSH recipe's login shell sets it): nothing is saved or exported, no file is read from a writable place, a plan box holds up to 2,000 characters and the evidence log up to 25 entries.")
    var hosted = false

    func validate() throws {
        if let idleExit, idleExit < 1 || idleExit > 1440 {
            throw ValidationError("--idle-exit takes a number of minutes from 1 to 1440")
        }
        if hosted, planFile != nil {
            throw ValidationError("--hosted saves nothing, so it takes no --plan-file")
        }
    }

    func run() throws {
        Run.start(contentDirectory: options.content, language: options.lang, planFile: planFile, plain: plain,
                  idleMinutes: idleExit, hosted: hosted)
    }

    static func start(contentDirectory: String?, language option: String?, planFile: String?, plain: Bool,
                      idleMinutes: Int?, hosted: Bool = false) -> Never {
        let directory = contentDirectory ?? ContentLocator.shipped()
        // The locale is matched against the languages the folder has; `--lang` was checked already.
        let available = option == nil ? ContentLoader.languages(directory: directory).map(\.code) : []
        let language = Content.language(option: option, available: available) { name in getenv(name).map { String(cString: $0) } }
        func report(_ problems: ContentProblems) -> String {
            problems.problems.map(\.description).joined(separator: "\nwaymark: ")
        }
        // What the first screen needs now; the rest right after it is drawn (DECISIONS.md, 16).
        let content: Content
        do {
            content = try ContentLoader.load(directory: directory, language: language, extent: .firstScreen)
        } catch {
            fail(report(error), ExitStatus.contentError)
        }
        // NO_COLOR: any non-empty value turns colour off (no-color.org).
        let useColor = getenv("NO_COLOR").map { $0.pointee == 0 } ?? true
        var setup = SessionSetup(
            content: content, planFile: .notSaved, planPath: nil, exportPath: "",
            idleMinutes: idleMinutes, plans: PlanFiles.none, hosted: hosted,
            complete: ContentLoader.reading(directory: directory, language: language, report: report)
        ) { other in
            ContentLoader.reading(directory: directory, language: other) { $0.problems.first?.description ?? "" }
        }
        // Hosted: the plan's file is never looked for, so neither HOME nor XDG_DATA_HOME is read
        // and no PlanStore code can run.
        if !hosted {
            // A plan started elsewhere (beside a file that cannot be used) is found again.
            let plans = PlanFiles(path: PlanFile.pathToOpen(planFile.map(expandHome) ?? PlanFile.defaultPath()))
            let home = getenv("HOME").map { String(cString: $0) } ?? "."
            setup.planFile = plans.initialState
            setup.planPath = plans.path
            setup.exportPath = home + "/notes.txt"
            setup.plans = plans.keeper
            setup.copiesSaved = PlanFile.copiesBeside(plans.path)
        }
        let ending: Ending
        if plain || !Terminal.termCanDrawFullScreen() {
            ending = Runtime.run(setup, on: PlainBackend())
        } else {
            do throws(TerminalError) {
                ending = Runtime.run(setup, on: try TerminalBackend(useColor: useColor))
            } catch {
                fail(error.description, ExitStatus.notATerminal)
            }
        }
        switch ending {
        case .quickExit: Glibc._exit(0)
        case .exit(let status, let message):
            if let message { fail(message, status) }
            Glibc.exit(status)
        case .contentFailed(let message): fail(message, ExitStatus.contentError)
        }
    }
}

struct CheckContent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-content",
        abstract: "Check the content folder and print every problem as file:line: message."
    )

    @Argument(help: ArgumentHelp("The content folder to check (default: the shipped one).", valueName: "DIR"))
    var directory: String?

    func run() throws {
        let directory = directory ?? ContentLocator.shipped()
        // Without a content folder there is one problem to report, not a missing sources file too.
        let sources = Files.isDirectory(directory) ? SourcesCheck.check(directory: directory, today: CheckContent.today())
            : SourcesCheck.Report()
        let problems = ContentLoader.check(directory: directory) + sources.problems
        for problem in problems { print(TerminalText.visible(problem.description)) }
        for warning in sources.warnings {
            print(TerminalText.visible("\(warning.file):\(warning.line): warning: \(warning.message)"))
        }
        if problems.isEmpty {
            let warned = sources.warnings.isEmpty ? "" : " (\(sources.warnings.count) warning(s))"
            print(TerminalText.visible("\(directory): content is good\(warned)"))
        } else {
            printError("\(problems.count) problem(s) in \(directory)")
            throw ExitCode(ExitStatus.contentError)
        }
    }
}

extension CheckContent {
    /// Today's date on this computer's clock, in local time (no Foundation: see DECISIONS.md, 7).
    static func today() -> SourcesCheck.Day {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return SourcesCheck.Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }
}

enum ContentLocator {
    /// The shipped content: next to an installed binary (`PREFIX/share/waymark/Content`), or in
    /// the source tree above a built one (`swift run`, `.build/debug/waymark`).
    static func shipped() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let executable = length > 0 ? String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                                     : CommandLine.arguments[0]
        var folder = parent(executable)
        let installed = parent(folder) + "/share/waymark/Content"
        if Files.isDirectory(installed) { return installed }
        while !folder.isEmpty {
            if Files.isDirectory(folder + "/Content/en") { return folder + "/Content" }
            folder = parent(folder)
        }
        return "Content"
    }

    private static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}

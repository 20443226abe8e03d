import ArgumentParser
import Foundation
import WaymarkContent
import WaymarkCore
import WaymarkTerminal

@main
struct Waymark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waymark",
        abstract: "Private, keyboard-driven help for people facing trafficking or domestic violence.",
        discussion: "Press Esc (or Ctrl-C) at any time to clear the screen and leave at once.",
        version: "0.1.0",
        subcommands: [Run.self, CheckContent.self, Screen.self],
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
}

func fail(_ message: String, _ status: Int32) -> Never {
    FileHandle.standardError.write(Data("waymark: \(message)\n".utf8))
    exit(status)
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start Waymark in this terminal (the default).")

    @OptionGroup var options: ContentOption

    func run() throws {
        let directory = options.content ?? ContentLocator.shipped()
        let content: Content
        do {
            content = try ContentLoader.load(directory: directory, language: "en")
        } catch {
            fail(error.problems.map(\.description).joined(separator: "\nwaymark: "), ExitStatus.contentError)
        }
        let useColor = ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        do {
            try Session.run(content: content, useColor: useColor)
        } catch {
            fail(error.description, ExitStatus.notATerminal)
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
        let problems = ContentLoader.check(directory: directory)
        for problem in problems { print(problem) }
        if problems.isEmpty {
            print("\(directory): content is good")
        } else {
            FileHandle.standardError.write(Data("waymark: \(problems.count) problem(s) in \(directory)\n".utf8))
            throw ExitCode(ExitStatus.contentError)
        }
    }
}

enum ContentLocator {
    /// The shipped content: next to an installed binary, or in the source tree above a built one.
    static func shipped() -> String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
        let installed = folder.deletingLastPathComponent().appendingPathComponent("share/waymark/Content")
        if FileManager.default.fileExists(atPath: installed.path) { return installed.path }
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("Content")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("en").path) { return candidate.path }
            folder = folder.deletingLastPathComponent()
        }
        return "Content"
    }
}

/// One thing wrong with the content, where an editor can find it.
public struct ContentProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public init(_ file: String, _ line: Int, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }
    public var description: String { "\(file):\(line): \(message)" }
}

public struct ContentProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [ContentProblem]
    public init(_ problems: [ContentProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

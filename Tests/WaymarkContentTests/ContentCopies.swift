import Foundation
import Testing
import TestSupport

/// Test suites that break a copy of the shipped content to see what is reported take these.
protocol EditsContentCopies {}

extension EditsContentCopies {
    /// A fresh copy of the shipped content, changed by `change` (given the Content folder).
    func copy(_ change: (String) throws -> Void) rethrows -> String {
        let root = Fixtures.copyOfShippedContent()
        try change(root)
        return root
    }

    func edit(_ path: String, _ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old), "fixture: '\(old)' is not in \(path)", sourceLocation: sourceLocation)
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }
}

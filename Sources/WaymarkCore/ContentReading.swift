/// Content read a file at a time: the runtime calls `step()` and reads the keyboard between
/// calls, so a quick exit typed meanwhile is answered at once.
public enum ContentReadStep { case reading; case done(Content); case failed(String) }
public struct ContentReading {
    private let stepOnce: () -> ContentReadStep
    public init(_ step: @escaping () -> ContentReadStep) { stepOnce = step }
    public func step() -> ContentReadStep { stepOnce() }

    /// Steps to the end (where nothing needs answering meanwhile).
    public func finish() -> Result<Content, ContentReadFailure> {
        while true {
            switch step() {
            case .reading: continue
            case .done(let content): return .success(content)
            case .failed(let message): return .failure(ContentReadFailure(message))
            }
        }
    }
}

public struct ContentReadFailure: Error, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

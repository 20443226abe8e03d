/// Content read a file at a time: the runtime calls `step()` and reads the keyboard between
/// calls, so a quick exit typed meanwhile is answered at once.
public enum ContentReadStep { case reading; case done(Content); case failed(String) }
public struct ContentReading {
    private let stepOnce: () -> ContentReadStep
    public init(_ step: @escaping () -> ContentReadStep) { stepOnce = step }
    public func step() -> ContentReadStep { stepOnce() }
}

import Testing
import WaymarkCore

@Suite struct ContentReadingCoreTests {
    @Test func finishStepsToTheEnd() {
        var steps = 0
        let reading = ContentReading {
            steps += 1
            return steps < 3 ? .reading : .failed("at step \(steps)")
        }
        guard case .failure(let failure) = reading.finish() else { Issue.record("not a failure"); return }
        #expect(failure.message == "at step 3")
        #expect(steps == 3)
    }
}

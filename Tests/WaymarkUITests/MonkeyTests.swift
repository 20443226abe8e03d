import Glibc
import Testing
import WaymarkWidgets
import TestSupport
import WaymarkCore
import WaymarkUI
import WaymarkText

/// A seeded random walk through the whole program's core: every key in every context, resizes
/// from 1x1 to 300x100, language switches, typing with wide characters, and the file reports the
/// shell can send. After every step the state must still make sense. On failure it prints the
/// seed and the shortest list of actions it could find that still fails.
@Suite struct MonkeyTests {
    enum Step: Sendable, CustomStringConvertible {
        case key(Key)
        case action(Action)
        case language
        case outcome(PlanOutcome)

        var description: String {
            switch self {
            case .key(let key): return "key \(key)"
            case .action(let action): return "\(action)"
            case .language: return "switch language"
            case .outcome(let outcome): return "report \(outcome)"
            }
        }
    }

    static let keys: [Key] = [
        .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .tab, .backTab, .backspace, .delete,
        .char(" "), .char("q"), .char("?"), .char("h"), .char("j"), .char("k"), .char("l"), .char("L"),
        .function(1), .function(2), .ctrl("l"),
    ] + (0...9).map { .char(Character(String($0))) }
    static let texts = ["a", "ñ", "中文", "e\u{301}", "Ana's place", "\u{1F600}", " ", "x\ny", String(repeating: "w", count: 300)]
    static let outcomes: [PlanOutcome] = [
        .opened(SafetyPlan()), .created, .saved, .locked, .erased, .exported(path: "/tmp/n.txt"),
        .failed(.wrongPassphrase, detail: nil), .failed(.fileCorrupt, detail: nil), .failed(.diskFull, detail: "x"),
        .changedOnDisk,
    ]

    typealias Generator = SeededRandom

    static func randomStep(_ g: inout Generator) -> Step {
        switch g.next() % 100 {
        case 0..<70: return .key(keys[Int(g.next() % UInt64(keys.count))])
        case 70..<82: return .action(.insert(texts[Int(g.next() % UInt64(texts.count))]))
        case 82..<88:
            // Mostly sizes people use, sometimes absurd ones.
            let w = g.next() % 4 == 0 ? Int(g.next() % 300) + 1 : Int(g.next() % 100) + 20
            let h = g.next() % 4 == 0 ? Int(g.next() % 100) + 1 : Int(g.next() % 40) + 6
            return .action(.resize(Size(width: w, height: h)))
        case 88..<91: return .language
        case 91..<94: return .outcome(outcomes[Int(g.next() % UInt64(outcomes.count))])
        default: return .key(.char(Character(String(g.next() % 10))))
        }
    }

    static func start(_ file: PlanFileState) -> AppState {
        AppState(content: Fixtures.shipped, size: Size(width: 80, height: 24), planFile: file, planPath: "/tmp/p")
    }

    static func apply(_ step: Step, to state: inout AppState) {
        switch step {
        case .key(let key):
            if let action = Bindings.action(for: key, in: state.context) { _ = state.update(action) }
        case .action(let action):
            if case .insert = action, state.context != .editing { return }
            _ = state.update(action)
        case .language:
            _ = state.update(.contentLoaded(state.content.language == "en" ? Fixtures.spanish : Fixtures.shipped))
        case .outcome(let outcome):
            // The shell only reports after it was asked; a report while nothing is pending is
            // still handled, so send them at random.
            _ = state.update(.planDone(outcome))
        }
    }

    /// Every rule the state must keep; nil when all hold.
    static func problem(_ state: AppState, render checkRender: Bool) -> String? {
        guard let bottom = state.stack.first, bottom.kind == .menus(.menu(id: Content.mainMenuID)) else { return "the main menu is not at the bottom" }
        var copy = state
        if copy.update(.quickExit) != [.quickExit] { return "the quick exit is not reachable" }
        if Layout.isTooSmall(state.size) {
            if state.context != .tooSmall { return "too small but context \(state.context)" }
        } else {
            let layout = state.layout
            let body = Layout.bodyHeight(state.size)
            let maxScroll = max(0, layout.lines.count - body)
            if state.screen.scroll < 0 || state.screen.scroll > maxScroll { return "scroll \(state.screen.scroll) outside 0...\(maxScroll)" }
            if state.hasChoices, !layout.items.isEmpty {
                let selection = state.screen.selection
                if !layout.items.indices.contains(selection) { return "selection \(selection) outside \(layout.items.count) items" }
            }
            if checkRender, state.layout != state.layout(of: state.screen, width: Layout.textWidth(state.size)) {
                return "the cached layout is stale"
            }
        }
        if state.plan.editing != nil {
            guard state.context == .editing || state.context == .tooSmall else { return "typing outside a form" }
            if let rows = state.form(for: state.screen)?.rows, !(rows.indices.contains(state.screen.selection) && rows[state.screen.selection].isField) {
                return "typing, but the selected row is not a box"
            }
        }
        for screen in state.stack {
            if case .screener = screen.kind, state.screener == nil { return "a screener screen without a screener" }
        }
        if checkRender {
            let frame = render(state)
            if frame.cells.count != state.size.width * state.size.height { return "the frame is not the size of the screen" }
            for line in frame.lines where DisplayWidth.of(line) != state.size.width { return "a row does not fill the width" }
            if let cursor = frame.cursor, cursor.x >= state.size.width || cursor.y >= state.size.height { return "cursor off screen" }
        }
        return nil
    }

    /// Runs steps from a fresh state; the index of the first failing step and why, or nil.
    static func run(_ steps: [Step], file: PlanFileState, renderEvery: Int) -> (Int, String)? {
        var state = start(file)
        for (n, step) in steps.enumerated() {
            apply(step, to: &state)
            if let problem = problem(state, render: n % renderEvery == 0 || state.size.width * state.size.height < 400) {
                return (n, problem)
            }
        }
        return nil
    }

    /// The shortest failing list it can find by dropping chunks, then single steps.
    static func shrink(_ steps: [Step], file: PlanFileState) -> [Step] {
        var steps = steps
        var chunk = max(1, steps.count / 2)
        while chunk >= 1 {
            var i = 0
            var removed = false
            while i < steps.count {
                var candidate = steps
                candidate.removeSubrange(i..<min(steps.count, i + chunk))
                if let (index, _) = run(candidate, file: file, renderEvery: 1) {
                    steps = Array(candidate.prefix(index + 1))
                    removed = true
                } else {
                    i += chunk
                }
            }
            if !removed { chunk /= 2 }
        }
        return steps
    }

    static let total: Int = {
        if let text = getenvString("WAYMARK_MONKEY_ACTIONS"), let n = Int(text) { return n }
        return 1_000_000
    }()

    @Test(arguments: [(UInt64(1), PlanFileState.notSaved), (2, .locked), (3, .notSaved), (4, .unusable(.fileCorrupt))])
    func aLongRandomWalkKeepsEveryRule(_ seed: UInt64, _ file: PlanFileState) {
        var g = Generator(seed: seed)
        let perSeed = Self.total / 4
        var state = Self.start(file)
        var history: [Step] = []
        history.reserveCapacity(4096)
        for n in 0..<perSeed {
            let step = Self.randomStep(&g)
            history.append(step)
            Self.apply(step, to: &state)
            let checkRender = n % 97 == 0 || state.size.width * state.size.height < 400
            if let problem = Self.problem(state, render: checkRender) {
                let shortest = Self.shrink(history, file: file)
                Issue.record("""
                    seed \(seed), step \(n): \(problem)
                    shortest failing list (\(shortest.count) steps, from a fresh start with plan file \(file)):
                    \(shortest.map(\.description).joined(separator: "\n"))
                    """)
                return
            }
            // Start afresh now and then, so the walk sees beginnings as often as depths.
            if n % 20_000 == 19_999 {
                state = Self.start(file)
                history.removeAll(keepingCapacity: true)
            }
        }
    }
}

func getenvString(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}

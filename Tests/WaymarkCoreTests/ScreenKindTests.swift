import Testing
import WaymarkText
import WaymarkWidgets
import TestSupport
import WaymarkCore

/// Every kind of screen, reached in the shipped content: it has a title, and back leaves it for
/// the screen below. A new kind fails to compile here (`name`) until it is listed, and fails the
/// test until it is reached.
@Suite struct ScreenKindTests {
    static func name(_ kind: ScreenKind) -> String {
        switch kind {
        case .menus(.menu): "menu"
        case .menus(.page): "page"
        case .menus(.help): "help"
        case .screener(.intro): "screener intro"
        case .screener(.question): "question"
        case .screener(.questionHelp): "question help"
        case .screener(.results): "results"
        case .screener(.review): "review"
        case .screener(.confirmStartOver): "start over"
        case .plan(.overview): "plan"
        case .plan(.section): "plan section"
        case .plan(.evidenceList): "evidence"
        case .plan(.evidenceEntry): "evidence entry"
        case .plan(.summary): "plan summary"
        case .plan(.passphrase(.unlock)): "unlock"
        case .plan(.passphrase(.choose)): "choose a passphrase"
        case .plan(.passphrase(.repeatChosen)): "repeat the passphrase"
        case .plan(.confirm(.erase)): "erase?"
        case .plan(.confirm(.deleteEvidence)): "delete evidence?"
        case .plan(.confirm(.overwrite)): "overwrite?"
        case .plan(.export): "export"
        case .plan(.unusable): "unusable"
        case .settings: "settings"
        }
    }

    static let everyName: Set<String> = [
        "menu", "page", "help", "screener intro", "question", "question help", "results", "review", "start over",
        "plan", "plan section", "evidence", "evidence entry", "plan summary", "unlock", "choose a passphrase",
        "repeat the passphrase", "erase?", "delete evidence?", "overwrite?", "export", "unusable", "settings",
    ]

    /// Where a walk starts: each state of the plan's file, and an open one whose file changed.
    static func starts() -> [AppState] {
        let size = Size(width: 80, height: 24)
        func state(_ file: PlanFileState) -> AppState {
            AppState(content: Fixtures.shipped, size: size, planFile: file, planPath: "/tmp/x/plan", exportPath: "/tmp/x/notes.txt")
        }
        var open = state(.locked)
        _ = open.update(.planDone(.opened(SafetyPlan())))
        var changed = open
        _ = changed.update(.number(changed.content.menus["main"]!.items.firstIndex { $0.target == .plan }! + 1))
        _ = changed.update(.planDone(.changedOnDisk))
        return [state(.notSaved), state(.locked), state(.unusable(.fileCorrupt)), open, changed]
    }

    /// Every state a few keys away from the starts (typing a line where a box asks for one).
    static func reachable() -> [AppState] {
        let keys: [Action] = (1...9).map { .number($0) } + [.open, .help, .end, .up]
        var seen: Set<String> = []
        var states: [AppState] = []
        var frontier = starts()
        for _ in 0..<24 {
            var next: [AppState] = []
            for state in frontier where seen.insert("\(state.stack) \(state.plan.file) \(state.screener?.path ?? [])").inserted {
                states.append(state)
                for key in keys {
                    var moved = state
                    _ = moved.update(moved.context == .editing ? .submitText("a passphrase") : key)
                    next.append(moved)
                }
            }
            frontier = next
        }
        return states
    }

    @Test func everyKindHasATitleAndBackLeavesItForTheScreenBelow() {
        let states = Self.reachable()
        // "Delete this entry?" lies deeper than this walk goes (PlanFlowTests opens it).
        #expect(Set(states.map { Self.name($0.screen.kind) }) == Self.everyName.subtracting(["delete evidence?"]))
        for state in states where state.stack.count > 1 {
            let name = Self.name(state.screen.kind)
            #expect(!state.title(of: state.screen).isEmpty, "\(name)")
            var left = state
            if left.context == .editing { _ = left.update(.submitText("")) }
            // (A box that asks again, as the passphrase does, keeps the keys: back is for after it.)
            guard left.screen.kind == state.screen.kind, left.context != .editing else { continue }
            let below = left.stack[left.stack.count - 2]
            _ = left.update(.back)
            switch state.screen.kind {
            case .screener(.question), .screener(.results):
                // Back steps through the questions before it leaves.
                if case .screener = left.screen.kind {} else { Issue.record("\(name): \(left.screen)") }
            default:
                #expect(left.screen.kind == below.kind, "\(name): \(left.screen)")
            }
        }
    }
}

import WaymarkWidgets

/// A key as the person pressed it, after the terminal's bytes have been decoded.
public enum Key: Sendable, Hashable {
    case char(Character)
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backTab, backspace, delete, insert
    case escape
    case function(Int)
    /// A mouse button pressed at a cell (1-based, as terminals report them), or the wheel.
    case click(x: Int, y: Int)
    case wheelUp, wheelDown
    /// Text the terminal marked as pasted (bracketed paste): only ever text, never commands.
    case paste(String)
}

/// What a key means, independent of which key it was.
public enum Action: Sendable, Equatable {
    case up, down, pageUp, pageDown, home, end
    case open, back
    case number(Int)
    case help
    case quit, quickExit, repaint
    case switchLanguage
    case resize(Size)
    /// Between the rows of a form (Tab, Shift-Tab).
    case nextField, previousField
    /// Editing the text of a form field.
    case insert(String)
    case deleteBackward, deleteForward
    case cursorLeft, cursorRight, cursorHome, cursorEnd
    /// A click on a cell of the screen (0-based): selects the choice there, or opens it when it
    /// was already selected.
    case click(x: Int, y: Int)
    /// A whole answer for the box being typed in, as the plain line mode reads it: replaces the
    /// text and finishes the box (submitting a passphrase or a file name).
    case submitText(String)
}

/// Where the person is, for deciding which bindings apply.
public enum Context: Sendable, Hashable, CaseIterable {
    /// Choices chosen with the arrows and Enter, or by number: menus, questions.
    case menu
    /// Text that scrolls.
    case page
    /// Text that scrolls, with numbered things to do at its end (the screener's results).
    case results
    /// Rows to tick, to write in, or to act on: the safety plan.
    case form
    /// Typing into a form field: printable keys are text, not shortcuts.
    case editing
    case tooSmall
}

/// One row of the key table. The keymap, the footer and the help screen all come from `Bindings.all`.
public struct Binding: Sendable {
    public let keys: [Key]
    /// How the keys are written on screen, e.g. "↑ ↓ k j".
    public let label: String
    public let description: StringKey
    public let contexts: [Context]
    /// Shown in the footer when there is room, in this order (lower first); nil: only in help.
    public let footerRank: Int?
    /// Short label used in the footer, e.g. "↑↓".
    public let footerLabel: String
    /// Short words for the footer; the help screen uses `description`.
    public let footerDescription: StringKey
    let action: @Sendable (Key) -> Action

    init(_ keys: [Key], label: String, footerLabel: String? = nil, _ description: StringKey,
         footer footerDescription: StringKey? = nil,
         in contexts: [Context], footerRank: Int? = nil, action: @escaping @Sendable (Key) -> Action) {
        self.keys = keys
        self.label = label
        self.footerLabel = footerLabel ?? label
        self.footerDescription = footerDescription ?? description
        self.description = description
        self.contexts = contexts
        self.footerRank = footerRank
        self.action = action
    }

    init(_ keys: [Key], label: String, footerLabel: String? = nil, _ description: StringKey,
         footer footerDescription: StringKey? = nil,
         in contexts: [Context], footerRank: Int? = nil, _ action: Action) {
        self.init(keys, label: label, footerLabel: footerLabel, description, footer: footerDescription, in: contexts,
                  footerRank: footerRank, action: { _ in action })
    }
}

public enum Bindings {
    static let browsing: [Context] = [.menu, .page, .results, .form]
    static let everywhere: [Context] = [.menu, .page, .results, .form, .editing, .tooSmall]
    static let notTyping: [Context] = [.menu, .page, .results, .form, .tooSmall]

    public static let all: [Binding] = [
        Binding([.escape, .ctrl("c")], label: "Esc  Ctrl-C", footerLabel: "Esc", .quickExitHelp,
                in: everywhere, .quickExit),
        Binding([.up, .char("k"), .down, .char("j")], label: "↑ ↓  k j", footerLabel: "↑↓", .move,
                in: browsing, footerRank: 3, action: { key in
                    key == .up || key == .char("k") ? .up : .down
                }),
        Binding([.enter, .right, .char("l")], label: "Enter  →  l", footerLabel: "Enter", .open,
                in: [.menu, .form], footerRank: 2, .open),
        Binding([.char(" ")], label: "Space", .toggle, in: [.form], .open),
        Binding([.tab, .backTab], label: "Tab  Shift-Tab", footerLabel: "Tab", .nextField, footer: .footerNextField,
                in: [.form, .editing], footerRank: 3, action: { key in key == .tab ? .nextField : .previousField }),
        Binding((1...9).map { Key.char(Character(String($0))) }, label: "1-9", .number, footer: .footerNumber,
                in: [.menu, .results, .form], footerRank: 5, action: { key in
                    if case .char(let c) = key, let n = c.wholeNumberValue { return .number(n) }
                    return .number(0)
                }),
        Binding([.left, .backspace, .char("h")], label: "←  Backspace  h", footerLabel: "←", .back,
                in: browsing, footerRank: 1, .back),
        Binding([.pageUp, .pageDown, .char(" ")], label: "PgUp PgDn  Space", footerLabel: "Space", .scroll, footer: .footerScroll,
                in: [.menu, .page, .results], footerRank: 4, action: { key in key == .pageUp ? .pageUp : .pageDown }),
        Binding([.pageUp, .pageDown], label: "PgUp PgDn", .scroll, in: [.form],
                action: { key in key == .pageUp ? .pageUp : .pageDown }),
        Binding([.up, .down], label: "↑ ↓", footerLabel: "↑↓", .move, in: [.editing], footerRank: 4,
                action: { key in key == .up ? .up : .down }),
        Binding([.left, .right, .home, .end], label: "← →  Home End", .cursor, in: [.editing], action: { key in
            switch key {
            case .left: return .cursorLeft
            case .right: return .cursorRight
            case .home: return .cursorHome
            default: return .cursorEnd
            }
        }),
        Binding([.backspace, .delete], label: "Backspace  Delete", .erase, in: [.editing],
                action: { key in key == .backspace ? .deleteBackward : .deleteForward }),
        Binding([.enter], label: "Enter", .finishField, in: [.editing], .open),
        Binding([.home, .end], label: "Home  End", .top, in: browsing,
                action: { key in key == .home ? .home : .end }),
        Binding([.char("?"), .function(1)], label: "?  F1", footerLabel: "?", .help, footer: .footerHelp,
                in: browsing, footerRank: 0, .help),
        Binding([.function(1)], label: "F1", .help, in: [.editing], .help),
        Binding([.char("L"), .function(2)], label: "L  F2", footerLabel: "L", .language, footer: .footerLanguage,
                in: browsing, footerRank: 7, .switchLanguage),
        Binding([.char("q")], label: "q", .quit, footer: .footerQuit, in: notTyping, footerRank: 6, .quit),
        Binding([.ctrl("l")], label: "Ctrl-L", .repaint, in: everywhere, .repaint),
    ]

    public static func action(for key: Key, in context: Context) -> Action? {
        // The first binding that has the key wins. A search of twenty rows, with no dictionary
        // of `Key`s to build (and no conformance search) before the first key is answered.
        if let binding = all.first(where: { $0.contexts.contains(context) && $0.keys.contains(key) }) {
            return binding.action(key)
        }
        // The mouse is never required; where it works it selects and scrolls.
        switch key {
        case .click(let x, let y): return context == .tooSmall ? nil : .click(x: x - 1, y: y - 1)
        case .wheelUp: return [.page, .results, .menu, .form].contains(context) ? .up : nil
        case .wheelDown: return [.page, .results, .menu, .form].contains(context) ? .down : nil
        default: break
        }
        // While typing, every printable key is text, and so is a paste; elsewhere a paste is dropped.
        if context == .editing, case .char(let character) = key { return .insert(String(character)) }
        if context == .editing, case .paste(let text) = key { return .insert(text) }
        return nil
    }

    /// Esc and Ctrl-C: the quick exit in every context, so it can be acted on before the keys
    /// that came with it.
    public static func leavesAtOnce(_ key: Key) -> Bool {
        key == .escape || key == .ctrl("c")
    }

    public static func footer(in context: Context) -> [Binding] {
        all.filter { $0.contexts.contains(context) && $0.footerRank != nil }
            .sorted { $0.footerRank! < $1.footerRank! }
    }
}

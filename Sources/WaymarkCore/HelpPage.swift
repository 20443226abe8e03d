import WaymarkText

/// The help screen, generated from the key table so that it can never disagree with the keys.
/// The line mode has keys of its own (a line is typed, then Enter): its help lists those.
public enum HelpPage {
    public static func make(_ strings: Strings, lineMode: Bool = false) -> Page {
        var blocks: [Block] = [.paragraph([Span(strings[lineMode ? .helpIntroPlain : .helpIntro])]), .heading(strings[.helpKeysHeading])]
        var described = Set<StringKey>()
        let rows = lineMode ? plainKeys : Bindings.all.map { ($0.label, $0.description) }
        for (label, description) in rows where described.insert(description).inserted {
            blocks.append(.bullet([Span(label, .emphasis), Span("  " + strings[description])]))
        }
        blocks.append(.callout([Span(strings[.helpPrivacy])]))
        return Page(id: "help", title: strings[.helpTitle], blocks: blocks)
    }

    /// What `AppState.plainMessages(for:)` reads, and Esc or Ctrl-C alone. Plain text has no
    /// bold to set a key apart, so each label ends in a colon.
    static let plainKeys: [(label: String, description: StringKey)] = [
        ("Esc / Ctrl-C / x:", .quickExitHelp),
        ("1 2 3 + Enter:", .choose),
        ("Enter:", .more),
        ("b:", .back),
        ("?:", .help),
        ("L:", .language),
        ("q:", .quit),
    ]
}

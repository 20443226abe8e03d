import WaymarkText

/// The help screen, generated from the key table so that it can never disagree with the keys.
public enum HelpPage {
    public static func make(_ strings: Strings) -> Page {
        var blocks: [Block] = [.paragraph([Span(strings[.helpIntro])]), .heading(strings[.helpKeysHeading])]
        var described = Set<StringKey>()
        for binding in Bindings.all where described.insert(binding.description).inserted {
            blocks.append(.bullet([Span(binding.label, .emphasis), Span("  " + strings[binding.description])]))
        }
        blocks.append(.callout([Span(strings[.helpPrivacy])]))
        return Page(id: "help", title: strings[.helpTitle], blocks: blocks)
    }
}

import WaymarkCore
import WaymarkText
import WaymarkWidgets

/// Draws the whole state into a frame. Pure: the same state always gives the same frame.
public func render(_ state: AppState) -> Frame {
    var frame = Frame(size: state.size)
    guard state.size.width > 0, state.size.height > 0 else { return frame }
    let strings = state.content.strings
    if Layout.isTooSmall(state.size) {
        Dialog(title: strings[.tooSmallTitle], body: strings[.tooSmallBody], way: strings[.quickExit])
            .draw(into: &frame, in: frame.bounds)
        return frame
    }
    let screen = state.screen
    let layout = state.layout
    layout.draw(into: &frame, in: Layout.body(state.size), scroll: screen.scroll,
                selected: state.hasChoices ? screen.selection : nil, typing: state.context == .editing)
    var position: String? = nil
    let bodyHeight = Layout.bodyHeight(state.size)
    if layout.lines.count > bodyHeight {
        let shown = min(layout.lines.count, screen.scroll + bodyHeight)
        position = "\(shown * 100 / layout.lines.count)%"
    }
    TitleBar(state.title(of: screen), position: position).draw(into: &frame, in: Layout.title(state.size))
    footer(strings, context: state.context, notice: state.notice).draw(into: &frame, in: Layout.footer(state.size))
    return frame
}

/// The way out and the emergency number always show, shorter when the row is narrow; then the
/// keys of this screen, as many as fit.
private func footer(_ strings: Strings, context: Context, notice: String?) -> StatusBar {
    let forms = [
        [strings[.quickExit], strings[.emergency], strings[.footerAgency]],
        [strings[.quickExit], strings[.emergency]],
        [strings[.quickExit], "911"],
        [strings[.quickExitShort], "911"],
        [strings[.quickExitShort]],
    ]
    let keys = Bindings.footer(in: context).map { "\($0.footerLabel) \(strings[$0.footerDescription])" }
    return StatusBar(forms: forms, extras: keys, notice: notice)
}

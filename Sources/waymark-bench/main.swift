// waymark-bench: the pure render benchmark (issue 7, item 6). Loads the shipped content, opens the
// longest page, and renders the app state N times while scrolling it, at 80x24 and 300x100.
// No terminal is involved: this times `update` + `render` only, to catch regressions there.
//
//   waymark-bench [--content DIR] [--lang en|es] [--frames N]
//
// Prints one line per size: "render WxH: F frames/s (N frames, page ID, L lines)".
import Glibc
import WaymarkContent
import WaymarkCore
import WaymarkUI
import WaymarkWidgets

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func fail(_ message: String) -> Never {
    let line = "waymark-bench: \(message)\n"
    _ = line.withCString { write(STDERR_FILENO, $0, strlen($0)) }
    exit(1)
}

/// The shipped content: the first `Content/en` found going up from the executable, else ./Content.
func shippedContent() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    var path = length > 0 ? String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
    while let slash = path.lastIndex(of: "/") {
        path = String(path[..<slash])
        var info = stat()
        if stat(path + "/Content/en", &info) == 0 { return path + "/Content" }
    }
    return "Content"
}

/// The numbers to press from the main menu to reach each page (breadth first: shortest path).
func paths(_ content: Content) -> [String: [Int]] {
    var found: [String: [Int]] = [:]
    var queue: [(String, [Int])] = [(Content.mainMenuID, [])]
    var seen: Set<String> = [Content.mainMenuID]
    while !queue.isEmpty {
        let (id, path) = queue.removeFirst()
        guard let menu = content.menus[id] else { continue }
        for (index, item) in menu.items.enumerated() where index < 9 {
            switch item.target {
            case .page(let page): if found[page] == nil { found[page] = path + [index + 1] }
            case .menu(let next): if seen.insert(next).inserted { queue.append((next, path + [index + 1])) }
            default: break
            }
        }
    }
    return found
}

var directory: String? = nil
var language = "en"
var frames = 2000
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--content": directory = arguments.next()
    case "--lang": language = arguments.next() ?? language
    case "--frames": frames = Int(arguments.next() ?? "") ?? frames
    default: fail("unknown argument \(argument); usage: waymark-bench [--content DIR] [--lang en|es] [--frames N]")
    }
}

// Loading: the first load in the process (what start-up pays, type metadata included), then
// the median of later loads, whole and by part (screener.yaml and plan.yaml are read at start too).
let folder = directory ?? shippedContent()
@MainActor func load() -> Content {
    do { return try ContentLoader.load(directory: folder, language: language) } catch {
        fail(error.problems.map(\.description).joined(separator: "\n"))
    }
}
@MainActor func median(_ runs: Int, _ body: () -> Void) -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = now()
        body()
        times.append(now() - start)
    }
    return times.sorted()[runs / 2] * 1000
}
let firstStart = now()
let content = load()
let first = (now() - firstStart) * 1000
let whole = median(21) { _ = load() }
let screenerFile = ScreenerLoader.file(directory: folder, language: language)
let screener = median(21) { _ = try? ScreenerLoader.load(file: screenerFile) }
let plan = median(21) { _ = try? PlanLoader.load(file: "\(folder)/\(language)/\(PlanLoader.fileName)") }
func ms(_ x: Double) -> String { String(Double(Int(x * 100)) / 100) }
print("load content (\(language)): first \(ms(first)) ms, then median \(ms(whole)) ms; of which screener.yaml \(ms(screener)) ms, plan.yaml \(ms(plan)) ms")
let reachable = paths(content)

for size in [Size(width: 80, height: 24), Size(width: 300, height: 100)] {
    let width = Layout.textWidth(size)
    // The longest page at this width, by laid-out lines.
    guard let (id, path) = reachable.max(by: { a, b in
        let la = content.pages[a.key].map { Pager($0.blocks).lines(width: width).count } ?? 0
        let lb = content.pages[b.key].map { Pager($0.blocks).lines(width: width).count } ?? 0
        return la != lb ? la < lb : a.key > b.key
    }) else { fail("no page reachable from the main menu") }
    var state = AppState(content: content, size: size)
    for n in path { _ = state.update(.number(n)) }
    guard state.screen.kind == .menus(.page(id: id)) else { fail("could not open page \(id)") }
    let lines = state.layout.lines.count
    var checksum = 0
    // Warm up, then time: each frame scrolls one line (back to the top at the end) and renders.
    for _ in 0..<50 { checksum &+= render(state).cells.count }
    let start = now()
    for _ in 0..<frames {
        if state.pageScroll >= state.maxScroll(for: state.screen) { _ = state.update(.home) } else { _ = state.update(.down) }
        let frame = render(state)
        checksum &+= frame.cells.count &+ (frame[0, 0].character == " " ? 1 : 0)
    }
    let seconds = now() - start
    let fps = Double(frames) / seconds
    print("render \(size): \(Int(fps.rounded())) frames/s (\(frames) frames, \(String(Int((seconds / Double(frames)) * 1e6))) us/frame, page \(id), \(lines) lines, check \(checksum % 10))")
}

public struct Size: Sendable, Hashable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }
    public var description: String { "\(width)x\(height)" }
}

/// Part of a frame that a widget draws into; it never writes outside it.
public struct Rect: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
}

/// Where things go on the screen: a title row, the body, a footer row. Shared by the core (for
/// scroll bounds) and the views.
public enum Layout {
    /// Below this the program shows "make the window bigger" instead of a squeezed screen.
    public static let minimum = Size(width: 20, height: 6)
    /// Long lines are hard to read: text never runs wider than this.
    public static let maxTextWidth = 76

    public static func isTooSmall(_ size: Size) -> Bool {
        size.width < minimum.width || size.height < minimum.height
    }

    /// Rows between the title bar and the footer.
    public static func bodyHeight(_ size: Size) -> Int { max(1, size.height - 2) }

    public static func margin(_ size: Size) -> Int { size.width >= 60 ? 2 : 1 }

    public static func textWidth(_ size: Size) -> Int {
        max(1, min(maxTextWidth, size.width - 2 * margin(size)))
    }

    public static func title(_ size: Size) -> Rect { Rect(x: 0, y: 0, width: size.width, height: 1) }

    public static func body(_ size: Size) -> Rect {
        Rect(x: margin(size), y: 1, width: size.width - margin(size), height: bodyHeight(size))
    }

    public static func footer(_ size: Size) -> Rect { Rect(x: 0, y: size.height - 1, width: size.width, height: 1) }
}

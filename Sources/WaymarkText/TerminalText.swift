/// Text from files (content, a plan, file names) on its way to a terminal. A control character
/// in it could move the cursor, retitle the window, clear the screen or, on some terminals, type
/// into the shell; so every C0 control but the line break, DEL and every C1 control is shown
/// in caret notation instead: ESC as `^[`, BEL as `^G`, DEL as `^?`, C1 as `^[` and its 7-bit
/// letter (CSI, U+009B, as `^[[`).
public enum TerminalText {
    public static func visible(_ text: String) -> String {
        // Bytes: nearly all text has none of these, and then it is returned as it is.
        var utf8 = text.utf8.makeIterator()
        var clean = true
        var previous: UInt8 = 0
        while let byte = utf8.next() {
            if isControl(byte) || (previous == 0xC2 && (0x80...0x9F).contains(byte)) { clean = false; break }
            previous = byte
        }
        if clean { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: out.unicodeScalars.append(scalar)
            case 0x00..<0x20: out += "^" + String(Unicode.Scalar(UInt8(scalar.value) + 0x40))
            case 0x7F: out += "^?"
            case 0x80...0x9F: out += "^[" + String(Unicode.Scalar(UInt8(scalar.value - 0x40)))
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isControl(_ byte: UInt8) -> Bool { (byte < 0x20 && byte != 0x0A) || byte == 0x7F }
}

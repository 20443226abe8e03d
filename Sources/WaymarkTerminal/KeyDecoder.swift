import WaymarkCore

/// Turns the bytes a terminal sends into keys. Pure and incremental: bytes may arrive split
/// anywhere, and a lone Esc is reported as soon as no more bytes are waiting (no escape delay).
public struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []
    /// Inside a bracketed paste (ESC[200~ … ESC[201~): the bytes pasted so far.
    private var pasted: [UInt8]?

    static let pasteStart = Array("\u{1B}[200~".utf8)
    static let pasteEnd = Array("\u{1B}[201~".utf8)
    /// More than any box holds; the rest of a larger paste is dropped.
    public static let pasteLimit = 1 << 20

    public init() {}

    /// Decodes what it can. `final` means nothing more is waiting to be read right now: then a
    /// trailing Esc on its own is the Esc key, not the start of a sequence.
    public mutating func feed(_ bytes: some Sequence<UInt8>, final: Bool) -> [Key] {
        let start = pending.count
        pending.append(contentsOf: bytes)
        var keys: [Key] = []
        // An Esc read on its own is the quick exit, even if a paste never ended.
        if pasted != nil, final, pending.count - start == 1, pending.last == 0x1B {
            collect(0..<start)
            if let text = endPaste() { keys.append(text) }
            pending.removeAll()
            return keys + [.escape]
        }
        var index = 0
        while index < pending.count {
            if pasted != nil {
                guard let end = find(KeyDecoder.pasteEnd, from: index) else {
                    // Keep only what could be the start of the end marker.
                    let keep = partialEndMarker(from: index)
                    collect(index..<(pending.count - keep))
                    index = pending.count - keep
                    break
                }
                collect(index..<end)
                if let text = endPaste() { keys.append(text) }
                index = end + KeyDecoder.pasteEnd.count
                continue
            }
            if pending[index] == 0x1B, pending.count - index >= KeyDecoder.pasteStart.count,
               pending[index..<(index + KeyDecoder.pasteStart.count)].elementsEqual(KeyDecoder.pasteStart) {
                pasted = []
                index += KeyDecoder.pasteStart.count
                continue
            }
            let (key, used) = decode(at: index, final: final)
            if used == 0 { break }
            if let key { keys.append(key) }
            index += used
        }
        // A new buffer, not removeFirst: the old one is freed (and so zeroed), where removeFirst
        // would keep typed bytes (a passphrase) in the spare capacity behind the count.
        pending = index == pending.count ? [] : Array(pending[index...])
        // Never hold on to an unbounded run of garbage.
        if pending.count > 64 { pending = [] }
        return keys
    }

    private mutating func collect(_ range: Range<Int>) {
        guard var text = pasted else { return }
        text.append(contentsOf: pending[range].prefix(max(0, KeyDecoder.pasteLimit - text.count)))
        pasted = text
    }

    private mutating func endPaste() -> Key? {
        defer { pasted = nil }
        guard let text = pasted, !text.isEmpty else { return nil }
        return .paste(String(decoding: text, as: UTF8.self))
    }

    private func find(_ marker: [UInt8], from start: Int) -> Int? {
        guard pending.count - start >= marker.count else { return nil }
        var index = start
        while index <= pending.count - marker.count {
            if pending[index] == marker[0], pending[index..<(index + marker.count)].elementsEqual(marker) { return index }
            index += 1
        }
        return nil
    }

    /// How many bytes at the end of `pending` are the beginning of the end marker.
    private func partialEndMarker(from start: Int) -> Int {
        let marker = KeyDecoder.pasteEnd
        for length in stride(from: min(marker.count - 1, pending.count - start), to: 0, by: -1)
        where pending[(pending.count - length)...].elementsEqual(marker[0..<length]) {
            return length
        }
        return 0
    }

    /// One key starting at `start`, and how many bytes it used (0: wait for more).
    private func decode(at start: Int, final: Bool) -> (Key?, Int) {
        let byte = pending[start]
        let remaining = pending.count - start
        switch byte {
        case 0x1B:
            guard remaining > 1 else { return final ? (.escape, 1) : (nil, 0) }
            let next = pending[start + 1]
            if next == UInt8(ascii: "[") { return csi(start, final: final) }
            if next == UInt8(ascii: "O") {
                guard remaining > 2 else { return final ? (.escape, 1) : (nil, 0) }
                if pending[start + 2] < 0x20 { return (nil, 2) }
                return (ss3(pending[start + 2]), 3)
            }
            // Esc followed by anything else (Alt+key, or Esc typed quickly before another key):
            // the Esc wins, because it is the quick exit.
            return (.escape, 1)
        case 0x0D, 0x0A: return (.enter, 1)
        case 0x09: return (.tab, 1)
        case 0x7F, 0x08: return (.backspace, 1)
        case 0x00: return (nil, 1)
        case 0x01...0x1A: return (.ctrl(Character(Unicode.Scalar(byte + 0x60))), 1)
        case 0x1C...0x1F: return (nil, 1)
        case 0x20...0x7E: return (.char(Character(Unicode.Scalar(byte))), 1)
        default: return utf8(start, final: final)
        }
    }

    private func csi(_ start: Int, final: Bool) -> (Key?, Int) {
        var index = start + 2
        // Parameter and intermediate bytes, then one final byte.
        while index < pending.count, (0x20...0x3F).contains(pending[index]) { index += 1 }
        guard index < pending.count else {
            // Incomplete. If nothing more is coming it was Esc then '[' typed by hand.
            return final && index - start > 8 ? (nil, index - start) : (final && index == start + 2 ? (.escape, 1) : (nil, 0))
        }
        let finalByte = pending[index]
        // A control byte (such as a new Esc) cannot be part of a sequence: drop what came before
        // it and decode it afresh, so that an Esc is never swallowed.
        if finalByte < 0x20 { return (nil, index - start) }
        let used = index - start + 1
        guard (0x40...0x7E).contains(finalByte) else { return (nil, used) }
        let parameters = String(decoding: pending[(start + 2)..<index], as: UTF8.self)
        if parameters.hasPrefix("<") {
            // SGR mouse report: ESC [ < button ; x ; y M (press) or m (release).
            let numbers = parameters.dropFirst().split(separator: ";").compactMap { Int($0) }
            guard numbers.count == 3, finalByte == UInt8(ascii: "M") else { return (nil, used) }
            switch numbers[0] & ~(4 | 8 | 16) {  // without Shift, Alt, Ctrl
            case 0: return (.click(x: numbers[1], y: numbers[2]), used)
            case 64: return (.wheelUp, used)
            case 65: return (.wheelDown, used)
            default: return (nil, used)
            }
        }
        let first = Int(parameters.split(separator: ";").first ?? "") ?? 1
        switch finalByte {
        case UInt8(ascii: "A"): return (.up, used)
        case UInt8(ascii: "B"): return (.down, used)
        case UInt8(ascii: "C"): return (.right, used)
        case UInt8(ascii: "D"): return (.left, used)
        case UInt8(ascii: "H"): return (.home, used)
        case UInt8(ascii: "F"): return (.end, used)
        case UInt8(ascii: "Z"): return (.backTab, used)
        case UInt8(ascii: "P"): return (.function(1), used)
        case UInt8(ascii: "Q"): return (.function(2), used)
        case UInt8(ascii: "R"): return (.function(3), used)
        case UInt8(ascii: "S"): return (.function(4), used)
        case UInt8(ascii: "~"):
            switch first {
            case 1, 7: return (.home, used)
            case 2: return (.insert, used)
            case 3: return (.delete, used)
            case 4, 8: return (.end, used)
            case 5: return (.pageUp, used)
            case 6: return (.pageDown, used)
            case 11...15: return (.function(first - 10), used)
            case 17...21: return (.function(first - 11), used)
            case 23, 24: return (.function(first - 12), used)
            default: return (nil, used)
            }
        default: return (nil, used)
        }
    }

    private func ss3(_ byte: UInt8) -> Key? {
        switch byte {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "M"): return .enter
        case UInt8(ascii: "P"): return .function(1)
        case UInt8(ascii: "Q"): return .function(2)
        case UInt8(ascii: "R"): return .function(3)
        case UInt8(ascii: "S"): return .function(4)
        default: return nil
        }
    }

    private func utf8(_ start: Int, final: Bool) -> (Key?, Int) {
        let lead = pending[start]
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return (nil, 1)
        }
        let available = min(length, pending.count - start)
        for offset in 1..<available where pending[start + offset] & 0xC0 != 0x80 { return (nil, offset) }
        guard available == length else { return final ? (nil, available) : (nil, 0) }
        guard let text = String(validating: pending[start..<(start + length)], as: UTF8.self),
              let character = text.first else { return (nil, length) }
        return (.char(character), length)
    }
}

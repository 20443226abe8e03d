import Crypto
import WaymarkCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The plan file's bytes (the layout is described on `PlanFile`).
enum FileFormat {
    static let magic = Array("WAYMARK".utf8)
    static let version = UInt8(ascii: "1")
    static let scrypt: UInt8 = 1
    static let chaChaPoly: UInt8 = 1
    static let checkLength = 16
    static let nonceLength = 12
    static let tagLength = 16
    static let padding = 1024

    struct Parsed {
        var parameters: KDFParameters
        var salt: [UInt8]
        var check: [UInt8]
        var header: [UInt8]
        var box: [UInt8]
    }

    static let digestLength = 8

    static func header(parameters: KDFParameters, salt: [UInt8], check: [UInt8]) -> [UInt8] {
        let fields = magic + [version, scrypt, parameters.log2N, parameters.r, parameters.p, UInt8(salt.count)] + salt + [chaChaPoly] + check
        return fields + digest(fields)
    }

    /// Tells a damaged header (a changed salt or parameter) from a wrong passphrase.
    static func digest(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes).prefix(digestLength)) }

    static func parse(_ bytes: [UInt8]) throws(PlanStoreError) -> Parsed {
        guard !bytes.isEmpty else { throw .corrupt }  // empty: cut short, not someone else's file
        guard bytes.count >= magic.count, Array(bytes[..<magic.count]) == magic else {
            // An empty or short file that starts like ours was cut short; anything else is foreign.
            if !bytes.isEmpty, bytes.count < magic.count, Array(magic[..<bytes.count]) == bytes { throw .corrupt }
            throw .notAPlanFile
        }
        guard bytes.count > magic.count else { throw .corrupt }
        let fileVersion = bytes[magic.count]
        if fileVersion != version {
            if fileVersion > version, fileVersion <= UInt8(ascii: "9") { throw .newerVersion }
            throw .notAPlanFile
        }
        var at = magic.count + 1
        guard bytes.count >= at + 5 else { throw .corrupt }
        guard bytes[at] == scrypt else { throw .corrupt }
        let parameters = KDFParameters(log2N: bytes[at + 1], r: bytes[at + 2], p: bytes[at + 3])
        guard parameters.isAcceptable else { throw .corrupt }
        let saltLength = Int(bytes[at + 4])
        guard (16...64).contains(saltLength) else { throw .corrupt }
        at += 5
        guard bytes.count >= at + saltLength + 1 + checkLength + digestLength + nonceLength + tagLength else { throw .corrupt }
        let salt = Array(bytes[at..<at + saltLength])
        at += saltLength
        guard bytes[at] == chaChaPoly else { throw .corrupt }
        at += 1
        let check = Array(bytes[at..<at + checkLength])
        at += checkLength
        guard Array(bytes[at..<at + digestLength]) == digest(Array(bytes[..<at])) else { throw .corrupt }
        at += digestLength
        return Parsed(parameters: parameters, salt: salt, check: check, header: Array(bytes[..<at]), box: Array(bytes[at...]))
    }

    static func seal(_ plaintext: [UInt8], header: [UInt8], key: SymmetricKey) throws(PlanStoreError) -> [UInt8] {
        do {
            let box = try ChaChaPoly.seal(plaintext, using: key, nonce: ChaChaPoly.Nonce(), authenticating: header)
            return header + Array(box.combined)
        } catch {
            throw .system(operation: "encrypt", errno: 0)
        }
    }

    /// The plan's bytes, once the box opens with this key (the key check has passed already,
    /// so a box that does not open is a damaged file).
    static func open(_ parsed: Parsed, key: SymmetricKey) throws(PlanStoreError) -> [UInt8] {
        var plaintext: [UInt8]
        do {
            let box = try ChaChaPoly.SealedBox(combined: parsed.box)
            var data = try ChaChaPoly.open(box, using: key, authenticating: parsed.header)
            plaintext = Array(data)
            data.resetBytes(in: 0..<data.count)
        } catch {
            throw .corrupt
        }
        defer { wipe(&plaintext) }
        return try unpad(plaintext)
    }

    static func pad(_ content: [UInt8]) -> [UInt8] {
        var content = content
        defer { wipe(&content) }
        let length = UInt32(content.count)
        var out = [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
        let total = (4 + content.count + padding - 1) / padding * padding
        out.reserveCapacity(total)
        out += content
        out += [UInt8](repeating: 0, count: total - out.count)
        return out
    }

    static func unpad(_ plaintext: [UInt8]) throws(PlanStoreError) -> [UInt8] {
        guard plaintext.count >= 4 else { throw .corrupt }
        let length = Int(plaintext[0]) << 24 | Int(plaintext[1]) << 16 | Int(plaintext[2]) << 8 | Int(plaintext[3])
        guard length <= plaintext.count - 4 else { throw .corrupt }
        return Array(plaintext[4..<4 + length])
    }
}

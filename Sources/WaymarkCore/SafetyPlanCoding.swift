/// The safety plan as bytes and back: Waymark's own small format, so that the plan needs neither
/// Foundation nor Codable, and so that any text at all (new lines, tabs, wide characters,
/// combining marks, a NUL) survives exactly.
///
///     waymark-plan 1\n                       the header: the format's name and version
///     checked 7:go-bag-cash\n                 one record per line: a tag, then its values,
///     field 10:code-word 5:tulip\n            each value written as " <byte count>:<UTF-8 bytes>"
///     evidence 1:3 10:2024-03-05 9:He called 6:phone\n
///
/// Records: `checked <item id>`, `field <field id> <text>`, `evidence <id> <date> <what> <where>`.
/// Because every value says how long it is, a value may hold "\n", spaces or digits freely.
/// A record whose tag this version does not know is kept and written back unchanged, so a
/// newer Waymark can add kinds of data without an older one dropping them; a known record with
/// more values than this version reads keeps only the ones it knows (new data gets a new tag).
/// Records are written in a fixed order (checked and fields by id, evidence as made), so the
/// same plan always gives the same bytes.
public enum SafetyPlanCoding {
    public static let version = 1
    static let magic = Array("waymark-plan ".utf8)

    /// A record as read: its tag and its values.
    public struct Record: Sendable, Equatable {
        public var tag: String
        public var values: [String]
        public init(tag: String, values: [String]) {
            self.tag = tag
            self.values = values
        }
    }

    public enum DecodingError: Error, Sendable, Equatable, CustomStringConvertible {
        /// Not this format at all.
        case notAPlan
        /// Written by a newer Waymark, in a version of the format this one cannot read.
        case newerVersion(Int)
        /// The format, but damaged at this byte offset.
        case damaged(offset: Int, reason: String)

        public var description: String {
            switch self {
            case .notAPlan: return "not a Waymark plan"
            case .newerVersion(let v): return "written by a newer Waymark (format \(v))"
            case .damaged(let offset, let reason): return "damaged at byte \(offset): \(reason)"
            }
        }
    }

    // MARK: - Encoding

    public static func encode(_ plan: SafetyPlan) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + plan.fields.values.reduce(0) { $0 + $1.utf8.count })
        out += magic
        out += Array(String(version).utf8)
        out.append(newline)
        for id in plan.checked.sorted() { write(Record(tag: "checked", values: [id]), to: &out) }
        for (id, value) in plan.fields.sorted(by: { $0.key < $1.key }) {
            write(Record(tag: "field", values: [id, value]), to: &out)
        }
        for entry in plan.evidence {
            write(Record(tag: "evidence", values: [String(entry.id), entry.date, entry.what, entry.whereKept]), to: &out)
        }
        for record in plan.unknownRecords { write(record, to: &out) }
        return out
    }

    static let newline = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let colon = UInt8(ascii: ":")

    static func write(_ record: Record, to out: inout [UInt8]) {
        out += Array(record.tag.utf8)
        for value in record.values {
            out.append(space)
            out += Array(String(value.utf8.count).utf8)
            out.append(colon)
            out += Array(value.utf8)
        }
        out.append(newline)
    }

    // MARK: - Decoding

    public static func decode(_ bytes: [UInt8]) throws(DecodingError) -> SafetyPlan {
        guard bytes.count > magic.count, Array(bytes[..<magic.count]) == magic else { throw .notAPlan }
        var reader = Reader(bytes: bytes, offset: magic.count)
        guard let version = reader.number(until: newline), version >= 1 else { throw .notAPlan }
        if version > Self.version { throw .newerVersion(version) }

        var plan = SafetyPlan()
        var evidenceIDs: Set<Int> = []
        while !reader.atEnd {
            let start = reader.offset
            let record = try reader.record()
            func need(_ count: Int) throws(DecodingError) {
                if record.values.count < count {
                    throw .damaged(offset: start, reason: "'\(record.tag)' needs \(count) values, has \(record.values.count)")
                }
            }
            switch record.tag {
            case "checked":
                try need(1)
                plan.setChecked(record.values[0], true)
            case "field":
                try need(2)
                plan.setValue(record.values[1], for: record.values[0])
            case "evidence":
                try need(4)
                guard let id = Int(record.values[0]), id > 0, evidenceIDs.insert(id).inserted else {
                    throw .damaged(offset: start, reason: "evidence id '\(record.values[0])' is not a new positive number")
                }
                plan.restore(EvidenceEntry(id: id, date: record.values[1], what: record.values[2], whereKept: record.values[3]))
            default:
                plan.unknownRecords.append(record)
            }
        }
        return plan
    }

    struct Reader {
        let bytes: [UInt8]
        var offset: Int
        var atEnd: Bool { offset >= bytes.count }

        /// Decimal digits up to `terminator` (consumed); nil when there are none or too many.
        mutating func number(until terminator: UInt8) -> Int? {
            var value = 0
            var digits = 0
            while offset < bytes.count, bytes[offset] != terminator {
                let byte = bytes[offset]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 12 else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                offset += 1
            }
            guard offset < bytes.count, digits > 0 else { return nil }
            offset += 1
            return value
        }

        mutating func record() throws(DecodingError) -> Record {
            let start = offset
            while offset < bytes.count, bytes[offset] != space, bytes[offset] != newline {
                let byte = bytes[offset]
                let ok = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || byte == UInt8(ascii: "-")
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                guard ok, offset - start < 64 else { throw .damaged(offset: offset, reason: "a record's name holds an unexpected byte") }
                offset += 1
            }
            guard offset > start, offset < bytes.count else { throw .damaged(offset: start, reason: "a record is cut short") }
            let tag = String(decoding: bytes[start..<offset], as: UTF8.self)
            var values: [String] = []
            while bytes[offset] == space {
                offset += 1
                let at = offset
                guard let length = number(until: colon) else { throw .damaged(offset: at, reason: "a value's length is not a number") }
                guard length <= bytes.count - offset else { throw .damaged(offset: at, reason: "a value runs past the end") }
                guard let value = String(validating: bytes[offset..<offset + length], as: UTF8.self) else {
                    throw .damaged(offset: offset, reason: "a value is not valid UTF-8")
                }
                values.append(value)
                offset += length
                guard offset < bytes.count else { throw .damaged(offset: offset, reason: "a record is cut short") }
            }
            guard bytes[offset] == newline else { throw .damaged(offset: offset, reason: "expected the end of a record") }
            offset += 1
            return Record(tag: tag, values: values)
        }
    }
}

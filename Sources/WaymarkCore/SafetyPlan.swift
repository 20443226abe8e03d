/// The person's own safety plan: which checklist items are done, what they typed in the form
/// fields, and their evidence log. Keyed by the content's ids, never by its words, so the same
/// plan opens in every language; ids this version of the content does not know (from an older
/// or newer Waymark) are kept as they are and saved again, never dropped.
public struct SafetyPlan: Sendable, Equatable {
    /// At most this many characters (grapheme clusters) in one field or evidence text.
    public static let maxFieldLength = 10_000

    /// Checked item ids.
    public private(set) var checked: Set<String> = []
    /// Field values by field id; an empty value is not stored.
    public private(set) var fields: [String: String] = [:]
    /// The evidence log in the order the entries were made (see `evidenceNewestFirst`).
    public private(set) var evidence: [EvidenceEntry] = []
    /// Records of kinds this version does not know, from a newer Waymark: kept and saved again.
    public var unknownRecords: [SafetyPlanCoding.Record] = []

    public init() {}

    public var isEmpty: Bool { checked.isEmpty && fields.isEmpty && evidence.isEmpty && unknownRecords.isEmpty }

    // MARK: - Checklist

    public func isChecked(_ itemID: String) -> Bool { checked.contains(itemID) }

    public mutating func toggle(_ itemID: String) {
        if checked.remove(itemID) == nil { checked.insert(itemID) }
    }

    public mutating func setChecked(_ itemID: String, _ on: Bool) {
        if on { checked.insert(itemID) } else { checked.remove(itemID) }
    }

    /// Items done and items in all, for "3 of 7". Counts only the section's own items, so a
    /// checked id the content no longer has does not make "8 of 7".
    public func count(in section: PlanSection) -> (done: Int, total: Int) {
        (section.items.reduce(0) { $0 + (checked.contains($1.id) ? 1 : 0) }, section.items.count)
    }

    // MARK: - Form fields

    public func value(of fieldID: String) -> String { fields[fieldID] ?? "" }

    public mutating func setValue(_ value: String, for fieldID: String) {
        fields[fieldID] = value.isEmpty ? nil : value
    }

    // MARK: - Evidence log

    /// Adds an entry and returns its id.
    @discardableResult
    public mutating func addEvidence(date: String, what: String, whereKept: String) -> Int {
        var (id, overflow) = (evidence.map(\.id).max() ?? 0).addingReportingOverflow(1)
        if overflow {
            // A file can hold any id, Int.max too: number the entries again, in the same order.
            let order = evidence.indices.sorted { evidence[$0].id < evidence[$1].id }
            for (rank, index) in order.enumerated() { evidence[index].id = rank + 1 }
            id = evidence.count + 1
        }
        evidence.append(EvidenceEntry(id: id, date: date, what: what, whereKept: whereKept))
        return id
    }

    public func evidence(id: Int) -> EvidenceEntry? { evidence.first { $0.id == id } }

    /// Replaces the entry with the same id; false when there is none.
    @discardableResult
    public mutating func updateEvidence(_ entry: EvidenceEntry) -> Bool {
        guard let index = evidence.firstIndex(where: { $0.id == entry.id }) else { return false }
        evidence[index] = entry
        return true
    }

    @discardableResult
    public mutating func deleteEvidence(id: Int) -> Bool {
        guard let index = evidence.firstIndex(where: { $0.id == id }) else { return false }
        evidence.remove(at: index)
        return true
    }

    /// Newest first: entries whose date reads as a date (YYYY-MM-DD), latest date first, and
    /// among the same date the one written later first; then the entries whose date is empty
    /// or does not read as a date, kept as typed, the one written later first.
    public var evidenceNewestFirst: [EvidenceEntry] {
        evidence.sorted { a, b in
            switch (a.day, b.day) {
            case let (dayA?, dayB?): return dayA != dayB ? dayA > dayB : a.id > b.id
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.id > b.id
            }
        }
    }

    /// Used by the decoder: an entry exactly as it was saved.
    mutating func restore(_ entry: EvidenceEntry) { evidence.append(entry) }
}

/// One dated entry in the evidence log.
public struct EvidenceEntry: Sendable, Equatable {
    /// Unique within the plan; larger means written later. Stable across saves.
    public var id: Int
    /// The date as the person typed it. `day` reads it when it is YYYY-MM-DD.
    public var date: String
    public var what: String
    /// Where the evidence is kept (texts, screenshots, voicemails, a friend's house...).
    public var whereKept: String

    public init(id: Int, date: String, what: String, whereKept: String) {
        self.id = id
        self.date = date
        self.what = what
        self.whereKept = whereKept
    }

    /// The date as a comparable day, when it reads as one.
    public var day: EvidenceDay? { EvidenceDay(date) }
}

/// A calendar day read from what a person typed: `2024-03-05`, also `2024-3-5`, `2024/03/05` or
/// `2024.03.05`, with spaces around it. Anything else (words, a month first, a day that does not
/// exist such as 2023-02-29) is not a day, and the text is kept as typed.
public struct EvidenceDay: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...EvidenceDay.days(inMonth: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public init?(_ text: String) {
        let trimmed = text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
        let parts = String(trimmed).split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "/" || $0 == "." }
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: EvidenceDay, b: EvidenceDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// YYYY-MM-DD.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

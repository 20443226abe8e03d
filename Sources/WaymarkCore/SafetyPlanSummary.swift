import WaymarkText

/// The whole plan as plain text, in the template's language: for the summary screen and for
/// "export to a text file". Lines are not wrapped (a pager or a text editor does that); what a
/// person typed over several lines is indented under its label so it reads as one answer.
public enum SafetyPlanSummary {
    public static func text(_ plan: SafetyPlan, template: SafetyPlanTemplate) -> String {
        var out: [String] = []
        out.append(template.title)
        out.append(String(repeating: "=", count: max(3, DisplayWidth.of(template.title))))
        out.append("")

        for section in template.sections {
            out.append("\(section.title) (\(template.countText(section, in: plan)))")
            out.append(String(repeating: "-", count: max(3, DisplayWidth.of(section.title))))
            for item in section.items {
                out.append("[\(plan.isChecked(item.id) ? "x" : " ")] \(item.label)")
            }
            if !section.items.isEmpty && !section.fields.isEmpty { out.append("") }
            for field in section.fields {
                out.append("\(field.label):")
                out += indented(plan.value(of: field.id), empty: template[.fieldEmpty])
            }
            out.append("")
        }

        out.append(template[.evidenceTitle])
        out.append(String(repeating: "-", count: max(3, DisplayWidth.of(template[.evidenceTitle]))))
        if plan.evidence.isEmpty {
            out.append(template[.evidenceEmpty])
        }
        for entry in plan.evidenceNewestFirst {
            let date = entry.date.allSatisfy(\.isWhitespace) ? template[.evidenceNoDate] : entry.date
            out.append("* " + oneLine(date))
            out.append("  \(template[.evidenceWhat]):")
            out += indented(entry.what, empty: template[.fieldEmpty], by: 4)
            out.append("  \(template[.evidenceWhere]):")
            out += indented(entry.whereKept, empty: template[.fieldEmpty], by: 4)
        }

        // Anything saved under ids this content does not have (another version of Waymark):
        // shown under its id rather than hidden, since the person wrote it.
        let knownFields = Set(template.allFieldIDs)
        let others = plan.fields.filter { !knownFields.contains($0.key) }.sorted { $0.key < $1.key }
        if !others.isEmpty {
            out.append("")
            out.append(template[.otherNotes])
            out.append(String(repeating: "-", count: max(3, DisplayWidth.of(template[.otherNotes]))))
            out.append(template[.otherNotesIntro])
            for (id, value) in others {
                out.append("\(id):")
                out += indented(value, empty: template[.fieldEmpty])
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func indented(_ text: String, empty: String, by spaces: Int = 2) -> [String] {
        let pad = String(repeating: " ", count: spaces)
        if text.allSatisfy(\.isWhitespace) { return [pad + empty] }
        let text = text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + clean($0) }
    }

    static func oneLine(_ text: String) -> String {
        clean(Substring(text.map { $0 == "\n" ? " " : $0 }.reduce(into: "") { $0.append($1) }))
    }

    /// Control characters (other than tab) would move a terminal's cursor or worse: shown as '?'.
    static func clean(_ line: Substring) -> String {
        var out = ""
        for character in line {
            if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
               scalar.value < 0x20 && scalar != "\t" || (0x7F..<0xA0).contains(scalar.value) {
                out.append("?")
            } else {
                out.append(character)
            }
        }
        return out
    }
}

import WaymarkCore

/// What the readers of one language's files need to know besides the file: the agency (for
/// `{agency.…}`) and the languages (for `{language.…}`). Passed to each reader, so that what fills
/// a placeholder is in the call, not in the task.
public struct LoadContext: Sendable {
    /// The content folder (with a folder per language inside).
    public var directory: String
    public var language: String
    public var languages: [Language]
    /// nil: there is no agency.yaml, or it is broken (`agencyBroken`, its problems reported there).
    public var agency: Agency?
    public var agencyFile: String
    public var agencyBroken: Bool

    public init(directory: String, language: String, languages: [Language] = [], agency: Agency?,
                agencyFile: String, agencyBroken: Bool = false) {
        self.directory = directory
        self.language = language
        self.languages = languages
        self.agency = agency
        self.agencyFile = agencyFile
        self.agencyBroken = agencyBroken
    }

    /// The language's own folder.
    public var folder: String { "\(directory)/\(language)" }

    /// Reads agency.yaml (when there is one) for `language`; its problems go to `problems`.
    static func reading(directory: String, language: String, languages: [Language] = [],
                        _ problems: inout [ContentProblem]) -> LoadContext {
        let before = problems.count
        let agency = AgencyLoader.loadIfPresent(directory: directory, language: language, &problems)
        return LoadContext(directory: directory, language: language, languages: languages, agency: agency,
                           agencyFile: AgencyLoader.file(directory: directory), agencyBroken: problems.count > before)
    }
}

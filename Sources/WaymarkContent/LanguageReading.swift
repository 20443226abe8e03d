import WaymarkCore

/// One language read a stage at a time: first what every file needs (the languages, agency.yaml,
/// strings.yaml, the list of pages), then each page, the menus, the screener and the plan.
/// Problems are gathered on the way and reported together at the end.
struct LanguageReading {
    enum Outcome {
        case reading
        case done(Content)
        case failed(ContentProblems)
    }

    private enum Stage {
        case start
        case page(Int)
        case menus
        case screener
        case plan
        case finished(Outcome)
    }

    private let directory: String
    private let language: String
    private let extent: ContentLoader.Extent
    private var stage = Stage.start
    private var problems: [ContentProblem] = []
    private var context: LoadContext?
    private var strings = Strings([:])
    private var pageIDs: [String] = []
    private var pages: [String: Page] = [:]
    private var menus: [String: Menu] = [:]
    private var screener: Screener?
    private var plan: SafetyPlanTemplate?

    init(directory: String, language: String, extent: ContentLoader.Extent) {
        self.directory = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        self.language = language
        self.extent = extent
    }

    mutating func step() -> Outcome {
        switch stage {
        case .start:
            guard let context = start() else { return finish() }
            self.context = context
            stage = extent == .everything && !pageIDs.isEmpty ? .page(0) : .menus
        case .page(let index):
            readPage(pageIDs[index])
            stage = index + 1 < pageIDs.count ? .page(index + 1) : .menus
        case .menus:
            readMenus()
            guard extent == .everything else { return finish() }
            stage = .screener
        case .screener:
            screener = ContentLoader.loadScreener(context: context!, &problems)
            stage = .plan
        case .plan:
            plan = PlanLoader.load(file: "\(context!.folder)/\(PlanLoader.fileName)", context: context, &problems)
            return finish()
        case .finished(let outcome):
            return outcome
        }
        return .reading
    }

    /// The checks before any file, the languages, agency.yaml (its words fill in the other files'
    /// placeholders), strings.yaml and the page list; nil when there is no folder to read.
    private mutating func start() -> LoadContext? {
        guard Files.isDirectory(directory) else {
            problems.append(ContentProblem(directory, 0, "no content folder here (expected a folder with en/ and es/ inside)"))
            return nil
        }
        let folder = "\(directory)/\(language)"
        guard Files.isDirectory(folder) else {
            problems.append(ContentProblem(folder, 0, "no folder for the language '\(language)'"))
            return nil
        }
        // The languages there, for `L` and the names it shows; this one's language.yaml must be good.
        let languages = LanguageLoader.languages(directory: directory)
        if !languages.contains(where: { $0.code == language }) {
            let file = LanguageLoader.file(directory: directory, language: language)
            if Files.exists(file) {
                _ = LanguageLoader.load(file: file, code: language, &problems)
            } else {
                problems.append(ContentProblem(file, 0, "missing: every language's folder needs a \(LanguageLoader.fileName) with the language's own name (name: \"English\")"))
            }
        }
        let context = LoadContext.reading(directory: directory, language: language, languages: languages, &problems)
        strings = ContentLoader.loadStrings("\(folder)/strings.yaml", context: context, &problems)
        pageIDs = ContentLoader.listPages("\(folder)/pages", &problems)
        return context
    }

    private mutating func readPage(_ id: String) {
        let file = "\(context!.folder)/pages/\(id).md"
        guard let text = ContentLoader.readText(file, &problems) else { return }
        let (page, pageProblems) = AgencyPlaceholders.parsePage(text, id: id, file: file, context: context!)
        problems += pageProblems
        if let page { pages[id] = page }
    }

    private mutating func readMenus() {
        let context = context!
        let file = "\(context.folder)/menu.yaml"
        let (rawMenus, menuLines, itemLines) = ContentLoader.loadMenus(file, context: context, &problems)
        ContentLoader.validate(menus: rawMenus, lines: menuLines, itemLines: itemLines, pageIDs: Set(pageIDs),
                               file: file, &problems)
        menus = LanguageLoader.fill(rawMenus, itemLines: itemLines, file: file, language: language,
                                    languages: context.languages, &problems)
    }

    private mutating func finish() -> Outcome {
        let outcome: Outcome
        if !problems.isEmpty {
            outcome = .failed(ContentProblems(problems))
        } else {
            var content = Content(language: language, menus: menus, pages: pages, strings: strings, screener: screener, plan: plan)
            content.agency = context?.agency
            content.allLanguages = context?.languages ?? []
            outcome = .done(content)
        }
        stage = .finished(outcome)
        return outcome
    }
}

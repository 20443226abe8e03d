import Yams

// Temporary: the screener loader still reads with Yams until it moves to YAML.swift.
extension ContentLoader {
    static func parseYAML(_ file: String, _ problems: inout [ContentProblem]) -> Node? {
        guard let text = readText(file, &problems) else { return nil }
        do {
            guard let node = try Yams.compose(yaml: text, Resolver.basic) else {
                problems.append(ContentProblem(file, 1, "the file is empty"))
                return nil
            }
            return node
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                problems.append(ContentProblem(file, mark.line, "YAML: \(problem)"))
            case .duplicatedKeysInMapping(let duplicates, let context):
                problems.append(ContentProblem(file, context.mark.line, "the key '\(duplicates.joined(separator: ", "))' appears twice"))
            default:
                problems.append(ContentProblem(file, 1, "YAML: \(error)"))
            }
        } catch {
            problems.append(ContentProblem(file, 1, "YAML: \(error)"))
        }
        return nil
    }

    static func lineOf(_ node: Node) -> Int { node.mark?.line ?? 1 }
}

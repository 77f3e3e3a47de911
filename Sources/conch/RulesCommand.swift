import ArgumentParser
import ConchKit
import ConchRules
import Foundation

enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every rule: code, name, languages, severity, recommended model.")

    @Option(help: "text or json.")
    var format: ListFormat = .text

    func run() throws {
        let implemented = Set(RuleRegistry.implemented.map(\.metadata.code))
        switch format {
        case .json:
            let entries: [[String: Any]] = RuleCatalog.all.map { rule in
                [
                    "code": rule.code, "name": rule.name, "languages": rule.languages.map(\.rawValue),
                    "severity": rule.severity.rawValue, "model": rule.model.rawValue, "summary": rule.summary,
                    "rationale": rule.rationale, "implemented": implemented.contains(rule.code),
                ]
            }
            let data = try JSONSerialization.data(withJSONObject: entries, options: [.prettyPrinted, .sortedKeys])
            try Output.write(String(decoding: data, as: UTF8.self) + "\n", to: nil)
        case .text:
            let nameWidth = RuleCatalog.all.map(\.name.count).max() ?? 0
            var lines: [String] = []
            for rule in RuleCatalog.all {
                let languages = rule.languages.map(\.rawValue).joined(separator: ",")
                let status = implemented.contains(rule.code) ? "" : "  (not implemented yet)"
                lines.append("\(rule.code)  \(rule.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0))  "
                    + "\(languages.padding(toLength: 9, withPad: " ", startingAt: 0))  "
                    + "\(rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(rule.model.rawValue)\(status)")
            }
            try Output.write(lines.joined(separator: "\n") + "\n", to: nil)
        }
    }
}

struct RuleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rule",
        abstract: "Explain one rule: what it detects, why, an example and the fix.",
        discussion: "Example: conch rule CON101",
        aliases: ["explain"]
    )

    @ArgumentParser.Argument(help: "A rule code such as CON101.")
    var code: String

    func run() throws {
        guard let rule = RuleCatalog.metadata(for: code.uppercased()) else {
            throw ConchError.usage("unknown rule '\(code)'; `conch rules` lists them")
        }
        try Output.write(RuleDocumentation.body(of: rule.documentation), to: nil)
    }
}

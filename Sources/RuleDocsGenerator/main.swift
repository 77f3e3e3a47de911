import Foundation

/// Reads each rule document's front matter and writes a Swift file with one
/// `RuleMetadata` per document. A malformed document fails the build, naming
/// the file and the key.
struct GeneratorError: Error, CustomStringConvertible {
    let description: String
}

let requiredKeys = ["code", "name", "languages", "severity", "model", "summary", "rationale"]

func frontMatter(of text: String, path: String) throws -> [String: String] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.first == "---", let close = lines.dropFirst().firstIndex(of: "---") else {
        throw GeneratorError(description: "\(path): error: missing front matter between '---' lines")
    }
    var values: [String: String] = [:]
    for line in lines[1..<close] where !line.trimmingCharacters(in: .whitespaces).isEmpty {
        guard let colon = line.firstIndex(of: ":") else {
            throw GeneratorError(description: "\(path): error: front matter line '\(line)' is not 'key: value'")
        }
        let key = line[..<colon].trimmingCharacters(in: .whitespaces)
        values[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    for key in requiredKeys where (values[key] ?? "").isEmpty {
        throw GeneratorError(description: "\(path): error: front matter lacks '\(key)'")
    }
    return values
}

func swiftLiteral(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        case _ where scalar.value < 0x20: out += "\\u{\(String(scalar.value, radix: 16))}"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

func entry(for path: String) throws -> (code: String, source: String) {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let values = try frontMatter(of: text, path: path)
    let code = values["code", default: ""]
    let fileCode = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    guard code == fileCode else {
        throw GeneratorError(description: "\(path): error: code '\(code)' does not match the file name")
    }
    let languages = values["languages", default: ""].split(separator: ",")
        .map { ".\($0.trimmingCharacters(in: .whitespaces))" }.joined(separator: ", ")
    let model = values["model", default: ""]
    let modelCase = model.split(separator: "-").enumerated()
        .map { $0.offset == 0 ? String($0.element) : $0.element.capitalized }.joined()
        .replacingOccurrences(of: "Gil", with: "GIL")
    let body = """
        RuleMetadata(
            code: \(swiftLiteral(code)),
            name: \(swiftLiteral(values["name", default: ""])),
            languages: [\(languages)],
            severity: .\(values["severity", default: ""]),
            model: .\(modelCase),
            summary: \(swiftLiteral(values["summary", default: ""])),
            rationale: \(swiftLiteral(values["rationale", default: ""])),
            documentation: \(swiftLiteral(text))
        )
    """
    return (code, body)
}

let arguments = CommandLine.arguments.dropFirst()
guard let outputPath = arguments.first else {
    FileHandle.standardError.write(Data("usage: RuleDocsGenerator OUTPUT DOC.md...\n".utf8))
    exit(2)
}
do {
    let entries = try arguments.dropFirst().map(entry(for:))
    var source = "// Generated from rules/*.md by the EmbedRuleDocs plugin. Do not edit.\nimport ConchKit\n\nextension RuleCatalog {\n"
    for entry in entries {
        source += "    public static let \(entry.code) = \(entry.source.trimmingCharacters(in: .whitespaces))\n\n"
    }
    source += "    public static let all: [RuleMetadata] = [\(entries.map(\.code).joined(separator: ", "))]\n}\n"
    try source.write(toFile: outputPath, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}

import ConchDriver
import ConchKit
import ConchRules
import Foundation
import Testing

@Suite struct RuleDocumentationTests {
    static let designCodes = [
        "CON101", "CON102", "CON103", "CON104", "CON201", "CON202", "CON203", "CON204", "CON205", "CON206",
        "CON301", "CON401", "CON402", "CON403", "CON501",
    ]
    /// Rules added after the design's catalog, in the family of their number.
    static let addedCodes = ["CON302", "CON303", "CON404", "CON405"]
    static let headings = [
        "## What it does", "## Why it matters", "## Example", "## Use instead", "## Recommended model",
        "## Options", "## Limits", "## Suppress",
    ]

    @Test func theCatalogHoldsTheRulesOfTheDesignAndTheAddedOnes() {
        #expect(RuleCatalog.all.map(\.code) == (Self.designCodes + Self.addedCodes).sorted())
    }

    @Test func everyDocumentInRulesFolderIsEmbedded() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.packageRoot + "/rules")
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
        #expect(files == RuleCatalog.all.map(\.code))
    }

    @Test func everyImplementedRuleHasItsDocumentAndTheSameMetadata() {
        for rule in RuleRegistry.implemented {
            #expect(RuleCatalog.metadata(for: rule.metadata.code) == rule.metadata)
        }
        let codes = RuleRegistry.implemented.map(\.metadata.code)
        #expect(Set(codes).count == codes.count, "a rule is registered twice")
    }

    @Test(arguments: RuleCatalog.all.map(\.code))
    func everyDocumentHasTheHouseHeadings(code: String) throws {
        let document = try #require(RuleCatalog.metadata(for: code)).documentation
        var cursor = document.startIndex
        for heading in Self.headings {
            let found = document.range(of: "\n" + heading + "\n", range: cursor..<document.endIndex)
            #expect(found != nil, "\(code) lacks '\(heading)' (or has it out of order)")
            if let found { cursor = found.upperBound }
        }
        #expect(document.contains("\n> "), "\(code) does not quote the answer")
    }

    @Test(arguments: RuleRegistry.implemented.map(\.metadata.code))
    func theDocumentedExampleFiresAndTheFixIsSilent(code: String) throws {
        let document = try #require(RuleCatalog.metadata(for: code)).documentation
        let example = try #require(DocumentBlocks.firstBlock(after: "## Example", in: document), "\(code): no example")
        let fixed = try #require(DocumentBlocks.firstBlock(after: "## Use instead", in: document), "\(code): no fix")
        #expect(try DocumentBlocks.codes(linting: example).contains(code), "\(code): the example does not fire")
        #expect(try !DocumentBlocks.codes(linting: fixed).contains(code), "\(code): the fixed version still fires")
    }
}

/// Fenced code blocks of a rule document, linted as files of their own.
enum DocumentBlocks {
    struct Block {
        var language: String
        var code: String
    }

    static func firstBlock(after heading: String, in document: String) -> Block? {
        guard let start = document.range(of: "\n" + heading + "\n") else { return nil }
        let rest = document[start.upperBound...]
        guard let open = rest.range(of: "```") else { return nil }
        let infoEnd = rest[open.upperBound...].firstIndex(of: "\n") ?? rest.endIndex
        let language = String(rest[open.upperBound..<infoEnd])
        guard infoEnd < rest.endIndex, let close = rest[rest.index(after: infoEnd)...].range(of: "\n```") else { return nil }
        return Block(language: language, code: String(rest[rest.index(after: infoEnd)..<close.lowerBound]) + "\n")
    }

    static func codes(linting block: Block) throws -> Set<String> {
        let folder = NSTemporaryDirectory() + "conch-doc-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let name = block.language == "c" ? "example.c" : "example.py"
        try block.code.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        var request = CheckRequest(paths: [name], workingDirectory: folder)
        request.isolated = true
        return Set(try Checker.run(request).result.diagnostics.map(\.code))
    }
}

import Foundation
import PackagePlugin

/// Embeds `rules/*.md` into the rules module at build time, so the binary
/// carries its own documentation and the Markdown stays the one source of
/// every rule's metadata.
@main
struct EmbedRuleDocs: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesFolder = context.package.directoryURL.appending(path: "rules")
        let documents = try FileManager.default
            .contentsOfDirectory(at: rulesFolder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "md" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "RuleDocuments.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(documents.count) rule documents",
                executable: try context.tool(named: "RuleDocsGenerator").url,
                arguments: [output.path] + documents.map(\.path),
                inputFiles: documents,
                outputFiles: [output]
            ),
        ]
    }
}

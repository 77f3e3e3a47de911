import ConchDriver
import ConchKit
import Foundation

/// Runs the checker for open documents: each in the context of its workspace
/// folder, so that facts from the folder's other files (the module a thread
/// target lives in) are seen, with every open buffer replacing its file on disk.
extension LanguageServer {
    /// Lints the given documents (and the other open documents of their folders);
    /// returns the URIs whose diagnostics should be published.
    @discardableResult
    func lint(_ uris: [String]) -> Set<String> {
        var byFolder: [String: [String]] = [:]
        var loose: [String] = []
        for uri in uris {
            guard let path = documents[uri]?.path else { continue }
            if let folder = folder(containing: path) { byFolder[folder, default: []].append(uri) } else { loose.append(uri) }
        }
        var touched = Set<String>()
        for folder in byFolder.keys.sorted() { touched.formUnion(lintFolder(folder)) }
        for uri in loose { touched.formUnion(lintAlone(uri)) }
        return touched
    }

    /// Diagnostics of a file that is not open: the folder as it is on disk, with open buffers.
    func diagnosticsOnDisk(path: String) -> [Diagnostic] {
        let folder = folder(containing: path) ?? (path as NSString).deletingLastPathComponent
        var request = CheckRequest(paths: ["."], workingDirectory: folder)
        request.overrides = overrides(in: folder)
        request.factsCache = cache(for: folder)
        guard let outcome = run(request) else { return [] }
        return outcome.result.diagnostics.filter { FilePaths.absolute($0.path, relativeTo: folder) == path }
    }

    private func lintFolder(_ folder: String) -> Set<String> {
        let members = documents.values.filter { $0.isLintable && $0.path.flatMap(self.folder(containing:)) == folder }
        var request = CheckRequest(paths: ["."], workingDirectory: folder)
        request.overrides = overrides(in: folder)
        request.factsCache = cache(for: folder)
        let outcome = run(request)
        // Grouped by the reported path first: resolving a path once per file, not per finding.
        let byReportedPath = Dictionary(grouping: outcome?.result.diagnostics ?? [], by: \.path)
        var byPath: [String: [Diagnostic]] = [:]
        for (reported, diagnostics) in byReportedPath {
            byPath[FilePaths.absolute(reported, relativeTo: folder), default: []] += diagnostics
        }
        let checked = Set(outcome?.result.checkedPaths.map { FilePaths.absolute($0, relativeTo: folder) } ?? [])
        var touched = Set<String>()
        for document in members {
            guard let path = document.path else { continue }
            if outcome != nil, !checked.contains(path), !FileManager.default.fileExists(atPath: path) {
                // A new buffer not saved yet: discovery cannot see it, so it is linted on its own.
                touched.formUnion(lintAlone(document.uri))
            } else if store(byPath[path] ?? [], for: document.uri) {
                touched.insert(document.uri)
            }
        }
        return touched
    }

    /// A document outside every workspace folder (or not on disk yet): linted as
    /// `--stdin-filename` would, with the configuration found from its folder.
    private func lintAlone(_ uri: String) -> Set<String> {
        guard let document = documents[uri], let path = document.path else { return [] }
        let directory = folder(containing: path) ?? (path as NSString).deletingLastPathComponent
        var request = CheckRequest(paths: [], workingDirectory: directory)
        request.stdin = (path, document.text.bytes)
        let diagnostics = run(request)?.result.diagnostics ?? []
        return store(diagnostics.filter { FilePaths.absolute($0.path, relativeTo: directory) == path }, for: uri) ? [uri] : []
    }

    /// Records a document's diagnostics; true when they are worth publishing.
    private func store(_ diagnostics: [Diagnostic], for uri: String) -> Bool {
        guard let previous = documents[uri] else { return false }
        documents[uri]?.diagnostics = diagnostics
        documents[uri]?.needsLint = false
        return previous.needsLint || previous.diagnostics != diagnostics
    }

    private func overrides(in folder: String) -> [String: [UInt8]] {
        var overrides: [String: [UInt8]] = [:]
        for document in documents.values {
            if let path = document.path, self.folder(containing: path) == folder { overrides[path] = document.text.bytes }
        }
        return overrides
    }

    private func cache(for folder: String) -> FactsCache {
        if let cache = caches[folder] { return cache }
        let cache = FactsCache()
        caches[folder] = cache
        return cache
    }

    /// The checker's outcome, or nil after telling the user why there is none (a
    /// broken `conch.toml`); the same message is not repeated on every keystroke.
    private func run(_ request: CheckRequest) -> CheckOutcome? {
        do {
            let outcome = try Checker.run(request)
            lastConfigurationError = nil
            return outcome
        } catch {
            let message = (error as? ConchError)?.description ?? "\(error)"
            if message != lastConfigurationError {
                lastConfigurationError = message
                showMessage(message, type: 1)
            }
            return nil
        }
    }
}

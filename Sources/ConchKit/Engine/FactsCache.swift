import Foundation

/// Per-file facts kept between runs of a long-lived process. The LSP server
/// re-lints a whole workspace folder after every keystroke; facts are a pure
/// function of a file's bytes and the settings, so only the changed file is
/// analysed again. C facts also depend on included headers, so a server clears
/// the cache when a file is saved or changes on disk.
public final class FactsCache: @unchecked Sendable {
    struct Entry {
        var file: DiscoveredFile
        var settings: AnalysisSettings
        var bytes: [UInt8]
        var facts: FileFacts
        var text: SourceText
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    public init() {}

    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }

    public func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        entries.removeAll()
    }

    func lookup(_ file: DiscoveredFile, bytes: [UInt8], settings: AnalysisSettings) -> (facts: FileFacts, text: SourceText)? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[file.absolutePath], entry.file == file, entry.settings == settings,
              entry.bytes == bytes else { return nil }
        return (entry.facts, entry.text)
    }

    func store(_ file: DiscoveredFile, bytes: [UInt8], settings: AnalysisSettings, facts: FileFacts, text: SourceText) {
        lock.lock()
        defer { lock.unlock() }
        entries[file.absolutePath] = Entry(file: file, settings: settings, bytes: bytes, facts: facts, text: text)
    }
}

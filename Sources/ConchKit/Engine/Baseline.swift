import Foundation

/// Findings recorded on a day, by fingerprint, so that legacy code can adopt the
/// linter and only new findings are reported. A fingerprint hashes the code, path
/// and reported text, so lines inserted above a finding do not revive it, and
/// changing the reported code does.
public struct Baseline: Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public var fingerprint: String
        public var code: String
        public var path: String
        public var message: String
    }

    public var entries: [Entry]

    public init(diagnostics: [Diagnostic]) {
        entries = diagnostics.map { Entry(fingerprint: $0.fingerprint, code: $0.code, path: $0.path, message: $0.message) }
    }

    private struct File: Codable {
        var version: Int
        var tool: String
        var findings: [Entry]
    }

    public static func read(path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConchError.usage("cannot read baseline \(path): no such file, or not readable")
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw ConchError.usage("baseline \(path) is not a conch baseline (JSON with version, tool, findings)")
        }
        guard file.version == 1, file.tool == "conch" else {
            throw ConchError.usage("baseline \(path) has version \(file.version) of tool '\(file.tool)'; expected conch version 1")
        }
        var baseline = Baseline(diagnostics: [])
        baseline.entries = file.findings
        return baseline
    }

    public func write(path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(File(version: 1, tool: "conch", findings: entries))
        guard FileManager.default.createFile(atPath: path, contents: data + Data("\n".utf8)) else {
            throw ConchError.io("cannot write baseline \(path)")
        }
    }

    /// The diagnostics the baseline does not account for. Each entry absorbs one
    /// diagnostic with its fingerprint, so a second copy of a known finding is new.
    public func newDiagnostics(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var remaining: [String: Int] = [:]
        for entry in entries { remaining[entry.fingerprint, default: 0] += 1 }
        return diagnostics.filter { diagnostic in
            guard let count = remaining[diagnostic.fingerprint], count > 0 else { return true }
            remaining[diagnostic.fingerprint] = count - 1
            return false
        }
    }
}

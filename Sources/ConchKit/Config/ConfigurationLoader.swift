import Foundation
internal import TOMLKit

/// Finds and reads the configuration, naming the file, key and position of any mistake.
public enum ConfigurationLoader {
    public static let fileNames = ["conch.toml", ".conch.toml", "pyproject.toml"]

    /// Walks up from `directory` to the first `conch.toml`, `.conch.toml` or a
    /// `pyproject.toml` that has a `[tool.conch]` table. As ruff does, a target Python
    /// the configuration leaves out comes from `requires-python`: of the `pyproject.toml`
    /// beside a `conch.toml`, or, with no configuration at all, of the nearest one above.
    public static func discover(from directory: String) throws -> Configuration {
        var folder = URL(fileURLWithPath: directory).standardizedFileURL
        var nearestRequirement: String?
        while true {
            let pyproject = folder.appendingPathComponent("pyproject.toml").path
            let hasPyproject = FileManager.default.fileExists(atPath: pyproject)
            for name in fileNames where name != "pyproject.toml" {
                let candidate = folder.appendingPathComponent(name).path
                guard FileManager.default.fileExists(atPath: candidate) else { continue }
                var configuration = try load(path: candidate)
                // Read for its requirement alone: a `pyproject.toml` conch does not use cannot break the run.
                if configuration.targetPython == nil, hasPyproject { configuration.targetPython = (try? load(path: pyproject))?.targetPython }
                return configuration
            }
            if hasPyproject {
                let project = try load(path: pyproject)
                if project.source != nil { return project }
                nearestRequirement = nearestRequirement ?? project.targetPython
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path {
                var configuration = Configuration(root: directory)
                configuration.targetPython = nearestRequirement
                return configuration
            }
            folder = parent
        }
    }

    /// Reads one file. A `pyproject.toml` without `[tool.conch]` gives a configuration
    /// with no `source`, carrying only `requires-python`.
    public static func load(path: String) throws -> Configuration {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ConchError.configuration("\(path): cannot read the configuration file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConchError.configuration("\(path): the configuration file is not valid UTF-8")
        }
        return try parse(text, path: path, root: url.deletingLastPathComponent().path)
    }

    public static func parse(_ text: String, path: String, root: String) throws -> Configuration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConchError.configuration(
                "\(path):\(error.source.begin.line):\(error.source.begin.column): invalid TOML: \(error.description)")
        }
        var configuration = Configuration(root: root)
        let isPyproject = (path as NSString).lastPathComponent == "pyproject.toml"
        if isPyproject {
            if let requires = table["project"]?.table?["requires-python"]?.string {
                configuration.targetPython = PythonVersion.minimum(fromRequirement: requires)
            }
            guard let conch = table["tool"]?.table?["conch"] else { return configuration }
            guard let conchTable = conch.table else {
                throw ConchError.configuration("\(path): [tool.conch] must be a table")
            }
            configuration.source = path
            try ConfigurationKeys.apply(conchTable, to: &configuration, path: path, prefix: "tool.conch.")
        } else {
            configuration.source = path
            try ConfigurationKeys.apply(table, to: &configuration, path: path, prefix: "")
        }
        return configuration
    }
}

public enum PythonVersion {
    /// `>=3.11` -> `3.11`, `~=3.12.1` -> `3.12`; nil when no lower bound is stated.
    public static func minimum(fromRequirement requirement: String) -> String? {
        for clause in requirement.split(separator: ",") {
            let trimmed = clause.trimmingCharacters(in: .whitespaces)
            for op in [">=", "~=", "==", ">"] where trimmed.hasPrefix(op) {
                let version = trimmed.dropFirst(op.count).trimmingCharacters(in: .whitespaces)
                let parts = version.split(separator: ".").prefix(2)
                if parts.count == 2, parts.allSatisfy({ Int($0) != nil }) { return parts.joined(separator: ".") }
            }
        }
        return nil
    }

    /// `3.12` or `3.13t`: two numbers, optionally the free-threaded `t`.
    public static func isValid(_ text: String) -> Bool {
        let body = text.hasSuffix("t") ? String(text.dropLast()) : text
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && Int($0) != nil }
    }
}

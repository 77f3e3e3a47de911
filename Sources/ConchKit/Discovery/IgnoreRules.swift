/// The patterns of one `.gitignore` (or `.git/info/exclude`, or `exclude` globs),
/// anchored at the folder that holds them.
public struct IgnoreFile: Sendable {
    struct Rule: Sendable {
        var glob: GlobPattern
        var negated: Bool
        var directoryOnly: Bool
        /// Contains a slash before its end: matched against the path from the base.
        var anchored: Bool
    }

    /// Folder the patterns are relative to, as a path relative to the walk's root ("" for the root).
    let base: String
    let rules: [Rule]

    public init(base: String, text: String) {
        self.base = base
        var rules: [Rule] = []
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var line = Substring(rawLine)
            // Trailing spaces are ignored unless escaped.
            while line.hasSuffix(" "), !line.hasSuffix("\\ ") { line = line.dropLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            var negated = false
            if line.hasPrefix("!") {
                negated = true
                line = line.dropFirst()
            } else if line.hasPrefix("\\!") || line.hasPrefix("\\#") {
                line = line.dropFirst()
            }
            var directoryOnly = false
            if line.hasSuffix("/") {
                directoryOnly = true
                line = line.dropLast()
            }
            let anchored = line.dropLast().contains("/")
            if line.hasPrefix("/") { line = line.dropFirst() }
            if line.isEmpty { continue }
            rules.append(Rule(glob: GlobPattern(String(line)), negated: negated, directoryOnly: directoryOnly, anchored: anchored))
        }
        self.rules = rules
    }

    /// nil: no pattern speaks of this path; otherwise whether the last matching pattern ignores it.
    func verdict(relativePath: String, isDirectory: Bool) -> Bool? {
        // By bytes: every file of a walk is asked about, and Character steps would be most of discovery.
        let utf8 = relativePath.utf8
        let local: Substring
        if base.isEmpty {
            local = Substring(relativePath)
        } else {
            let prefix = base + "/"
            guard utf8.starts(with: prefix.utf8) else { return nil }
            local = relativePath[utf8.index(utf8.startIndex, offsetBy: prefix.utf8.count)...]
        }
        let name = Self.lastComponent(local)
        var verdict: Bool?
        for rule in rules where !rule.directoryOnly || isDirectory {
            let subject = rule.anchored ? String(local) : name
            if rule.glob.matches(subject) { verdict = !rule.negated }
        }
        return verdict
    }

    /// The last non-empty component of a slash-separated path ("" when it has none).
    private static func lastComponent(_ path: Substring) -> String {
        var end = path.utf8.endIndex
        while end > path.utf8.startIndex, path.utf8[path.utf8.index(before: end)] == UInt8(ascii: "/") {
            end = path.utf8.index(before: end)
        }
        let trimmed = path[..<end]
        guard let slash = trimmed.utf8.lastIndex(of: UInt8(ascii: "/")) else { return String(trimmed) }
        return String(trimmed[trimmed.utf8.index(after: slash)...])
    }
}

/// The ignore files in force for one folder: its ancestors' and its own; the
/// deepest that speaks wins, as in git.
public struct IgnoreStack: Sendable {
    var files: [IgnoreFile] = []

    public init(_ files: [IgnoreFile] = []) {
        self.files = files
    }

    public func adding(_ file: IgnoreFile?) -> IgnoreStack {
        guard let file, !file.rules.isEmpty else { return self }
        return IgnoreStack(files + [file])
    }

    public func isIgnored(relativePath: String, isDirectory: Bool) -> Bool {
        for file in files.reversed() {
            if let verdict = file.verdict(relativePath: relativePath, isDirectory: isDirectory) { return verdict }
        }
        return false
    }
}

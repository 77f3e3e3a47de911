import Foundation

/// Where `.gitignore` files are and what path they see: relative to the
/// repository's top, or to the filesystem root outside a repository.
enum GitIgnores {
    static func file(in directory: String) -> IgnoreFile? {
        guard let text = try? String(contentsOfFile: directory + "/.gitignore", encoding: .utf8) else { return nil }
        return IgnoreFile(base: key(for: directory), text: text)
    }

    /// The ignore files that apply to `directory` from above it: the repository's
    /// `.git/info/exclude` and every `.gitignore` from the top down to its parent.
    static func inherited(by directory: String) -> IgnoreStack {
        guard let top = repositoryTop(of: directory) else { return IgnoreStack() }
        var stack = IgnoreStack()
        if let exclude = try? String(contentsOfFile: top + "/.git/info/exclude", encoding: .utf8) {
            stack = stack.adding(IgnoreFile(base: key(for: top), text: exclude))
        }
        var folder = top
        let below = FilePaths.relative(directory, to: top) ?? ""
        for component in below.split(separator: "/") {
            stack = stack.adding(file(in: folder))
            folder += "/" + component
        }
        return stack
    }

    /// Paths are compared as absolute paths without the leading slash.
    static func key(for absolutePath: String) -> String {
        String(absolutePath.drop { $0 == "/" })
    }

    private static func repositoryTop(of directory: String) -> String? {
        var folder = directory
        while !folder.isEmpty {
            if FileManager.default.fileExists(atPath: folder + "/.git") { return folder }
            if folder == "/" { return nil }
            folder = (folder as NSString).deletingLastPathComponent
        }
        return nil
    }
}

public enum FilePaths {
    public static func absolute(_ path: String, relativeTo base: String) -> String {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        return normalize(joined)
    }

    /// Collapses `.`, `..` and repeated slashes without touching the disk.
    public static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    public static func relative(_ path: String, to base: String) -> String? {
        if path == base { return "" }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        // By bytes: a walk asks this of every file, and Character steps cost more than the rest of discovery.
        guard path.utf8.starts(with: prefix.utf8) else { return nil }
        return String(path[path.utf8.index(path.utf8.startIndex, offsetBy: prefix.utf8.count)...])
    }

    /// Relative to the working directory when below it, else absolute.
    public static func display(_ path: String, relativeTo workingDirectory: String) -> String {
        relative(path, to: workingDirectory).flatMap { $0.isEmpty ? nil : $0 } ?? path
    }
}

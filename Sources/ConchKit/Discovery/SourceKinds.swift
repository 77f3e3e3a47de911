import Foundation

/// Which files are Python or C: by extension, or a `python` shebang for scripts without one.
enum SourceKinds {
    static func language(ofDiscovered path: String, name: String) -> SourceLanguage? {
        if let byExtension = language(ofExtension: name) { return byExtension }
        return name.contains(".") ? nil : (hasPythonShebang(path) ? .python : nil)
    }

    static func language(ofExplicit path: String) -> SourceLanguage? {
        let name = (path as NSString).lastPathComponent
        return language(ofExtension: name) ?? (hasPythonShebang(path) ? .python : nil)
    }

    private static func language(ofExtension name: String) -> SourceLanguage? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...] {
        case "py", "pyi", "pyw": return .python
        case "c", "h": return .c
        default: return nil
        }
    }

    private static func hasPythonShebang(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 128)) ?? Data()
        guard head.starts(with: Array("#!".utf8)) else { return false }
        let firstLine = head.prefix { $0 != 0x0A }
        return String(decoding: firstLine, as: UTF8.self).contains("python")
    }
}

public enum ModuleNames {
    /// The module name the pipeline gives a file: Python's dotted name, or the path for C.
    public static func name(for absolutePath: String, language: SourceLanguage) -> String {
        var namer = ModuleNamer()
        return language == .python ? namer.moduleName(for: absolutePath) : absolutePath
    }
}

/// Python module names from the package folders (`__init__.py`) around a file.
struct ModuleNamer {
    /// Per folder: its dotted package name, or "" when it holds no `__init__.py`.
    private var packageNames: [String: String] = [:]

    mutating func moduleName(for absolutePath: String) -> String {
        let (folder, name) = Self.split(absolutePath)
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        let package = packageName(of: folder)
        if stem == "__init__" { return package }
        return package.isEmpty ? stem : package + "." + stem
    }

    /// Worked out once per folder: a tree's files share their folders.
    private mutating func packageName(of folder: String) -> String {
        if let known = packageNames[folder] { return known }
        var name = ""
        if folder != "/", !folder.isEmpty, FileManager.default.fileExists(atPath: folder + "/__init__.py") {
            let (parent, own) = Self.split(folder)
            let outer = packageName(of: parent)
            name = outer.isEmpty ? own : outer + "." + own
        }
        packageNames[folder] = name
        return name
    }

    /// A path's folder and last component, split at its last slash by bytes.
    private static func split(_ path: String) -> (folder: String, name: String) {
        let utf8 = path.utf8
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return ("", path) }
        let folder = slash == utf8.startIndex ? "/" : String(path[..<slash])
        return (folder, String(path[utf8.index(after: slash)...]))
    }
}

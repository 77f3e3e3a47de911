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
    private var isPackage: [String: Bool] = [:]

    mutating func moduleName(for absolutePath: String) -> String {
        var components: [String] = []
        let name = (absolutePath as NSString).lastPathComponent
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        if stem != "__init__" { components.append(stem) }
        var folder = (absolutePath as NSString).deletingLastPathComponent
        while folder != "/", !folder.isEmpty, packageFolder(folder) {
            components.append((folder as NSString).lastPathComponent)
            folder = (folder as NSString).deletingLastPathComponent
        }
        return components.reversed().joined(separator: ".")
    }

    private mutating func packageFolder(_ folder: String) -> Bool {
        if let known = isPackage[folder] { return known }
        let answer = FileManager.default.fileExists(atPath: folder + "/__init__.py")
        isPackage[folder] = answer
        return answer
    }
}

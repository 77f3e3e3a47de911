/// Functions and classes that a module of the project binds by importing them from
/// another of its modules: `from .jobs import crunch` (or `from .jobs import *`) in
/// `pkg/__init__.py`. A caller that writes `from pkg import crunch` or `pkg.crunch(...)`
/// runs `pkg.jobs.crunch`, which the front end of the caller's file cannot know; the
/// project model looks such a name up as the definition it stands for. The standard
/// library's modules are left out even where the tree holds them: the catalogs know
/// `asyncio.sleep` by that name, not as `asyncio.tasks.sleep`.
struct ReexportedNames: Sendable {
    /// A re-exported function's name, and the id of its definition.
    private(set) var functions: [String: FunctionID] = [:]
    /// A re-exported class's name, and the qualified name of its definition.
    private(set) var classes: [String: String] = [:]
    /// The re-exported classes' own names (`Worker` of `pkg.Worker`): most names looked up
    /// are ruled out by their next-to-last component without building a string.
    private var classNames: Set<Substring> = []

    /// Chains of re-exports (`pkg` from `pkg.api` from `pkg.api.jobs`) followed this far.
    private static let chainLimit = 8

    /// `definesFunction`: whether a function of the project has this id.
    init(_ files: [FileFacts], definesFunction: (String) -> Bool) {
        var packages: Set<Substring> = []
        var definedClasses: Set<String> = []
        var moduleFiles: [String: Int] = [:]
        // By index: binding a file's facts to a name would retain every one of its arrays.
        for index in files.indices where files[index].language == .python {
            let package = files[index].moduleName.prefix { $0 != "." }
            guard !StandardLibraryModules.names.contains(String(package)) else { continue }
            packages.insert(package)
            moduleFiles[files[index].moduleName] = index
            for facts in files[index].classes where !facts.isLocal { definedClasses.insert(facts.qualifiedName) }
        }
        func defines(_ name: String) -> Bool { definesFunction(name) || definedClasses.contains(name) }
        var bound: [String: String] = [:]
        for index in files.indices where files[index].language == .python && !files[index].imports.isEmpty
            && packages.contains(files[index].moduleName.prefix { $0 != "." }) {
            let module = files[index].moduleName
            // `import os` binds a module, never a function or a class.
            for binding in files[index].imports where binding.target != binding.localName
                && packages.contains(binding.target.prefix { $0 != "." }) && Self.isModuleLevel(binding.range.start, in: files[index]) {
                guard binding.localName == "*" else {
                    bound[module + "." + binding.localName] = binding.target
                    continue
                }
                let starred = String(binding.target.dropLast(2))
                guard let source = moduleFiles[starred] else { continue }
                for name in Self.publicNames(of: files[source]) { bound[module + "." + name] = starred + "." + name }
            }
        }
        for (name, target) in bound where !defines(name) {
            guard let original = Self.original(of: target, bound: bound, defines: defines) else { continue }
            if definedClasses.contains(original) {
                classes[name] = original
                classNames.insert(Self.lastComponent(of: name[...]))
            } else {
                functions[name] = original
            }
        }
    }

    /// The method of a re-exported class a name stands for (`pkg.Worker.run` for
    /// `pkg.jobs.Worker.run`); the re-exported functions go into the function index itself.
    func method(_ name: String) -> FunctionID? {
        guard !classes.isEmpty, let dot = name.lastIndex(of: "."), classNames.contains(Self.lastComponent(of: name[..<dot])),
              let original = classes[String(name[..<dot])] else { return nil }
        return original + name[dot...]
    }

    private static func lastComponent(of name: Substring) -> Substring {
        name.lastIndex(of: ".").map { name[name.index(after: $0)...] } ?? name
    }

    private static func original(of target: String, bound: [String: String], defines: (String) -> Bool) -> String? {
        var name = target
        for _ in 0..<chainLimit {
            if defines(name) { return name }
            guard let next = bound[name] else { return nil }
            name = next
        }
        return nil
    }

    /// Bound by the module itself: not inside a function or a class body. Both come in
    /// source order, and most imports stand above the first.
    private static func isModuleLevel(_ start: Int, in file: FileFacts) -> Bool {
        for index in file.functions.indices.dropFirst() {
            let range = file.functions[index].range
            if range.start > start { break }
            if range.contains(start) { return false }
        }
        for index in file.classes.indices {
            let range = file.classes[index].range
            if range.start > start { break }
            if range.contains(start) { return false }
        }
        return true
    }

    /// What `from module import *` binds of the module's own functions and classes.
    private static func publicNames(of file: FileFacts) -> [String] {
        let functions = file.functions.filter { $0.kind == .function && !$0.isNested && $0.className == nil }.map(\.name)
        let prefix = file.moduleName + "."
        let classes = file.classes.compactMap { facts -> String? in
            guard !facts.isLocal, facts.qualifiedName.hasPrefix(prefix) else { return nil }
            let name = facts.qualifiedName.dropFirst(prefix.count)
            return name.contains(".") ? nil : String(name)
        }
        return (functions + classes).filter { !$0.hasPrefix("_") }
    }
}

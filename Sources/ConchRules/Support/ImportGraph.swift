import ConchKit

/// Which project files each file imports, so a rule can tell which modules make
/// up one program: the module that starts it and everything it imports.
struct ImportGraph: Sendable {
    private let model: ProjectModel
    private let imported: [[Int]]
    private let fileIndex: [String: Int]

    init(_ model: ProjectModel) {
        self.model = model
        var moduleFiles: [String: Int] = [:]
        var fileIndex: [String: Int] = [:]
        for (index, file) in model.files.enumerated() where file.language == .python {
            moduleFiles[file.moduleName] = moduleFiles[file.moduleName] ?? index
            fileIndex[file.path] = index
        }
        imported = model.files.map { file in
            file.imports.compactMap { Self.moduleFile(for: $0.target, in: moduleFiles) }
        }
        self.fileIndex = fileIndex
    }

    /// Files reached from `start` through imports, `start` included.
    func closure(from start: Int) -> Set<Int> {
        var seen: Set<Int> = [start]
        var queue = [start]
        while let index = queue.popLast() {
            for next in imported[index] where seen.insert(next).inserted { queue.append(next) }
        }
        return seen
    }

    /// Whether the file at index `start` imports the file at `path`, directly or through other modules.
    func reaches(from start: Int, to path: String) -> Bool {
        guard let target = fileIndex[path] else { return false }
        return closure(from: start).contains(target)
    }

    func index(of path: String) -> Int? { fileIndex[path] }

    /// The files another project file imports: modules, not scripts run on their own.
    var importedFiles: Set<Int> {
        var files: Set<Int> = []
        for (index, targets) in imported.enumerated() { files.formUnion(targets.filter { $0 != index }) }
        return files
    }

    /// The project file an import names: `pkg.mod.func` is `pkg/mod.py`.
    private static func moduleFile(for target: String, in moduleFiles: [String: Int]) -> Int? {
        var name = Substring(target)
        while !name.isEmpty {
            if let index = moduleFiles[String(name)] { return index }
            guard let dot = name.lastIndex(of: ".") else { return nil }
            name = name[..<dot]
        }
        return nil
    }
}

extension ProjectModel {
    /// The import graph, built by the first rule that asks.
    var importGraph: ImportGraph {
        shared(ImportGraph.self) { ImportGraph(self) }
    }
}

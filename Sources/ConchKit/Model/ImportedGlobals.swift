/// Python accesses the front end recorded through imports (`counts` after `from .state
/// import counts`, `state.total` after `from . import state`): moved into their functions'
/// accesses when the module they name binds that variable at module level, dropped
/// otherwise (an imported function or class, a library's name). A scalar of that module
/// that another one writes (`total = 0`, updated by `state.total += 1`) joins its module's
/// globals, so the rules know where it is made; one only read stays out, as the module's
/// own constants do. The candidates wait beside the functions, not in them, so that
/// dropping most of them copies no function's facts.
enum ImportedGlobals {
    static func join(_ files: inout [FileFacts]) {
        guard files.contains(where: { !$0.importedAccesses.isEmpty }) else { return }
        var declared: Set<String> = []
        var scalars: [String: (file: Int, index: Int)] = [:]
        for (fileIndex, file) in files.enumerated() where file.language == .python {
            for global in file.globals { declared.insert(file.moduleName + "." + global.name) }
            for (index, scalar) in file.moduleScalars.enumerated() { scalars[file.moduleName + "." + scalar.name] = (fileIndex, index) }
        }
        var written: Set<String> = []
        for file in files {
            for imported in file.importedAccesses where imported.access.isWrite && !declared.contains(imported.access.variable)
                && scalars[imported.access.variable] != nil {
                written.insert(imported.access.variable)
            }
        }
        for fileIndex in files.indices where !files[fileIndex].importedAccesses.isEmpty {
            let kept = files[fileIndex].importedAccesses.filter { declared.contains($0.access.variable) || written.contains($0.access.variable) }
            files[fileIndex].importedAccesses = []
            for (function, accesses) in Dictionary(grouping: kept, by: \.function) {
                // Source order, as the front end records each function's own accesses.
                let merged = (files[fileIndex].functions[function].globalAccesses + accesses.map(\.access)).enumerated()
                    .sorted { ($0.element.range.start, $0.offset) < ($1.element.range.start, $1.offset) }.map(\.element)
                files[fileIndex].functions[function].globalAccesses = merged
            }
        }
        for variable in written.sorted() {
            guard let (file, index) = scalars[variable] else { continue }
            files[file].globals.append(files[file].moduleScalars[index])
        }
    }
}

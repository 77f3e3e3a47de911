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
        guard files.contains(where: { !$0.importedAccesses.isEmpty || !$0.importedObjectCalls.isEmpty }) else { return }
        // Every module's globals, by qualified name, with their types where known.
        var declared: [String: String?] = [:]
        var scalars: [String: (file: Int, index: Int)] = [:]
        for (fileIndex, file) in files.enumerated() where file.language == .python {
            for global in file.globals { declared.updateValue(global.typeName, forKey: file.moduleName + "." + global.name) }
            for (index, scalar) in file.moduleScalars.enumerated() { scalars[file.moduleName + "." + scalar.name] = (fileIndex, index) }
        }
        retypeObjectCalls(&files, types: declared)
        var written: Set<String> = []
        for file in files {
            for imported in file.importedAccesses where imported.access.isWrite && declared[imported.access.variable] == nil
                && scalars[imported.access.variable] != nil {
                written.insert(imported.access.variable)
            }
        }
        for fileIndex in files.indices where !files[fileIndex].importedAccesses.isEmpty {
            let kept = files[fileIndex].importedAccesses.filter { declared[$0.access.variable] != nil || written.contains($0.access.variable) }
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

    /// `counter.record()` after `from .stats import counter`, where `stats` makes `counter =
    /// Counter()`: the call runs `pkg.stats.Counter.record`, as it would in `stats` itself,
    /// and reads `counter` (an access the front end leaves out for a method it cannot tell
    /// from a module's function).
    private static func retypeObjectCalls(_ files: inout [FileFacts], types: [String: String?]) {
        for fileIndex in files.indices where !files[fileIndex].importedObjectCalls.isEmpty {
            for place in files[fileIndex].importedObjectCalls {
                let callee = files[fileIndex].functions[place.function].calls[place.call].callee
                let object = String(callee[..<(callee.lastIndex(of: ".") ?? callee.startIndex)])
                guard let type = types[object] ?? nil else { continue }
                let call = files[fileIndex].functions[place.function].calls[place.call]
                files[fileIndex].functions[place.function].calls[place.call].callee = type + callee.dropFirst(object.count)
                // The object as written, `counter` or `state.items`: the callee's text but its method.
                let written = call.calleeText[..<(call.calleeText.lastIndex(of: ".") ?? call.calleeText.startIndex)]
                let start = call.calleeRange.start
                guard !files[fileIndex].importedAccesses.contains(where: { $0.function == place.function && $0.access.range.start == start
                    && $0.access.variable == object }) else { continue }
                var read = GlobalAccess(variable: object, kind: .read, range: ByteRange(start, start + written.utf8.count))
                read.isImported = true
                read.locksHeld = call.locksHeld
                files[fileIndex].importedAccesses.append(ImportedAccess(function: place.function, access: read))
            }
            files[fileIndex].importedObjectCalls = []
        }
    }
}

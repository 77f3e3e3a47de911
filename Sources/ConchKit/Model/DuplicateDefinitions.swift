/// C: one tree often builds several programs, and two of them may each define an
/// external function of one name (squashfs-tools' mksquashfs links `reader` from
/// reader.c, unsquashfs defines its own). Under one id the second definition would
/// vanish, and every start of `reader` would seem to run the first. The definition in
/// a unit with no `main` (the shared one) keeps the plain id; each other one becomes
/// its unit's own (`unsquashfs.c::reader`), as a `static` function is, so that unit's
/// calls, starts and callbacks, which look in their own unit first, reach it; so do
/// those of the other units of its folder, when the kept one stands elsewhere. A unit
/// written for another platform, or an `LD_PRELOAD` shim, keeps all its functions to
/// itself the same way.
enum DuplicateDefinitions {
    static func separate(_ files: inout [FileFacts]) {
        var definers: [FunctionID: [Int]] = [:]
        var hasMain: Set<Int> = []
        for (index, file) in files.enumerated() where file.language == .c && !file.path.hasSuffix(".h") {
            for function in file.functions.indices where file.functions[function].kind == .function {
                let id = file.functions[function].id
                guard !id.contains("::") else { continue }
                definers[id, default: []].append(index)
                if id == "main" { hasMain.insert(index) }
            }
        }
        for (id, units) in definers where units.count > 1 && id != "main" {
            let keeper = units.first { !hasMain.contains($0) } ?? units[0]
            for unit in units where unit != keeper { makeOwn(id, in: &files[unit]) }
            linkByFolder(id, definers: units, keeper: keeper, in: &files)
        }
        // A unit for another platform (its `readdir` over Win32's FindFirstFile), or one
        // that wraps libc for other programs, is not what this platform's units call:
        // its functions stay its own.
        for index in files.indices where files[index].isForAnotherPlatform || files[index].interposesLibrary {
            let external = files[index].functions.filter { $0.kind == .function && !$0.id.contains("::") }.map(\.id)
            for id in Set(external) { makeOwn(id, in: &files[index]) }
        }
    }

    /// A unit that defines none of them links the one its own folder holds, when the kept
    /// one stands in another: a tree's programs and the helpers each links sit in folders
    /// of their own (a test's `start_workers` in `tests/wrappers/threads.c`, the server's in
    /// `src/`). Its calls, and the starts and callbacks that name the function, name that one.
    private static func linkByFolder(_ id: FunctionID, definers: [Int], keeper: Int, in files: inout [FileFacts]) {
        let keeperFolder = folder(of: files[keeper].path)
        var byFolder: [Substring: Int] = [:]
        for unit in definers where unit != keeper {
            let unitFolder = folder(of: files[unit].path)
            if unitFolder != keeperFolder, byFolder[unitFolder] == nil { byFolder[unitFolder] = unit }
        }
        guard !byFolder.isEmpty else { return }
        for index in files.indices where files[index].language == .c && !definers.contains(index) {
            guard let definer = byFolder[folder(of: files[index].path)] else { continue }
            rename(id, to: files[definer].path + "::" + id, in: &files[index], callsToo: true)
        }
    }

    private static func folder(of path: String) -> Substring {
        path.lastIndex(of: "/").map { path[..<$0] } ?? ""
    }

    private static func makeOwn(_ id: FunctionID, in file: inout FileFacts) {
        // Its own calls need no change: a unit's calls look in the unit first.
        rename(id, to: file.path + "::" + id, in: &file, callsToo: false)
    }

    /// Every fact of the unit that names the function by id: its definition, the starts,
    /// callbacks and signal handlers it installs, the functions and tables that hand it on,
    /// and, when `callsToo`, its calls.
    private static func rename(_ id: FunctionID, to own: FunctionID, in file: inout FileFacts, callsToo: Bool) {
        func renamed(_ name: FunctionID) -> FunctionID { name == id ? own : name }
        for index in file.functions.indices {
            file.functions[index].id = renamed(file.functions[index].id)
            if !file.functions[index].handedFunctions.isEmpty { file.functions[index].handedFunctions = file.functions[index].handedFunctions.map(renamed) }
            guard callsToo else { continue }
            for call in file.functions[index].calls.indices where file.functions[index].calls[call].callee == id {
                file.functions[index].calls[call].callee = own
            }
        }
        for index in file.globals.indices where !file.globals[index].handedFunctions.isEmpty {
            file.globals[index].handedFunctions = file.globals[index].handedFunctions.map(renamed)
        }
        for index in file.spawnSites.indices where file.spawnSites[index].entry == .function(id) {
            file.spawnSites[index].entry = .function(own)
        }
        for index in file.eventLoops.indices where file.eventLoops[index].callback == id { file.eventLoops[index].callback = own }
        file.signalHandlers = file.signalHandlers.map(renamed)
    }
}

import ConchKit

/// Which code runs where: in the threads the program starts, in its child processes (or
/// an `InterpreterPoolExecutor`'s interpreters, each with its own modules), or in the main
/// thread. Shared by the rules about shared state.
struct ExecutionContexts: Sendable {
    /// A place where concurrent work starts, with the file it stands in.
    struct Start {
        var file: FileFacts
        var site: SpawnSite

        /// The site alone starts several instances that run at once: per request by a
        /// server, in a loop (unless joined in the same pass), or by a pool (unless the
        /// one submission is waited for before the function goes on).
        var startsSeveralAtOnce: Bool {
            if site.startsPerRequest { return true }
            if site.loop != nil { return !JoinOrdering.isJoinedInItsPass(self) }
            return (site.kind == .threadPool || site.picklesTasksToPool) && !JoinOrdering.isJoinedLater(self)
        }

        /// One pass through the starting function makes only one of the two.
        func excludes(_ other: Start) -> Bool {
            file.path == other.file.path && site.excludes(other.site)
        }
    }

    /// A function run by a thread or a child process, and everything it reaches.
    struct Entry {
        var id: FunctionID
        var starts: [Start]
        /// What the entry runs, itself included (unless it is a fork's parent), under the conditions met on the way.
        var reach: GuardedReach
        /// C `fork()`: the child branch inside the forking function, which runs only that
        /// part. Its file tells apart the `main`s of the programs of one tree, which share an id.
        var branch: (function: FunctionID, file: String, range: ByteRange)?

        /// Several instances may run at once: started in a loop (unless joined in the
        /// same pass), per request by a server, from several places, or by a pool (unless the one submission
        /// is waited for before the function goes on). A task its own completion
        /// queues again runs after itself, not beside.
        var runsBesideItself: Bool {
            let origins = origins
            if origins.contains(where: \.startsSeveralAtOnce) { return true }
            return origins.indices.contains { first in origins[(first + 1)...].contains { !origins[first].excludes($0) } }
        }

        /// Whether every start of this entry and every start of `other` sit in different
        /// arms of one `if`/`else` chain: `if (cat) start(cat_writer); else start(writer);`.
        func neverRunsBeside(_ other: Entry) -> Bool {
            !starts.isEmpty && !other.starts.isEmpty && starts.allSatisfy { mine in other.starts.allSatisfy(mine.excludes) }
        }

        /// Every start sits in a test's `with pytest.raises(...)`: the test checks that the work fails.
        var isExpectedToFail: Bool {
            !starts.isEmpty && starts.allSatisfy { $0.file.expectsRaise(at: $0.site.range.start, in: $0.file.functions[$0.site.function]) }
        }

        /// The starts that begin new work: all but a pool task its own completion queues again.
        var origins: [Start] { starts.filter { !JoinOrdering.isRequeuedOnCompletion($0) } }

        /// The task queue whose workers run the entry (`Celery`), if that is what starts it.
        var worker: String? {
            starts.first { $0.site.kind == .taskWorker }.map { TaskQueueWorkers.framework(of: $0.site) }
        }

        /// A method entry and the methods of its class it reaches (`self._bump()`), with their file.
        func ownClassMethods(_ model: ProjectModel) -> (file: FileFacts, methods: [FunctionFacts])? {
            guard let (file, method) = model.function(id), let owner = method.className else { return nil }
            return (file, [method] + reached.ids.compactMap { reachedID -> FunctionFacts? in
                guard reachedID != method.id, let (reachedFile, reached) = model.function(reachedID), reachedFile.path == file.path,
                      reached.className == owner else { return nil }
                return reached
            })
        }

        /// The functions it reaches on some way in.
        var reached: FunctionSet { reach.functions }

        /// Whether the code at `offset` of `function` of `file`, under `guards`, runs under this entry.
        func runs(_ function: FunctionID, of file: FileFacts, at offset: Int, guardedBy guards: [ExecutionGuard]) -> Bool {
            if let branch, branch.function == function { return forks(in: function, of: file) && branch.range.contains(offset) }
            return reach.admits(guards, in: function, at: offset)
        }

        /// Whether `function` of `file` is the one whose fork's child branch this entry is.
        func forks(in function: FunctionID, of file: FileFacts) -> Bool {
            guard let branch else { return false }
            return branch.function == function && branch.file == file.path
        }

        /// The child branch's forking function, found where the fork stands (a second
        /// program's `main` is not the one its id finds).
        var branchFunction: (file: FileFacts, function: FunctionFacts)? {
            guard branch != nil, let start = starts.first else { return nil }
            return (start.file, start.file.functions[start.site.function])
        }
    }

    let threads: [Entry]
    let children: [Entry]
    /// Functions the main thread of the parent runs: reached from module-level code, or
    /// from functions nothing in the project calls (an API its users call). Nil when
    /// nothing starts a thread or process, since it walks the whole call graph.
    let mainSide: FunctionSet?
    /// `mainSide` less what only the child branches of C forks call (uwsgi's
    /// `emperor_loop`, which runs in the emperor's own process).
    let parentSide: FunctionSet?
    /// C trees that build several programs (fio, gfio and fio's tools): each `main`, with
    /// what it reaches. Empty with one `main` or none.
    let programs: [Program]

    struct Program {
        var file: String
        var main: Int
        var reach: FunctionSet
        /// The files of what it reaches, its own included: the units it links.
        var files: Set<String>

        /// Runs `function` of `file`: a `main` by where it stands, since the name `main` names them all.
        func runs(_ function: Int, of file: FileFacts) -> Bool {
            let facts = file.functions[function]
            return facts.name == "main" ? file.path == self.file && function == main : reach.contains(facts.id)
        }

        func starts(_ start: Start) -> Bool { runs(start.site.function, of: start.file) }
    }

    init(_ model: ProjectModel) {
        var threadStarts: [FunctionID: [Start]] = [:]
        var childStarts: [FunctionID: [Start]] = [:]
        var branches: [FunctionID: (function: FunctionID, file: String, range: ByteRange)] = [:]
        for (file, site) in model.spawnSites + TaskQueueWorkers.sites(in: model) {
            guard let entry = site.entryID, model.functionIndex[entry] != nil else { continue }
            if site.runsInThread {
                threadStarts[entry, default: []].append(Start(file: file, site: site))
            } else if site.kind == .forkChild {
                // The child runs on in the forking function; only a branch found by the front end says where.
                guard let branch = ForkChild.branch(of: site, in: file) else { continue }
                let key = entry + "@" + file.path + ":" + String(site.range.start)
                childStarts[key, default: []].append(Start(file: file, site: site))
                branches[key] = (entry, file.path, branch)
            } else if site.runsInProcess || site.kind == .interpreterPool {
                childStarts[entry, default: []].append(Start(file: file, site: site))
            }
        }
        let guarded = GuardedReach.guardedGlobals(in: model)
        let modes = guarded.isEmpty ? nil : StartModes(model)
        // Per file, by the forking function's index there: the `main`s of a tree's programs share one id.
        let branchesByFile = model.files.map(ForkChild.branchesByParent)
        // A thread that forks goes on as the parent: its children's branches run in other processes.
        let forkBranches = Self.forkBranches(model, branchesByFile)
        // Nor does a thread run what only the main thread does (Kivy's `@mainthread`, `if
        // current_thread() is main_thread():`) or a once-only block, nor what those call.
        let notInThreads = threadStarts.isEmpty ? forkBranches
            : forkBranches.merging(Self.regionsOutsideThreads(model)) { $0 + $1 }
        threads = threadStarts.keys.sorted().map { id in
            let starts = threadStarts[id] ?? []
            let known = modes?.known(at: starts) ?? []
            return Entry(id: id, starts: starts, reach: GuardedReach(model, from: [id], guarded: guarded, known: known, cutting: notInThreads))
        }
        children = childStarts.keys.sorted().map { key in
            let starts = childStarts[key] ?? []
            guard let branch = branches[key], let start = starts.first else {
                return Entry(id: key, starts: starts, reach: GuardedReach(model, from: [key], guarded: guarded))
            }
            let file = start.file
            let function = file.functions[start.site.function]
            let callees = function.calls.filter { branch.range.contains($0.range.start) }.compactMap { model.resolve($0.callee, from: file) }
            var reach = GuardedReach(model, from: callees, guarded: guarded)
            reach.remove(branch.function)
            return Entry(id: branch.function, starts: starts, reach: reach, branch: branch)
        }
        let anyEntry = !threadStarts.isEmpty || !childStarts.isEmpty
        let sides = anyEntry ? Self.sides(model, excluding: Set(threadStarts.keys).union(childStarts.keys),
                                          branchesByFile: branchesByFile, cutting: forkBranches) : nil
        mainSide = sides?.main
        parentSide = sides?.parent
        programs = anyEntry ? Self.programs(model) : []
    }

    /// Every C `main`, by where it stands: two units may define one each, and the model
    /// indexes only one of them by name, so each program's reach starts from its calls.
    private static func programs(_ model: ProjectModel) -> [Program] {
        let graph = model.callGraph
        var programs: [Program] = []
        for file in model.files where file.language == .c {
            for (index, function) in file.functions.enumerated() where function.name == "main" && function.kind == .function {
                let roots = function.calls.compactMap { model.resolve($0.callee, from: file).flatMap(graph.number) }
                let reach = graph.reach(from: roots)
                let files = Set(reach.numbers.map { model.files[graph.references[$0].file].path }).union([file.path])
                programs.append(Program(file: file.path, main: index, reach: reach, files: files))
            }
        }
        return programs.count > 1 ? programs : []
    }

    /// Whether the main thread of a program that starts `entry` may run `function` of `file`:
    /// with several `main`s, one whose program starts the entry. When no `main` reaches
    /// the start nor links its unit (an API, or a start behind a table of function
    /// pointers), `unattributed` answers.
    func sharesAProgram(_ function: Int, of file: FileFacts, with entry: Entry, unattributed: Bool = true) -> Bool {
        sharesAProgram(with: entry, unattributed: unattributed) { $0.runs(function, of: file) }
    }

    /// The programs of the tree whose `main`s start the entry, by index; empty with one
    /// program, or when no `main` is seen to start it.
    func startingPrograms(_ entry: Entry) -> Set<Int> {
        Set(programs.indices.filter { index in entry.starts.contains(where: programs[index].starts) })
    }

    /// `sharesAProgram` for a function that is not a `main`, by its id.
    func sharesAProgram(_ function: FunctionID, with entry: Entry) -> Bool {
        sharesAProgram(with: entry) { $0.reach.contains(function) }
    }

    private func sharesAProgram(with entry: Entry, unattributed: Bool = true, _ runs: (Program) -> Bool) -> Bool {
        guard programs.count > 1 else { return true }
        var starting = programs.filter { program in entry.starts.contains(where: program.starts) }
        // Started from a callback no `main` calls (a GUI button's): the programs that link its unit.
        if starting.isEmpty { starting = programs.filter { program in entry.starts.contains { program.files.contains($0.file.path) } } }
        guard !starting.isEmpty else { return unattributed }
        return starting.contains(where: runs) || !programs.contains(where: runs)
    }

    /// Per forking function, by id, the branches its children take: those of the definition
    /// the id names, not of a second program's `main` that shares it.
    private static func forkBranches(_ model: ProjectModel, _ branchesByFile: [[Int: [ByteRange]]]) -> [FunctionID: [ByteRange]] {
        var result: [FunctionID: [ByteRange]] = [:]
        for (fileIndex, file) in model.files.enumerated() {
            for (parent, ranges) in branchesByFile[fileIndex] {
                let id = file.functions[parent].id
                if let named = model.functionIndex[id], named.file != fileIndex || named.function != parent { continue }
                result[id, default: []] += ranges
            }
        }
        return result
    }

    /// Per function, the regions of its code a thread does not run as its own: what only
    /// the main thread runs, and a C block run once (`PA_ONCE_BEGIN`), whose writes the
    /// callers after the first wait for rather than race with.
    private static func regionsOutsideThreads(_ model: ProjectModel) -> [FunctionID: [ByteRange]] {
        var result: [FunctionID: [ByteRange]] = [:]
        for (fileIndex, file) in model.files.enumerated() where !file.mainThreadRegions.isEmpty || !file.onceOnlyBlocks.isEmpty {
            let fileRegions = file.mainThreadRegions + file.onceOnlyBlocks
            for (index, function) in file.functions.enumerated() {
                if let named = model.functionIndex[function.id], named.file != fileIndex || named.function != index { continue }
                let regions = fileRegions.filter { function.range.contains($0.start) && $0.end <= function.range.end }
                if !regions.isEmpty { result[function.id, default: []] += regions }
            }
        }
        return result
    }

    private static func sides(_ model: ProjectModel, excluding entries: Set<FunctionID>, branchesByFile: [[Int: [ByteRange]]],
                              cutting forkBranches: [FunctionID: [ByteRange]]) -> (main: FunctionSet, parent: FunctionSet) {
        let graph = model.callGraph
        var called = FunctionSet(graph)
        var roots: [Int] = []
        // What a `main` calls in a fork's child branch runs in the child, not in the parent.
        var childRoots: [Int] = []
        for (fileIndex, file) in model.files.enumerated() {
            let ownBranches = branchesByFile[fileIndex]
            // Read in place: copying a function's facts retains every field.
            file.functions.withUnsafeBufferPointer { functions in
                graph.forEachResolvedCall(in: file, at: fileIndex) { function, call, callee in
                    called.insert(callee)
                    // A second program's `main`, which the index does not hold under the shared name, roots its calls.
                    if functions[function].kind == .module || (file.language == .c && functions[function].name == "main") {
                        let branches = ownBranches[function] ?? []
                        if branches.contains(where: { $0.contains(call.range.start) }) {
                            childRoots.append(callee)
                        } else {
                            roots.append(callee)
                        }
                    }
                }
            }
        }
        var excluded = FunctionSet(graph)
        for entry in entries { if let number = graph.number(of: entry) { excluded.insert(number) } }
        // A callback a function hands on runs where that function has it run: in the main
        // thread only if the function itself runs there.
        let handed = handedCallbacks(model, notEntries: excluded)
        for (_, callback) in handed { excluded.insert(callback) }
        for (number, reference) in graph.references.enumerated() where !called.contains(number) && !excluded.contains(number) {
            let isMarker = model.files[reference.file].functions.withUnsafeBufferPointer { functions in
                functions[reference.function].name == ForkChild.markerName
            }
            if !isMarker { roots.append(number) }
        }
        let main = closed(over: handed, from: roots + childRoots) { graph.reach(from: $0) }
        var cut: [Int: [ByteRange]] = [:]
        for (id, ranges) in forkBranches { if let number = graph.number(of: id) { cut[number] = ranges } }
        guard !cut.isEmpty else { return (main, main) }
        return (main, closed(over: handed, from: roots) { graph.reach(from: $0, cutting: cut, in: model.files) })
    }

    /// What `reach` finds from `roots`, with the callbacks the functions reached hand on.
    private static func closed(over handed: [(taker: Int, callback: Int)], from roots: [Int],
                               reach: ([Int]) -> FunctionSet) -> FunctionSet {
        var side = reach(roots)
        while true {
            let reachedCallbacks = handed.filter { side.contains($0.taker) && !side.contains($0.callback) }.map(\.callback)
            guard !reachedCallbacks.isEmpty else { return side }
            side.formUnion(reach(reachedCallbacks))
        }
    }

    /// C: the function runs only in the child processes forks start (uwsgi's `emperor_loop`),
    /// never in the main thread of the process that forked them.
    func runsOnlyInForkChildren(_ function: FunctionFacts) -> Bool {
        guard let mainSide, let parentSide else { return false }
        return mainSide.contains(function.id) && !parentSide.contains(function.id)
    }

    /// Every start of the entry is the parent's: in a function the parent's main thread
    /// runs, outside the child branches of its forks.
    func startsInParent(_ entry: Entry) -> Bool {
        guard let parentSide else { return true }
        return entry.starts.allSatisfy { start in
            let function = start.file.functions[start.site.function]
            return (function.kind == .module || parentSide.contains(function.id))
                && !ForkChild.branches(of: start.site.function, in: start.file).contains { $0.contains(start.site.range.start) }
        }
    }

    /// C: who hands which function on by address, by number: in a struct of callbacks it
    /// fills, or a table at file scope it takes. A thread's entry, handed to
    /// `pthread_create`, runs in its thread and is left out.
    private static func handedCallbacks(_ model: ProjectModel, notEntries entries: FunctionSet) -> [(taker: Int, callback: Int)] {
        let graph = model.callGraph
        var tables: [String: [FunctionID]] = [:]
        for file in model.files where file.language == .c {
            for global in file.globals where !global.handedFunctions.isEmpty { tables[global.name] = global.handedFunctions }
        }
        var handed: [(taker: Int, callback: Int)] = []
        for file in model.files where file.language == .c {
            for function in file.functions {
                let fromTables = tables.isEmpty ? [] : function.globalAccesses.flatMap { tables[$0.variable] ?? [] }
                guard !function.handedFunctions.isEmpty || !fromTables.isEmpty, let taker = graph.number(of: function.id) else { continue }
                for callback in function.handedFunctions + fromTables {
                    guard let number = graph.number(of: callback), !entries.contains(number) else { continue }
                    handed.append((taker, number))
                }
            }
        }
        return handed
    }

    /// Every function a thread entry reaches, with its file: where the rules about
    /// code running in threads look. Rules still check each call's or access's guards with `Entry.runs`.
    func threadReach(_ model: ProjectModel) -> [(entry: Entry, file: FileFacts, function: FunctionFacts)] {
        let graph = model.callGraph
        return threads.flatMap { entry in
            entry.reached.numbers.map { number in
                let reference = graph.references[number]
                let file = model.files[reference.file]
                return (entry, file, file.functions[reference.function])
            }
        }
    }

    /// Whether code at `offset` of the function runs in the parent's main thread.
    func runsInMain(_ file: FileFacts, _ function: FunctionFacts, at offset: Int) -> Bool {
        if function.kind == .module { return true }
        guard mainSide?.contains(function.id) ?? false else { return false }
        return !children.contains { $0.forks(in: function.id, of: file) && $0.branch?.range.contains(offset) == true }
    }
}

extension ProjectModel {
    /// Which code runs in which thread or process, built by the first rule that asks.
    var executionContexts: ExecutionContexts {
        shared(ExecutionContexts.self) { ExecutionContexts(self) }
    }
}

/// A wrapper that starts a thread on the function its caller hands it: in C called
/// from another unit (`uv_thread_create(&tid, worker, arg)` in a test, `pthread_create`
/// inside it in thread.c), in Python from anywhere (`spawn(self.handle, conn)`, with
/// `Thread(target=func)` inside `def spawn(func, *args)`). The front end leaves the site
/// naming the wrapper's parameter; here the project's calls to the wrapper supply the entries.
/// A wrapper that starts one thread per call makes each call a start, in the caller's
/// loop and joined by the caller's join; one that starts threads in a loop of its own
/// (`setup_extra_threads(&run_thread_poll_loop)`) keeps its site, once per entry.
enum ForwardedThreadEntries {
    private struct Forwarded {
        var wrapper: FunctionID
        var site: SpawnSite
        var position: Int
        /// Only code of the wrapper's language calls it.
        var language: SourceLanguage

        /// The site among all wrappers' sites.
        var key: String { Forwarded.key(wrapper, site) }

        static func key(_ wrapper: FunctionID, _ site: SpawnSite) -> String { wrapper + "@" + String(site.range.start) }
    }

    static func join(_ files: inout [FileFacts], knownFunctions: FunctionIndex, callees: CalleeTable) {
        var wrappers: [FunctionID: [Forwarded]] = [:]
        var wrapperFiles: Set<Int> = []
        for (index, file) in files.enumerated() {
            for site in file.spawnSites {
                guard case .parameter(let position) = site.entry else { continue }
                let id = file.functions[site.function].id
                let forwarded = Forwarded(wrapper: id, site: site, position: position, language: file.language)
                wrappers[id, default: []].append(forwarded)
                wrapperFiles.insert(index)
                // A `static inline` wrapper in a header (xz's `mythread_create`): the units that
                // include it call it by its plain name.
                if file.path.hasSuffix(".h"), let separator = id.range(of: "::", options: .backwards) {
                    let plain = String(id[separator.upperBound...])
                    if knownFunctions[plain] == nil { wrappers[plain, default: []].append(forwarded) }
                }
            }
        }
        guard !wrappers.isEmpty else { return }
        var passedToLoops: [String: [FunctionID]] = [:]
        var callerStarts: [Int: [SpawnSite]] = [:]
        var joinedWrappers: Set<String> = []
        for place in callees.places(of: callees.numbers(of: wrappers.keys)) {
            let call = files[place.file].functions[place.function].calls[place.call]
            for forwarded in wrappers[call.callee] ?? [] where forwarded.language == files[place.file].language {
                guard let entry = call.handedFunction(keyword: forwarded.site.parameterName, position: forwarded.position),
                      knownFunctions[entry] != nil else { continue }
                if forwarded.site.loop != nil {
                    if passedToLoops[forwarded.key]?.contains(entry) != true { passedToLoops[forwarded.key, default: []].append(entry) }
                } else {
                    joinedWrappers.insert(forwarded.key)
                    var start = SpawnSite(kind: forwarded.site.kind, api: forwarded.site.api, entry: .function(entry), range: call.range,
                                          function: place.function, loop: call.loop, isBounded: forwarded.site.isBounded)
                    start.failedArm = files[place.file].functions[place.function].nonzeroResultArms[Int32(place.call)]
                    start.arms = files[place.file].armsOfHandingCalls[CallPlace(function: place.function, call: place.call)] ?? []
                    callerStarts[place.file, default: []].append(start)
                }
            }
        }
        // Only the files that hold a wrapper or call one change: writing every file would copy them all.
        for index in wrapperFiles.union(callerStarts.keys).sorted() {
            let functions = files[index].functions
            var sites = files[index].spawnSites.flatMap { site -> [SpawnSite] in
                guard case .parameter = site.entry else { return [site] }
                let key = Forwarded.key(functions[site.function].id, site)
                // A wrapper no call in the project hands a function stays, entry unknown.
                if site.loop == nil { return joinedWrappers.contains(key) ? [] : [unknownEntry(site)] }
                guard let entries = passedToLoops[key] else { return [unknownEntry(site)] }
                return entries.map { entry in
                    var joined = site
                    joined.entry = .function(entry)
                    return joined
                }
            }
            if let added = callerStarts[index] {
                // A call the front end already knows as a start (`uv_thread_create` is in the
                // catalog, and in libuv's own sources a wrapper too) stays one start.
                for site in added where !sites.contains(where: { $0.range == site.range && $0.entry == site.entry }) {
                    sites.append(site)
                }
                sites.sort { $0.range.start < $1.range.start }
            }
            files[index].spawnSites = sites
        }
    }

    /// A Python wrapper's site keeps the parameter's name as written, as any other unknown callable.
    private static func unknownEntry(_ site: SpawnSite) -> SpawnSite {
        guard let name = site.parameterName else { return site }
        var unknown = site
        unknown.entry = .unresolved(name)
        return unknown
    }
}

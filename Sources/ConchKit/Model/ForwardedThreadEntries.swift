/// C: a wrapper that starts a thread on the function its caller hands it, called
/// from another unit (`uv_thread_create(&tid, worker, arg)` in a test, `pthread_create`
/// inside it in thread.c). The front end sees one unit and leaves the site naming the
/// wrapper's parameter; here the project's calls to the wrapper supply the entries.
/// A wrapper that starts one thread per call makes each call a start, in the caller's
/// loop and joined by the caller's join; one that starts threads in a loop of its own
/// (`setup_extra_threads(&run_thread_poll_loop)`) keeps its site, once per entry.
enum ForwardedThreadEntries {
    private struct Forwarded {
        var site: SpawnSite
        var position: Int
    }

    static func join(_ files: inout [FileFacts], knownFunctions: [FunctionID: ProjectModel.FunctionReference]) {
        var wrappers: [FunctionID: [Forwarded]] = [:]
        for file in files where file.language == .c {
            for site in file.spawnSites {
                if case .parameter(let position) = site.entry {
                    wrappers[file.functions[site.function].id, default: []].append(Forwarded(site: site, position: position))
                }
            }
        }
        guard !wrappers.isEmpty else { return }
        var passedToLoops: [FunctionID: [Int: [FunctionID]]] = [:]
        var callerStarts: [Int: [SpawnSite]] = [:]
        for fileIndex in files.indices where files[fileIndex].language == .c {
            for (functionIndex, function) in files[fileIndex].functions.enumerated() {
                for call in function.calls {
                    for forwarded in wrappers[call.callee] ?? [] {
                        guard case .name(let entry)? = call.argument(at: forwarded.position)?.shape, knownFunctions[entry] != nil else { continue }
                        if forwarded.site.loop != nil {
                            if passedToLoops[call.callee]?[forwarded.position]?.contains(entry) != true {
                                passedToLoops[call.callee, default: [:]][forwarded.position, default: []].append(entry)
                            }
                        } else {
                            callerStarts[fileIndex, default: []].append(SpawnSite(
                                kind: forwarded.site.kind, api: forwarded.site.api, entry: .function(entry), range: call.range,
                                function: functionIndex, loop: call.loop, isBounded: forwarded.site.isBounded))
                        }
                    }
                }
            }
        }
        for index in files.indices where files[index].language == .c {
            let functions = files[index].functions
            var sites = files[index].spawnSites.flatMap { site -> [SpawnSite] in
                guard case .parameter(let position) = site.entry else { return [site] }
                if site.loop == nil { return [] }
                let entries = passedToLoops[functions[site.function].id]?[position] ?? []
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
}

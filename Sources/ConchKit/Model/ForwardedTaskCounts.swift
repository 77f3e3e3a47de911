/// Python: a start that hands its task a parameter of its own function (`asyncio.to_thread(crunch,
/// n)` in `async def handler(n)`, `executor.map(cpu_bound, numbers)` in `def find_sums(numbers)`).
/// When every call of the function in the project passes an integer constant there (or, for
/// a start that maps over the parameter, a collection of them), the start hands its task
/// the least of them, as if written out at the start.
enum ForwardedTaskCounts {
    static func join(_ files: inout [FileFacts], callees: CalleeTable) {
        var starters: [FunctionID: [(file: Int, site: Int)]] = [:]
        for (index, file) in files.enumerated() where file.language == .python {
            for (position, site) in file.spawnSites.enumerated() where !site.forwardedCounts.isEmpty {
                starters[file.functions[site.function].id, default: []].append((index, position))
            }
        }
        guard !starters.isEmpty else { return }
        var callers: [FunctionID: [(file: Int, call: CallFacts)]] = [:]
        for place in callees.places(of: callees.numbers(of: starters.keys)) {
            let call = files[place.file].functions[place.function].calls[place.call]
            callers[call.callee, default: []].append((place.file, call))
        }
        for (starter, sites) in starters {
            guard let calls = callers[starter] else { continue }
            for (file, position) in sites {
                let site = files[file].spawnSites[position]
                for count in site.forwardedCounts where site.integerArguments[count.taskPosition] == nil {
                    let values = calls.compactMap { value(handedFor: count, by: $0.call, in: files[$0.file]) }
                    // A caller that passes something else leaves the work unknown.
                    guard values.count == calls.count, let least = values.min() else { continue }
                    files[file].spawnSites[position].integerArguments[count.taskPosition] = least
                    if site.integerArguments.isEmpty { files[file].spawnSites[position].countsHandedBy = starter }
                }
            }
        }
    }

    /// What `call` passes for the parameter, by its name or else by position: an integer
    /// constant, or a collection's least item.
    private static func value(handedFor count: ForwardedCount, by call: CallFacts, in file: FileFacts) -> Int? {
        guard let argument = call.argument(passedTo: count.parameterName, at: count.callPosition) else { return nil }
        if !count.mapsOverItems { return argument.integerValue.map(Int.init) }
        return file.handedLeastItems.first { $0.argument == argument.range }?.value
    }
}

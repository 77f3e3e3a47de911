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
        var handed: [FunctionID: [[Int?]]] = [:]
        for place in callees.places(of: callees.numbers(of: starters.keys)) {
            let file = files[place.file]
            let call = file.functions[place.function].calls[place.call]
            guard let (starterFile, starterSite) = starters[call.callee]?.first else { continue }
            let counts = files[starterFile].spawnSites[starterSite].forwardedCounts
            handed[call.callee, default: []].append(counts.map { value(handedFor: $0, by: call, in: file) })
        }
        for (starter, sites) in starters {
            guard let calls = handed[starter] else { continue }
            for (file, position) in sites {
                let counts = files[file].spawnSites[position].forwardedCounts
                let writtenAtTheStart = !files[file].spawnSites[position].integerArguments.isEmpty
                for (index, count) in counts.enumerated() where files[file].spawnSites[position].integerArguments[count.taskPosition] == nil {
                    let values = calls.compactMap { $0.indices.contains(index) ? $0[index] : nil }
                    // A caller that passes something else leaves the work unknown.
                    guard values.count == calls.count, let least = values.min() else { continue }
                    files[file].spawnSites[position].integerArguments[count.taskPosition] = least
                    if !writtenAtTheStart { files[file].spawnSites[position].countsHandedBy = starter }
                }
            }
        }
    }

    /// What `call` passes for the parameter: an integer constant, or a collection's least item.
    private static func value(handedFor count: ForwardedCount, by call: CallFacts, in file: FileFacts) -> Int? {
        guard let argument = argumentIndex(of: count, in: call) else { return nil }
        if !count.mapsOverItems { return call.arguments[argument].integerValue.map(Int.init) }
        return file.handedLeastItems.first { $0.call == call.range && $0.argument == argument }?.value
    }

    /// The index among the call's arguments of the one that binds the parameter: by its name, else by position.
    private static func argumentIndex(of count: ForwardedCount, in call: CallFacts) -> Int? {
        let arguments = Array(call.arguments)
        if let named = arguments.firstIndex(where: { $0.keyword == count.parameterName }) { return named }
        let positional = arguments.indices.filter { arguments[$0].keyword == nil }
        return count.callPosition < positional.count ? positional[count.callPosition] : nil
    }
}

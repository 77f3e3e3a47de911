import ConchKit

extension CallFacts {
    /// The integer constants the call hands `callee`, by the position of the parameter
    /// that receives each: positional ones in order, keyword ones by the parameter's name.
    func integerArguments(for callee: FunctionFacts) -> [Int: Int] {
        var values: [Int: Int] = [:]
        var position = 0
        for argument in arguments {
            defer { if argument.keyword == nil { position += 1 } }
            guard let value = argument.integerValue else { continue }
            if let keyword = argument.keyword {
                if let index = callee.parameters.firstIndex(of: keyword) { values[index] = Int(value) }
            } else {
                values[position] = Int(value)
            }
        }
        return values
    }
}

extension ProjectModel {
    /// What the start hands the code it runs: its integer arguments, and when it constructs
    /// the object whose `run` runs (`Worker(10**7)`), the counts the class's `__init__`
    /// (or the nearest one up to the class that defines `run`) stores in attributes.
    func handedCounts(of site: SpawnSite, in file: FileFacts) -> HandedCounts {
        var counts = HandedCounts(byParameter: site.integerArguments)
        guard file.language == .python, case let .function(entry) = site.entry, entry.hasSuffix(".run"),
              let call = site.creatingCall(in: file.functions[site.function]), call.isResolved else { return counts }
        let runner = String(entry.dropLast(".run".count))
        guard let (_, initializer) = function(call.callee + ".__init__") ?? function(runner + ".__init__"),
              !initializer.attributeParameters.isEmpty else { return counts }
        let handed = call.integerArguments(for: initializer)
        for (attribute, position) in initializer.attributeParameters {
            if let value = handed[Int(position)] { counts.byAttribute[attribute] = value }
        }
        return counts
    }
}

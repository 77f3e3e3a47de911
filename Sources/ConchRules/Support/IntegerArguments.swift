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

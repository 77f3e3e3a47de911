import ConchKit

extension GlobalAccess {
    /// For a local that closures share (`pkg.mod.main.<locals>.count`),
    /// the function whose variable it is (`pkg.mod.main`); nil for module state.
    var closureOwner: FunctionID? {
        // Asked of every access a thread makes: most name module state, with no `<` at all.
        guard variable.utf8.contains(UInt8(ascii: "<")) else { return nil }
        return variable.ranges(of: ".<locals>.").last.map { String(variable[..<$0.lowerBound]) }
    }
}

extension ExecutionContexts.Entry {
    /// Whether the thread or child runs with the variables of one call of `owner`: it
    /// runs a closure of `owner`, started by `owner` itself or by another of its closures.
    /// Code that a thread reaches any other way has a call, and variables, of its own.
    func sharesVariables(of owner: FunctionID) -> Bool {
        let inside = { (id: FunctionID) in id == owner || id.hasPrefix(owner + ".<locals>.") }
        return id.hasPrefix(owner + ".<locals>.") && !origins.isEmpty
            && origins.allSatisfy { inside($0.file.functions[$0.site.function].id) }
    }
}

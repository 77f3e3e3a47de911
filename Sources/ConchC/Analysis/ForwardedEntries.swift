import CLibClang
import ConchKit

/// A thread entry handed in as a parameter: `create_worker(void *(*func)(void *), void *arg)`
/// calls `pthread_create(&t, NULL, func, arg)`. The entries are the functions this
/// file's callers pass for that parameter (`create_worker(worker_libevent, ...)`).
enum ForwardedEntries {
    /// Replaces each spawn site whose entry is a parameter of its function with one
    /// site per function the file's calls pass there; when none does, the site names
    /// the parameter, for the project model to join with callers in other units.
    static func resolve(_ facts: inout FileFacts, declarations: [Int: Int], unit: UnitContext) {
        let known = Set(facts.functions.dropFirst().map(\.id))
        var resolved: [SpawnSite] = []
        for site in facts.spawnSites {
            guard case .unresolved(let name) = site.entry, let declaration = declarations[site.function],
                  let position = parameterNames(declaration, unit: unit).firstIndex(of: name) else {
                resolved.append(site)
                continue
            }
            let wrapper = facts.functions[site.function].id
            var entries: [FunctionID] = []
            for function in facts.functions {
                for call in function.calls where call.callee == wrapper {
                    guard case .name(let passed)? = call.argument(at: position).map(\.shape),
                          known.contains(passed) || unit.functionNamed(passed) != nil, !entries.contains(passed) else { continue }
                    entries.append(passed)
                }
            }
            if entries.isEmpty {
                var forwarded = site
                forwarded.entry = .parameter(position)
                resolved.append(forwarded)
            }
            for entry in entries {
                var forwarded = site
                forwarded.entry = .function(entry)
                resolved.append(forwarded)
            }
        }
        facts.spawnSites = resolved
    }

    private static func parameterNames(_ declaration: Int, unit: UnitContext) -> [String] {
        unit.tree[declaration].children.filter { unit.tree[$0].kind == CXCursor_ParmDecl }
            .map { unit.library.spelling(unit.tree[$0].cursor) }
    }
}

import CLibClang
import ConchKit

/// A thread entry handed in as a parameter: `create_worker(void *(*func)(void *), void *arg)`
/// calls `pthread_create(&t, NULL, func, arg)`. The site names the parameter; the project
/// model (`ForwardedThreadEntries`) makes each call of the wrapper, in this unit or
/// another, a start of the function it passes (`create_worker(worker_libevent, ...)`).
enum ForwardedEntries {
    /// Names the parameter in each spawn site whose entry is a parameter of its function.
    static func resolve(_ facts: inout FileFacts, declarations: [Int: Int], unit: UnitContext) {
        for index in facts.spawnSites.indices {
            guard case .unresolved(let name) = facts.spawnSites[index].entry, let declaration = declarations[facts.spawnSites[index].function],
                  let position = parameterNames(declaration, unit: unit).firstIndex(of: name) else { continue }
            facts.spawnSites[index].entry = .parameter(position)
        }
    }

    private static func parameterNames(_ declaration: Int, unit: UnitContext) -> [String] {
        unit.tree[declaration].children.filter { unit.tree[$0].kind == CXCursor_ParmDecl }
            .map { unit.library.spelling(unit.tree[$0].cursor) }
    }
}

/// How a front end records a `fork()` child branch in `FileFacts` (C's, and Python's `os.fork()`).
///
/// The spawn site's entry is the forking function (the child runs on in it);
/// the branch the child takes is a nested `FunctionFacts` named `<fork-child>`
/// whose `parent` is that function and whose `range` is the branch. It holds
/// no facts of its own: the calls, loops and accesses inside the range stay in
/// the parent function.
public enum ForkChild {
    public static let markerName = "<fork-child>"

    /// Per forking function of one file, by its index there, the branches its children take:
    /// code there runs in a child process, never in the thread or process that forked.
    public static func branchesByParent(in file: FileFacts) -> [Int: [ByteRange]] {
        guard !file.spawnSites.isEmpty else { return [:] }
        var result: [Int: [ByteRange]] = [:]
        for marker in file.functions where marker.name == markerName {
            guard let parent = marker.parent else { continue }
            result[parent, default: []].append(marker.range)
        }
        return result
    }

    /// The child branch of a `.forkChild` spawn site, if the front end found one.
    public static func branch(of site: SpawnSite, in facts: FileFacts) -> ByteRange? {
        guard site.kind == .forkChild else { return nil }
        return branches(of: site.function, in: facts).first { $0.start >= site.range.start }
    }

    /// The child branches of the forks function `function` of the file makes, in order.
    public static func branches(of function: Int, in facts: FileFacts) -> [ByteRange] {
        facts.functions.filter { $0.name == markerName && $0.parent == function }.map(\.range)
    }
}

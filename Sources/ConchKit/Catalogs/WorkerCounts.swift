/// Names of functions that count the threads, children or connections running now, in
/// Python and C: a loop that compares such a count with anything (`if
/// threading.active_count() > MAX_CLIENTS: continue`, proftpd's `child_count() >=
/// ServerMaxInstances`) caps what it starts.
public enum WorkerCounts {
    /// Counted whatever their words: the standard library's own.
    private static let exact: Set<String> = ["active_count", "activeCount"]
    private static let counting = ["count", "num", "active", "running", "busy", "live"]
    private static let counted = ["child", "proc", "thread", "worker", "client", "conn", "instance", "job", "session"]

    /// `child_count`, `num_children`, `countActiveThreads`; not `count` or `len` alone.
    public static func countsWorkers(_ name: String) -> Bool {
        if exact.contains(name) { return true }
        let lowered = name.lowercased()
        return counting.contains { lowered.contains($0) } && counted.contains { lowered.contains($0) }
    }
}

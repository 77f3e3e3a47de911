import ConchKit

/// The standard library's process and shared-state APIs, by resolved dotted name.
enum ProcessAPIs {
    /// Calls that create child processes, or an executor that will: a pool spawns its
    /// workers, `Manager()` its server process. `Process(...)` and a manager class only
    /// start at `.start()`.
    static let startingConstructors: [String: String] = [
        "multiprocessing.Pool": "process pool",
        "concurrent.futures.ProcessPoolExecutor": "process pool",
        "multiprocessing.Manager": "manager process",
    ]

    /// Objects that live in shared memory or behind a manager, for the data the
    /// processes share: not queues, locks or events, which carry messages and order.
    static let sharedObjects: Set<String> = {
        var names: Set<String> = [
            "multiprocessing.shared_memory.SharedMemory", "multiprocessing.shared_memory.ShareableList",
            "multiprocessing.managers.SharedMemoryManager.SharedMemory",
            "multiprocessing.managers.SharedMemoryManager.ShareableList",
        ]
        for constructor in ["Value", "Array", "RawValue", "RawArray"] {
            names.insert("multiprocessing." + constructor)
            names.insert("multiprocessing.sharedctypes." + constructor)
        }
        for proxy in ["dict", "list", "Value", "Array", "Namespace"] {
            names.insert("multiprocessing.managers.SyncManager." + proxy)
        }
        return names
    }()
}

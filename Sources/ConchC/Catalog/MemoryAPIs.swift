/// Calls that write through a pointer argument, and the atomic builtins.
enum MemoryAPIs {
    /// Callee -> indices of the arguments it writes through.
    static let writesThrough: [String: Set<Int>] = [
        "memset": [0], "memcpy": [0], "memmove": [0], "bzero": [0], "explicit_bzero": [0],
        "strcpy": [0], "strncpy": [0], "strcat": [0], "strncat": [0], "stpcpy": [0], "stpncpy": [0],
        "strlcpy": [0], "strlcat": [0],
        "sprintf": [0], "snprintf": [0], "vsprintf": [0], "vsnprintf": [0],
        "read": [1], "pread": [1], "recv": [1], "recvfrom": [1], "fread": [0], "fgets": [0],
        "getline": [0, 1], "sscanf": [2, 3, 4, 5, 6, 7], "scanf": [1, 2, 3, 4, 5], "fscanf": [2, 3, 4, 5, 6],
        "time": [0], "gettimeofday": [0], "clock_gettime": [1], "localtime_r": [1], "gmtime_r": [1],
        "qsort": [0], "getrusage": [1], "stat": [1], "fstat": [1], "lstat": [1],
    ]

    /// Calls that return fresh heap memory: never a global object's address.
    static let allocators: Set<String> = [
        "malloc", "calloc", "realloc", "reallocarray", "aligned_alloc", "memalign", "valloc", "strdup", "strndup",
    ]

    static let atomicPrefixes = ["__atomic_", "__sync_", "atomic_", "__c11_atomic_"]

    static func isAtomic(_ callee: String) -> Bool {
        atomicPrefixes.contains { callee.hasPrefix($0) }
    }

    /// What an atomic builtin does to the object it is handed.
    static func atomicAccess(_ callee: String) -> AtomicEffect {
        if callee.contains("load") || callee.contains("is_lock_free") { return .read }
        if callee.contains("store") || callee.contains("init") { return .store }
        return .update
    }

    enum AtomicEffect { case read, store, update }
}

import ConchKit

/// Pools of OS threads, processes or interpreters, with the parameter that sizes them (first positional,
/// or by keyword). A pool of greenlets (`gevent.pool.Pool(1000)`) is microthreads already.
enum PoolConstructors {
    struct Pool {
        let sizeKeyword: String
        /// `threads`, `processes` or `interpreters`.
        let workers: String
    }

    static let sizes: [String: Pool] = [
        "concurrent.futures.ThreadPoolExecutor": Pool(sizeKeyword: "max_workers", workers: "threads"),
        "concurrent.futures.thread.ThreadPoolExecutor": Pool(sizeKeyword: "max_workers", workers: "threads"),
        "multiprocessing.pool.ThreadPool": Pool(sizeKeyword: "processes", workers: "threads"),
        "multiprocessing.dummy.Pool": Pool(sizeKeyword: "processes", workers: "threads"),
        "concurrent.futures.ProcessPoolExecutor": Pool(sizeKeyword: "max_workers", workers: "processes"),
        "concurrent.futures.process.ProcessPoolExecutor": Pool(sizeKeyword: "max_workers", workers: "processes"),
        "concurrent.futures.InterpreterPoolExecutor": Pool(sizeKeyword: "max_workers", workers: "interpreters"),
        "multiprocessing.Pool": Pool(sizeKeyword: "processes", workers: "processes"),
        "multiprocessing.pool.Pool": Pool(sizeKeyword: "processes", workers: "processes"),
    ]
}

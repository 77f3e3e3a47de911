import ConchKit

extension ProjectAdvisor {
    /// A task queue's task already runs in a worker of its own: the choice left is the
    /// worker's pool, set where the worker starts, by what its tasks do.
    static func workerChoice(for workload: WorkloadKind, queue: String) -> ProjectProfile.ModelChoice {
        switch workload {
        case .cpu:
            let pool = switch queue {
            case "Dramatiq": "`dramatiq --processes N --threads 1`, N the number of cores"
            case "RQ": "one worker per core (each forks a work horse per job)"
            case "Huey": "`huey_consumer -k process -w N`, N the number of cores"
            default: "the worker's default prefork pool, `--concurrency` at the number of cores"
            }
            return .init(model: .process, advice: "keep these tasks on worker processes: \(pool)", because: "if your code is CPU-bound, you need processes")
        case .io, .native:
            let pool = switch queue {
            case "Dramatiq": "more `--threads` per worker process"
            case "RQ": "RQ runs one job per worker, so run more workers, or wait on a job's requests together in a `ThreadPoolExecutor`"
            case "Huey": "`huey_consumer -k thread` (its default) or `-k greenlet`, with more `-w` workers"
            default: "`--pool=threads` (or `gevent`) with a high `--concurrency`: waiting needs no cores"
            }
            return .init(model: .thread, advice: queue == "RQ" ? pool : "run these tasks' worker with threads: \(pool)",
                         because: "if your code is I/O-bound, core-parallelism doesn't help, so threads are just as good as processes")
        case .mixed, .unknown:
            return .init(model: .executorSwitch, advice: "route CPU-heavy and waiting tasks to separate queues, each served by a worker "
                             + "whose pool fits it (processes for the first, threads for the second)",
                         because: "organize things around ... ThreadPoolExecutor, and trivially switch to ... ProcessPoolExecutor later")
        }
    }
}

import ConchKit

/// Functions a task queue runs in its workers, processes of their own, often on another
/// machine, that the application only sends the call to (`resize.delay(image_id)`):
/// Celery's `@app.task` (on an app made by `Celery(...)`, in the module or imported from
/// another) and `@shared_task`, Dramatiq's `@dramatiq.actor`, Huey's `@huey.task()` and
/// `@huey.periodic_task(...)` (and `djhuey`'s), and the functions handed to RQ's
/// `queue.enqueue(f, ...)` (whose worker forks a work horse per job). Whatever the task
/// writes into the module's state stays in the worker. Each task is a start, made where
/// it is defined (a job where it is queued); but one a test defines or queues, which the
/// test runs in its own process (Celery's eager mode, Dramatiq's stub worker, RQ's
/// `SimpleWorker`).
enum TaskQueueWorkers {
    static func sites(in model: ProjectModel) -> [(file: FileFacts, site: SpawnSite)] {
        var sites: [(file: FileFacts, site: SpawnSite)] = []
        // `@app.task` on `app = Celery("proj")` made in any module of the project, by the API it calls.
        var decorators = Self.decorators
        for file in model.files where file.language == .python {
            for global in file.globals {
                guard let type = global.typeName, let methods = appMethods[type] else { continue }
                for method in methods { decorators[file.moduleName + "." + global.name + "." + method] = type + "." + method }
            }
        }
        for file in model.files where file.language == .python && !file.isTestModule {
            for (index, function) in file.functions.enumerated() where !function.decorators.isEmpty && !file.isInTest(function: index) {
                guard let api = function.decorators.lazy.compactMap({ decorators[$0] }).first else { continue }
                sites.append((file, SpawnSite(kind: .taskWorker, api: api, entry: .function(function.id), range: function.nameRange,
                                              function: 0, loop: nil, isBounded: true)))
            }
        }
        model.forEachCall(toAnyOf: enqueueCalls.keys) { fileIndex, functionIndex, lent in
            let call = lent.facts
            let file = model.files[fileIndex]
            guard !file.isTestModule, !file.isInTest(function: functionIndex), let position = enqueueCalls[call.callee],
                  let argument = call.argument(at: position) ?? call.argument(keyword: "f") ?? call.argument(keyword: "func"),
                  case let .name(id) = argument.shape, model.functionIndex[id] != nil else { return }
            sites.append((file, SpawnSite(kind: .taskWorker, api: call.callee, entry: .function(id), range: call.range,
                                          function: functionIndex, loop: call.loop, isBounded: true)))
        }
        return sites
    }

    /// The task queue a site belongs to, for messages: `Celery`, `Dramatiq`, `Huey`, `RQ`.
    static func framework(of site: SpawnSite) -> String {
        for (prefix, name) in [("dramatiq.", "Dramatiq"), ("rq.", "RQ"), ("huey.", "Huey")] where site.api.hasPrefix(prefix) { return name }
        return "Celery"
    }

    /// The start as a related location: where the task is defined, or the job queued.
    static func evidenceMessage(_ site: SpawnSite) -> String {
        site.api.hasPrefix("rq.") ? "RQ job queued here" : "\(framework(of: site)) task defined here"
    }

    /// Decorators that make a task, as resolved, with the API each stands for.
    private static let decorators: [String: String] = {
        var table: [String: String] = [:]
        for name in ["celery.shared_task", "celery.task", "celery.app.shared_task", "dramatiq.actor", "dramatiq.actor.actor"] {
            table[name] = name
        }
        for method in ["task", "periodic_task", "db_task", "db_periodic_task"] {
            table["huey.contrib.djhuey." + method] = "huey.contrib.djhuey." + method
        }
        for (type, methods) in appMethods {
            for method in methods { table[type + "." + method] = type + "." + method }
        }
        return table
    }()

    /// Apps whose methods make tasks: Celery's, and Huey's that run tasks in a consumer of
    /// their own (not `MemoryHuey` nor `BlackHoleHuey`, which run none elsewhere).
    private static let appMethods: [String: [String]] = {
        var table: [String: [String]] = ["celery.Celery": ["task"], "celery.app.base.Celery": ["task"]]
        for huey in ["Huey", "RedisHuey", "RedisExpireHuey", "PriorityRedisHuey", "PriorityRedisExpireHuey", "SqliteHuey",
                     "CySqliteHuey", "PostgresHuey", "FileHuey"] {
            table["huey." + huey] = ["task", "periodic_task"]
            table["huey.api." + huey] = ["task", "periodic_task"]
        }
        return table
    }()

    /// RQ's queue methods that take the job's function, by where they take it.
    private static let enqueueCalls: [String: Int] = {
        var calls: [String: Int] = [:]
        for queue in ["rq.Queue", "rq.queue.Queue"] {
            calls[queue + ".enqueue"] = 0
            calls[queue + ".enqueue_call"] = 0
            calls[queue + ".enqueue_at"] = 1
            calls[queue + ".enqueue_in"] = 1
        }
        return calls
    }()
}

import ConchKit

/// Functions a task queue runs in its worker processes: Celery's `@app.task` (on an app
/// made by `Celery(...)`, in the module or imported from another) and `@shared_task`,
/// Dramatiq's `@dramatiq.actor`, and the functions handed to RQ's `queue.enqueue(f, ...)`
/// (whose worker forks a work horse per job). A worker is a process of its own, often on another
/// machine, that the application only sends the call to (`resize.delay(image_id)`), so
/// whatever the task writes into the module's state stays in the worker. Each task is a
/// start, made where it is defined (a job where it is queued); but a task a test defines,
/// or a job it queues, which the test runs in its own process.
enum TaskQueueWorkers {
    static func sites(in model: ProjectModel) -> [(file: FileFacts, site: SpawnSite)] {
        var sites: [(file: FileFacts, site: SpawnSite)] = []
        // `@app.task` on `app = Celery("proj")`, made in any module of the project.
        var apps: Set<String> = []
        for file in model.files where file.language == .python {
            for global in file.globals where global.typeName == "celery.Celery" { apps.insert(file.moduleName + "." + global.name + ".task") }
        }
        for file in model.files where file.language == .python {
            for (index, function) in file.functions.enumerated() where !function.decorators.isEmpty {
                // A test runs its tasks in its own process (Celery's eager mode, Dramatiq's stub worker).
                guard !file.isInTest(function: index),
                      let decorator = function.decorators.first(where: { decorators.contains($0) || apps.contains($0) }) else { continue }
                sites.append((file, SpawnSite(kind: .taskWorker, api: decorator, entry: .function(function.id), range: function.nameRange,
                                              function: 0, loop: nil, isBounded: true)))
            }
        }
        model.forEachCall(toAnyOf: enqueueCalls.keys) { fileIndex, functionIndex, lent in
            let call = lent.facts
            // A test runs its jobs in its own process too (RQ's `SimpleWorker`, a burst worker).
            guard !model.files[fileIndex].isInTest(function: functionIndex), let position = enqueueCalls[call.callee], let argument = call.argument(at: position) ?? call.argument(keyword: "f")
                    ?? call.argument(keyword: "func"),
                  case let .name(id) = argument.shape, model.functionIndex[id] != nil else { return }
            sites.append((model.files[fileIndex], SpawnSite(kind: .taskWorker, api: call.callee, entry: .function(id), range: call.range,
                                                            function: functionIndex, loop: call.loop, isBounded: true)))
        }
        return sites
    }

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

    /// The start as a related location: where the task is defined, or the job queued.
    static func evidenceMessage(_ site: SpawnSite) -> String {
        site.api.hasPrefix("rq.") ? "RQ job queued here" : "\(framework(of: site)) task defined here"
    }

    /// The task queue a site's decorator belongs to, for messages: `Celery`, `Dramatiq`.
    static func framework(of site: SpawnSite) -> String {
        site.api.hasPrefix("dramatiq.") ? "Dramatiq" : site.api.hasPrefix("rq.") ? "RQ" : "Celery"
    }

    private static let decorators: Set<String> = [
        "celery.shared_task", "celery.task", "celery.app.shared_task", "celery.Celery.task", "celery.app.base.Celery.task",
        "dramatiq.actor", "dramatiq.actor.actor",
    ]
}

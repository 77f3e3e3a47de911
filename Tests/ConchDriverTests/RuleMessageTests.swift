import ConchDriver
import ConchKit
import Foundation
import Testing

/// What findings say about the fixtures: the wording that names the API and the chain.
@Suite struct RuleMessageTests {
    @Test func runInExecutorAdviceNamesTheExecutorItWasGiven() throws {
        let messages = try Fixtures.lint("python/CON101_cpu_bound_thread.py").filter { $0.code == "CON101" }
            .map { $0.message + " " + ($0.recommendation?.advice ?? "") }
        #expect(messages.contains { $0.contains("`run_in_executor`'s default thread pool") && $0.contains("instead of None") })
        #expect(messages.contains { $0.contains("`run_in_executor`'s thread pool") && $0.contains("instead of the thread pool") })
    }

    @Test func aSetUpTheMainThreadRunsTooSaysSoOnce() throws {
        let findings = try Fixtures.lint("python/CON201_lazy_setup.py").filter { $0.code == "CON201" }
        let classes = try #require(findings.first { $0.message.contains("`_error_classes`") })
        #expect(classes.message == "`error_class`, called in the thread running `watch`, checks and then sets global `_error_classes` "
            + "without a lock (1 more write after the same check); the main thread runs `error_class` too")
        #expect(Set(classes.related.map(\.message)) == [
            "written again after the same check", "`watch` calls `error_class` here",
            "module-level code calls `error_class` here, in the main thread", "thread started here",
        ])
    }

    @Test func aHelpersUpdateNotesTheCallsFromTheThreadsFunction() throws {
        let deep = try #require(try Fixtures.lint("python/CON201_deep_helper_chain.py").first { $0.code == "CON201" })
        #expect(deep.related.map(\.message) == [
            "`worker` calls `serve` here", "`serve` calls `handle` here", "`handle` calls `flush` here",
            "`commit` calls `save` here, after 1 call not shown", "`save` calls `store` here", "`store` calls `record` here",
            "thread started here",
        ])
        // The way in without the lock is the one shown: the locked call of `forget` is line 28.
        let forget = try #require(try Fixtures.lint("python/CON201_reached_under_a_lock.py").first { $0.code == "CON201" })
        #expect(forget.related.first?.message == "`worker` calls `forget` here")
        #expect(forget.related.first?.location.start.line == 26)
        let stamp = try #require(try Fixtures.lint("c/CON206_log_threads.c").first { $0.code == "CON206" && $0.message.hasPrefix("`stamp`") })
        #expect(stamp.related.map(\.message) == ["`parse_worker` calls `stamp` here", "thread started here"])
    }

    @Test func oneAtATimeNamesTheStartTheWaitAndTheModelAlreadyChosen() throws {
        let findings = try Fixtures.lint("python/CON302_waited_in_the_pass.py").filter { $0.code == "CON302" }
        let submit = try #require(findings.first { $0.message.contains("`future.result()`") })
        #expect(submit.message == "`executor.submit` hands `fetch` to the pool on each pass of the `for` at line 33, and "
            + "`future.result()` waits for it in the same pass: the items run one at a time, however many workers the pool has")
        #expect(submit.recommendation?.model == .thread)
        #expect(submit.related.map(\.message) == ["loop over the items", "waits here"])
        let apply = try #require(findings.first { $0.message.hasPrefix("`pool.apply`") })
        #expect(apply.recommendation?.model == .process)
        let loops = try Fixtures.lint("python/CON302_event_loop_per_url.py").filter { $0.code == "CON302" }
        #expect(loops.first?.message == "`asyncio.run` starts an event loop for one coroutine on each pass of the `for` at line 27: "
            + "the `fetch` coroutines run one after another, never at once")
        #expect(loops.first?.recommendation?.model == .microthread)
    }

    @Test func aCalledTaskSaysWhereItRunsAndWhatTheThreadIsLeftWith() throws {
        let findings = try Fixtures.lint("python/CON302_called_not_handed.py").filter { $0.code == "CON302" }
        let thread = try #require(findings.first { $0.message.contains("`fetch(url)`") })
        #expect(thread.message == "`threading.Thread` is handed `fetch(url)`: `fetch` runs here, in this thread, before the start, "
            + "and gives back `None`, so the thread runs nothing")
        #expect(thread.severity == .error)
        #expect(thread.related.first?.message == "`fetch` returns nothing")
        #expect(thread.recommendation?.advice.hasPrefix("hand the function itself and its arguments apart: `target=fetch, args=(...)`") == true)
        let coroutine = try #require(findings.first { $0.message.contains("`poll_forever(url)`") })
        #expect(coroutine.message.hasSuffix("only makes a coroutine object, which the thread cannot call (`TypeError`), so `poll_forever` never runs"))
    }

    @Test func tinyProcessTasksSayHowTheItemsAreSentAndOfferAChunksize() throws {
        let findings = try Fixtures.lint("python/CON303_squares_in_processes.py").filter { $0.code == "CON303" }
        let map = try #require(findings.first { $0.message.hasPrefix("`executor.map`") })
        #expect(map.message == "`executor.map` sends `square` to a worker process one item at a time (a chunksize of 1), and `square` does "
            + "a few operations per item: pickling each item and its result, and the round trip between processes, cost far more than the work")
        #expect(map.recommendation?.advice.hasPrefix("send the items in batches: `executor.map(square, items, chunksize=1000)`") == true)
        #expect(map.recommendation?.model == .process)
        let submit = try #require(findings.first { $0.message.hasPrefix("`executor.submit`") })
        #expect(submit.message.contains("once per pass of the comprehension at line 31"))
    }

    @Test func pollingWaitsSayHowOftenAndWhatTheyTest() throws {
        let findings = try Fixtures.lint("python/CON404_polling_flags.py").filter { $0.code == "CON404" }
        let send = try #require(findings.first { $0.message.hasPrefix("coroutine `send`") })
        #expect(send.message == "coroutine `send` wakes every 0.05 s to test `self._stream`, which only other code changes")
        #expect(send.severity == .info)
        #expect(send.recommendation?.advice.contains("`asyncio.Event` (`await ready.wait()`)") == true)
        let spin = try #require(findings.first { $0.message.hasPrefix("coroutine `drain`") })
        #expect(spin.severity == .warning)
        let green = try #require(findings.first { $0.message.hasPrefix("`watcher`") })
        #expect(green.recommendation?.advice.contains("`gevent.event.Event` (`ready.wait()`)") == true)
    }

    @Test func aCountHandedOnFromCallersIsSaidToComeFromThem() throws {
        let messages = try Fixtures.lint("python/CON101_counts_from_callers.py").filter { $0.code == "CON101" }.map(\.message)
        #expect(messages.contains { $0.contains("runs 5,000,000 times with the `number` the callers of `find_sums` pass") })
        #expect(messages.contains { $0.contains("runs 2,000,000 times with the `n` the callers of `handler` pass") })
        let written = try Fixtures.lint("python/CON101_count_from_start.py").filter { $0.code == "CON101" }.map(\.message)
        #expect(written.contains { $0.contains("passed here") })
    }

    @Test func aBlockingHelperIsReportedWhereTheCoroutineCallsItWithTheChainThatBlocks() throws {
        let findings = try Fixtures.lint("python/CON402_blocking_helpers.py").filter { $0.code == "CON402" }
        let retry = try #require(findings.first { $0.message.hasPrefix("`retry_fetch`") })
        #expect(retry.message.contains("in coroutine `watch_patiently`: it calls `requests.get` at line 12 (through `fetch_price`)"))
        #expect(retry.recommendation?.advice.hasPrefix("run `retry_fetch` off the loop with `await asyncio.to_thread(retry_fetch, ...)`") == true)
        #expect(retry.related.first?.message == "blocks: `requests.get`")
        // A method is handed off bound, as the coroutine wrote it.
        let take = try #require(findings.first { $0.message.hasPrefix("`self._take`") })
        #expect(take.recommendation?.advice.hasPrefix("run `self._take` off the loop with `await asyncio.to_thread(self._take, ...)`") == true)
    }

    @Test func aHelperBlockingAGUIOrReactorCallbackGetsThatFrameworksAdvice() throws {
        let findings = try Fixtures.lint("python/CON402_gui_callback_helpers.py").filter { $0.code == "CON402" }
        let tk = try #require(findings.first { $0.message.hasPrefix("`open_with_default_app`") })
        #expect(tk.recommendation?.advice == "run `open_with_default_app` off the loop with a worker thread "
            + "(`concurrent.futures.ThreadPoolExecutor`) that hands the result back to the Tkinter loop")
        #expect(tk.recommendation?.model == .thread)
        let twisted = try #require(findings.first { $0.message.hasPrefix("`lookup`") })
        #expect(twisted.recommendation?.advice.hasPrefix("run `lookup` off the loop with `twisted.internet.threads.deferToThread(lookup, ...)`") == true)
        #expect(findings.allSatisfy { !($0.recommendation?.advice.contains("await") ?? true) })
    }

    @Test func generatorCoroutinesGetTheirFrameworksWayToWaitAndHandOff() throws {
        let findings = try Fixtures.lint("python/CON402_twisted_inline_callbacks.py").filter { $0.code == "CON402" }
        let sleep = try #require(findings.first { $0.message.hasPrefix("`time.sleep`") })
        #expect(sleep.recommendation?.advice == "use `yield twisted.internet.task.deferLater(reactor, seconds)`")
        let helper = try #require(findings.first { $0.message.hasPrefix("`fetch_offer`") })
        #expect(helper.recommendation?.advice.hasPrefix("run `fetch_offer` off the loop with `yield twisted.internet.threads.deferToThread(fetch_offer, *args)`") == true)
        let tornado = try Fixtures.lint("python/CON402_tornado_gen_coroutines.py").filter { $0.code == "CON402" }
        #expect(tornado.contains { $0.recommendation?.advice == "use `yield tornado.gen.sleep(...)`" })
    }

    @Test func aChildProgramStartedFromAQtCallbackGetsQProcessAsAdvice() throws {
        let findings = try Fixtures.lint("python/CON402_framework_hooks.py").filter { $0.code == "CON402" }
        let launcher = try #require(findings.first { $0.message.contains("`Launcher.mousePressEvent`") })
        #expect(launcher.recommendation?.model == .frameworkScheduler)
        #expect(launcher.recommendation?.advice.hasPrefix("start the child with a `QProcess`") == true)
    }

    @Test func aRaceOnAModulesObjectNamesTheGlobalAndTheOtherThreadsCall() throws {
        let messages = try Fixtures.lint("python/CON201_global_object.py").filter { $0.code == "CON201" }.map(\.message)
        #expect(messages.contains { $0.contains("several threads run `count` at once (started in a loop at line 77), "
            + "each reaching it through `counter.increment()` at line 50 on one object, the global `counter`") })
        #expect(messages.contains { $0.hasPrefix("`Account._take`, called in the thread running `spend`, updates `self.balance`")
            && $0.contains("the thread running `save` updates it too, through `account.deposit()` at line 56") })
    }

    @Test func aViewsUpdateNamesTheViewAndHowItsServerRunsRequests() throws {
        let findings = try Fixtures.lint("python/CON201_flask_views.py").filter { $0.code == "CON201" }
        let helper = try #require(findings.first { $0.message.hasPrefix("`count_page`") && $0.message.contains(" updates ") })
        #expect(helper.message.contains("called by the Flask view `index`, updates global `page_views` without a lock"))
        #expect(helper.message.contains("run each request in a thread of its own"))
        #expect(helper.related.last?.message == "Flask view: each request runs it in a server thread")
        let lazy = try #require(findings.first { $0.message.hasPrefix("`load_cache`") })
        #expect(lazy.message.hasSuffix("two requests at once can both find it unset and both set it"))
        #expect(lazy.recommendation?.advice.contains("keep the value in a database or Redis") == true)
        let object = try #require(findings.first { $0.message.hasPrefix("`Stats.record`") })
        #expect(object.message.contains("called on the global `stats` at line 91 in a request of the Flask view `show_stats`, updates `self.served`"))
        let fastAPI = try #require(try Fixtures.lint("python/CON201_fastapi_routes.py").first { $0.code == "CON201" })
        #expect(fastAPI.message.hasPrefix("the FastAPI view `sync_route` updates global `requests_seen`"))
        #expect(fastAPI.message.contains("FastAPI runs a `def` route in its thread pool"))
    }

    @Test func anUpdateAcrossAnAwaitNamesTheReadTheAwaitAndHowTheTasksStart() throws {
        let findings = try Fixtures.lint("python/CON201_await_races.py").filter { $0.code == "CON201" }
        let withdraw = try #require(findings.first { $0.message.hasPrefix("coroutine `withdraw`") })
        #expect(withdraw.message.contains("reads global `balance` at line 24 and writes back what it computed after the `await` at line 25"))
        #expect(withdraw.message.contains("several tasks run `withdraw` at once (gathered at line 151)"))
        #expect(withdraw.related.map(\.message) == ["`balance` read here", "other tasks run while this waits", "run side by side here"])
        #expect(withdraw.recommendation?.advice.hasPrefix("hold one `asyncio.Lock` around the read, the `await` and the write") == true)
        let lookup = try #require(findings.first { $0.message.hasPrefix("coroutine `lookup`") })
        #expect(lookup.message.hasSuffix("two tasks can both pass the test before either acts"))
        let handler = try #require(findings.first { $0.message.hasPrefix("coroutine `on_connection`") })
        #expect(handler.message.contains("one task per connection or request, by the server at line 160"))
        let route = try #require(findings.first { $0.message.hasPrefix("coroutine `count_page`") })
        #expect(route.message.contains("(one task per request to this aiohttp view)"))
        let account = try #require(findings.first { $0.message.hasPrefix("coroutine `Account.withdraw`") })
        #expect(account.message.contains("tests `self.balance` at line 123 and acts on the test after the `await` at line 124"))
        #expect(account.message.contains("several tasks run `Account.withdraw` at once on one object, `shared_account` (gathered at line 147)"))
    }

    @Test func greenletsRaceWhereTheyWaitAndAreToldToHoldASemaphore() throws {
        let findings = try Fixtures.lint("python/CON201_greenlet_races.py").filter { $0.code == "CON201" }
        let sell = try #require(findings.first { $0.message.hasPrefix("greenlet `sell`") })
        #expect(sell.message.contains("reads global `stock` at line 18 and writes back what it computed after `gevent.sleep` at line 19"))
        #expect(sell.message.contains("several greenlets run `sell` at once (started as greenlets in a loop at line 54)"))
        #expect(sell.recommendation?.advice.hasPrefix("hold one `gevent.lock.Semaphore()`") == true)
        let handler = try #require(findings.first { $0.message.hasPrefix("greenlet `handle`") })
        #expect(handler.message.contains("after `time.sleep` at line 47"))
        #expect(handler.message.contains("one greenlet per connection or request, by the server at line 58"))
    }

    @Test func djangosSynchronousORMInACoroutineIsToldItsAsyncForm() throws {
        let findings = try Fixtures.lint("python/CON402_django_async").filter { $0.code == "CON402" }
        let count = try #require(findings.first { $0.message.hasPrefix("`Post.objects.count`") })
        #expect(count.recommendation?.advice.hasPrefix("await the query's async form, `await Post.objects.acount(...)`") == true)
        #expect(count.recommendation?.advice.contains("SynchronousOnlyOperation") == true)
    }

    @Test func processesRacingOnASharedValueAreToldToHoldItsLock() throws {
        let findings = try Fixtures.lint("python/CON201_shared_value.py").filter { $0.code == "CON201" }
        let value = try #require(findings.first { $0.message.hasPrefix("`count` updates `counter.value`") })
        #expect(value.message.contains("`counter` is a `multiprocessing.Value` (made at line 40) that locks each read and each write alone"))
        #expect(value.recommendation?.advice == "hold the object's own lock around the update: `with counter.get_lock():`")
        let proxy = try #require(findings.first { $0.message.hasPrefix("`tally` updates an item of `totals`") })
        #expect(proxy.recommendation?.advice.hasPrefix("hand the processes a `manager.Lock()`") == true)
        let raw = try #require(findings.first { $0.message.hasPrefix("`bump_raw`") })
        #expect(raw.message.contains("has no lock at all"))
    }

    @Test func aChildStartedBySpawnMakesTheModulesObjectsAgainOrLacksTheMainBlocks() throws {
        let findings = try Fixtures.lint("python/CON202_reimported_objects.py").filter { $0.code == "CON202" }
        let lock = try #require(findings.first { $0.message.hasPrefix("`work` runs in a child process and uses global `lock`") })
        #expect(lock.message.hasSuffix("runs the module again and makes a new `lock` of its own, so the processes never wait for one another"))
        #expect(lock.recommendation?.advice.hasPrefix("make it under `if __name__ == \"__main__\":` and hand it to the child") == true)
        let missing = try #require(findings.first { $0.message.contains("global `factors`, set in the `__main__` block at line 42") })
        #expect(missing.message.hasSuffix("so `factors` does not exist there (NameError)"))
        #expect(missing.recommendation?.advice.hasPrefix("hand it to the child: `Process(target=f, args=(factors,))`") == true)
    }

    @Test func aThreadsQueueEventOrLockCarriesNothingBetweenProcesses() throws {
        let findings = try Fixtures.lint("python/CON202_thread_objects.py").filter { $0.code == "CON202" }
        let queue = try #require(findings.first { $0.message.hasPrefix("`square` runs in a child process and puts into global `results`") })
        #expect(queue.message.hasSuffix("the child puts into its own copy, so `main`'s `results.empty()` at line 76 never sees it"))
        #expect(queue.recommendation?.advice.hasPrefix("make a `multiprocessing.Queue()` under `if __name__ == \"__main__\":`") == true)
        #expect(queue.recommendation?.advice.hasSuffix("a pool task can return its result instead") == true)
        #expect(queue.related.map(\.message) == ["made here", "the parent uses its own copy here", "process started here"])
        let event = try #require(findings.first { $0.message.hasPrefix("`poll` runs in a child process and waits on global `stop`") })
        #expect(event.message.hasSuffix("so `main`'s `stop.set()` at line 78 never reaches it"))
        #expect(event.recommendation?.advice.hasPrefix("make a `multiprocessing.Event()`") == true)
        let lock = try #require(findings.first { $0.message.contains("global `print_lock`") })
        #expect(lock.message.hasPrefix("`report` runs in several child processes at once and takes"))
        #expect(lock.message.hasSuffix("each process takes its own copy, so the processes never wait for one another"))
    }

    @Test func requestHandlersShareTheirServerObject() throws {
        let findings = try Fixtures.lint("python/CON201_server_counters.py").filter { $0.code == "CON201" }
        #expect(findings.count == 3)
        let requests = try #require(findings.first { $0.message.contains("`self.server.requests`") })
        #expect(requests.message.hasSuffix("several threads run it at once (one per request, by the server created at line 54), "
            + "each on a handler of its own but all with one server, `self.server`"))
        #expect(requests.recommendation?.advice.hasSuffix("(`with self.server.lock:`)") == true)
    }

    @Test func aCeleryTaskWritesTheWorkersCopyNotTheApplications() throws {
        let findings = try Fixtures.lint("python/CON202_celery_tasks.py").filter { $0.code == "CON202" }
        #expect(findings.count == 5)
        let progress = try #require(findings.first)
        #expect(progress.message == "`resize` runs in a Celery worker process and stores into global `progress` in its own copy; "
            + "`status` reads the application's copy at line 61, which never sees the change")
        let archive = try #require(findings.last)
        #expect(archive.message.hasPrefix("`archive` runs in a Huey consumer process and calls `.remove()` on global `done`"))
        #expect(archive.related.last?.message == "Huey task defined here")
        #expect(progress.recommendation?.advice.hasPrefix("keep what the application must see where both processes reach it") == true)
        #expect(progress.related.map(\.message) == ["the application reads `progress` here", "Celery task defined here"])
    }

    @Test func anRQJobRunsInAnRQWorkerAndPointsAtWhereItWasQueued() throws {
        let findings = try Fixtures.lint("python/CON202_rq_jobs.py").filter { $0.code == "CON202" }
        #expect(findings.count == 2)
        let counts = try #require(findings.first)
        #expect(counts.message.hasPrefix("`count_words` runs in an RQ worker process and stores into global `word_counts`"))
        #expect(counts.related.last?.message == "RQ job queued here")
    }

    @Test func aRaceWithASignalHandlerIsAdvisedSigAtomicNotAMutex() throws {
        let finding = try #require(try Fixtures.lint("c/CON201_signal_handlers.c").first { $0.code == "CON201" })
        #expect(finding.message.hasSuffix("`on_hup` also writes it at line 13, in a signal handler"))
        #expect(finding.recommendation?.advice.hasPrefix("make it a `volatile sig_atomic_t`") == true)
        #expect(finding.recommendation?.advice.contains("pthread_mutex_t") == false)
    }

    @Test func aCommandLineFromElsewhereKeepsItsShellInTheAdvice() throws {
        let findings = try Fixtures.lint("python/CON501_configured_hooks.py")
        #expect(findings.count == 2)
        #expect(findings.allSatisfy { $0.recommendation?.advice.hasSuffix("keeps it with subprocess.run(command, shell=True)") == true })
        let built = try #require(try Fixtures.lint("python/CON501_legacy_spawn.py").first { $0.severity == .error })
        #expect(built.recommendation?.advice.contains("shell=True") == false)
    }

    @Test func spawnRunsAProgramNotAShellCommand() throws {
        let spawn = try #require(try Fixtures.lint("python/CON501_legacy_spawn.py").first { $0.message.hasPrefix("`os.spawnv`") })
        #expect(spawn.message == "`os.spawnv` is a legacy way to start a process")
        #expect(spawn.severity == .warning)
    }

    @Test func fileWorkInACoroutineGoesToAThreadOrToTheLibrarysAsyncFiles() throws {
        let asyncio = try Fixtures.lint("python/CON405_file_work_in_coroutines.py").filter { $0.code == "CON405" }
        let upload = try #require(asyncio.first { $0.message.contains("coroutine `save_upload`") })
        #expect(upload.message == "`open` opens a file in coroutine `save_upload`, on the thread of the asyncio event loop: "
            + "no other task or callback runs until the disk answers")
        #expect(upload.severity == .info)
        #expect(upload.recommendation?.model == .thread)
        #expect(upload.recommendation?.advice.contains("into a plain function, and run it with `await asyncio.to_thread(func, ...)`") == true)
        #expect(upload.related.map(\.message) == ["asyncio event loop runs here"])
        let manifest = try #require(asyncio.first { $0.message.hasPrefix("`MANIFEST.read_text`") })
        #expect(manifest.recommendation?.advice == "run it with `await asyncio.to_thread(MANIFEST.read_text, ...)`")
        let legacy = try #require(asyncio.first { $0.message.contains("`legacy_stamp`") })
        #expect(legacy.recommendation?.advice.hasSuffix("`yield IOLoop.current().run_in_executor(None, func, *args)`") == true)
        let trio = try Fixtures.lint("python/CON405_trio_and_commands.py")
            .filter { $0.code == "CON405" && $0.message.contains("coroutine `publish`") }
        #expect(trio.map { $0.recommendation?.advice ?? "" } == [
            "use `await trio.open_file(...)`, whose reads and writes are awaited (`await f.read()`)",
            "use `trio.Path`, whose methods are awaited: `await trio.Path(...).write_text(...)`",
            "use `trio.Path`, whose methods are awaited: `await trio.Path(...).write_text(...)`",
            "run it with `await trio.to_thread.run_sync(shutil.rmtree, ...)`",
        ])
    }
}

import ConchKit
import ConchPython
import Testing

@Suite struct ScannerSpawnTests {
    private func sites(_ source: String) -> [SpawnSite] { scan(source).spawnSites }

    @Test func threadTargetsResolveToFunctionIDs() {
        let found = sites("""
        import threading
        def work(): pass
        def main(n):
            for i in range(n):
                threading.Thread(target=work).start()
        """)
        #expect(found.count == 1)
        #expect(found.first?.kind == .thread)
        #expect(found.first?.api == "threading.Thread")
        #expect(found.first?.entry == .function("pkg.mod.work"))
        #expect(found.first?.function == 2)
        #expect(found.first?.loop == 0)
        #expect(found.first?.isBounded == false)
    }

    @Test func aMethodOfAnInstanceBuiltInPlaceIsTheTarget() {
        let found = sites("""
        import threading
        class Collector:
            def collect(self): pass
        def main(results, make):
            threading.Thread(target=Collector(results).collect).start()
            threading.Thread(target=make(results).collect).start()
        """)
        #expect(found.map(\.entry) == [.function("pkg.mod.Collector.collect"), .unresolved("make(results).collect")])
    }

    @Test func aWrappersParameterIsLeftForItsCallers() {
        let found = sites("""
        import threading
        def spawn(func, /, *args, name=None):
            threading.Thread(target=func, args=args).start()
        def later(delay, *, callback):
            threading.Thread(target=callback).start()
        class Server:
            def _start(self, handler, conn):
                threading.Thread(target=handler, args=(conn,)).start()
            @staticmethod
            def detached(job):
                threading.Thread(target=job).start()
        """)
        #expect(found.map(\.entry) == [.parameter(0), .unresolved("callback"), .parameter(0), .parameter(0)])
        #expect(found.map(\.parameterName) == ["func", nil, "handler", "job"])
    }

    @Test func threadSubclassRunsItsRunMethod() {
        let found = sites("""
        from threading import Thread
        class Worker(Thread):
            def run(self):
                pass
        class Special(Worker):
            pass
        Worker().start()
        Special(daemon=True).start()
        """)
        #expect(found.map(\.entry) == [.function("pkg.mod.Worker.run"), .function("pkg.mod.Special.run")])
        #expect(found.allSatisfy { $0.kind == .thread })
    }

    @Test func executorsAndPoolsAreBoundedPoolSites() {
        let found = sites("""
        from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor
        import multiprocessing as mp
        from multiprocessing.pool import ThreadPool
        def f(x): return x
        def main(xs):
            with ThreadPoolExecutor() as ex:
                ex.submit(f, 1)
            with ProcessPoolExecutor() as px:
                list(px.map(f, xs))
            mp.Pool().map(f, xs)
            ThreadPool(4).imap_unordered(f, xs)
        """)
        #expect(found.map(\.kind) == [.threadPool, .processPool, .processPool, .threadPool])
        #expect(found.allSatisfy { $0.isBounded && $0.entry == .function("pkg.mod.f") })
        #expect(found.map(\.api)[2] == "multiprocessing.Pool.map")
    }

    @Test func integerConstantsHandedToTheTaskAreKeptByParameter() {
        let found = sites("""
        import threading, _thread
        from concurrent.futures import ThreadPoolExecutor
        from multiprocessing import Pool
        def work(n, m=0):
            pass
        threading.Thread(target=work, args=(10**7, size)).start()
        threading.Thread(target=work, args=[1_000, 2 * 3]).start()
        _thread.start_new_thread(work, (5000,))
        with ThreadPoolExecutor() as ex:
            ex.submit(work, size, 42)
            ex.submit(work, *sizes)
        with Pool() as pool:
            pool.apply_async(work, (7,))
            pool.map(work, range(10))
        """)
        #expect(found.map(\.integerArguments) == [[0: 10_000_000], [0: 1_000, 1: 6], [0: 5000], [1: 42], [:], [0: 7], [:]])
    }

    @Test func anInitRecordsTheParametersItStoresInAttributes() {
        let facts = scan("""
        import threading
        class Worker(threading.Thread):
            def __init__(self, n, label, rounds: int = 1):
                super().__init__()
                self.n = n
                self.rounds = rounds
                self.label = label
            def run(self):
                pass
        """)
        #expect(facts.function("pkg.mod.Worker.__init__")?.attributeParameters == ["n": 0, "rounds": 2, "label": 1])
        #expect(facts.function("pkg.mod.Worker.run")?.attributeParameters == [:])
    }

    @Test func parametersHandedOnToTheTaskAreKeptForTheCallersToFill() {
        let found = sites("""
        import asyncio
        from concurrent.futures import ThreadPoolExecutor
        def work(n, m=0):
            pass
        async def handler(n, label):
            await asyncio.to_thread(work, n, 3)
        def find_sums(self, numbers):
            with ThreadPoolExecutor() as ex:
                ex.map(work, numbers)
        """)
        #expect(found.map(\.integerArguments) == [[1: 3], [:]])
        #expect(found.map(\.forwardedCounts) == [
            [ForwardedCount(taskPosition: 0, callPosition: 0, parameterName: "n", mapsOverItems: false)],
            [ForwardedCount(taskPosition: 0, callPosition: 1, parameterName: "numbers", mapsOverItems: true)],
        ])
    }

    @Test func collectionsOfConstantsHandedToACallKeepTheirLeastItem() {
        let source = """
        def run(numbers, *rest):
            pass
        sizes = [5_000_000 + x for x in range(20)]
        run(sizes)
        run([3, 1, 2], range(10, 20), [x + 7 for x in (4, 5)], numbers=[x * 2 for x in range(3)])
        sizes = load()
        run(sizes)
        """
        let facts = scan(source)
        #expect(facts.handedLeastItems.map(\.value) == [5_000_000, 1, 10, 11])
        let texts = facts.handedLeastItems.map { String(decoding: source.utf8.dropFirst($0.argument.start).prefix($0.argument.end - $0.argument.start), as: UTF8.self) }
        #expect(texts == ["sizes", "[3, 1, 2]", "range(10, 20)", "[x + 7 for x in (4, 5)]"])
    }

    @Test func aTaskMadeByACallNamesTheFunctionThatMakesIt() {
        let found = sites("""
        import functools
        from multiprocessing import Pool
        def make(n):
            pass
        def work(n, x):
            pass
        with Pool() as pool:
            pool.map(make(2), [1])
            pool.map(functools.partial(work, 2), [1])
        """)
        #expect(found.map(\.taskMaker) == ["pkg.mod.make", nil])
    }

    @Test func timersForkAndRawThreadsAreRecognised() {
        let found = sites("""
        import threading, os, _thread
        def tick(): pass
        def serve():
            threading.Timer(5, tick).start()
            _thread.start_new_thread(tick, ())
            pid = os.fork()
        """)
        #expect(found.map(\.kind) == [.timer, .thread, .forkChild])
        #expect(found.map(\.entry) == [.function("pkg.mod.tick"), .function("pkg.mod.tick"), .function("pkg.mod.serve")])
    }

    @Test func processTargetsAndLambdasAndNestedFunctions() {
        let found = sites("""
        import multiprocessing
        def main():
            def inner(): pass
            multiprocessing.Process(target=inner).start()
            multiprocessing.Process(target=lambda: 1).start()
        """)
        #expect(found.map(\.kind) == [.process, .process])
        #expect(found.first?.entry == .function("pkg.mod.main.<locals>.inner"))
        if case .function(let id)? = found.last?.entry { #expect(id.hasPrefix("pkg.mod.<lambda>@5:")) } else { Issue.record("lambda entry") }
    }

    @Test func aNameWhoseOneBindingIsALambdaStandsForIt() {
        let found = sites("""
        import threading
        tick = lambda: 1
        def main(flag):
            work = lambda: 2
            def inner():
                threading.Thread(target=work).start()
            threading.Thread(target=tick).start()
            either = lambda: 3
            if flag:
                either = print
            threading.Thread(target=either).start()
        def shadows():
            tick = len
            threading.Thread(target=tick).start()
        """)
        #expect(found.map(\.entry) == [
            .function("pkg.mod.<lambda>@4:12"), .function("pkg.mod.<lambda>@2:8"), .unresolved("either"), .unresolved("tick"),
        ])
    }

    @Test func selfMethodsAndImportedFunctionsAreEntries() {
        let found = sites("""
        import threading
        from .jobs import crunch
        class S:
            def start(self):
                threading.Thread(target=self.loop).start()
                threading.Thread(target=crunch).start()
            def loop(self): pass
        """)
        #expect(found.map(\.entry) == [.function("pkg.mod.S.loop"), .function("pkg.jobs.crunch")])
    }

    @Test func aParameterIsAnEntryTheCallersGive() {
        let found = sites("import threading\ndef run(fn):\n    threading.Thread(target=fn).start()\n")
        #expect(found.first?.entry == .parameter(0))
        #expect(found.first?.parameterName == "fn")
    }

    @Test func partialUnwrapsToItsFunction() {
        let found = sites("""
        import functools
        from concurrent.futures import ProcessPoolExecutor
        def work(a, b): pass
        ProcessPoolExecutor().submit(functools.partial(work, 1))
        """)
        #expect(found.first?.entry == .function("pkg.mod.work"))
    }

    @Test func asyncioAndGeventSpawns() {
        let found = sites("""
        import asyncio, gevent
        def blocking(): pass
        async def job(): pass
        async def main():
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(None, blocking)
            await asyncio.to_thread(blocking)
            asyncio.create_task(job())
            gevent.spawn(blocking)
        """)
        #expect(found.map(\.kind) == [.threadPool, .threadPool, .coroutine, .coroutine])
        #expect(found.map(\.entry) == [.function("pkg.mod.blocking"), .function("pkg.mod.blocking"),
                                       .function("pkg.mod.job"), .function("pkg.mod.blocking")])
    }

    @Test func runInExecutorWithAProcessPoolRunsInAProcess() {
        let found = sites("""
        import asyncio
        from concurrent.futures import ProcessPoolExecutor
        def crunch(): pass
        async def main(loop):
            pool = ProcessPoolExecutor()
            await loop.run_in_executor(pool, crunch)
        """)
        #expect(found.map(\.kind) == [.processPool])
    }

    @Test func poolsOfInterpretersByEveryNameTheyGo() {
        let found = sites("""
        import asyncio
        import concurrent.futures as cf
        from concurrent.futures import *
        from concurrent.futures.interpreter import InterpreterPoolExecutor as Pool
        def crunch(n): pass
        async def main(loop):
            with cf.InterpreterPoolExecutor() as pool:
                pool.submit(crunch, 1)
            Pool(4).map(crunch, [1])
            InterpreterPoolExecutor().submit(crunch, 2)
            await loop.run_in_executor(InterpreterPoolExecutor(), crunch, 3)
        """)
        #expect(found.map(\.kind) == [.interpreterPool, .interpreterPool, .interpreterPool, .interpreterPool])
        #expect(found.allSatisfy { $0.entry == .function("pkg.mod.crunch") && $0.isBounded })
    }
}

@Suite struct ScannerProcessSpawnTests {
    @Test func processSubclassesAndContextsAndDummyPools() {
        let facts = scan("""
        import multiprocessing as mp
        from multiprocessing.dummy import Pool as ThreadPool
        class Cruncher(mp.Process):
            def run(self): pass
        def f(x): return x
        if __name__ == "__main__":
            Cruncher().start()
            ctx = mp.get_context("spawn")
            ctx.Pool(2).map(f, [1])
            ThreadPool(8).map(f, [1])
        """)
        #expect(facts.spawnSites.map(\.kind) == [.process, .processPool, .threadPool])
        #expect(facts.spawnSites.first?.entry == .function("pkg.mod.Cruncher.run"))
        #expect(facts.spawnSites.map(\.function) == [0, 0, 0])
    }
}

@Suite struct ScannerOneLinerTests {
    @Test func semicolonSeparatedImportAndPoolMap() {
        let facts = scan("import multiprocessing as mp; mp.Pool().map(f, xs)\n")
        #expect(facts.spawnSites.map(\.api) == ["multiprocessing.Pool.map"])
        #expect(facts.spawnSites.first?.entry == .unresolved("f"))
    }

    @Test func inlineWithSuiteSubmitsToTheExecutor() {
        let facts = scan("from concurrent.futures import ThreadPoolExecutor\ndef f(): pass\nwith ThreadPoolExecutor() as ex: ex.submit(f)\n")
        #expect(facts.spawnSites.map(\.kind) == [.threadPool])
        #expect(facts.spawnSites.first?.entry == .function("pkg.mod.f"))
    }
}

@Suite struct ScannerTaskGroupTests {
    @Test func taskGroupsAndNurseriesStartTasks() {
        let facts = scan("""
        import anyio
        import asyncio
        import trio

        async def job():
            pass

        async def main():
            async with asyncio.TaskGroup() as tg:
                tg.create_task(job())
            async with trio.open_nursery() as nursery:
                nursery.start_soon(job)
            async with anyio.create_task_group() as group:
                await group.start(job)
        """)
        #expect(facts.spawnSites.map(\.kind) == [.coroutine, .coroutine, .coroutine])
        #expect(facts.spawnSites.map(\.api) == ["asyncio.TaskGroup.create_task", "trio.Nursery.start_soon",
                                                "anyio.abc.TaskGroup.start"])
    }

    @Test func aTaskThatIsAnOffloadRunsTheNextArgumentOnAWorker() {
        let found = scan("""
        import anyio.to_process
        import trio

        def crunch(n):
            pass

        async def main():
            async with trio.open_nursery() as nursery:
                nursery.start_soon(trio.to_thread.run_sync, crunch, 10**6)
            async with anyio.create_task_group() as group:
                group.start_soon(anyio.to_process.run_sync, crunch, 5)
        """).spawnSites
        #expect(found.map(\.kind) == [.threadPool, .processPool])
        #expect(found.map(\.api) == ["trio.to_thread.run_sync", "anyio.to_process.run_sync"])
        #expect(found.map(\.entry) == [.function("pkg.mod.crunch"), .function("pkg.mod.crunch")])
        #expect(found.map(\.integerArguments) == [[0: 1_000_000], [0: 5]])
    }

    @Test func workerThreadsAndProcessesOfTrioAndAnyIO() {
        let facts = scan("""
        import anyio.to_process
        import trio

        def crunch(n):
            return n

        async def main():
            await trio.to_thread.run_sync(crunch, 1)
            await anyio.to_thread.run_sync(crunch, 2)
            await anyio.to_process.run_sync(crunch, 3)
        """)
        #expect(facts.spawnSites.map(\.kind) == [.threadPool, .threadPool, .processPool])
        #expect(facts.spawnSites.allSatisfy { $0.entry == .function("pkg.mod.crunch") })
    }

    @Test func aLoopOverATupleOfFunctionsStartsEachOfThem() {
        let facts = scan("""
        import threading

        def produce(): pass
        def consume(): pass

        for job in (produce, consume):
            threading.Thread(target=job).start()

        def main(extra):
            return [threading.Thread(target=f) for f in [produce, extra, len]]
        """)
        #expect(facts.spawnSites.map(\.entry) == [.function("pkg.mod.produce"), .function("pkg.mod.consume"),
                                                  .function("pkg.mod.produce"), .parameter(0), .unresolved("len")])
    }

    @Test func qtThreadPoolsRunARunnablesRunOrACallable() {
        let facts = scan("""
        from PySide6.QtCore import QRunnable, QThreadPool

        class Job(QRunnable):
            def run(self):
                pass

        def crunch():
            pass

        def main(pool: QThreadPool):
            QThreadPool.globalInstance().start(Job())
            job = Job()
            pool.tryStart(job)
            QThreadPool().start(crunch)
        """)
        #expect(facts.spawnSites.map(\.kind) == [.threadPool, .threadPool, .threadPool])
        #expect(facts.spawnSites.map(\.entry) == [.function("pkg.mod.Job.run"), .function("pkg.mod.Job.run"),
                                                  .function("pkg.mod.crunch")])
        #expect(facts.spawnSites.map(\.api) == ["PySide6.QtCore.QThreadPool.start", "PySide6.QtCore.QThreadPool.tryStart",
                                                "PySide6.QtCore.QThreadPool.start"])
    }

    @Test func qtConcurrentRunRunsItsFunctionOnThePool() {
        let facts = scan("""
        from PySide6.QtConcurrent import QtConcurrent

        def crunch(n):
            pass

        future = QtConcurrent.run(crunch, 10)
        """)
        #expect(facts.spawnSites.map(\.kind) == [.threadPool])
        #expect(facts.spawnSites.first?.entry == .function("pkg.mod.crunch"))
    }

    @Test func aSlotOnAQThreadsStartedSignalRunsInThatThread() {
        let facts = scan("""
        from PyQt5.QtCore import QObject, QThread

        class Worker(QObject):
            def crunch(self):
                pass

        class Window:
            def __init__(self):
                self.thread = QThread()
                self.worker = Worker()

            def go(self):
                self.worker.moveToThread(self.thread)
                self.thread.started.connect(self.worker.crunch)
                self.thread.start()
        """)
        #expect(facts.spawnSites.map(\.kind) == [.thread])
        #expect(facts.spawnSites.first?.api == "PyQt5.QtCore.QThread")
        #expect(facts.spawnSites.first?.entry == .function("pkg.mod.Worker.crunch"))
        #expect(facts.eventLoops.isEmpty)
    }
}

@Suite struct ScannerForkBranchTests {
    /// The text of each fork's child branch.
    private func branches(_ body: String) -> [String] {
        let source = "import os\ndef f():\n" + body
        let facts = scan(source)
        let text = SourceText(source)
        return facts.spawnSites.compactMap { ForkChild.branch(of: $0, in: facts) }.map { text.text($0) }
    }

    @Test func theChildIsTheBranchWhereTheForkReturnedZero() {
        #expect(branches("""
            pid = os.fork()
            if pid < 0:
                raise OSError("fork")
            if pid == 0:
                child()
                os._exit(0)
            parent()

        """) == ["child()\n        os._exit(0)"])
        #expect(branches("    pid = os.fork()\n    if not pid: child()\n") == ["child()"])
        #expect(branches("    pid, fd = os.forkpty()\n    if 0 == pid:\n        child(fd)\n") == ["child(fd)"])
        #expect(branches("    if os.fork() == 0:\n        child()\n    wait()\n") == ["child()"])
        #expect(branches("    self.pid = os.fork()\n    if self.pid == 0:\n        child()\n    else:\n        wait()\n") == ["child()"])
        #expect(branches("    self.pid = os.fork()\n    if pid == 0:\n        child()\n") == [])
    }

    @Test func aTestForTheParentLeavesTheElseToTheChild() {
        #expect(branches("    pid = os.fork()\n    if pid:\n        os.waitpid(pid, 0)\n    else:\n        child()\n") == ["child()"])
        #expect(branches("    pid = os.fork()\n    if pid > 0:\n        os.waitpid(pid, 0)\n") == [])
        #expect(branches("    os.fork()\n    child_or_parent()\n") == [])
    }

    @Test func aParentThatLeavesInItsTestLeavesTheRestOfTheBlockToTheChild() {
        #expect(branches("    pid = os.fork()\n    if pid != 0:\n        return pid\n    serve()\n    os._exit(0)\n") == ["serve()\n    os._exit(0)"])
        #expect(branches("""
            for job in jobs:
                pid = os.fork()
                if pid:
                    children.append(pid)
                    continue
                run(job)
                os._exit(0)
            collect(children)

        """) == ["run(job)\n        os._exit(0)"])
        #expect(branches("    pid = os.fork()\n    if pid:\n        log(pid)\n    serve()\n") == [])
    }

    @Test func aParentThatExitsAtOnceDetachesItsChild() {
        let facts = scan("import os\ndef f():\n    if os.fork() > 0:\n        os._exit(0)\n    serve()\n")
        let text = SourceText("import os\ndef f():\n    if os.fork() > 0:\n        os._exit(0)\n    serve()\n")
        #expect(facts.spawnSites.map(\.detaches) == [true])
        #expect(facts.spawnSites.compactMap(\.parentArm).map { text.text($0) } == ["os._exit(0)"])
        #expect(facts.spawnSites.compactMap { ForkChild.branch(of: $0, in: facts) }.map { text.text($0) } == ["serve()"])
        let waiting = scan("import os\ndef f():\n    pid = os.fork()\n    if pid:\n        os.waitpid(pid, 0)\n    else:\n        serve()\n")
        #expect(waiting.spawnSites.map(\.detaches) == [false])
    }
}

@Suite struct ScannerThreadingServerTests {
    @Test func threadingServersStartTheirHandlerPerRequest() {
        let facts = scan("""
        import socketserver
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        class Echo(socketserver.BaseRequestHandler):
            def handle(self):
                pass

        class Pages(BaseHTTPRequestHandler):
            def do_POST(self):
                pass
            def do_GET(self):
                pass

        class Mixed(socketserver.ThreadingMixIn, socketserver.UDPServer):
            pass

        class Configured(socketserver.ThreadingMixIn, socketserver.TCPServer):
            def __init__(self, port, verbose):
                super().__init__(("", port), Echo)

        socketserver.ThreadingTCPServer(("", 1), Echo)
        ThreadingHTTPServer(("", 2), RequestHandlerClass=Pages)
        Mixed(("", 3), Echo)
        Configured(4, True)
        socketserver.TCPServer(("", 5), Echo)
        """)
        #expect(facts.spawnSites.allSatisfy { $0.kind == .thread && $0.startsPerRequest })
        #expect(facts.spawnSites.map(\.entry) == [
            .function("pkg.mod.Echo.handle"), .function("pkg.mod.Pages.do_GET"), .function("pkg.mod.Pages.do_POST"),
            .function("pkg.mod.Echo.handle"), .none,
        ])
    }
}

@Suite struct ScannerForkingServerTests {
    @Test func forkingServersStartABoundedChildPerRequest() {
        let facts = scan("""
        import socketserver

        class Echo(socketserver.StreamRequestHandler):
            def handle(self):
                self.request.recv(1024)
                self.wfile.write(b"ok")

        socketserver.ForkingTCPServer(("", 1), Echo)
        """)
        let site = facts.spawnSites.first
        #expect(site?.kind == .process)
        #expect(site?.isBounded == true)
        #expect(site?.startsPerRequest == true)
        #expect(facts.function("pkg.mod.Echo.handle")?.calls.map(\.callee) == ["socket.socket.recv", "socket.SocketIO.write"])
    }
}

@Suite struct ForwardedPythonEntriesTests {
    @Test func callersOfAWrapperStartTheThreadsOnWhatTheyHandIt() {
        let wrapper = scan("""
        import threading
        def spawn(func, *args):
            threading.Thread(target=func, args=args).start()
        def spawn_each(funcs, target):
            for _ in funcs:
                threading.Thread(target=target).start()
        def unused(task):
            threading.Thread(target=task).start()
        """, module: "pkg.bg", path: "pkg/bg.py")
        let callers = scan("""
        from pkg.bg import spawn, spawn_each
        def work(): pass
        def main():
            for _ in range(3):
                spawn(work)
            spawn(func=lambda: work())
            spawn(print, "builtin: no entry")
            spawn_each([1, 2], work)
        """)
        let model = ProjectModel(files: [wrapper, callers], settings: AnalysisSettings())
        #expect(model.files[0].spawnSites.map(\.entry) == [.function("pkg.mod.work"), .unresolved("task")])
        #expect(model.files[0].spawnSites.first?.loop == 0)
        let started = model.files[1].spawnSites
        #expect(started.map(\.entry) == [.function("pkg.mod.work"), .function("pkg.mod.<lambda>@6:16")])
        #expect(started.first?.function == 2)
        #expect(started.first?.loop == 0)
        #expect(started.allSatisfy { $0.kind == .thread && $0.api == "threading.Thread" })
    }
}

@Suite struct InheritedStartsTests {
    @Test func aThreadClassOfAnotherModuleStartsWhereItIsBuilt() {
        let workers = scan("""
        import threading
        import multiprocessing
        class Worker(threading.Thread):
            def run(self): pass
        class Helper(multiprocessing.Process):
            pass
        class Plain:
            pass
        """, module: "pkg.workers", path: "pkg/workers.py")
        #expect(workers.classes.map(\.startsAs) == [
            StartingBase(base: "threading.Thread", kind: .thread), StartingBase(base: "multiprocessing.Process", kind: .process), nil,
        ])
        let jobs = scan("""
        from pkg.workers import Worker
        class Special(Worker):
            pass
        """, module: "pkg.jobs", path: "pkg/jobs.py")
        let main = scan("""
        from pkg.workers import Helper, Plain, Worker
        from pkg.jobs import Special
        def task(): pass
        def main():
            for _ in range(3):
                Worker()
            Special().start()
            Helper(target=task).start()
            Helper().start()
            Plain()
        """)
        let model = ProjectModel(files: [workers, jobs, main], settings: AnalysisSettings())
        let sites = model.files[2].spawnSites
        #expect(sites.map(\.entry) == [.function("pkg.workers.Worker.run"), .function("pkg.workers.Worker.run"),
                                       .function("pkg.mod.task"), .none])
        #expect(sites.map(\.kind) == [.thread, .thread, .process, .process])
        #expect(sites.first?.loop == 0)
        #expect(sites.first?.api == "threading.Thread")
        #expect(model.files[0].spawnSites.isEmpty && model.files[1].spawnSites.isEmpty)
    }
}

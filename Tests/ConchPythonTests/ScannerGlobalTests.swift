import ConchKit
import ConchPython
import Testing

@Suite struct ScannerGlobalTests {
    private func kinds(_ facts: FileFacts, _ function: String) -> [GlobalAccess.Kind] {
        facts.function(function)?.globalAccesses.map(\.kind) ?? []
    }

    @Test func mutableAndReboundModuleNamesAreGlobals() {
        let facts = scan("""
        import threading, collections
        cache = {}
        items = []
        seen = set()
        counts = collections.Counter()
        tls = threading.local()
        lock = threading.Lock()
        LIMIT = 10
        CONFIG = Config()
        TABLE = frozenset()
        total = 0
        name = "x"

        def bump():
            global total
            total += 1
        """)
        let byName = Dictionary(uniqueKeysWithValues: facts.globals.map { ($0.name, $0) })
        #expect(Set(byName.keys) == ["cache", "items", "seen", "counts", "tls", "lock", "CONFIG", "total"])
        #expect(byName["cache"]?.typeName == "dict")
        #expect(byName["seen"]?.typeName == "set")
        #expect(byName["counts"]?.typeName == "collections.Counter")
        #expect(byName["tls"]?.storage == .threadLocal)
        #expect(byName["lock"]?.storage == .synchronized)
        #expect(byName["CONFIG"]?.storage == .constant)
        #expect(byName["total"]?.typeName == "int")
        #expect(byName["items"]?.storage == .plain)
    }

    @Test func sessionsAndRequestProxiesAreOnePerThread() {
        let facts = scan("""
        from sqlalchemy.orm import scoped_session, sessionmaker
        from werkzeug.local import LocalProxy
        session = scoped_session(sessionmaker())
        web_session = LocalProxy(lambda: None)
        """)
        #expect(facts.globals.first { $0.name == "session" }?.storage == .threadLocal)
        #expect(facts.globals.first { $0.name == "web_session" }?.storage == .threadLocal)
    }

    @Test func localsSharedThroughNonlocalAreWatchedInTheirClosures() {
        let facts = scan("""
        def main():
            count = 0
            other = 0
            def work():
                nonlocal count
                count += 1
                other_copy = other
            work()
            return count
        def unrelated():
            count = 0
            count += 1
        """)
        let variable = "pkg.mod.main.<locals>.count"
        #expect(facts.function("pkg.mod.main.<locals>.work")?.globalAccesses.map(\.variable) == [variable])
        #expect(facts.function("pkg.mod.main.<locals>.work")?.globalAccesses.first?.kind == .augmented)
        #expect(facts.function("pkg.mod.main")?.globalAccesses.map(\.variable) == [variable, variable])
        #expect(facts.function("pkg.mod.unrelated")?.globalAccesses.isEmpty == true)
    }

    @Test func classAttributesAssignedInFunctionsAreWatchedState() {
        let facts = scan("""
        class Stats:
            hits = 0
        class Plain:
            size = 1

        def work():
            Stats.hits += 1
            print(Stats.hits, Stats(), Plain.size)
        """)
        #expect(facts.globals.map(\.name) == ["Stats"])
        let accesses = facts.function("pkg.mod.work")?.globalAccesses ?? []
        #expect(accesses.map(\.kind) == [.augmented, .read])
        #expect(accesses.map(\.path) == ["pkg.mod.Stats.hits", "pkg.mod.Stats.hits"])
    }

    @Test func methodsRecordUpdatesOfTheirOwnAttributes() {
        let facts = scan("""
        import threading
        class Base:
            def __init__(self):
                self._cond = threading.Condition()
        class Tally(Base):
            def add(this, n):
                this.count += n
                this.total = this.total + n
                this.seen[n] = this.seen.get(n, 0) + 1
                this.last = n
                other.count += 1
                with this._cond:
                    this.count -= 1
        def plain(obj):
            obj.count += 1
        """)
        let updates = facts.function("pkg.mod.Tally.add").map(facts.attributeUpdates) ?? []
        #expect(updates.map(\.variable) == ["this.count", "this.total", "this.seen", "this.count"])
        #expect(updates.map(\.kind) == [.augmented, .readModifyWrite, .subscriptAugmented, .augmented])
        #expect(updates.map(\.locksHeld) == [[], [], [], ["pkg.mod.Tally._cond"]])
        #expect(facts.function("pkg.mod.plain").map(facts.attributeUpdates)?.isEmpty == true)
    }

    @Test func aCoroutinesAttributeUpdateKnowsWhereItsHeaderTestedIt() {
        let source = """
        class Account:
            async def withdraw(self, amount):
                if self.balance >= amount and self.ready():
                    await pause()
                    self.balance -= amount
                    self.ready_count += 1

            def sync_withdraw(self, amount):
                if self.balance >= amount:
                    self.balance -= amount
        """
        let facts = scan(source)
        let test = source.utf8.count - source.split(separator: "self.balance >=", maxSplits: 1)[1].utf8.count - "self.balance >=".utf8.count
        #expect(facts.attributeUpdates.map(\.access.variable) == ["self.balance", "self.ready_count", "self.balance"])
        #expect(facts.attributeUpdates.map(\.testedAt) == [ByteRange(test, test + "self.balance".utf8.count), nil, nil])
    }

    @Test func runMethodsRecordPlainStoresOfTheirOwnAttributes() {
        let facts = scan("""
        class Worker:
            def run(self):
                self.answer = 42
                self.rounds += 1
                self.table[0] = 1
                other.answer = 1
            def helper(self):
                self.answer = 7
        """)
        let changes = facts.function("pkg.mod.Worker.run").map(facts.attributeChanges) ?? []
        #expect(changes.map(\.variable) == ["self.answer", "self.rounds"])
        #expect(changes.map(\.kind) == [.rebind, .augmented])
        #expect(facts.function("pkg.mod.Worker.run").map(facts.attributeUpdates)?.map(\.variable) == ["self.rounds"])
        #expect(facts.function("pkg.mod.Worker.helper").map(facts.attributeChanges)?.isEmpty == true)
    }

    @Test func updatesOfTheServerARequestHandlerSharesAreRecordedApart() {
        let facts = scan("""
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                self.server.hits += 1
                self.server.by_path[self.path] += 1
                with self.server.lock:
                    self.server.served += 1
                self.server.last = self.path
                self.client.hits += 1
        """)
        let handler = facts.function("pkg.mod.Handler.do_GET")
        let updates = handler.map(facts.sharedOwnerUpdates) ?? []
        #expect(updates.map(\.access.variable) == ["self.server.hits", "self.server.by_path", "self.server.served"])
        #expect(updates.map(\.access.kind) == [.augmented, .subscriptAugmented, .augmented])
        #expect(updates.map(\.through) == ["server", "server", "server"])
        #expect(updates.map(\.access.locksHeld.count) == [0, 0, 1])
        #expect(handler.map(facts.attributeChanges)?.isEmpty == true)
    }

    @Test func anotherModulesStateIsRecordedThroughItsImportsApart() {
        let facts = scan("""
        import threading
        from . import state
        from .state import counts, make_pool, Settings
        from os import path

        def work(word):
            counts[word] += 1
            state.total += 1
            state.items.append(word)
            make_pool()
            Settings.load()
            state.reset()
            path.join(word)
            print(state.limit)

        def shadow():
            counts = {}
            counts["x"] = 1
        """, module: "pkg.worker", path: "pkg/worker.py")
        let imported = facts.importedAccesses.map(\.access)
        // `state.reset()` calls a module's function: neither `state` nor `state.reset` is state.
        #expect(imported.map(\.variable) == ["pkg.state.counts", "pkg.state", "pkg.state.total", "pkg.state",
                                             "pkg.state.items", "pkg.state", "pkg.state.limit"])
        #expect(imported.map(\.kind) == [.subscriptAugmented, .augmented, .augmented, .read, .mutatingMethod("append"),
                                         .read, .read])
        #expect(imported.allSatisfy { $0.isImported })
        #expect(facts.functions.allSatisfy { $0.globalAccesses.isEmpty })
    }

    @Test func theProjectModelKeepsTheImportedAccessesOfAnotherModulesState() {
        let state = scan("counts = {}\nitems = []\ntotal = 0\nlimit = 100\ndef reset():\n    counts.clear()\n",
                         module: "pkg.state", path: "pkg/state.py")
        let worker = scan("""
        from . import state
        from .state import counts

        def work(word):
            counts[word] += 1
            state.total += 1
            state.items.append(word)
            state.reset()
            print(state.limit)
        """, module: "pkg.worker", path: "pkg/worker.py")
        let model = ProjectModel(files: [state, worker], settings: AnalysisSettings())
        let work = model.files[1].functions.first { $0.name == "work" }
        #expect(work?.globalAccesses.map(\.variable) == ["pkg.state.counts", "pkg.state.total", "pkg.state.items"])
        #expect(model.files[1].importedAccesses.isEmpty)
        // `total`, written from another module, is now one of its module's globals; `limit`, only read, is not.
        #expect(model.files[0].globals.map(\.name) == ["counts", "items", "total"])
    }

    @Test func aMethodOfAnotherModulesObjectIsItsClasssAndReadsTheObject() {
        let stats = scan("class Stats:\n    def record(self):\n        self.n += 1\nstats = Stats()\n", module: "pkg.stats", path: "pkg/stats.py")
        let worker = scan("from .stats import stats\nfrom . import helpers\ndef work():\n    stats.record()\n    helpers.parse()\n",
                          module: "pkg.worker", path: "pkg/worker.py")
        let model = ProjectModel(files: [stats, worker], settings: AnalysisSettings())
        let work = model.files[1].functions.first { $0.name == "work" }
        #expect(work?.calls.map(\.callee) == ["pkg.stats.Stats.record", "pkg.helpers.parse"])
        #expect(work?.globalAccesses.map(\.variable) == ["pkg.stats.stats"])
        #expect(work?.globalAccesses.first?.range.end == work?.calls.first.map { $0.calleeRange.start + "stats".utf8.count })
    }

    @Test func storesIntoAParametersItemsAreRecorded() {
        let facts = scan("""
        def fill(slots, counts, key):
            slots[key] = 1
            counts[key] += 1
            local = {}
            local[key] = 2
            slots.attr[key] = 3
        """)
        let updates = facts.function("pkg.mod.fill").map(facts.parameterUpdates) ?? []
        #expect(updates.map(\.access.variable) == ["slots", "counts"])
        #expect(updates.map(\.access.kind) == [.subscriptStore, .subscriptAugmented])
        #expect(updates.map(\.parameter) == [0, 1])
    }

    @Test func attributesReadAfterAStartAreRecorded() {
        let facts = scan("""
        def main():
            c = Counter()
            print(c.total)
            c.start()
            c.total = 0
            c.join()
            print(c.total, c.seen, c.result())
            d.value
        """)
        let reads = facts.function("pkg.mod.main").map(facts.startedObjectReads) ?? []
        #expect(reads.map { "\($0.object).\($0.attribute)" } == ["c.total", "c.seen"])
        #expect(reads.map { $0.range.end - $0.range.start } == [7, 6])
    }

    @Test func constantsKeepTheTextTheyAreBoundTo() {
        let facts = scan("""
        import socket
        _NUMERIC_ONLY = socket.AI_NUMERICHOST | socket.AI_NUMERICSERV
        LIMIT: int = 10
        TWICE = 1
        TWICE = 2
        REBOUND = "a"
        lower = 3
        A, B = 1, 2
        LONG = "a value far longer than the forty-eight bytes kept of any text"

        def reset():
            global REBOUND
            REBOUND = "b"
            INSIDE = 4
        """)
        #expect(facts.constants["_NUMERIC_ONLY"] == "socket.AI_NUMERICHOST | socket.AI_NUMERICSERV")
        #expect(facts.constants["LIMIT"] == "10")
        #expect(facts.constants["LONG"]?.hasSuffix("…") == true)
        #expect(Set(facts.constants.keys) == ["_NUMERIC_ONLY", "LIMIT", "LONG"])
    }

    @Test func writeKindsAreClassified() {
        let facts = scan("""
        counter = 0
        registry = {}
        log = []

        def work(key):
            global counter
            counter += 1
            counter = counter + 1
            counter = 5
            registry[key] = 1
            registry[key] += 1
            log.append(key)
            print(registry)
            if key not in registry:
                registry[key] = 0
        """)
        #expect(kinds(facts, "pkg.mod.work") == [.augmented, .readModifyWrite, .rebind, .subscriptStore, .subscriptAugmented,
                                                  .mutatingMethod("append"), .read, .read, .checkThenAct])
        #expect(facts.function("pkg.mod.work")?.globalAccesses.first?.variable == "pkg.mod.counter")
    }

    @Test func anEntryKeyedByTheRunningThreadIsALoneStore() {
        let facts = scan("""
        import threading
        from threading import get_ident
        sessions = {}

        def work(key):
            me = threading.get_ident()
            if me not in sessions:
                sessions[me] = object()
            sessions[get_ident()] += 1
            sessions[threading.current_thread().name] = 1
            sessions[threading.current_thread().name.upper()] += 1
            sessions[key] += 1
            if key not in sessions:
                sessions[key] = 0
        """)
        #expect(kinds(facts, "pkg.mod.work") == [.read, .subscriptStore, .subscriptStore, .subscriptStore, .subscriptAugmented,
                                                  .subscriptAugmented, .read, .checkThenAct])
    }

    @Test func aWriteOfWhatWasComputedFromACopyIsAnUpdate() {
        let facts = scan("""
        counter = 0
        log = []

        def step(n):
            global counter, log
            value = counter
            value += n
            counter = value
            current = counter
            counter = current + 1
            entries = list(log)
            entries.append(n)
            log = entries

        def restore(n):
            global counter
            old = counter
            counter = n
            counter = old
            fresh = counter
            fresh = n
            counter = fresh
        """)
        #expect(kinds(facts, "pkg.mod.step") == [.read, .readModifyWrite, .read, .readModifyWrite, .read, .readModifyWrite])
        #expect(kinds(facts, "pkg.mod.restore") == [.read, .rebind, .rebind, .read, .rebind])
    }

    @Test func checkThenActOnNoneRebinding() {
        let facts = scan("""
        _instance = None

        def get():
            global _instance
            if _instance is None:
                _instance = make()
            return _instance
        """)
        #expect(kinds(facts, "pkg.mod.get") == [.read, .checkThenAct, .read])
    }

    @Test func aWhileConditionTestsWhatEachPassChanges() {
        let facts = scan("""
        pending = []
        done = []

        def drain():
            while pending:
                done.append(pending.pop())
            pending.append(1)
        """)
        #expect(kinds(facts, "pkg.mod.drain") == [.read, .mutatingMethod("append"), .checkThenAct, .mutatingMethod("append")])
    }

    @Test func idempotentWritesAfterATestAreNoCheckThenAct() {
        let facts = scan("""
        _works = True
        _root = None
        cache = {}
        seen = set()

        def f(key, root):
            global _works, _root
            if _works:
                _works = False
            if _root is root:
                _root = None
            if key in cache:
                cache.pop(key, None)
                cache.pop(key)
            if key in seen:
                seen.discard(key)
            if key not in cache:
                cache[key] = -1
        """)
        #expect(kinds(facts, "pkg.mod.f") == [.read, .rebind, .read, .rebind, .read, .mutatingMethod("pop"), .checkThenAct,
                                              .read, .mutatingMethod("discard"), .read, .checkThenAct])
    }

    @Test func aCapacityCheckIsNoTest() {
        let facts = scan("""
        cache = {}

        def put(key, value):
            if len(cache) >= 100:
                del cache[next(iter(cache))]
            if key not in cache and len(cache) < 100:
                cache[key] = value
        """)
        #expect(kinds(facts, "pkg.mod.put") == [.read, .subscriptStore, .read, .read, .checkThenAct])
    }

    @Test func withoutGlobalDeclarationAnAssignmentIsLocal() {
        let facts = scan("counter = 0\ndef f():\n    counter = 1\n    return counter\n")
        #expect(kinds(facts, "pkg.mod.f").isEmpty)
    }

    @Test func writesUnderAWithLockCarryTheLock() {
        let facts = scan("""
        import threading
        lock = threading.Lock()
        state = {}

        def put(k, v):
            with lock:
                state[k] = v
            state[k] = v
        """)
        let accesses = facts.function("pkg.mod.put")?.globalAccesses ?? []
        #expect(accesses.filter { $0.variable == "pkg.mod.state" }.map(\.locksHeld) == [["pkg.mod.lock"], []])
        // The lock's own use is an access too: a child process taking it works on its own copy.
        #expect(accesses.filter { $0.variable == "pkg.mod.lock" }.map(\.kind) == [.read])
    }

    @Test func storesWhoseValueReadsTheSameContainerAreUpdates() {
        let facts = scan("counts = {}\nstats = Stats()\ndef f(k):\n    counts[k] = counts.get(k, 0) + 1\n    stats.hits = stats.hits + 1\n    counts[k] = 0\n")
        #expect(kinds(facts, "pkg.mod.f") == [.subscriptAugmented, .augmented, .subscriptStore])
    }

    @Test func attributeAugmentedAssignmentIsAugmented() {
        let facts = scan("stats = Stats()\ndef f():\n    stats.hits += 1\n")
        #expect(kinds(facts, "pkg.mod.f") == [.augmented])
    }

    @Test func keywordArgumentsWithAGlobalsNameAreNotAccesses() {
        let facts = scan("items = []\ndef f():\n    g(items=1)\n")
        #expect(kinds(facts, "pkg.mod.f").isEmpty)
    }

    @Test func lambdasAccessGlobalsToo() {
        let facts = scan("seen = set()\nadd = lambda x: seen.add(x)\n")
        let lambda = facts.functions.first { $0.kind == .lambda }
        #expect(lambda?.globalAccesses.map(\.kind) == [.mutatingMethod("add")])
    }
}

@Suite struct ScannerAsyncLockTests {
    private let notTheLock = { (access: GlobalAccess) in access.variable != "pkg.mod.lock" }

    @Test func awaitedAcquireOpensALockRegion() {
        let facts = scan("""
        import asyncio
        lock = asyncio.Lock()
        hits = {}
        async def f(k):
            await lock.acquire()
            try:
                hits[k] = 1
            finally:
                lock.release()
        """)
        #expect(facts.function("pkg.mod.f")?.globalAccesses.filter(notTheLock).map(\.locksHeld) == [["pkg.mod.lock"]])
    }

    @Test func anAcquireTestedByAnIfHoldsTheLockWhereItSucceeded() {
        let facts = scan("""
        import threading
        lock = threading.Lock()
        count = 0
        def tried():
            global count
            if lock.acquire(timeout=1):
                count += 1
                lock.release()
            count += 2
        def bailed():
            global count
            if not lock.acquire(blocking=False): raise RuntimeError("busy")
            try:
                count += 1
            finally:
                lock.release()
            count -= 1
        def ignored():
            global count
            if not lock.acquire(blocking=False):
                print("busy")
            count += 1
        """)
        #expect(facts.function("pkg.mod.tried")?.globalAccesses.filter(notTheLock).map(\.locksHeld) == [["pkg.mod.lock"], []])
        #expect(facts.function("pkg.mod.bailed")?.globalAccesses.filter(notTheLock).map(\.locksHeld) == [["pkg.mod.lock"], []])
        #expect(facts.function("pkg.mod.ignored")?.globalAccesses.filter(notTheLock).map(\.locksHeld) == [[]])
    }

    @Test func aWithOnAnUntypedMutexHoldsIt() {
        let facts = scan("count = 0\ndef f(mutex):\n    global count\n    with mutex:\n        count += 1\n")
        #expect(facts.function("pkg.mod.f")?.globalAccesses.filter(notTheLock).map(\.locksHeld) == [["mutex"]])
    }
}

@Suite struct ScannerModuleLevelGlobalTests {
    @Test func moduleLevelCodeRecordsItsAccesses() {
        let facts = scan("""
        total = 0
        def work():
            global total
            total += 1
        if __name__ == "__main__":
            work()
            print(total)
        """)
        let module = facts.functions.first
        #expect(module?.globalAccesses.map(\.kind) == [.rebind, .read])
        #expect(module?.globalAccesses.last?.variable == "pkg.mod.total")
    }

    @Test func classBodiesAtModuleLevelBindClassAttributes() {
        let facts = scan("""
        cache = {}
        class Config:
            cache = None
        """)
        #expect(facts.functions.first?.globalAccesses.map(\.kind) == [.rebind])
    }
}

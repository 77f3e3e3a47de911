import ConchKit
import ConchPython
import Testing

/// Types that come from a class body, and pools used without a name.
@Suite struct ScannerClassAttributeTests {
    @Test func classBodyAttributesTypeWhatMethodsReadThroughSelf() {
        let facts = scan("""
        import threading
        from concurrent.futures import ThreadPoolExecutor
        hits = {}
        def fetch(u): return u
        class Cache:
            _mutex = threading.RLock()
            pool = ThreadPoolExecutor(4)
            def add(self, k):
                with self._mutex:
                    hits[k] = 1
            def warm(self, urls):
                return [self.pool.submit(fetch, u) for u in urls]
        """)
        #expect(facts.function("pkg.mod.Cache.add")?.globalAccesses.map(\.locksHeld) == [["pkg.mod.Cache._mutex"]])
        #expect(facts.spawnSites.map(\.kind) == [.threadPool])
    }

    @Test func chainedPoolsAndSubmitsInsideOtherCalls() {
        let facts = scan("""
        import multiprocessing
        import concurrent.futures as cf
        def f(x): return x
        def main(xs):
            multiprocessing.Pool(4).map(f, xs)
            with cf.ProcessPoolExecutor() as ex:
                for fut in cf.as_completed([ex.submit(f, x) for x in xs]):
                    fut.result()
        """)
        #expect(facts.spawnSites.map(\.kind) == [.processPool, .processPool])
    }
}

import ConchKit
import Testing
@testable import ConchC

@Suite struct GlobalFactsTests {
    @Test func storageFollowsQualifiersAndTypes() throws {
        let facts = CFixture().facts("state.c", """
        #include <pthread.h>
        #include <stdatomic.h>
        static int counter;
        int total = 0;
        _Thread_local int tls;
        __thread int tls2;
        _Atomic int hits;
        atomic_int typed;
        const int limit = 10;
        const char *greeting = "hi";
        static const char *names[] = {"a", "b"};
        pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
        static pthread_mutex_t locks[4];
        extern int elsewhere;
        void f(void) { static int calls; calls++; }
        """)
        #expect(facts.problems.isEmpty, "\(facts.problems)")
        let storage = Dictionary(uniqueKeysWithValues: facts.globals.map { ($0.name, $0.storage) })
        #expect(storage == [
            "state.c::counter": .plain, "total": .plain, "tls": .threadLocal, "tls2": .threadLocal,
            "hits": .atomic, "typed": .atomic, "limit": .constant, "greeting": .constant, "state.c::names": .constant,
            "lock": .synchronized, "state.c::locks": .synchronized, "state.c::f::calls": .plain,
        ])
        let calls = try #require(facts.globals.first { $0.name == "state.c::f::calls" })
        #expect(calls.isFunctionStatic)
        #expect(facts.globals.first { $0.name == "typed" }?.typeName == "atomic_int")
    }

    @Test func blockStaticsOfOneNameAreTwoVariables() throws {
        let facts = CFixture().facts("log.c", """
        void alert(void);
        void send_log(int failed_socket, int failed_send) {
            if (failed_socket) { static char once; if (!once) { once = 1; alert(); } }
            if (failed_send) { static char once; if (!once) { once = 1; alert(); } }
        }
        """)
        let send = try #require(facts.function("send_log"))
        #expect(Set(send.globalAccesses.map(\.variable)) == ["log.c::send_log::once", "log.c::send_log::once#2"])
        #expect(Set(facts.globals.map(\.name)) == ["log.c::send_log::once", "log.c::send_log::once#2"])
    }

    @Test func writeUnderLockCarriesTheLock() throws {
        let facts = CFixture().facts("""
        #include <pthread.h>
        static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
        int counter;
        void *worker(void *arg) {
            pthread_mutex_lock(&m);
            counter++;
            if (counter > 10) {
                pthread_mutex_unlock(&m);
                return NULL;
            }
            counter += 2;
            pthread_mutex_unlock(&m);
            counter = 0;
            return arg;
        }
        """)
        let writes = try #require(facts.function("worker")).globalAccesses.filter { $0.variable == "counter" && $0.isWrite }
        #expect(writes.map(\.kind) == [.augmented, .augmented, .rebind])
        #expect(writes.map(\.locksHeld) == [["m"], ["m"], []])
    }

    @Test func caseThatUnlocksAndReturnsKeepsTheLockForTheRest() throws {
        let facts = CFixture().facts("""
        #include <pthread.h>
        static pthread_mutex_t m;
        int g;
        int step(int state) {
            pthread_mutex_lock(&m);
            switch (state) {
            case 0:
                pthread_mutex_unlock(&m);
                return 0;
            case 1:
                g = 1;
                break;
            default:
                g = 2;
            }
            g++;
            pthread_mutex_unlock(&m);
            return g;
        }
        """)
        let writes = try #require(facts.function("step")).globalAccesses.filter { $0.variable == "g" && $0.isWrite }
        #expect(writes.map(\.locksHeld) == [["m"], ["m"], ["m"]])
    }

    @Test func lockWrappersOfTheFileCount() throws {
        let facts = CFixture().facts("""
        #include <pthread.h>
        static pthread_mutex_t stats_mutex;
        long hits;
        static void stats_lock(void) { pthread_mutex_lock(&stats_mutex); }
        static void stats_unlock(void) { pthread_mutex_unlock(&stats_mutex); }
        static void lock(pthread_mutex_t *m) { pthread_mutex_lock(m); }
        static void unlock(pthread_mutex_t *m) { pthread_mutex_unlock(m); }
        void count(pthread_mutex_t *other) {
            stats_lock();
            hits++;
            stats_unlock();
            lock(other);
            hits--;
            unlock(other);
            hits = 0;
        }
        """)
        let writes = try #require(facts.function("count")).globalAccesses.filter { $0.variable == "hits" }
        #expect(writes.map(\.locksHeld) == [["stats_mutex"], ["other"], []])
    }

    @Test func writeKindsAndAtomicBuiltins() throws {
        let facts = CFixture().facts("""
        #include <stdatomic.h>
        #include <string.h>
        struct stats { int count; long bytes; } stats;
        char buffer[64];
        int g, *ptr;
        _Atomic int hits;
        void f(void) {
            g = g + 1;
            stats.count++;
            stats.bytes = 4;
            buffer[0] = 'x';
            memset(&stats, 0, sizeof stats);
            strcpy(buffer, "x");
            *ptr = 3;
            __atomic_fetch_add(&g, 1, __ATOMIC_SEQ_CST);
            __sync_fetch_and_add(&g, 1);
            atomic_fetch_add(&hits, 1);
            atomic_store(&hits, 0);
            (void)atomic_load(&hits);
        }
        """)
        let accesses = try #require(facts.function("f")).globalAccesses.map { "\($0.variable) \($0.kind) \($0.isAtomic)" }
        #expect(accesses == [
            "g readModifyWrite false", "g read false",
            "stats augmented false", "stats rebind false", "buffer augmented false",
            "stats writeThroughPointer(\"memset\") false", "buffer writeThroughPointer(\"strcpy\") false",
            "ptr read false",
            "g augmented true", "g augmented true", "hits augmented true", "hits rebind true", "hits read true",
        ])
    }

    @Test func sizeofOperandsAreNotAccesses() throws {
        let facts = CFixture().facts("""
        #include <stdlib.h>
        long *table;
        struct config { int size; } config;
        size_t f(void) {
            table = malloc(64 * sizeof *table);
            return sizeof config + _Alignof(config) + sizeof(table[0]);
        }
        """)
        let accesses = try #require(facts.function("f")).globalAccesses.map { "\($0.variable) \($0.kind)" }
        #expect(accesses == ["table rebind"])
    }

    @Test func lockWrappersArePublishedForOtherUnits() throws {
        let facts = CFixture().facts("""
        #include <pthread.h>
        static pthread_mutex_t stats_lock;
        void STATS_LOCK(void) { pthread_mutex_lock(&stats_lock); }
        void STATS_UNLOCK(void) { pthread_mutex_unlock(&stats_lock); }
        void lock(pthread_mutex_t *m) { pthread_mutex_lock(m); }
        void both(void) { pthread_mutex_lock(&stats_lock); pthread_mutex_unlock(&stats_lock); }
        """)
        #expect(facts.function("STATS_LOCK")?.lockEffects == [LockEffect(acquires: true, target: .named("stats_lock"))])
        #expect(facts.function("STATS_UNLOCK")?.lockEffects == [LockEffect(acquires: false, target: .named("stats_lock"))])
        #expect(facts.function("lock")?.lockEffects == [LockEffect(acquires: true, target: .parameter(0))])
        #expect(facts.function("both")?.lockEffects == [])
    }

    @Test func memberAccessesRecordTheFieldPath() throws {
        let facts = CFixture().facts("""
        struct inner { long b; };
        struct state { int flag; struct inner a; long items[4]; int *p; };
        struct state g;
        long touch(void) {
            g.flag = 1;
            g.a.b++;
            g.items[2] = 3;
            *g.p = 4;
            g = (struct state){0};
            return g.a.b;
        }
        """)
        let accesses = try #require(facts.function("touch")).globalAccesses.filter { $0.variable == "g" }
        #expect(accesses.map(\.field) == ["flag", "a.b", "items", "p", nil, "a.b"])
    }
}

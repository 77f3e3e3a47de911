import ConchKit
import Foundation
import Testing
@testable import ConchC

@Suite struct ConcurrencyFactsTests {
    @Test func pthreadCreateNamesItsEntryAndLoop() throws {
        let facts = CFixture().facts("server.c", """
        #include <pthread.h>
        #include <sys/socket.h>
        static void *serve(void *arg) { return arg; }
        void *log_loop(void *arg) { return arg; }
        int main(void) {
            pthread_t t;
            pthread_create(&t, NULL, log_loop, NULL);
            for (;;) {
                int fd = accept(3, NULL, NULL);
                pthread_create(&t, NULL, (void *(*)(void *))serve, (void *)(long)fd);
            }
        }
        """)
        #expect(facts.spawnSites.map(\.entry) == [.function("log_loop"), .function("server.c::serve")])
        #expect(facts.spawnSites.map(\.kind) == [.thread, .thread])
        #expect(facts.spawnSites.map(\.loop) == [nil, 0])
        #expect(facts.spawnSites.allSatisfy { $0.function == 3 && !$0.isBounded && $0.api == "pthread_create" })
        let main = try #require(facts.function("main"))
        #expect(main.calls.first { $0.callee == "accept" }?.boundName == "fd")
    }

    @Test func entryPassedThroughATrampolineIsFollowedAndTheFailedArmsAreKnown() {
        let facts = CFixture().facts("plugin.c", """
        #include <pthread.h>
        #include <stdlib.h>
        typedef struct { void *arg; void *(*routine)(void *); } start_t;
        static void *trampoline(void *handed) {
            start_t start = *(start_t *)handed;
            free(handed);
            return start.routine(start.arg);
        }
        int thread_create(pthread_t *thread, void *(*routine)(void *), void *arg) {
            start_t *start = malloc(sizeof(*start));
            start->routine = routine;
            start->arg = arg;
            int status = pthread_create(thread, NULL, trampoline, start);
            if (status != 0) free(start);
            return status;
        }
        static void *receive(void *arg) { return arg; }
        static int running;
        int init(void) {
            pthread_t t;
            if (thread_create(&t, receive, NULL) != 0) { running = 0; return -1; }
            running = 1;
            return 0;
        }
        """)
        #expect(facts.spawnSites.map(\.entry) == [.parameter(1)])
        #expect(facts.spawnSites.first?.failedArm != nil)
        let sites = ProjectModel(files: [facts], settings: AnalysisSettings()).files[0].spawnSites
        #expect(sites.map(\.entry) == [.function("plugin.c::receive")])
        let writes = facts.function("init")?.globalAccesses.map(\.range.start) ?? []
        #expect(writes.count == 2)
        #expect(writes.map { sites.first?.failedArm?.contains($0) } == [true, false])
    }

    @Test func aOnceOnlyTestMarksTheBlockItsFirstCallerRuns() throws {
        let facts = CFixture().facts("once.c", """
        #include <stdbool.h>
        typedef struct { int done; } pa_once;
        bool pa_once_begin(pa_once *once);
        void pa_once_end(pa_once *once);
        bool ready(void);
        static int level;
        void init(void) {
            static pa_once once;
            if (pa_once_begin(&once)) {
                level = 1;
                pa_once_end(&once);
            }
            if (ready()) { level = 2; }
        }
        """)
        let function = try #require(facts.function("init"))
        let writes = function.globalAccesses.filter { $0.variable.hasSuffix("level") }.map(\.range.start)
        #expect(facts.onceOnlyBlocks.count == 1)
        #expect(writes.map { offset in facts.onceOnlyBlocks.contains { $0.contains(offset) } } == [true, false])
    }

    @Test func aStartKnowsTheOtherArmOfItsIf() throws {
        let source = """
        #include <pthread.h>
        static void *work(void *arg) { return arg; }
        void run(int threaded) {
            pthread_t t;
            if (threaded) {
                pthread_create(&t, NULL, work, NULL);
            } else {
                work(NULL);
            }
        }
        """
        let facts = CFixture().facts("run.c", source)
        let arm = try #require(facts.spawnSites.first?.arms.first)
        let otherArm = try #require(arm.otherArms.first)
        #expect(arm.arm == 0)
        #expect(String(decoding: Array(source.utf8)[otherArm.start..<otherArm.end], as: UTF8.self).contains("work(NULL);"))
    }

    @Test func aStartInABranchThatReturnsSaysSoButNotOneThatJumps() {
        let facts = CFixture().facts("later.c", """
        #include <pthread.h>
        static void *work(void *arg) { return arg; }
        int returns(int later) {
            pthread_t t;
            if (later) { pthread_create(&t, NULL, work, NULL); return 0; }
            return 1;
        }
        int jumps(int later) {
            pthread_t t;
            if (later) { pthread_create(&t, NULL, work, NULL); goto out; }
            work(NULL);
        out:
            return 0;
        }
        """)
        #expect(facts.spawnSites.map { $0.returningBranch != nil } == [true, false])
    }

    @Test func entryPassedThroughAWrapperIsFollowed() {
        let facts = CFixture().facts("thread.c", """
        #include <pthread.h>
        static void *worker_libevent(void *arg) { return arg; }
        static void *assoc_maintenance(void *arg) { return arg; }
        static void create_worker(void *(*func)(void *), void *arg) {
            pthread_t thread;
            pthread_create(&thread, NULL, func, arg);
        }
        void start(void (*unknown)(void)) {
            for (int i = 0; i < 4; i++) create_worker(worker_libevent, NULL);
            create_worker(assoc_maintenance, NULL);
        }
        """)
        // The unit names the parameter; the project model makes each call of the wrapper a start.
        #expect(facts.spawnSites.map(\.entry) == [.parameter(0)])
        let sites = ProjectModel(files: [facts], settings: AnalysisSettings()).files[0].spawnSites
        #expect(sites.map(\.entry) == [.function("thread.c::worker_libevent"), .function("thread.c::assoc_maintenance")])
        #expect(sites.map(\.function) == [4, 4])
        #expect(sites.map(\.loop) == [0, nil])
    }

    @Test func forkRecordsTheChildBranch() throws {
        let source = """
        #include <unistd.h>
        #include <stdlib.h>
        int hits;
        void handle(int fd) {
            pid_t pid = fork();
            if (pid < 0) {
                exit(1);
            } else if (pid == 0) {
                hits++;
                _exit(0);
            }
            hits--;
        }
        void daemonize(void) {
            if (fork() > 0) exit(0);
            hits = 7;
        }
        """
        let facts = CFixture().facts(source)
        let text = SourceText(source)
        #expect(facts.spawnSites.map(\.entry) == [.function("handle"), .function("daemonize")])
        #expect(facts.spawnSites.allSatisfy { $0.kind == .forkChild && $0.api == "fork" })
        let first = try #require(ForkChild.branch(of: facts.spawnSites[0], in: facts))
        #expect(text.text(first).contains("hits++") && !text.text(first).contains("hits--"))
        let second = try #require(ForkChild.branch(of: facts.spawnSites[1], in: facts))
        #expect(text.text(second).contains("hits = 7"))
        let marker = try #require(facts.functions.first { $0.name == ForkChild.markerName })
        #expect(marker.parent == 1 && marker.isNested && marker.calls.isEmpty)
    }

    @Test func forkInASwitchTakesCaseZero() throws {
        let source = """
        #include <unistd.h>
        int state;
        void spawn(void) {
            switch (fork()) {
            case -1: break;
            case 0: state = 1; _exit(0);
            default: state = 2;
            }
        }
        """
        let facts = CFixture().facts(source)
        let branch = try #require(facts.spawnSites.first.flatMap { ForkChild.branch(of: $0, in: facts) })
        #expect(SourceText(source).text(branch).hasPrefix("case 0: state = 1;"))
        #expect(!SourceText(source).text(branch).contains("state = 2"))
    }

    @Test func libuvRunAndCallbacksWithoutTheHeader() throws {
        // Prototypes instead of <uv.h>: the facts must not depend on the header being installed.
        let facts = CFixture().facts("""
        typedef struct uv_loop_s uv_loop_t;
        typedef struct uv_timer_s uv_timer_t;
        typedef struct uv_work_s uv_work_t;
        typedef void (*uv_timer_cb)(uv_timer_t *);
        typedef void (*uv_work_cb)(uv_work_t *);
        typedef void (*uv_after_work_cb)(uv_work_t *, int);
        uv_loop_t *uv_default_loop(void);
        int uv_timer_start(uv_timer_t *, uv_timer_cb, unsigned long, unsigned long);
        int uv_queue_work(uv_loop_t *, uv_work_t *, uv_work_cb, uv_after_work_cb);
        int uv_run(uv_loop_t *, int);
        static void tick(uv_timer_t *t) { (void)t; }
        static void crunch(uv_work_t *w) { (void)w; }
        static void done(uv_work_t *w, int status) { (void)w; (void)status; }
        int main(void) {
            static uv_timer_t *timer;
            static uv_work_t *work;
            uv_timer_start(timer, tick, 1000, 1000);
            uv_queue_work(uv_default_loop(), work, crunch, done);
            return uv_run(uv_default_loop(), 0);
        }
        """)
        #expect(facts.problems.isEmpty, "\(facts.problems)")
        let markers = facts.eventLoops.map { "\($0.framework) \($0.kind) \($0.callback ?? "-")" }
        #expect(markers == ["libuv callback main.c::tick", "libuv callback main.c::done", "libuv run -"])
        #expect(facts.spawnSites.map(\.entry) == [.function("main.c::crunch")])
        #expect(facts.spawnSites.first?.kind == .threadPool)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/include/uv.h")
                   && FileManager.default.fileExists(atPath: "/usr/include/event2/event.h"), "libuv1-dev and libevent-dev not installed"))
    func realLibuvAndLibeventHeaders() {
        let facts = CFixture().facts("""
        #include <uv.h>
        #include <event2/event.h>
        static uv_timer_t timer;
        static void on_tick(uv_timer_t *handle) { (void)handle; }
        static void on_event(evutil_socket_t fd, short what, void *arg) { (void)fd; (void)what; (void)arg; }
        int main(void) {
            uv_loop_t *loop = uv_default_loop();
            uv_timer_init(loop, &timer);
            uv_timer_start(&timer, on_tick, 0, 1000);
            struct event_base *base = event_base_new();
            evtimer_new(base, on_event, NULL);
            event_base_dispatch(base);
            return uv_run(loop, UV_RUN_DEFAULT);
        }
        """)
        #expect(facts.problems.isEmpty, "\(facts.problems)")
        let markers = facts.eventLoops.map { "\($0.framework) \($0.kind) \($0.callback ?? "-")" }
        #expect(markers == ["libuv callback main.c::on_tick", "libevent callback main.c::on_event", "libevent run -", "libuv run -"])
    }

    @Test func pollCallbacksFireOnAReadyDescriptor() {
        let facts = CFixture().facts("""
        typedef struct uv_poll_s uv_poll_t;
        typedef struct uv_timer_s uv_timer_t;
        int uv_poll_start(uv_poll_t *, int, void (*)(uv_poll_t *, int, int));
        int uv_timer_start(uv_timer_t *, void (*)(uv_timer_t *), unsigned long, unsigned long);
        static void on_readable(uv_poll_t *p, int status, int events) { (void)p; (void)status; (void)events; }
        static void tick(uv_timer_t *t) { (void)t; }
        void watch(uv_poll_t *poll, uv_timer_t *timer) {
            uv_poll_start(poll, 1, on_readable);
            uv_timer_start(timer, tick, 10, 10);
        }
        """)
        let markers = facts.eventLoops.map { "\($0.callback ?? "-") \($0.firesOnReadyDescriptor)" }
        #expect(markers == ["main.c::on_readable true", "main.c::tick false"])
    }

    @Test func libeventGlibAndEpollLoops() {
        let facts = CFixture().facts("""
        #include <sys/epoll.h>
        struct event_base; struct event; typedef int gboolean; typedef void *gpointer;
        struct event *event_new(struct event_base *, int, short, void (*)(int, short, void *), void *);
        int event_base_dispatch(struct event_base *);
        unsigned g_timeout_add(unsigned, gboolean (*)(gpointer), gpointer);
        static void on_read(int fd, short what, void *arg) { (void)fd; (void)what; (void)arg; }
        static gboolean refresh(gpointer data) { (void)data; return 1; }
        void run(struct event_base *base, int ep) {
            event_new(base, 0, 0, on_read, 0);
            g_timeout_add(1000, refresh, 0);
            event_base_dispatch(base);
            struct epoll_event events[8];
            while (1) { epoll_wait(ep, events, 8, -1); }
        }
        void once(int ep) { struct epoll_event e; epoll_wait(ep, &e, 1, 0); }
        """)
        let markers = facts.eventLoops.map { "\($0.framework) \($0.kind) \($0.callback ?? "-")" }
        #expect(markers == ["libevent callback main.c::on_read", "glib callback main.c::refresh", "libevent run -", "epoll run -"])
    }
}

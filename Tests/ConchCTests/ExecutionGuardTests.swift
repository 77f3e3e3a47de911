import ConchKit
import Testing
@testable import ConchC

@Suite struct ExecutionGuardTests {
    private static func global(_ name: String, _ value: Int, equal: Bool) -> ExecutionGuard {
        ExecutionGuard(subject: .global(name), value: value, isEqual: equal)
    }

    private static func parameter(_ position: Int, _ value: Int, equal: Bool) -> ExecutionGuard {
        ExecutionGuard(subject: .parameter(position), value: value, isEqual: equal)
    }

    private static func guards(of callee: String, in function: FunctionFacts) -> [ExecutionGuard]? {
        function.calls.first { $0.callee == callee }?.guards
    }

    @Test func branchesGuardWhatTheyHold() throws {
        let facts = CFixture().facts("""
        enum { IDLE, READ, WRITE };
        int mode;
        struct { int threads; struct { int on; } tls; } server;
        void a(void); void b(void); void c(void); void d(void); void e(void); void f(void);
        void run(void) {
            if (mode == WRITE) a();
            else if (READ == mode) b();
            if (!server.threads) c();
            if (server.tls.on && mode != IDLE) d(); else e();
            if (mode == IDLE || server.threads > 1) f();
        }
        """)
        let run = try #require(facts.function("run"))
        #expect(Self.guards(of: "a", in: run) == [Self.global("mode", 2, equal: true)])
        #expect(Self.guards(of: "b", in: run) == [Self.global("mode", 2, equal: false), Self.global("mode", 1, equal: true)])
        #expect(Self.guards(of: "c", in: run) == [Self.global("server.threads", 0, equal: true)])
        #expect(Self.guards(of: "d", in: run) == [Self.global("server.tls.on", 0, equal: false), Self.global("mode", 0, equal: false)])
        #expect(Self.guards(of: "e", in: run) == [])
        #expect(Self.guards(of: "f", in: run) == [])
    }

    @Test func earlyExitsGuardTheRestOfTheirBlock() throws {
        let facts = CFixture().facts("""
        int mode;
        int busy;
        void parse(void); void execute(void); void after(void); void cleanup(void); void next(void);
        void loop(int n) {
            while (n--) {
                parse();
                if (mode != 0) {
                    busy = 1;
                    break;
                }
                execute();
            }
            after();
            if (mode == 3) goto out;
            next();
        out:
            cleanup();
        }
        """)
        let loop = try #require(facts.function("loop"))
        #expect(Self.guards(of: "parse", in: loop) == [])
        #expect(Self.guards(of: "execute", in: loop) == [Self.global("mode", 0, equal: true)])
        #expect(Self.guards(of: "after", in: loop) == [])
        #expect(Self.guards(of: "next", in: loop) == [Self.global("mode", 3, equal: false)])
        // A label is a jump target: what follows it runs whichever way control came.
        #expect(Self.guards(of: "cleanup", in: loop) == [])
        #expect(loop.globalAccesses.first { $0.variable == "busy" }?.guards == [Self.global("mode", 0, equal: false)])
    }

    @Test func parametersGuardUnlessTheBodyChangesThem() throws {
        let facts = CFixture().facts("""
        void grow(void); void shrink(void);
        void alloc(int size, int flags) {
            if (flags != 1) grow();
        }
        void retry(int flags) {
            flags = 0;
            if (flags) shrink();
        }
        """)
        #expect(Self.guards(of: "grow", in: try #require(facts.function("alloc"))) == [Self.parameter(1, 1, equal: false)])
        #expect(Self.guards(of: "shrink", in: try #require(facts.function("retry"))) == [])
    }

    @Test func switchArmsGuardOnTheirOwnLabel() throws {
        let facts = CFixture().facts("""
        enum command { SET, COPY, FREE, PRINT };
        void set(void); void copy(void); void release(void); void print(void); void other(void);
        void both(void); void shared(void); void after(void); void unknown(void);
        void option(enum command cmd, int n) {
            switch (cmd) {
            case SET:
                set();
                break;
            case COPY:
                copy();
            case FREE:
                release();
                break;
            case PRINT:
            case 7:
                both();
                return;
            default:
                other();
            }
            switch (cmd) {
            default:
                shared();
                break;
            case FREE:
                after();
            }
            switch (n) {
            case 1 ... 3:
                unknown();
            }
        }
        """)
        let option = try #require(facts.function("option"))
        #expect(Self.guards(of: "set", in: option) == [Self.parameter(0, 0, equal: true)])
        #expect(Self.guards(of: "copy", in: option) == [Self.parameter(0, 1, equal: true)])
        // `case COPY` falls into `case FREE`, and two labels open the `PRINT` arm.
        #expect(Self.guards(of: "release", in: option) == [])
        #expect(Self.guards(of: "both", in: option) == [])
        let notLabelled = try #require(Self.guards(of: "other", in: option))
        #expect(Set(notLabelled) == Set([0, 1, 2, 3, 7].map { Self.parameter(0, $0, equal: false) }))
        #expect(Self.guards(of: "shared", in: option) == [Self.parameter(0, 2, equal: false)])
        #expect(Self.guards(of: "after", in: option) == [Self.parameter(0, 2, equal: true)])
        // A GNU case range is not one value.
        #expect(Self.guards(of: "unknown", in: option) == [])
    }

    @Test func constantArgumentsCarryTheirValue() throws {
        let facts = CFixture().facts("""
        #define NO_NEWPAGE 1
        enum kind { SMALL = 4, LARGE };
        int size;
        void alloc(int size, int flags, enum kind kind);
        void caller(void) { alloc(size, NO_NEWPAGE, LARGE); alloc(-2, 'a', SMALL); }
        """)
        let calls = try #require(facts.function("caller")).calls
        #expect(calls.map { $0.arguments.map(\.integerValue) } == [[nil, 1, 5], [-2, 97, 4]])
    }

    @Test func callsBeforeAnExitLeadToIt() throws {
        let facts = CFixture().facts("""
        #include <stdlib.h>
        void report(const char *what);
        void note(void);
        #define check(e) ((e) ? (void)0 : (report(#e), __builtin_unreachable()))
        void work(int *p) {
            check(p != NULL);
            note();
            if (*p < 0) {
                report("negative");
                exit(1);
            }
        }
        """)
        let calls = try #require(facts.function("work")).calls
        #expect(calls.filter(\.leadsToExit).map(\.callee) == ["report", "report"])
        #expect(calls.first { $0.callee == "note" }?.leadsToExit == false)
    }

    @Test func contradictionsNeedTheSameSubject() {
        let reading = Self.global("mode", 1, equal: true)
        #expect(reading.contradicts(Self.global("mode", 0, equal: true)))
        #expect(reading.contradicts(Self.global("mode", 1, equal: false)))
        #expect(!reading.contradicts(Self.global("mode", 0, equal: false)))
        #expect(!reading.contradicts(Self.global("other", 0, equal: true)))
        #expect(!Self.global("mode", 0, equal: false).contradicts(Self.global("mode", 1, equal: false)))
    }

    @Test func bitTestsGuardOnTheGlobalsBits() throws {
        let facts = CFixture().facts("""
        #define MODE_STARTING 0x01
        #define MODE_QUIET 0x04
        struct { int mode; } global;
        void a(void); void b(void); void c(void);
        void run(void) {
            if (global.mode & MODE_STARTING) a();
            if (!(MODE_QUIET & global.mode)) b();
            if (global.mode & global.mode) c();
        }
        """)
        let run = try #require(facts.function("run"))
        #expect(Self.guards(of: "a", in: run) == [ExecutionGuard(subject: .globalBits("global.mode", mask: 1), value: 0, isEqual: false)])
        #expect(Self.guards(of: "b", in: run) == [ExecutionGuard(subject: .globalBits("global.mode", mask: 4), value: 0, isEqual: true)])
        #expect(Self.guards(of: "c", in: run) == [])
    }

    @Test func writesOfConstantsSayWhatTheyLeave() throws {
        let facts = CFixture().facts("""
        #define MODE_STARTING 0x01
        #define MODE_QUIET 0x04
        struct { int mode; } global;
        int phase;
        int level;
        void set_up(int verbose) {
            global.mode = MODE_STARTING;
            global.mode |= MODE_QUIET;
            global.mode &= ~MODE_STARTING;
            if (verbose) phase = 2;
            level = verbose;
        }
        """)
        let setUp = try #require(facts.function("set_up"))
        let writes = setUp.globalAccesses.filter(\.isWrite)
        #expect(writes.map(\.leaves) == [
            Self.global("global.mode", 1, equal: true),
            ExecutionGuard(subject: .globalBits("global.mode", mask: 4), value: 0, isEqual: false),
            ExecutionGuard(subject: .globalBits("global.mode", mask: 1), value: 0, isEqual: true),
            Self.global("phase", 2, equal: true),
            nil,
        ])
        #expect(writes.map(\.isUnconditional) == [true, true, true, false, true])
    }

    @Test func pointerIdentityFactsTellOwnObjectsFromGlobalOnes() throws {
        let facts = CFixture().facts("""
        #include <stdlib.h>
        struct loop { int running; };
        static struct loop default_loop_struct;
        static struct loop *default_loop_ptr;
        struct ctx { struct loop loop; };
        void forget(void); void close_loop(struct loop *loop);
        void check(struct loop *loop) {
            if (loop == default_loop_ptr) forget();
        }
        void set_up(struct loop *given) {
            default_loop_ptr = &default_loop_struct;
            default_loop_ptr = NULL;
            default_loop_ptr = given;
        }
        void use(struct ctx *ctx) {
            struct loop local;
            struct loop *heap = malloc(sizeof *heap);
            struct loop *maybe = malloc(sizeof *maybe);
            if (heap != NULL) close_loop(heap);
            maybe = ctx ? &ctx->loop : &default_loop_struct;
            close_loop(&local);
            close_loop(&ctx->loop);
            close_loop(&default_loop_struct);
            close_loop(maybe);
        }
        """)
        let check = try #require(facts.function("check"))
        let guards = try #require(Self.guards(of: "forget", in: check))
        #expect(guards.count == 1)
        if case .sameAddress(let position, let global)? = guards.first?.subject {
            #expect(position == 0 && global.hasSuffix("default_loop_ptr"))
        } else {
            Issue.record("no pointer-identity guard: \(guards)")
        }
        #expect(guards.first?.value == 1 && guards.first?.isEqual == true)
        let setUp = try #require(facts.function("set_up"))
        #expect(setUp.globalAccesses.filter(\.isWrite).map(\.storesFixedAddress) == [true, true, false])
        let use = try #require(facts.function("use"))
        let closes = use.calls.filter { $0.callee == "close_loop" }
        #expect(closes.map { $0.arguments[0].addressesNoGlobalObject } == [true, true, true, false, false])
    }
}

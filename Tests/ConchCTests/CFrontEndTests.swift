import ConchKit
import Testing
@testable import ConchC

@Suite struct CFrontEndTests {
    @Test func functionsGetIDsByLinkage() {
        let facts = CFixture().facts("lib/util.c", """
        #include <stddef.h>
        static int helper(int x) { return x + 1; }
        int api(void) { return helper(2); }
        """)
        #expect(facts.problems.isEmpty, "\(facts.problems)")
        #expect(facts.functions.map(\.id) == ["lib/util.c", "lib/util.c::helper", "api"])
        #expect(facts.functions[0].kind == .module)
        let api = facts.functions[2]
        #expect(api.calls.map(\.callee) == ["lib/util.c::helper"])
        #expect(api.calls.first?.isResolved == true)
        #expect(api.calls.first?.arguments.first?.shape == .numberLiteral)
    }

    @Test func calleesResolveThroughCastsAndMacros() throws {
        let facts = CFixture().facts("calls.c", """
        struct ops { void (*cb)(int); } *o;
        static void worker(void) {}
        #define CALL(f) (f)()
        void f(void (*fp)(int)) {
            ((void (*)(void))worker)();
            CALL(worker);
            o->cb(3);
            fp(4);
        }
        """)
        let calls = try #require(facts.function("f")).calls
        #expect(calls.map(\.callee) == ["calls.c::worker", "calls.c::worker", "o->cb", "fp"])
        #expect(calls.map(\.isResolved) == [true, true, false, false])
        #expect(calls.map(\.calleeText) == ["((void (*)(void))worker)", "CALL(worker)", "o->cb", "fp"])
    }

    @Test func aHeaderAloneReportsOnlyMissingIncludes() {
        let facts = CFixture().facts("api.h", """
        #include "missing.h"
        struct conn { buffer_t in; };
        static inline void reset(struct conn *c) { c->in.len = 0; }
        """)
        #expect(facts.problems.map(\.message) == ["'missing.h' not found; analysis continues without it"])
    }

    @Test func deeplyNestedExpressionsDoNotExhaustTheStack() async {
        let sum = (0..<3_000).map { "x\($0 % 7)" }.joined(separator: " + ")
        let source = "int x0, x1, x2, x3, x4, x5, x6;\nint total(void) { return \(sum); }\n"
        // Run on a cooperative-pool thread, as the pipeline does.
        let facts = await Task.detached { CFixture().facts(source) }.value
        #expect(facts.function("total") != nil)
    }
}

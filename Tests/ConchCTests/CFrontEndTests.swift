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
}

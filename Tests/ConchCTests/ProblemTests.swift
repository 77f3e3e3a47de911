import ConchKit
import Foundation
import Testing
@testable import ConchC

@Suite struct ProblemTests {
    /// libclang 14 drops such calls; 17 and later keep them as recovery expressions.
    @Test(arguments: CFixture.libraries)
    func missingHeaderIsInfoAndCallsAreStillSeenByName(library: String) throws {
        // A header no machine has, in place of <uv.h>.
        let facts = CFixture().facts(frontEnd: CFixture.frontEnd(library: library), """
        #include <conch-missing/uv.h>
        #include "local_config.h"
        #include <unistd.h>
        static void tick(uv_timer_t *t) { sleep(1); }
        int main(void) {
            uv_loop_t *loop = uv_default_loop();
            uv_timer_t timer;
            uv_timer_start(&timer, tick, 0, 1000);
            return uv_run(loop, UV_RUN_DEFAULT);
        }
        """)
        #expect(facts.problems.map(\.message) == ["'conch-missing/uv.h' and 'local_config.h' not found; analysis continues without them, "
                                                 + "and `#if`s that test the macros of 'local_config.h' may take the wrong branch "
                                                 + "(run the build's configure step, or pass --compile-commands)"])
        #expect(facts.problems.allSatisfy { $0.level == .info })
        #expect(facts.function("tick")?.calls.map(\.callee) == ["sleep"])
        let main = try #require(facts.function("main"))
        #expect(main.calls.map(\.callee) == ["uv_default_loop", "uv_timer_start", "uv_run"])
        #expect(main.calls.allSatisfy { !$0.isResolved })
        let markers = facts.eventLoops.map { "\($0.framework) \($0.kind) \($0.callback ?? "-")" }
        #expect(markers == ["libuv callback main.c::tick", "libuv run -"])
    }

    @Test(arguments: CFixture.libraries)
    func callsInAnInactiveArmAreNotRecovered(library: String) {
        let facts = CFixture().facts(frontEnd: CFixture.frontEnd(library: library), """
        #include "conch-missing-config.h"
        #include <unistd.h>
        void serve(void) {
        #ifdef WITH_FORK
            if (fork() == 0) _exit(0);
        #else
            sleep(1);
        #endif
        #if 0
            system("logger accepted");
        #endif
        }
        """)
        #expect(facts.function("serve")?.calls.map(\.callee) == ["sleep"])
        #expect(facts.spawnSites.isEmpty)
    }

    /// `g = h + h + ... + h` nests each `+` in the next. clang recurses once per term,
    /// deeper than a thread's usual 8 MB allow, and finding each operator's extent walked
    /// down its operands again: the unit parses on a deep stack, in time linear in the terms.
    @Test(arguments: CFixture.libraries)
    func anExpressionOfSixtyThousandTermsParsesWithoutOverflowingTheStack(library: String) throws {
        let terms = Array(repeating: "h", count: 60_000).joined(separator: " + ")
        let facts = CFixture().facts(frontEnd: CFixture.frontEnd(library: library), "int g, h;\nvoid sum(void) { g = \(terms); }\n")
        let sum = try #require(facts.function("sum"))
        let write = try #require(sum.globalAccesses.first { $0.variable == "g" && $0.isWrite })
        #expect(write.kind == .rebind)
        #expect(sum.globalAccesses.contains { $0.variable == "h" && $0.kind == .read })
        #expect(facts.problems.isEmpty)
    }

    @Test func missingHeadersMakeOneProblemNamingTheFirstThree() {
        #expect(ParseProblems.missingHeaders(["a.h"]) == "'a.h' not found; analysis continues without it")
        #expect(ParseProblems.missingHeaders(["a.h", "b.h", "c.h", "d.h", "e.h"])
            == "'a.h', 'b.h', 'c.h' and 2 more headers not found; analysis continues without them")
    }

    @Test(arguments: CFixture.libraries)
    func syntaxErrorsStillYieldFacts(library: String) {
        let facts = CFixture().facts(frontEnd: CFixture.frontEnd(library: library), """
        int counter;
        void ok(void) { counter++; }
        int broken( { return 1 }
        """)
        #expect(facts.function("ok")?.globalAccesses.map(\.kind) == [.augmented])
        #expect(facts.problems.count == 1)
        #expect(facts.problems.first?.level == .info)
        #expect(facts.problems.first?.message.hasPrefix("C parse error:") == true)
    }

    @Test(arguments: CFixture.libraries)
    func anErrorDirectiveIsNamedAsOne(library: String) {
        let facts = CFixture().facts(frontEnd: CFixture.frontEnd(library: library), """
        #ifndef DEBUGGING
        #error DEBUGGING not defined
        #endif
        int counter;
        void ok(void) { counter++; }
        """)
        #expect(facts.function("ok")?.globalAccesses.map(\.kind) == [.augmented])
        #expect(facts.problems.map(\.message) == ["C parse error: `#error DEBUGGING not defined` (the build defines something "
            + "this analysis lacks: pass --compile-commands); analysis continues with what parsed"])
    }

    @Test func latin1BytesInACommentAreNoProblem() throws {
        let fixture = CFixture()
        let url = fixture.folder.appendingPathComponent("latin1.c")
        let source = Array("/* Copyright J".utf8) + [0xF6] + Array("rg */\nint hits;\nvoid count(void) { hits++; }\n".utf8)
        try Data(source).write(to: url)
        let frontEnd = CFixture.defaultFrontEnd
        let (text, problems) = frontEnd.decode(source)
        #expect(problems.isEmpty)
        let file = SourceFile(path: "latin1.c", absolutePath: url.path, language: .c, moduleName: "latin1.c", text: text)
        let facts = frontEnd.facts(for: file, settings: AnalysisSettings())
        #expect(facts.problems.isEmpty)
        #expect(facts.function("count")?.globalAccesses.map(\.kind) == [.augmented])
    }

    @Test func missingLibclangGivesOneProblemWithTheInstallHint() {
        let frontEnd = CFrontEnd(search: LibClangSearch(candidates: ["/nonexistent/libclang.so"]), compileCommandsPath: nil)
        let facts = CFixture().facts("int main(void) { return 0; } // conch: ignore", frontEnd: frontEnd)
        #expect(facts.problems == [FileProblem(CFrontEnd.installHint, level: .error)])
        #expect(facts.problems.first?.message.contains("apt-get install libclang-dev") == true)
        #expect(facts.suppressions.lines[1] == [])
        #expect(facts.functions.map(\.kind) == [.module])
    }

    @Test func environmentVariableComesFirstInTheSearch() {
        let search = LibClangSearch.standard(libclangPath: "/configured/libclang.so",
                                             environment: ["CONCH_LIBCLANG": "/env/libclang.so", "PATH": ""])
        #expect(Array(search.candidates.prefix(2)) == ["/env/libclang.so", "/configured/libclang.so"])
    }

    @Test func suppressionCommentsAreReadOutsideStrings() {
        let facts = CFixture().facts("""
        // conch: ignore-file[CON501]
        #include <stdlib.h>
        const char *s = "// conch: ignore";
        int main(void) {
            system("ls"); /* conch: ignore[CON501, CON402] */
            return 0; // noqa
        }
        """)
        #expect(facts.suppressions.file == ["CON501"])
        #expect(facts.suppressions.lines == [5: ["CON501", "CON402"], 6: []])
    }
}

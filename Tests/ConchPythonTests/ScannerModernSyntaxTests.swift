import ConchKit
import ConchPython
import Testing

/// Syntax added from Python 3.8 to 3.12, read by the structural model.
@Suite struct ScannerModernSyntaxTests {
    @Test func parenthesizedWithItemsHoldTheirLocks() {
        let facts = scan("""
        import threading
        lock = threading.Lock()
        other = threading.RLock()
        state = {}

        def put(k, v):
            with (lock, other):
                state[k] = v
            with (
                lock as held,
                open("log") as log,
            ):
                state[k] = v
        """)
        let held = facts.function("pkg.mod.put")?.globalAccesses.filter { $0.variable == "pkg.mod.state" }.map(\.locksHeld)
        #expect(held == [["pkg.mod.lock", "pkg.mod.other"], ["pkg.mod.lock"]])
    }

    @Test func classPatternsAreNoCalls() {
        let facts = scan("""
        def handle(event):
            match event:
                case Click(x=0, y=0):
                    reset()
                case Key(name) | Press(name):
                    press(name)
                case {"kind": Move(dx)}:
                    move(dx)
        """)
        #expect(facts.function("pkg.mod.handle")?.calls.map(\.calleeText) == ["reset", "press", "move"])
    }

    @Test func exceptStarIsABlock() {
        let facts = scan("""
        def f():
            try:
                run()
            except* ValueError as group:
                report(group)
            except* (OSError, KeyError):
                retry()
        """)
        #expect(facts.function("pkg.mod.f")?.calls.map(\.calleeText) == ["run", "report", "retry"])
    }

    @Test func decoratorsMayBeAnyExpression() {
        let facts = scan("""
        @buttons[0].clicked.connect
        def on_click():
            pass

        @(lambda f: f)
        def plain():
            pass
        """)
        #expect(facts.function("pkg.mod.on_click") != nil)
        #expect(facts.function("pkg.mod.plain") != nil)
    }

    @Test func callsInsideFStringFieldsAreCalls() {
        let facts = scan("""
        def f(x):
            return f"{compute(x)!r:>{width()}} and {x=}"
        """)
        #expect(facts.function("pkg.mod.f")?.calls.map(\.calleeText) == ["compute", "width"])
    }

    @Test func walrusInAComprehensionBindsInTheFunction() {
        let facts = scan("""
        import threading
        def f(items):
            if any((worker := threading.Thread(target=g)) for g in items):
                worker.start()
        """)
        #expect(facts.call("threading.Thread.start") != nil)
    }

    @Test func positionalOnlyAndKeywordOnlyParametersAreBound() {
        let facts = scan("""
        import os
        def f(os, /, path, *, mode):
            os.system(path)
        """)
        #expect(facts.function("pkg.mod.f")?.calls.first?.isResolved == false)
    }
}

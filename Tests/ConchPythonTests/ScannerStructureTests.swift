import ConchKit
import ConchPython
import Testing

@Suite struct ScannerStructureTests {
    @Test func moduleBodyIsFunctionZero() {
        let facts = scan("x = 1\n")
        #expect(facts.functions.first?.kind == .module)
        #expect(facts.functions.first?.id == "pkg.mod")
    }

    @Test func functionsMethodsAndNestedDefsGetQualifiedIDs() {
        let facts = scan("""
        def top():
            def inner():
                pass
            return inner

        class Worker:
            def run(self):
                pass

            async def fetch(self):
                pass
        """)
        #expect(facts.functions.map(\.id) == ["pkg.mod", "pkg.mod.top", "pkg.mod.top.<locals>.inner",
                                              "pkg.mod.Worker.run", "pkg.mod.Worker.fetch"])
        let inner = facts.function("pkg.mod.top.<locals>.inner")
        #expect(inner?.isNested == true)
        #expect(inner?.parent == 1)
        let run = facts.function("pkg.mod.Worker.run")
        #expect(run?.kind == .method)
        #expect(run?.className == "pkg.mod.Worker")
        #expect(facts.function("pkg.mod.Worker.fetch")?.isAsync == true)
    }

    @Test func recursionThatCombinesTwoCallsIsMarked() {
        let facts = scan("""
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        def walk(node):
            for child in node.children:
                walk(child)
        def pair(n):
            return (pair(n - 1), pair(n - 2))
        class Tree:
            def size(self, node):
                return 1 + self.size(node.left) + self.size(node.right)
        """)
        #expect(facts.function("pkg.mod.fib")?.branchingRecursion != nil)
        #expect(facts.function("pkg.mod.walk")?.branchingRecursion == nil)
        #expect(facts.function("pkg.mod.pair")?.branchingRecursion == nil)
        #expect(facts.function("pkg.mod.Tree.size")?.branchingRecursion != nil)
    }

    @Test func aNestedFunctionOrLambdaReturnedIsRecorded() {
        let facts = scan("""
        def make(n):
            def work(x):
                return x * n
            return work
        def adder(n):
            return lambda x: x + n
        def passthrough(func):
            return func
        def outer():
            def inner():
                def deepest():
                    pass
                return deepest
            return helper
        """)
        func returned(by id: String) -> String? {
            facts.function(id)?.returnedFunction.map { facts.functions[Int($0)].id }
        }
        #expect(returned(by: "pkg.mod.make") == "pkg.mod.make.<locals>.work")
        #expect(returned(by: "pkg.mod.adder")?.hasPrefix("pkg.mod.<lambda>") == true)
        #expect(returned(by: "pkg.mod.passthrough") == nil)
        #expect(returned(by: "pkg.mod.outer") == nil)
        #expect(returned(by: "pkg.mod.outer.<locals>.inner") == "pkg.mod.outer.<locals>.inner.<locals>.deepest")
    }

    @Test func parametersAreListedAsCallersPassThem() {
        let facts = scan("""
        def f(a, b=1, *rest, key, **options):
            pass
        class C:
            def method(self, x, y):
                pass
            @staticmethod
            def helper(x):
                pass
        """)
        #expect(facts.function("pkg.mod.f")?.parameters == ["a", "b", "rest", "key", "options"])
        #expect(facts.function("pkg.mod.C.method")?.parameters == ["x", "y"])
        #expect(facts.function("pkg.mod.C.helper")?.parameters == ["x"])
    }

    @Test func functionRangeCoversTheWholeBody() {
        let source = "def f():\n    a = 1\n    return a\n\nx = 2\n"
        let facts = scan(source)
        let text = SourceText(source)
        let range = facts.function("pkg.mod.f")?.range ?? ByteRange(0, 0)
        #expect(text.text(range) == "def f():\n    a = 1\n    return a")
        #expect(text.text(facts.function("pkg.mod.f")?.nameRange ?? ByteRange(0, 0)) == "f")
    }

    @Test func decoratorsAreResolvedDottedNames() {
        let facts = scan("""
        import functools
        from flask import Flask
        app = Flask(__name__)

        @functools.lru_cache(maxsize=None)
        @app.route("/")
        @staticmethod
        def handler():
            pass
        """)
        #expect(facts.function("pkg.mod.handler")?.decorators == ["functools.lru_cache", "flask.Flask.route", "staticmethod"])
    }

    @Test func classesResolveBasesThroughImports() {
        let facts = scan("""
        import threading
        from multiprocessing import Process as P

        class Worker(threading.Thread, metaclass=Meta):
            pass

        class Child(P):
            pass

        def factory():
            class Local:
                pass
        """)
        #expect(facts.classes.map(\.qualifiedName) == ["pkg.mod.Worker", "pkg.mod.Child", "pkg.mod.factory.<locals>.Local"])
        #expect(facts.classes[0].bases == ["threading.Thread"])
        #expect(facts.classes[1].bases == ["multiprocessing.Process"])
        #expect(facts.classes[2].isLocal)
        #expect(!facts.classes[0].isLocal)
    }

    @Test func lambdasAreFunctionsAndOwnTheirCalls() {
        let facts = scan("import os\nf = lambda x: os.system(x)\n")
        let lambda = facts.functions.first { $0.kind == .lambda }
        #expect(lambda?.id == "pkg.mod.<lambda>@2:5")
        #expect(lambda?.calls.map(\.callee) == ["os.system"])
        #expect(facts.functions[0].calls.isEmpty)
    }

    @Test func nestedLambdasNestInEachOther() {
        let facts = scan("g = lambda: (lambda y: print(y), len([]))\n")
        let lambdas = facts.functions.filter { $0.kind == .lambda }
        #expect(lambdas.count == 2)
        #expect(lambdas.last?.calls.map(\.callee) == ["print"])
        #expect(lambdas.first?.calls.map(\.callee) == ["len"])
    }

    @Test func inlineSuitesAndSemicolonsSplitStatements() {
        let facts = scan("def f(): a(); b()\nif x: c()\n")
        #expect(facts.function("pkg.mod.f")?.calls.map(\.callee) == ["a", "b"])
        #expect(facts.functions[0].calls.map(\.callee) == ["c"])
    }

    @Test func matchStatementsAreBlocksAndMatchStaysAName() {
        let facts = scan("""
        def f(cmd):
            match cmd:
                case ["go", where]:
                    go(where)
                case _:
                    stop()
            match = re.match("x", cmd)
        """)
        let calls = facts.function("pkg.mod.f")?.calls.map(\.calleeText) ?? []
        #expect(calls == ["go", "stop", "re.match"])
    }

    @Test func typeParametersOfPython312AreSkipped() {
        let facts = scan("""
        import threading

        class Worker[T](threading.Thread):
            def run[U](self, item: U = None) -> None:
                self.step()

            def step(self):
                pass

        def first[T: (int, str)](items: list[T]) -> T:
            return items[0]
        """)
        #expect(facts.classes.first?.bases == ["threading.Thread"])
        #expect(facts.function("pkg.mod.Worker.run")?.calls.map(\.callee) == ["pkg.mod.Worker.step"])
        // The parameter lists are no calls of `Worker[T]` or `first[T]`.
        #expect(facts.functions[0].calls.isEmpty)
        #expect(facts.function("pkg.mod.first")?.calls.isEmpty == true)
    }

    @Test func typeAliasBindsItsNameAndLeavesTypeABuiltin() {
        let facts = scan("""
        type Pairs[T] = list[tuple[T, T]]
        kind = type(Pairs)
        """)
        let call = facts.functions[0].calls.first
        #expect(call?.callee == "type")
        #expect(call?.isResolved == true)
        #expect(call?.arguments.first?.shape == .name("Pairs"))
    }

    @Test func mainGuardBodiesAreRecordedInEitherOrder() {
        let source = "if __name__ == \"__main__\":\n    main()\nif '__main__' == __name__: run()\n"
        let facts = scan(source)
        let text = SourceText(source)
        #expect(facts.mainGuards.map { text.text($0) } == ["main()", "run()"])
    }

    @Test func commentsFeedSuppressions() {
        let facts = scan("# conch: ignore-file[CON205]\nx = 1  # conch: ignore[CON101]\n")
        #expect(facts.suppressions.file == ["CON205"])
        #expect(facts.suppressions.lines[2] == ["CON101"])
    }
}

/// The 1-based line of a byte offset of `source`.
func line(of offset: Int, in source: String) -> Int {
    source.utf8.prefix(offset).filter { $0 == UInt8(ascii: "\n") }.count + 1
}

@Suite struct GuardedRegionTests {
    @Test func mainThreadTestsMarkTheCodeOnlyTheMainThreadRuns() {
        let source = """
        import threading
        def install():
            if threading.current_thread() is threading.main_thread():
                a = 1
            b = 2
        def restore():
            if threading.get_ident() != threading.main_thread().ident:
                return
            c = 3
        def either(flag):
            if flag or threading.current_thread() is threading.main_thread():
                d = 4
            if threading.current_thread().name == "MainThread":
                e = 5
        """
        let facts = scan(source)
        let lines = facts.mainThreadRegions.map { region in
            source.utf8.prefix(region.start).filter { $0 == UInt8(ascii: "\n") }.count + 1
        }
        // The `if` bodies at lines 3 and 13 (from their colons) and the rest of `restore` after line 8.
        #expect(lines == [3, 8, 13])
    }

    @Test func theElseOfAMainThreadTestRunsOffTheMainThread() {
        let source = """
        import threading
        def call(func):
            if threading.current_thread() is threading.main_thread():
                return func()
            elif func is None:
                a = 1
            else:
                b = 2
        def wait(func):
            if threading.current_thread() is not threading.main_thread():
                c = 3
            else:
                d = 4
        """
        let facts = scan(source)
        func lines(_ regions: [ByteRange]) -> [String] {
            regions.map { "\(line(of: $0.start, in: source))-\(line(of: $0.end, in: source))" }
        }
        // `call`: its block; the `elif` and `else` clauses together, then the rest after the `return`.
        // `wait`: the negated test's `else`, then its block.
        #expect(lines(facts.mainThreadRegions) == ["3-4", "12-13"])
        #expect(lines(facts.otherThreadRegions) == ["5-8", "4-8", "10-11"])
    }

    @Test func aFunctionReturningAMainThreadTestIsATesterAndItsCallsAreRecorded() {
        let source = """
        import threading
        def is_main_thread():
            return threading.current_thread().name == "MainThread"
        def is_worker_thread():
            return threading.current_thread() is not threading.main_thread()
        def run(func):
            if not is_main_thread():
                a = 1
            else:
                b = 2
            if is_ready():
                c = 3
        """
        let facts = scan(source)
        #expect(facts.mainThreadTesters.map { facts.functions[$0].name } == ["is_main_thread"])
        #expect(facts.threadTestCalls.count == 1)
        let test = facts.threadTestCalls.first
        #expect(test?.callee == "pkg.mod.is_main_thread")
        #expect(test?.whenTrue.map { line(of: $0.start, in: source) } == [9])
        #expect(test?.whenFalse.map { line(of: $0.start, in: source) } == [7])
    }

    @Test func aSignalProbeIsATesterAndATestBeforeAnOrLeavesOnlyTheRestKnown() {
        let source = """
        import signal
        def is_main_thread():
            try:
                signal.signal(signal.SIGINT, signal.getsignal(signal.SIGINT))
                return True
            except (TypeError, ValueError):
                return False
        def always():
            return True
        def install(handler):
            if (
                not is_main_thread()
                or signal.getsignal(signal.SIGINT) != signal.default_int_handler
            ):
                return
            signal.signal(signal.SIGINT, handler)
        """
        let facts = scan(source)
        #expect(facts.mainThreadTesters.map { facts.functions[$0].name } == ["is_main_thread"])
        let test = facts.threadTestCalls.first
        #expect(test?.callee == "pkg.mod.is_main_thread")
        // Where the whole test fails, `is_main_thread()` answered yes; its block may run either way.
        #expect(test?.whenTrue.map { line(of: $0.start, in: source) } == [15])
        #expect(test?.whenFalse.isEmpty == true)
    }

    @Test func aBlockThatTestsAnOptionalParameterRunsOnlyWhenItIsPassed() {
        let source = """
        class Banner:
            def __init__(self, text, url=None, *, retries=None, timeout=5):
                if url is not None:
                    fetch(url)
                if retries:
                    retry()
                if timeout:
                    wait()
                if url is None:
                    skip()
        """
        let facts = scan(source)
        let branches = facts.functions.first { $0.name == "__init__" }?.passedParameterBranches ?? []
        // `url` is `parameters[1]`, `retries` `parameters[2]`; `timeout` defaults to 5.
        #expect(branches.map(\.parameter) == [1, 2])
        #expect(branches.map { line(of: $0.range.start, in: source) } == [3, 5])
    }

    @Test func aTestOfAnotherThreadMarksTheCodeThatRunsOffIt() {
        let source = """
        import threading
        def close(self):
            if self.loop._thread_id == threading.get_ident():
                return
            wait = 1
        def flush(self):
            if self._loop_thread != threading.get_ident():
                wait = 2
        """
        let facts = scan(source)
        let lines = facts.otherThreadRegions.map { region in
            source.utf8.prefix(region.start).filter { $0 == UInt8(ascii: "\n") }.count + 1
        }
        #expect(lines == [4, 7])
        #expect(facts.mainThreadRegions.isEmpty)
    }

    @Test func aStoredTestOfTheThreadCountsWhereItIsUsed() {
        let source = """
        import threading
        def close(loop):
            loop_thread = getattr(loop, "_thread_id", None)
            same_thread = (loop_thread is not None and loop_thread == threading.get_ident())
            if same_thread:
                return
            wait = 1
        """
        let facts = scan(source)
        let lines = facts.otherThreadRegions.map { region in
            source.utf8.prefix(region.start).filter { $0 == UInt8(ascii: "\n") }.count + 1
        }
        // The rest of `close`, after the `return` at line 6.
        #expect(lines == [6])
    }
}

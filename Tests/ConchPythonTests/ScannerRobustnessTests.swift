import ConchKit
import ConchPython
import Testing

@Suite struct ScannerRobustnessTests {
    @Test func tenThousandOpenParenthesesProduceFactsAndAProblem() {
        let facts = scan(String(repeating: "(", count: 10_000))
        #expect(facts.functions.count >= 1)
        #expect(facts.problems.count == 1)
    }

    @Test func deeplyNestedBalancedBracketsAndLambdasStayFast() {
        let depth = 10_000
        let source = "x = " + String(repeating: "f(", count: depth) + String(repeating: ")", count: depth) + "\n"
            + "y = " + String(repeating: "lambda: ", count: depth) + "0\n"
            + "z = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let facts = scan(source)
        #expect(facts.functions[0].calls.count == depth)
        #expect(facts.functions.filter { $0.kind == .lambda }.count == depth)
    }

    @Test func randomBytesNeverCrash() {
        var generator = SplitMix(seed: 42)
        for _ in 0..<50 {
            let bytes = (0..<2_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let text = SourceText(bytes: bytes)
            let file = SourceFile(path: "r.py", absolutePath: "/tmp/r.py", language: .python, moduleName: "r", text: text)
            let facts = PythonFrontEnd().facts(for: file, settings: AnalysisSettings())
            #expect(facts.functions.first?.kind == .module)
        }
    }

    @Test func randomPythonishTokenSoupNeverCrashes() {
        let pieces = ["def ", "class ", "lambda", ":", "(", ")", "[", "]", "{", "}", "for ", " in ", "while ", "with ",
                      " as ", "if ", "else", "\n", "    ", "x", "self", ".", ",", "=", "+=", "global ", "import ",
                      "from ", "async ", "await ", "\"s\"", "f\"{", "}\"", "1", "@", "match ", "case ", ";", "\\\n", "#c",
                      "from threading import *\n", "from .m import *\n", " ** ", "range(", "QThreadPool().start(",
                      ".started.connect(", "run_in_executor(None, "]
        var generator = SplitMix(seed: 7)
        for _ in 0..<200 {
            var source = ""
            for _ in 0..<300 { source += pieces[Int(generator.next() % UInt64(pieces.count))] }
            let facts = scan(source)
            #expect(facts.functions.first?.kind == .module)
        }
    }

    @Test func unterminatedEverythingStillScans() {
        let facts = scan("def f(:\n    x = [1,\n    s = '''abc\nclass\nwhile\n    with open(")
        #expect(facts.functions.first?.kind == .module)
        #expect(facts.problems.count == 1)
    }

    @Test func thousandsOfNestedBlocksScanWithoutRecursion() {
        var source = "def f():\n"
        for depth in 1...2_000 {
            source += String(repeating: " ", count: depth) + "for i\(depth) in range(3):\n"
        }
        source += String(repeating: " ", count: 2_001) + "work()\n"
        let facts = scan(source)
        #expect(facts.functions.first?.kind == .module)
    }

    @Test func oneGiantLineOfCallsStaysLinear() {
        let source = "x = [" + String(repeating: "f(a, b=1), ", count: 20_000) + "]\n"
        let facts = scan(source)
        #expect(facts.functions[0].calls.count == 20_000)
    }

    @Test func brokenIndentationDoesNotLoseLaterDefinitions() {
        let facts = scan("def a():\n        x = 1\n    y = 2\ndef b():\n    pass\n")
        #expect(facts.function("pkg.mod.b") != nil)
    }
}


import ConchKit
import ConchPython
import Testing

@Suite struct ScannerImportTests {
    @Test func plainAndAliasedImportsBindTheirTargets() {
        let facts = scan("import os\nimport a.b\nimport threading as th\nfrom concurrent.futures import ProcessPoolExecutor as PPE, wait\n")
        let pairs = facts.imports.map { "\($0.localName)=\($0.target)" }
        #expect(pairs == ["os=os", "a.b=a.b", "th=threading",
                          "PPE=concurrent.futures.ProcessPoolExecutor", "wait=concurrent.futures.wait"])
    }

    @Test func parenthesisedFromImportListsEveryName() {
        let facts = scan("from os import (\n    system,\n    popen as p,\n)\n")
        #expect(facts.imports.map(\.target) == ["os.system", "os.popen"])
        #expect(facts.imports.map(\.localName) == ["system", "p"])
    }

    @Test func relativeImportsResolveAgainstTheModulesPackage() {
        let facts = scan("from . import w\nfrom .x import y\nfrom .. import up\n", module: "pkg.sub.mod", path: "pkg/sub/mod.py")
        #expect(facts.imports.map(\.target) == ["pkg.sub.w", "pkg.sub.x.y", "pkg.up"])
    }

    @Test func relativeImportsInAPackageInitResolveAgainstThePackageItself() {
        let facts = scan("from . import w\nfrom .x import y\n", module: "pkg.sub", path: "pkg/sub/__init__.py")
        #expect(facts.imports.map(\.target) == ["pkg.sub.w", "pkg.sub.x.y"])
    }

    @Test func importedNamesResolveCallees() {
        let facts = scan("""
        import threading as th
        from os import system
        import a.b
        th.Thread()
        system("ls")
        a.b.c()
        """)
        #expect(facts.call("threading.Thread")?.calleeText == "th.Thread")
        #expect(facts.call("os.system")?.isResolved == true)
        #expect(facts.call("a.b.c") != nil)
    }
}

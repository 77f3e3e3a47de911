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

    @Test func starImportsBindTheNamesTheirModuleExports() {
        let facts = scan("""
        from tkinter import *
        from threading import *
        Thread(target=print).start()
        root = Tk()
        len([])
        """)
        #expect(facts.call("threading.Thread")?.isResolved == true)
        #expect(facts.call("tkinter.Tk")?.calleeText == "Tk")
        #expect(facts.call("len")?.isResolved == true)
    }

    @Test func theLastStarImportThatExportsANameWinsOverTheBuiltin() {
        // `os` exports its own `open`, which hides the builtin.
        let facts = scan("from threading import *\nfrom os import *\nopen('f', O_RDONLY)\nsystem('ls')\n")
        #expect(facts.allCalls.map(\.callee) == ["os.open", "os.system"])
    }

    @Test func aNameBoundInTheModuleWinsOverAStarImport() {
        let facts = scan("from threading import *\nclass Thread: pass\nThread()\n")
        #expect(facts.allCalls.map(\.callee) == ["pkg.mod.Thread"])
    }

    @Test func aModuleThatIsNotListedLendsEveryUnboundNameWhenItIsTheOnlyStarImport() {
        let facts = scan("from .helpers import *\nwork()\nValueError('x')\n", module: "pkg.mod", path: "pkg/mod.py")
        #expect(facts.call("pkg.helpers.work")?.isResolved == true)
        #expect(facts.call("pkg.helpers.ValueError") == nil)
        #expect(facts.imports.map(\.target) == ["pkg.helpers.*"])
    }

    @Test func twoStarImportsThatAreNotListedLeaveUnboundNamesUnresolved() {
        let facts = scan("from helpers import *\nfrom tools import *\nwork()\n")
        #expect(facts.allCalls.map(\.callee) == ["work"])
        #expect(facts.allCalls.first?.isResolved == false)
    }
}

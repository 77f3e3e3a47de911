import ConchKit
import Foundation
import Testing
@testable import ConchC

@Suite struct DumpTests {
    @Test func dump() throws {
        guard let path = ProcessInfo.processInfo.environment["CONCH_DUMP"] else { return }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let start = Date()
        let file = SourceFile(path: (path as NSString).lastPathComponent, absolutePath: path, language: .c, moduleName: "", text: SourceText(text))
        let facts = CFixture.defaultFrontEnd.facts(for: file, settings: AnalysisSettings())
        print("took", Date().timeIntervalSince(start))
        let source = SourceText(text)
        func show(_ r: ByteRange) -> String { "\(source.position(of: r.start).line):\(source.text(r).prefix(50).replacingOccurrences(of: "\n", with: " "))" }
        print("problems", facts.problems)
        print("python", facts.isPythonExtension, "suppr", facts.suppressions)
        for g in facts.globals { print("global", g.name, g.storage, g.typeName ?? "", g.isFunctionStatic) }
        for f in facts.functions {
            print("FUNC", f.id, f.kind, show(f.nameRange), "gil", f.gilReleasedRegions.map(show), "parent", f.parent as Any, show(f.range).prefix(40))
            for l in f.loops { print("  loop", l.kind, l.bound, "hdr", show(l.headerRange), "parent", l.parent as Any, "depth", l.depth, "arith", l.arithmeticOperations, "py", l.touchesPythonObjects) }
            for c in f.calls { print("  call", c.callee, c.isResolved, "text", c.calleeText, "loop", c.loop as Any, "locks", c.locksHeld, "bound", c.boundName ?? "-", c.arguments.map { "\($0.shape)" }) }
            for a in f.globalAccesses { print("  access", a.variable, a.kind, show(a.range), "locks", a.locksHeld, "atomic", a.isAtomic) }
        }
        for s in facts.spawnSites { print("spawn", s.kind, s.api, s.entry, show(s.range), "fn", s.function, "loop", s.loop as Any) }
        for e in facts.eventLoops { print("event", e.framework, e.kind, show(e.range), e.callback ?? "-") }
    }
}

@Suite struct TimingProbe {
    @Test func indexCost() throws {
        guard let path = ProcessInfo.processInfo.environment["CONCH_TIME"] else { return }
        let search = LibClangSearch.standard(libclangPath: nil)
        guard case .success(let library) = LibClangLoader.load(search) else { return }
        var start = Date()
        for _ in 0..<200 { let index = library.createIndex(0, 0); library.disposeIndex(index) }
        print("index create+dispose x200:", Date().timeIntervalSince(start))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let file = SourceFile(path: "x.c", absolutePath: path, language: .c, moduleName: "", text: SourceText(text))
        let frontEnd = CFrontEnd(search: search, compileCommandsPath: nil)
        _ = frontEnd.facts(for: file, settings: AnalysisSettings())
        start = Date()
        for _ in 0..<10 { _ = frontEnd.facts(for: file, settings: AnalysisSettings()) }
        print("facts x10:", Date().timeIntervalSince(start), library.version)
    }
}

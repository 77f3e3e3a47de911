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

import ConchKit
import ConchPython
import Testing

/// The `if`/`elif`/`else` arms around a start, and the chain's other blocks.
@Suite struct ScannerBranchArmTests {
    @Test func aStartKnowsTheOtherBlocksOfItsChain() throws {
        let source = """
        import threading
        def run(mode):
            if mode == "thread":
                threading.Thread(target=work).start()
            elif mode == "inline":
                work()
            else:
                print("idle")
            done()
        def work(): pass
        def done(): pass
        """
        let facts = scan(source)
        let arm = try #require(facts.spawnSites.first?.arms.first)
        #expect(arm.arm == 0)
        #expect(arm.otherArms.map { line(of: $0.start, in: source) } == [5, 7])
        #expect(arm.otherArms.map { line(of: $0.end, in: source) } == [7, 9])
    }
}

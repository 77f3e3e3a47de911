import ConchKit
import Testing

@Suite struct ArgumentListTests {
    private func argument(_ text: String, keyword: String? = nil) -> Argument {
        Argument(keyword: keyword, shape: .name(text), range: ByteRange(0, text.utf8.count), text: text)
    }

    @Test func runsOfOneTableReadAsTheirOwnArguments() {
        let table = ArgumentTable()
        for text in ["a", "b", "c"] { table.append(argument(text)) }
        let first = ArgumentList(table, 0..<2)
        let second = ArgumentList(table, 2..<3)
        table.append(argument("d", keyword: "timeout"))
        table.trim()
        let third = ArgumentList(table, 3..<4)
        #expect(first.map(\.text) == ["a", "b"])
        #expect(second.map(\.text) == ["c"])
        #expect(third.first?.keyword == "timeout")
        #expect(ArgumentList(table, 4..<4).isEmpty)
    }

    @Test func equalityAndHashingGoByTheArguments() {
        let table = ArgumentTable([argument("x"), argument("y"), argument("x")])
        let fromTable = ArgumentList(table, 2..<3)
        let own = ArgumentList([argument("x")])
        #expect(fromTable == own)
        #expect(fromTable.hashValue == own.hashValue)
        #expect(ArgumentList(table, 0..<2) != own)
        let empty: ArgumentList = []
        #expect(empty == ArgumentList(table, 1..<1))
    }

    @Test func callsFindTheirArgumentsByPositionAndKeyword() {
        var call = CallFacts(callee: "f", calleeText: "f", isResolved: true, range: ByteRange(0, 1), calleeRange: ByteRange(0, 1))
        call.arguments = [argument("a"), argument("5", keyword: "n"), argument("b")]
        #expect(call.argument(at: 1)?.text == "b")
        #expect(call.argument(keyword: "n")?.text == "5")
        #expect(call.argument(at: 2) == nil)
    }
}

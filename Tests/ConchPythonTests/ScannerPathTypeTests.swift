import ConchKit
import ConchPython
import Testing

/// `pathlib.Path` values that come from joins, parents and the class's own methods.
@Suite struct ScannerPathTypeTests {
    @Test func joinsAndParentsOfAPathArePaths() {
        let facts = scan("""
        from pathlib import Path
        HERE = Path(__file__).parent
        DATA = HERE / "data" / f"{__name__}.d"
        CACHE = Path.home() / ".cache"
        class Store:
            def __init__(self, root):
                self.root = Path(root)
                self.index = self.root / "index.json"
            def load(self, name):
                target = self.root / name
                (DATA / name).read_text()
                CACHE.joinpath(name).write_bytes(b"")
                self.index.read_text()
                return target.read_bytes()
        """)
        #expect(facts.function("pkg.mod.Store.load")?.calls.map(\.callee) == [
            "pathlib.Path.read_text", "pathlib.Path.joinpath", "pathlib.Path.write_bytes", "pathlib.Path.read_text",
            "pathlib.Path.read_bytes",
        ])
    }

    @Test func divisionsOfOtherValuesStayUnknown() {
        let facts = scan("""
        from pathlib import Path
        TOTAL = 10
        HALF = TOTAL / 2
        def ratio(parts, root: str):
            share = parts / 3
            where = root / "x"
            return share.hex(), where.read_text(), (HALF / 2).hex()
        """)
        #expect(facts.function("pkg.mod.ratio")?.calls.map(\.isResolved) == [false, false, false])
    }
}

import ConchKit
import ConchPython
import Testing

/// What a test of a name against a string written out says the name holds, and where.
@Suite struct ScannerStringCheckTests {
    @Test func aTestOfAURISchemeMarksWhereTheNameHoldsOne() {
        let source = """
        def decode(data_uri):
            if not data_uri.startswith("data:"):
                raise ValueError(data_uri)
            return data_uri
        def fetch(url):
            if url.startswith('FILE:'):
                a = 1
            if url.startswith("#"):
                b = 2
            if not url.startswith("http:"):
                c = 3
        """
        let facts = scan(source)
        #expect(facts.stringChecks.map(\.name) == ["data_uri", "url"])
        #expect(facts.stringChecks.map(\.value) == ["data", "file"])
        #expect(facts.stringChecks.map(\.kind) == [.scheme, .scheme])
        #expect(facts.stringChecks.map { $0.regions.map { line(of: $0.start, in: source) } } == [[3], [6]])
    }

    @Test func anEqualityTestMarksItsBlockOnly() {
        let source = """
        import socket
        def node(host, port):
            if host == "localhost":
                host = socket.gethostbyname(host)
            if 'primary' == role:
                pass
            if host == f"{port}":
                pass
            if host == "a" + b:
                pass
            return host
        """
        let facts = scan(source)
        #expect(facts.stringChecks.map(\.name) == ["host", "role"])
        #expect(facts.stringChecks.map(\.value) == ["localhost", "primary"])
        #expect(facts.stringChecks.map(\.kind) == [.equals, .equals])
        #expect(facts.stringChecks.map { $0.regions.map { line(of: $0.start, in: source) } } == [[3], [5]])
    }
}

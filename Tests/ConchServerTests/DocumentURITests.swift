@testable import ConchServer
import Testing

@Suite struct DocumentURITests {
    @Test func percentEncodedPathsDecode() {
        #expect(DocumentURI.path(of: "file:///tmp/a%20b/%C3%A9t%C3%A9.py") == "/tmp/a b/été.py")
        #expect(DocumentURI.path(of: "file://localhost/tmp/x.py") == "/tmp/x.py")
        #expect(DocumentURI.path(of: "untitled:Untitled-1") == nil)
    }

    @Test func pathsEncodeAndRoundTrip() {
        let path = "/tmp/a b/été#1.py"
        let uri = DocumentURI.uri(forPath: path)
        #expect(uri == "file:///tmp/a%20b/%C3%A9t%C3%A9%231.py")
        #expect(DocumentURI.path(of: uri) == path)
    }
}

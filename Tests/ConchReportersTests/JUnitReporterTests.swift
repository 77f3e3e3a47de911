import ConchKit
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ConchReporters

@Suite struct JUnitReporterTests {
    @Test func simpleDiagnosticIsOneFailingTestCase() {
        #expect(Reporters.render(Fixtures.simpleInput(), as: .junit) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="conch" tests="1" failures="1">
              <testsuite name="pkg/render.py" tests="1" failures="1">
                <testcase name="CON101:7:5" classname="pkg/render.py">
                  <failure message="thread runs `work`, which is CPU-bound" type="CON101">\
            pkg/render.py:7:5: thread runs `work`, which is CPU-bound
            model: process: use concurrent.futures.ProcessPoolExecutor
            note: pkg/render.py:4:5: CPU-bound loop</failure>
                </testcase>
              </testsuite>
            </testsuites>

            """)
    }

    @Test func noFindingsIsAnEmptyTestsuites() throws {
        let output = Reporters.render(ReportInput(diagnostics: []), as: .junit)
        #expect(output == """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="conch" tests="0" failures="0">
            </testsuites>

            """)
        #expect(try XMLDump(output).elements.map(\.name) == ["testsuites"])
    }

    @Test func oneSuitePerFileInInputOrder() throws {
        var other = Fixtures.simpleDiagnostic
        other.location.path = "pkg/z.py"
        let input = Fixtures.simpleInput([Fixtures.simpleDiagnostic, Fixtures.simpleDiagnostic, other])
        let dump = try XMLDump(Reporters.render(input, as: .junit))
        let suites = dump.elements.filter { $0.name == "testsuite" }
        #expect(suites.map { $0.attributes["name"] } == ["pkg/render.py", "pkg/z.py"])
        #expect(suites.map { $0.attributes["failures"] } == ["2", "1"])
        #expect(dump.elements.first?.attributes["tests"] == "3")
    }

    @Test func nastyValuesSurviveAnXMLParser() throws {
        var diagnostic = Fixtures.nastyDiagnostic
        diagnostic.message += " \u{01}\u{1B}\u{FFFE}end"
        let input = ReportInput(diagnostics: [diagnostic])
        let dump = try XMLDump(Reporters.render(input, as: .junit))
        let testcase = try #require(dump.elements.first { $0.name == "testcase" })
        #expect(testcase.attributes["classname"] == Fixtures.nastyPath)
        #expect(testcase.attributes["name"] == "CON101:2:13")
        let failure = try #require(dump.elements.first { $0.name == "failure" })
        // Forbidden characters are dropped; the line break in the attribute is kept.
        #expect(failure.attributes["message"] == Fixtures.nastyMessage + " end")
        #expect(failure.attributes["type"] == "CON101")
        #expect(failure.text.hasPrefix("\(Fixtures.nastyPath):2:13: \(Fixtures.nastyMessage) end\nmodel: process:"))
    }
}

/// The elements of a document as Foundation's XMLParser reads them; throws
/// when the document is not well-formed.
private final class XMLDump: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
    }

    struct ParseError: Error {
        var underlying: Error?
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []

    init(_ document: String) throws {
        super.init()
        let parser = XMLParser(data: Data(document.utf8))
        parser.delegate = self
        guard parser.parse() else { throw ParseError(underlying: parser.parserError) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        open.append(elements.count)
        elements.append(Element(name: name, attributes: attributes, text: ""))
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }
}

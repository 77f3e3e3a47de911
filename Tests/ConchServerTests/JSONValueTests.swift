import ConchServer
import Testing

@Suite struct JSONValueTests {
    @Test func serializationEscapesWhatJSONRequiresAndKeepsUnicode() {
        let value: JSONValue = ["b": "quote \" backslash \\ newline \n tab \t bell \u{7} snake 🐍 slash /", "a": [1, 2.5, true, nil]]
        let text = String(decoding: value.serialized(), as: UTF8.self)
        #expect(text == #"{"a":[1,2.5,true,null],"b":"quote \" backslash \\ newline \n tab \t bell \u0007 snake 🐍 slash /"}"#)
    }

    @Test func serializedValuesParseBack() throws {
        let value: JSONValue = ["id": "x", "n": -3, "nested": ["deep": [[:], []]], "text": "line\r\nnext \u{1}"]
        #expect(try JSONValue.parse(value.serialized()) == value)
    }

    @Test func integersStayIntegers() throws {
        let parsed = try JSONValue.parse(Array(#"{"id": 7, "x": 1.5, "big": 1e3}"#.utf8))
        #expect(parsed["id"] == .int(7))
        #expect(parsed["x"] == .double(1.5))
        #expect(parsed["big"]?.int == 1000)
    }
}

import ConchKit

/// A JSON document whose objects keep the order their fields were written in,
/// so every format built on it prints the same bytes for the same input.
indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([JSONField])

    /// Compact: no whitespace at all (one object per line for jsonl).
    func compact() -> String {
        var out = ""
        write(to: &out, indent: nil, depth: 0)
        return out
    }

    /// Pretty: two-space indent, `"key": value`, empty containers as `[]` / `{}`.
    func pretty() -> String {
        var out = ""
        write(to: &out, indent: "  ", depth: 0)
        return out
    }

    private func write(to out: inout String, indent: String?, depth: Int) {
        switch self {
        case .string(let value): JSONValue.writeString(value, to: &out)
        case .int(let value): out += String(value)
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            writeContainer(open: "[", close: "]", count: items.count, to: &out, indent: indent, depth: depth) { index, out in
                items[index].write(to: &out, indent: indent, depth: depth + 1)
            }
        case .object(let fields):
            writeContainer(open: "{", close: "}", count: fields.count, to: &out, indent: indent, depth: depth) { index, out in
                JSONValue.writeString(fields[index].key, to: &out)
                out += indent == nil ? ":" : ": "
                fields[index].value.write(to: &out, indent: indent, depth: depth + 1)
            }
        }
    }

    private func writeContainer(
        open: String, close: String, count: Int, to out: inout String, indent: String?, depth: Int,
        element: (Int, inout String) -> Void
    ) {
        out += open
        guard count > 0 else { out += close; return }
        for index in 0..<count {
            if index > 0 { out += "," }
            if let indent { out += "\n" + String(repeating: indent, count: depth + 1) }
            element(index, &out)
        }
        if let indent { out += "\n" + String(repeating: indent, count: depth) }
        out += close
    }

    static func writeString(_ value: String, to out: inout String) {
        JSONEscaping.appendQuoted(value, to: &out)
    }
}

struct JSONField: Sendable, Equatable {
    var key: String
    var value: JSONValue

    init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

extension JSONValue {
    /// Shorthand for an ordered object: `.fields(("a", .int(1)), ("b", .null))`.
    static func fields(_ pairs: (String, JSONValue)...) -> JSONValue {
        .object(pairs.map { JSONField($0.0, $0.1) })
    }

    static func optionalString(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }
}

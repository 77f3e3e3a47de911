/// The lengths a set of names has, one bit each (bit n: n bytes; bit 63: 63 or more):
/// most names looked up in a table are ruled out by their length, without hashing them.
struct LengthFilter: Sendable {
    private let bits: UInt64

    /// A filter that rules nothing out.
    static let everything = LengthFilter(bits: .max)

    init(_ names: some Sequence<String>) {
        bits = names.reduce(0) { $0 | Self.bit(of: $1) }
    }

    private init(bits: UInt64) {
        self.bits = bits
    }

    /// Whether the set may hold `name`: false only when no name of its length is in it.
    func mayContain(_ name: String) -> Bool {
        bits & Self.bit(of: name) != 0
    }

    private static func bit(of name: String) -> UInt64 {
        1 << UInt64(min(name.utf8.count, 63))
    }
}

/// The integer constants a start or call hands the code it runs: by the position of the
/// parameter that receives each (`args=(10**7,)`, `crunch(5000)`), and, when it constructs
/// the object whose method runs (`Worker(10**7)`, a `Thread` subclass), by the attribute
/// its `__init__` stores each in (`self.n = n`).
public struct HandedCounts: Sendable, ExpressibleByDictionaryLiteral {
    public var byParameter: [Int: Int]
    public var byAttribute: [String: Int]

    public init(byParameter: [Int: Int], byAttribute: [String: Int] = [:]) {
        self.byParameter = byParameter
        self.byAttribute = byAttribute
    }

    public init(dictionaryLiteral elements: (Int, Int)...) {
        self.init(byParameter: Dictionary(elements, uniquingKeysWith: { first, _ in first }))
    }

    public var isEmpty: Bool { byParameter.isEmpty && byAttribute.isEmpty }
}

/// Which codes are on, ruff-style: the most specific matching selector wins,
/// and at equal length `ignore` beats `select`.
public struct RuleSelection: Sendable, Equatable {
    public var select: [String]
    public var extendSelect: [String]
    public var ignore: [String]

    public init(select: [String] = ["ALL"], extendSelect: [String] = [], ignore: [String] = []) {
        self.select = select
        self.extendSelect = extendSelect
        self.ignore = ignore
    }

    public func isEnabled(_ code: String) -> Bool {
        let chosen = Self.longestMatch(select + extendSelect, code)
        let dropped = Self.longestMatch(ignore, code)
        guard let chosen else { return false }
        guard let dropped else { return true }
        return chosen > dropped
    }

    /// Length of the longest selector that covers `code`; `ALL` counts as length 0.
    static func longestMatch(_ selectors: [String], _ code: String) -> Int? {
        selectors.compactMap { selector -> Int? in
            if selector == "ALL" { return 0 }
            return code.hasPrefix(selector) ? selector.count : nil
        }.max()
    }

    /// A selector is valid when it is `ALL` or a prefix of a known code of at least `CON`.
    public static func unknownSelector(in selectors: [String], knownCodes: [String]) -> String? {
        selectors.first { selector in
            selector != "ALL" && !(selector.hasPrefix("CON") && knownCodes.contains { $0.hasPrefix(selector) })
        }
    }
}

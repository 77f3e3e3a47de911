/// The settings that facts and rules may depend on. Part of the cache key.
public struct AnalysisSettings: Hashable, Sendable {
    /// `3.12`, `3.13t` (free-threaded); nil when unknown.
    public var targetPython: String?
    /// Per-rule options from the configuration: `["CON203": ["threshold": .integer(3)]]`.
    public var ruleOptions: [String: [String: OptionValue]]

    public init(targetPython: String? = nil, ruleOptions: [String: [String: OptionValue]] = [:]) {
        self.targetPython = targetPython
        self.ruleOptions = ruleOptions
    }

    /// A free-threaded build (PEP 703) runs Python threads in parallel.
    public var isFreeThreaded: Bool { targetPython?.hasSuffix("t") ?? false }

    /// Python 3.14 and later have `concurrent.futures.InterpreterPoolExecutor` (PEP 734's
    /// interpreters, each with a GIL of its own).
    public var hasInterpreterPools: Bool {
        guard let version = targetPython.map({ $0.hasSuffix("t") ? String($0.dropLast()) : $0 }) else { return false }
        let parts = version.split(separator: ".").compactMap { Int($0) }
        return parts.count == 2 && (parts[0], parts[1]) >= (3, 14)
    }

    public func integerOption(_ code: String, _ key: String) -> Int? {
        if case let .integer(value)? = ruleOptions[code]?[key] { return value }
        return nil
    }

    public func stringOption(_ code: String, _ key: String) -> String? {
        if case let .string(value)? = ruleOptions[code]?[key] { return value }
        return nil
    }
}

public enum OptionValue: Hashable, Sendable {
    case integer(Int)
    case string(String)
    case boolean(Bool)
    case strings([String])
}

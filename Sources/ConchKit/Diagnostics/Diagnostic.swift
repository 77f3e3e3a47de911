public struct Recommendation: Hashable, Sendable, Codable {
    public var model: ConcurrencyModel
    /// One line naming the concrete API: `use concurrent.futures.ProcessPoolExecutor`.
    public var advice: String

    public init(model: ConcurrencyModel, advice: String) {
        self.model = model
        self.advice = advice
    }
}

public struct SourceLocation: Hashable, Sendable {
    public var path: String
    public var range: ByteRange
    public var start: SourcePosition
    public var end: SourcePosition

    public init(path: String, range: ByteRange, start: SourcePosition, end: SourcePosition) {
        self.path = path
        self.range = range
        self.start = start
        self.end = end
    }
}

public struct RelatedLocation: Hashable, Sendable {
    public var location: SourceLocation
    public var message: String

    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }
}

/// A finding ready for output: positions resolved, severity and filters applied.
public struct Diagnostic: Hashable, Sendable {
    public var code: String
    public var name: String
    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    public var recommendation: Recommendation?
    public var rationale: String
    public var related: [RelatedLocation]
    /// Stable across edits elsewhere in the file: for baselines and SARIF.
    public var fingerprint: String

    public init(code: String, name: String, severity: Severity, location: SourceLocation, message: String, recommendation: Recommendation?, rationale: String, related: [RelatedLocation], fingerprint: String) {
        self.code = code
        self.name = name
        self.severity = severity
        self.location = location
        self.message = message
        self.recommendation = recommendation
        self.rationale = rationale
        self.related = related
        self.fingerprint = fingerprint
    }

    public var path: String { location.path }
}

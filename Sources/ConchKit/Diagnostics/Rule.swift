/// What a rule reports, in the bytes of one file; the engine resolves positions,
/// applies severity overrides and suppressions, and fingerprints it.
public struct Finding: Hashable, Sendable {
    public struct Evidence: Hashable, Sendable {
        public var path: String
        public var range: ByteRange
        public var message: String

        public init(path: String, range: ByteRange, message: String) {
            self.path = path
            self.range = range
            self.message = message
        }
    }

    public var code: String
    public var path: String
    public var range: ByteRange
    public var message: String
    public var recommendation: Recommendation
    public var related: [Evidence]
    /// Replaces the rule's severity for this finding only (a shell-injection risk is worse).
    public var severity: Severity?

    public init(code: String, path: String, range: ByteRange, message: String, recommendation: Recommendation, related: [Evidence] = [], severity: Severity? = nil) {
        self.code = code
        self.path = path
        self.range = range
        self.message = message
        self.recommendation = recommendation
        self.related = related
        self.severity = severity
    }
}

public protocol Rule: Sendable {
    var metadata: RuleMetadata { get }
    /// Keys this rule accepts under `[rules.CODE]` in the configuration.
    var optionNames: [String] { get }
    /// What is wrong with a configured value of one of `optionNames` (`must be a
    /// whole number of 0 or more`), or nil when the rule can use it.
    func problem(withOption key: String, value: OptionValue) -> String?
    func check(_ model: ProjectModel) -> [Finding]
}

extension Rule {
    public var optionNames: [String] { [] }

    public func problem(withOption key: String, value: OptionValue) -> String? { nil }

    /// A finding of this rule, recommending its default model unless told otherwise.
    public func finding(
        in file: FileFacts, at range: ByteRange, _ message: String, advice: String,
        model: ConcurrencyModel? = nil, related: [Finding.Evidence] = [], severity: Severity? = nil
    ) -> Finding {
        Finding(
            code: metadata.code, path: file.path, range: range, message: message,
            recommendation: Recommendation(model: model ?? metadata.model, advice: advice),
            related: related, severity: severity
        )
    }
}

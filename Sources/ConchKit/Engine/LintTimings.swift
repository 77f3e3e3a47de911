/// Where a run's time went, for `conch check --profile`: each phase's wall time,
/// and each rule's. Rules run side by side, and a rule's time includes waiting
/// for a project-wide analysis that another rule is computing.
public struct LintTimings: Sendable {
    public var discovery: Duration = .zero
    /// Reading, decoding and analysing every file, in parallel.
    public var facts: Duration = .zero
    /// Joining the facts: the function index and the callee table.
    public var model: Duration = .zero
    public var rules: Duration = .zero
    /// Per rule code, in the order the rules ran.
    public var perRule: [(code: String, time: Duration)] = []
    /// Resolving suppressions, baselines and sorting what the rules found.
    public var findings: Duration = .zero

    public init() {}
}

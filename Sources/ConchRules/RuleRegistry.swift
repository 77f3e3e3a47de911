import ConchKit

/// The rules this build implements: registering a rule is one line here.
public enum RuleRegistry {
    public static let implemented: [any Rule] = [
        GILHeldHotLoop(),
        CPUBoundInEventLoop(),
        SpawnPerTask(),
        SleepingTimerThread(),
        BlockingCallInEventLoop(),
        MixedConcurrencyModels(),
        LegacyProcessSpawn(),
        UnsynchronizedSharedWrite(),
        LostUpdateInChild(),
        MTUnsafeCallInThread(),
    ]

    /// Codes in the catalog whose implementation has not landed yet.
    public static var unimplementedCodes: [String] {
        let done = Set(implemented.map(\.metadata.code))
        return RuleCatalog.all.map(\.code).filter { !done.contains($0) }
    }
}

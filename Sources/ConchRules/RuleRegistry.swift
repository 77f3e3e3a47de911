import ConchKit

/// The rules this build implements: registering a rule is one line here.
public enum RuleRegistry {
    public static let implemented: [any Rule] = [
        CPUBoundThread(),
        IOBoundProcess(),
        GILHeldHotLoop(),
        CPUBoundInEventLoop(),
        UnsynchronizedSharedWrite(),
        LostUpdateInChild(),
        SharedMemorySprawl(),
        UnpicklableProcessTask(),
        UnguardedProcessStart(),
        MTUnsafeCallInThread(),
        SpawnPerTask(),
        SleepingTimerThread(),
        BlockingCallInEventLoop(),
        MixedConcurrencyModels(),
        LegacyProcessSpawn(),
    ]
}

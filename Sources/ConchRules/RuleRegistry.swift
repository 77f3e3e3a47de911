import ConchKit

/// The rules this build implements: registering a rule is one line here.
public enum RuleRegistry {
    /// Rules run side by side in this order: the one that computes which code runs
    /// in which thread goes first, and the others that need it go last, so they do
    /// not sit waiting for it while other rules could run.
    public static let implemented: [any Rule] = [
        UnsynchronizedSharedWrite(),
        CPUBoundThread(),
        IOBoundProcess(),
        GILHeldHotLoop(),
        CPUBoundInEventLoop(),
        SharedMemorySprawl(),
        UnpicklableProcessTask(),
        UnguardedProcessStart(),
        SpawnPerTask(),
        OneAtATime(),
        TinyProcessTasks(),
        SleepingTimerThread(),
        BlockingCallInEventLoop(),
        PollingWait(),
        BlockingFileIOInEventLoop(),
        MixedConcurrencyModels(),
        LegacyProcessSpawn(),
        LostUpdateInChild(),
        MTUnsafeCallInThread(),
    ]
}

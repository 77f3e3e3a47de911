import ConchKit

/// Calls a timer thread uses to wait between rounds of periodic work.
enum SleepCalls {
    static let python: Set<String> = ["time.sleep"]
    /// Waits that sleep only when given a timeout: `stop.wait(30)`.
    static let timedWaits: Set<String> = ["threading.Event.wait", "multiprocessing.Event.wait"]
    static let c: Set<String> = ["sleep", "usleep", "nanosleep", "clock_nanosleep"]
    /// Waits for a signal from another thread, with no timeout: a loop around one is
    /// driven by work arriving, and a sleep in it is a back-off, not a timer.
    static let cEventWaits: Set<String> = ["pthread_cond_wait", "cnd_wait", "g_cond_wait", "uv_cond_wait", "sem_wait"]
    /// The same in Python, called with no argument: no timeout, no `block=False`.
    static let pythonEventWaits: Set<String> = Set(BlockingCalls.blockingQueues.map { $0 + ".get" })
        .union(["threading.Event.wait", "threading.Condition.wait", "multiprocessing.Event.wait"])

    /// Whether the call waits, with no timeout, for another thread's signal or job. On a
    /// receiver of unknown type, `wake.wait()` and `jobs.get()` with no argument do (a
    /// dict's `get` needs a key).
    static func waitsForWork(_ call: CallFacts, in language: SourceLanguage) -> Bool {
        if language == .c { return cEventWaits.contains(call.callee) }
        guard call.arguments.isEmpty else { return false }
        if call.isResolved { return pythonEventWaits.contains(call.callee) }
        return call.calleeText.hasSuffix(".wait") || call.calleeText.hasSuffix(".get")
    }

    /// Whether the call tries to take a lock without waiting (`pthread_mutex_trylock`,
    /// `sem_trywait`, fio's `fio_sem_down_trylock`, `lock.acquire(blocking=False)`): a
    /// sleep beside it waits between tries for the lock to come free, not for a round of work.
    static func triesALock(_ call: CallFacts, in language: SourceLanguage) -> Bool {
        let name = (call.callee.split(separator: ".").last.map(String.init) ?? call.callee).lowercased()
        if ["trylock", "try_lock", "trywait", "try_wait", "tryacquire", "try_acquire"].contains(where: name.contains) { return true }
        guard language == .python, name == "acquire" else { return false }
        return call.argument(passedTo: "blocking", at: 0)?.text == "False"
    }

    static func isSleep(_ call: CallFacts, in language: SourceLanguage) -> Bool {
        if language == .c { return c.contains(call.callee) }
        if call.isResolved {
            if python.contains(call.callee) { return true }
            return timedWaits.contains(call.callee) && !call.arguments.isEmpty
        }
        // `self._stop.wait(timeout=5)` on an attribute whose type the front end could not
        // see: only a receiver named like a stop flag, not `proc.wait(5)` or `cond.wait(1)`.
        guard call.calleeText.hasSuffix(".wait") else { return false }
        let receiver = call.calleeText.dropLast(5).lowercased()
        guard stopFlagWords.contains(where: { receiver.contains($0) }) else { return false }
        return call.argument(keyword: "timeout") != nil || call.argument(at: 0)?.shape == .numberLiteral
    }

    /// Words in the name of an `Event` used to stop a periodic thread.
    static let stopFlagWords = ["stop", "event", "quit", "exit", "shutdown", "finished", "done", "halt", "closing", "cancel"]
}

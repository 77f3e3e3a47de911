/// Calls that take or release a lock, with the lock as their first argument
/// (second for libevent's, see `lockArgument`).
enum LockAPIs {
    static let acquire: Set<String> = [
        "pthread_mutex_lock", "pthread_mutex_trylock", "pthread_mutex_timedlock",
        "pthread_rwlock_rdlock", "pthread_rwlock_wrlock", "pthread_rwlock_tryrdlock", "pthread_rwlock_trywrlock",
        "pthread_rwlock_timedrdlock", "pthread_rwlock_timedwrlock",
        "pthread_spin_lock", "pthread_spin_trylock",
        "mtx_lock", "mtx_trylock", "mtx_timedlock",
        "g_mutex_lock", "g_mutex_trylock", "g_rec_mutex_lock", "g_rec_mutex_trylock",
        "g_rw_lock_writer_lock", "g_rw_lock_reader_lock",
        "uv_mutex_lock", "uv_mutex_trylock", "uv_rwlock_rdlock", "uv_rwlock_wrlock",
        "EnterCriticalSection", "TryEnterCriticalSection", "AcquireSRWLockExclusive", "AcquireSRWLockShared",
        "CRYPTO_THREAD_read_lock", "CRYPTO_THREAD_write_lock",
        "evthreadimpl_lock_lock_", "evthread_lock_fns_.lock",
        "ngx_spinlock", "ngx_shmtx_lock",
        "apr_thread_mutex_lock", "apr_thread_mutex_trylock", "apr_thread_rwlock_rdlock", "apr_thread_rwlock_wrlock",
        "apr_thread_rwlock_tryrdlock", "apr_thread_rwlock_trywrlock", "apr_proc_mutex_lock", "apr_global_mutex_lock",
        "sqlite3_mutex_enter", "sqlite3_mutex_try",
    ]

    static let release: Set<String> = [
        "pthread_mutex_unlock", "pthread_rwlock_unlock", "pthread_spin_unlock", "mtx_unlock",
        "g_mutex_unlock", "g_rec_mutex_unlock", "g_rw_lock_writer_unlock", "g_rw_lock_reader_unlock",
        "uv_mutex_unlock", "uv_rwlock_rdunlock", "uv_rwlock_wrunlock",
        "LeaveCriticalSection", "ReleaseSRWLockExclusive", "ReleaseSRWLockShared",
        "CRYPTO_THREAD_unlock",
        "evthreadimpl_lock_unlock_", "evthread_lock_fns_.unlock",
        "ngx_shmtx_unlock",
        "apr_thread_mutex_unlock", "apr_thread_rwlock_unlock", "apr_proc_mutex_unlock", "apr_global_mutex_unlock",
        "sqlite3_mutex_leave",
    ]

    /// Semaphore calls. A wait holds the semaphore as a lock only where the same
    /// function posts it again later: a binary semaphore used as a mutex (fio's
    /// `sem_wait(&size_lock); cur_offset += ...; sem_post(&size_lock);`). A wait
    /// with no post after it is a signal being waited for, and guards nothing.
    static let semaphoreWaits: Set<String> = [
        "sem_wait", "sem_timedwait", "sem_clockwait", "sem_trywait", "uv_sem_wait", "uv_sem_trywait",
    ]

    static let semaphorePosts: Set<String> = ["sem_post", "uv_sem_post"]

    /// What libevent's `EVLOCK_LOCK(lock, mode)` and `EVLOCK_UNLOCK` expand to: calls
    /// that take the mode first and the lock second.
    private static let modeFirst: Set<String> = [
        "evthreadimpl_lock_lock_", "evthread_lock_fns_.lock", "evthreadimpl_lock_unlock_", "evthread_lock_fns_.unlock",
    ]

    /// The argument naming the lock that a call of `acquire` or `release` takes or releases.
    static func lockArgument<Arguments: RandomAccessCollection>(of callee: String, in arguments: Arguments) -> Arguments.Element?
    where Arguments.Index == Int {
        let position = modeFirst.contains(callee) ? 1 : 0
        return arguments.indices.contains(position) ? arguments[arguments.startIndex + position] : nil
    }

    /// Lock macros whose expansion holds no call, only inline atomics or a store
    /// (haproxy's `HA_SPIN_LOCK(label, lock)` over plock's `pl_take_s(lock)`, nginx's
    /// `ngx_unlock(lock)`): each with whether it takes the lock and where the lock
    /// stands among the macro's arguments.
    static let macros: [String: (acquires: Bool, lockArgument: Int)] = [
        "HA_SPIN_LOCK": (true, 1), "HA_SPIN_UNLOCK": (false, 1),
        "HA_RWLOCK_WRLOCK": (true, 1), "HA_RWLOCK_WRUNLOCK": (false, 1),
        "HA_RWLOCK_RDLOCK": (true, 1), "HA_RWLOCK_RDUNLOCK": (false, 1),
        "HA_RWLOCK_SKLOCK": (true, 1), "HA_RWLOCK_SKUNLOCK": (false, 1),
        "pl_take_s": (true, 0), "pl_drop_s": (false, 0),
        "pl_take_w": (true, 0), "pl_drop_w": (false, 0),
        "pl_take_r": (true, 0), "pl_drop_r": (false, 0),
        "ngx_unlock": (false, 0),
    ]

    /// Type names of variables that synchronise themselves (`GlobalVariable.Storage.synchronized`).
    static let synchronizedTypes: [String] = [
        "pthread_mutex_t", "pthread_rwlock_t", "pthread_spinlock_t", "pthread_cond_t", "pthread_once_t",
        "pthread_barrier_t", "sem_t", "mtx_t", "cnd_t", "once_flag",
        "GMutex", "GRecMutex", "GRWLock", "GCond", "GOnce", "GAsyncQueue",
        "uv_mutex_t", "uv_rwlock_t", "uv_cond_t", "uv_sem_t", "uv_once_t", "uv_barrier_t",
        "CRITICAL_SECTION", "SRWLOCK", "CONDITION_VARIABLE",
        "CRYPTO_RWLOCK", "apr_thread_mutex_t", "apr_thread_rwlock_t", "apr_thread_cond_t",
    ]

    /// Calls after which control does not come back: a branch ending in one does not fall through.
    static let noReturn: Set<String> = endsProcess.union(["pthread_exit", "thrd_exit", "longjmp", "siglongjmp"])

    /// Of those, the calls that end the process: what runs right before one runs on the way out.
    static let endsProcess: Set<String> = [
        "exit", "_exit", "_Exit", "abort", "quick_exit", "__assert_fail", "err", "errx", "verr", "verrx",
        "__builtin_unreachable", "__builtin_trap",
    ]
}

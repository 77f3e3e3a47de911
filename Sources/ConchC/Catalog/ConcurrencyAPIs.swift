import ConchKit

/// Thread creation, fork, event-loop runs and callback registration, as data.
enum ConcurrencyAPIs {
    struct ThreadAPI {
        var kind: SpawnSite.Kind
        /// Index of the argument that names the entry function.
        var entryArgument: Int
        var isBounded = false
    }

    static let threads: [String: ThreadAPI] = [
        "pthread_create": ThreadAPI(kind: .thread, entryArgument: 2),
        "thrd_create": ThreadAPI(kind: .thread, entryArgument: 1),
        "g_thread_new": ThreadAPI(kind: .thread, entryArgument: 1),
        "g_thread_try_new": ThreadAPI(kind: .thread, entryArgument: 1),
        "g_thread_create": ThreadAPI(kind: .thread, entryArgument: 0),
        "uv_thread_create": ThreadAPI(kind: .thread, entryArgument: 1),
        "uv_thread_create_ex": ThreadAPI(kind: .thread, entryArgument: 2),
        "CreateThread": ThreadAPI(kind: .thread, entryArgument: 2),
        "_beginthreadex": ThreadAPI(kind: .thread, entryArgument: 2),
        "_beginthread": ThreadAPI(kind: .thread, entryArgument: 0),
        // APR's (apache's MPMs, through `ap_thread_create`): `apr_thread_create(&t, attr, func, data, pool)`.
        "apr_thread_create": ThreadAPI(kind: .thread, entryArgument: 2),
        // libuv runs the work callback on its bounded thread pool, not on the loop.
        "uv_queue_work": ThreadAPI(kind: .threadPool, entryArgument: 2, isBounded: true),
        "g_thread_pool_new": ThreadAPI(kind: .threadPool, entryArgument: 0, isBounded: true),
    ]

    static let forks: Set<String> = ["fork", "vfork"]

    /// Calls that install a signal handler, by the handler's argument; `sigaction`
    /// installs the one its `struct sigaction`'s `sa_handler` or `sa_sigaction` names.
    static let signalRegistrations: [String: Int] = ["signal": 1, "sigset": 1, "bsd_signal": 1]
    static let signalHandlerMembers: Set<String> = ["sa_handler", "sa_sigaction"]

    static let loopRuns: [String: EventFramework] = [
        "uv_run": .libuv,
        "event_base_dispatch": .libevent, "event_base_loop": .libevent, "event_dispatch": .libevent,
        "g_main_loop_run": .glib, "gtk_main": .glib, "g_application_run": .glib,
        "ev_run": .libev, "ev_loop": .libev,
        "eloop_run": .eloop, "SCH_MainLoop": .chronyScheduler,
        "launch_thread_scheduler": .threadMaster, "frr_run": .threadMaster,
    ]

    /// Readiness waits that make an event loop when called inside a loop.
    static let readinessWaits: Set<String> = ["epoll_wait", "epoll_pwait", "epoll_pwait2", "poll", "ppoll", "select", "pselect", "kevent"]

    /// Where the timeout in milliseconds goes, for the waits that take one.
    private static let timeoutArguments: [String: Int] = ["poll": 2, "epoll_wait": 3, "epoll_pwait": 3]

    /// `poll(&pfd, 1, 0)`: a zero timeout checks the descriptors and returns; a loop
    /// around it is busy work of its own thread, not a loop that waits for events.
    static func onlyPolls(_ call: CallFacts) -> Bool {
        guard let position = timeoutArguments[call.callee], let timeout = call.argument(at: position) else { return false }
        return timeout.text == "0"
    }

    struct CallbackAPI {
        var framework: EventFramework
        /// Indices of the arguments that are callbacks the loop will run.
        var arguments: [Int]
        /// The loop runs them when the descriptor they watch is ready.
        var firesOnReadyDescriptor = false
        /// The argument naming the conditions a GLib watch waits for.
        var watchedConditionArgument: Int?

        /// `g_io_add_watch(io, G_IO_OUT, on_writable, data)` runs once the channel
        /// takes writes, when reading it may still block; any other watch fires on input,
        /// a hang-up or an error, and a read there returns at once.
        func firesOnReadyDescriptor(_ call: CallFacts) -> Bool {
            guard let position = watchedConditionArgument, let condition = call.argument(at: position)?.text else {
                return firesOnReadyDescriptor
            }
            let inputConditions = ["G_IO_IN", "G_IO_PRI", "G_IO_HUP", "G_IO_ERR", "G_IO_NVAL"]
            return !condition.contains("G_IO_OUT") || inputConditions.contains { condition.contains($0) }
        }
    }

    static let callbacks: [String: CallbackAPI] = [
        "uv_timer_start": CallbackAPI(framework: .libuv, arguments: [1]),
        "uv_idle_start": CallbackAPI(framework: .libuv, arguments: [1]),
        "uv_prepare_start": CallbackAPI(framework: .libuv, arguments: [1]),
        "uv_check_start": CallbackAPI(framework: .libuv, arguments: [1]),
        "uv_signal_start": CallbackAPI(framework: .libuv, arguments: [1]),
        "uv_signal_start_oneshot": CallbackAPI(framework: .libuv, arguments: [1]),
        "uv_fs_event_start": CallbackAPI(framework: .libuv, arguments: [1]),
        "uv_fs_poll_start": CallbackAPI(framework: .libuv, arguments: [1]),
        "uv_poll_start": CallbackAPI(framework: .libuv, arguments: [2], firesOnReadyDescriptor: true),
        "uv_read_start": CallbackAPI(framework: .libuv, arguments: [2]),
        "uv_udp_recv_start": CallbackAPI(framework: .libuv, arguments: [2]),
        "uv_listen": CallbackAPI(framework: .libuv, arguments: [2]),
        "uv_async_init": CallbackAPI(framework: .libuv, arguments: [2]),
        "uv_write": CallbackAPI(framework: .libuv, arguments: [4]),
        "uv_tcp_connect": CallbackAPI(framework: .libuv, arguments: [3]),
        "uv_close": CallbackAPI(framework: .libuv, arguments: [1]),
        "uv_queue_work": CallbackAPI(framework: .libuv, arguments: [3]),
        "event_new": CallbackAPI(framework: .libevent, arguments: [3]),
        "event_assign": CallbackAPI(framework: .libevent, arguments: [4]),
        "event_base_once": CallbackAPI(framework: .libevent, arguments: [3]),
        "evtimer_new": CallbackAPI(framework: .libevent, arguments: [1]),
        "bufferevent_setcb": CallbackAPI(framework: .libevent, arguments: [1, 2, 3]),
        "evconnlistener_new": CallbackAPI(framework: .libevent, arguments: [1]),
        "evconnlistener_new_bind": CallbackAPI(framework: .libevent, arguments: [1]),
        "evhttp_set_cb": CallbackAPI(framework: .libevent, arguments: [2]),
        "evhttp_set_gencb": CallbackAPI(framework: .libevent, arguments: [1]),
        "g_timeout_add": CallbackAPI(framework: .glib, arguments: [1]),
        "g_timeout_add_seconds": CallbackAPI(framework: .glib, arguments: [1]),
        "g_timeout_add_full": CallbackAPI(framework: .glib, arguments: [2]),
        "g_timeout_add_seconds_full": CallbackAPI(framework: .glib, arguments: [2]),
        "g_idle_add": CallbackAPI(framework: .glib, arguments: [0]),
        "g_idle_add_full": CallbackAPI(framework: .glib, arguments: [1]),
        "g_io_add_watch": CallbackAPI(framework: .glib, arguments: [2], watchedConditionArgument: 1),
        "g_io_add_watch_full": CallbackAPI(framework: .glib, arguments: [3], watchedConditionArgument: 2),
        "g_source_set_callback": CallbackAPI(framework: .glib, arguments: [1]),
        "g_child_watch_add": CallbackAPI(framework: .glib, arguments: [1]),
        "g_unix_signal_add": CallbackAPI(framework: .glib, arguments: [1]),
        "g_signal_connect_data": CallbackAPI(framework: .glib, arguments: [2]),
        // The loops programs write for themselves, common enough to know by name:
        // hostap's (wpa_supplicant, hostapd), chrony's, and keepalived's and FRR's thread master.
        "eloop_register_read_sock": CallbackAPI(framework: .eloop, arguments: [1], firesOnReadyDescriptor: true),
        "eloop_register_sock": CallbackAPI(framework: .eloop, arguments: [2]),
        "eloop_register_timeout": CallbackAPI(framework: .eloop, arguments: [2]),
        "eloop_register_signal": CallbackAPI(framework: .eloop, arguments: [1]),
        "SCH_AddFileHandler": CallbackAPI(framework: .chronyScheduler, arguments: [2], firesOnReadyDescriptor: true),
        "SCH_AddTimeout": CallbackAPI(framework: .chronyScheduler, arguments: [1]),
        "SCH_AddTimeoutByDelay": CallbackAPI(framework: .chronyScheduler, arguments: [1]),
        "SCH_AddTimeoutInClass": CallbackAPI(framework: .chronyScheduler, arguments: [4]),
        "thread_add_read": CallbackAPI(framework: .threadMaster, arguments: [1], firesOnReadyDescriptor: true),
        "thread_add_write": CallbackAPI(framework: .threadMaster, arguments: [1]),
        "thread_add_timer": CallbackAPI(framework: .threadMaster, arguments: [1]),
        "thread_add_event": CallbackAPI(framework: .threadMaster, arguments: [1]),
        "thread_add_child": CallbackAPI(framework: .threadMaster, arguments: [1]),
    ]
}

extension ConcurrencyAPIs {
    /// `if (pa_once_begin(&once)) { ... pa_once_end(&once); }` (PulseAudio's `PA_ONCE_BEGIN`),
    /// `if (g_once_init_enter(&type)) { ... g_once_init_leave(&type, id); }` (GLib): the first
    /// caller runs the block while later ones wait for it, and none runs it again. Known by
    /// name: a function whose name says `once` and ends in `begin` or `enter`.
    static func beginsOnceOnlyBlock(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.contains("once") && (lowered.hasSuffix("begin") || lowered.hasSuffix("enter") || lowered.hasSuffix("enter_impl")
            || lowered.hasSuffix("enter_pointer"))
    }
}

import ConchKit

/// Each event-loop framework's name for people and its own way to run code later
/// or periodically: what a sleeping timer thread should become.
enum FrameworkSchedulers {
    struct Entry {
        let displayName: String
        /// One line of advice naming the framework's scheduling API.
        let scheduler: String
        /// How the framework runs a child program without blocking its loop, where it has a way.
        var childProcess: String?
    }

    static let table: [EventFramework: Entry] = [
        .asyncio: Entry(displayName: "asyncio",
                        scheduler: "schedule it on the asyncio loop: `loop.call_later(delay, f)`, or a task started with `asyncio.create_task()` that loops on `await asyncio.sleep(delay)`"),
        .qt: Entry(displayName: "Qt", scheduler: "use a `QTimer`: `timer.timeout.connect(f)` and `timer.start(interval_ms)`",
                   childProcess: "start the child with a `QProcess` (`start()`, then its `finished` signal; "
                       + "`QProcess.startDetached()` when its output is not needed)"),
        .wx: Entry(displayName: "wx", scheduler: "use `wx.CallLater(delay_ms, f)` or a `wx.Timer`"),
        .tkinter: Entry(displayName: "Tkinter", scheduler: "use `root.after(delay_ms, f)`, re-armed from `f`"),
        .twisted: Entry(displayName: "Twisted", scheduler: "use `task.LoopingCall(f).start(interval)` or `reactor.callLater(delay, f)`",
                        childProcess: "start the child with `twisted.internet.utils.getProcessOutputAndValue(...)` "
                            + "or `reactor.spawnProcess(...)`, whose results arrive on the reactor"),
        .gevent: Entry(displayName: "gevent", scheduler: "use `gevent.spawn_later(delay, f)`, or a greenlet that loops on `gevent.sleep(delay)`"),
        .eventlet: Entry(displayName: "eventlet", scheduler: "use `eventlet.spawn_after(delay, f)`, or a green thread that loops on `eventlet.sleep(delay)`"),
        .tornado: Entry(displayName: "Tornado", scheduler: "use `tornado.ioloop.PeriodicCallback(f, interval_ms).start()` or `IOLoop.current().call_later(delay, f)`"),
        .glib: Entry(displayName: "GLib", scheduler: "use `GLib.timeout_add_seconds(interval, f)` or `GLib.timeout_add(interval_ms, f)`",
                     childProcess: "start the child with `Gio.Subprocess` and wait with `wait_async()` or `communicate_async()`"),
        .kivy: Entry(displayName: "Kivy", scheduler: "use `Clock.schedule_interval(f, interval)` or `Clock.schedule_once(f, delay)`"),
        .aiohttp: Entry(displayName: "aiohttp",
                        scheduler: "start a background task from `app.on_startup` or `app.cleanup_ctx` that loops on `await asyncio.sleep(delay)`"),
        .trio: Entry(displayName: "Trio", scheduler: "start a task with `nursery.start_soon(f)` that loops on `await trio.sleep(delay)`"),
        .anyio: Entry(displayName: "AnyIO", scheduler: "start a task with `task_group.start_soon(f)` that loops on `await anyio.sleep(delay)`"),
        .urwid: Entry(displayName: "urwid", scheduler: "use `loop.set_alarm_in(delay, callback)`, re-armed from the callback"),
        .libuv: Entry(displayName: "libuv", scheduler: "use a loop timer: `uv_timer_init` and `uv_timer_start(&timer, cb, timeout_ms, repeat_ms)`"),
        .libevent: Entry(displayName: "libevent",
                         scheduler: "use a persistent timer event: `event_new(base, -1, EV_PERSIST, cb, arg)`, then `event_add(ev, &interval)`"),
        .libev: Entry(displayName: "libev", scheduler: "use an `ev_timer` with a repeat interval: `ev_timer_init(&timer, cb, after, repeat)` and `ev_timer_start`"),
        .eloop: Entry(displayName: "eloop", scheduler: "use `eloop_register_timeout(secs, usecs, handler, eloop_data, user_data)`, re-armed from the handler"),
        .chronyScheduler: Entry(displayName: "chrony scheduler", scheduler: "use `SCH_AddTimeoutByDelay(delay, handler, arg)`, re-armed from the handler"),
        .threadMaster: Entry(displayName: "thread master", scheduler: "use `thread_add_timer(master, func, arg, timer)`, re-armed from `func`"),
        // A loop around `poll`, `select` or `epoll_wait`: the descriptors it waits on take a timer too.
        .epoll: Entry(displayName: "select/poll/epoll",
                      scheduler: "add a `timerfd_create` descriptor, armed with `timerfd_settime`, to the descriptors the loop waits on"),
    ]

    /// The framework's way to run a child program, for a blocking `subprocess` call or `os.system`.
    static func childProcess(for framework: EventFramework, replacing callee: String) -> String? {
        guard callee.hasPrefix("subprocess.") || callee == "os.system" else { return nil }
        return table[framework]?.childProcess
    }

    static func displayName(_ framework: EventFramework) -> String {
        table[framework]?.displayName ?? framework.rawValue
    }

    /// C programs reach GLib through its C names.
    private static let cOverrides: [EventFramework: String] = [
        .glib: "use `g_timeout_add(interval_ms, cb, data)` or `g_timeout_add_seconds(interval, cb, data)`",
    ]

    static func scheduler(for framework: EventFramework, in language: SourceLanguage) -> String {
        if language == .c, let advice = cOverrides[framework] { return advice }
        return table[framework]?.scheduler ?? "use the event loop's own timer API"
    }
}

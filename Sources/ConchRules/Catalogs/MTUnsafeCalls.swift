import ConchKit

/// Functions that are not safe to call from a thread: C functions POSIX lists as not
/// thread-safe (hidden static state), and Python calls that act on the whole process
/// or only work in the main thread. Each with the replacement to use.
enum MTUnsafeCalls {
    struct Entry {
        /// Why it is unsafe, as a clause after the function's name: `which keeps ...`.
        let hazard: String
        let advice: String
        /// Calls with fewer arguments (a `None` does not count) only query the state: `locale.setlocale(category)`.
        var minimumArguments = 0
        /// Unsafe only when the argument at this position, the object the call works
        /// on, is shared between threads: a `DIR *` of the thread's own is safe to read.
        var sharedArgument: Int?
        /// The exception the call raises instead of doing harm: code that handles it
        /// (`try: signal.signal(...) except ValueError:`) knows, and probes on purpose.
        var raises: String?
        /// Calls that make the call safe in a thread that makes them: a thread that
        /// creates its own `tkinter.Tk()` runs Tk in itself.
        var safeInThreadsCalling: Set<String> = []
        /// The hidden state only this family of calls touches (`struct tm` for `localtime`,
        /// `gmtime`, `ctime` and `asctime`): calls that all hold one lock take turns with it.
        /// None for state the whole process reads, such as the environment or the locale.
        var hiddenState: String?
        /// The GNU C library makes it safe (`strerror`, with a buffer per thread since glibc 2.32).
        var safeInGlibc = false
    }

    private static let staticResult = "which returns a pointer to static storage that the next call overwrites"
    private static let environment = "which changes the environment of the whole process while other threads may read it"
    private static let environmentAdvice = "set the environment once at startup, before any thread starts; give children their own with posix_spawn's envp"

    /// C functions by name, with their reentrant variant.
    static let c: [String: Entry] = {
        var table: [String: Entry] = [
            "strtok": Entry(hazard: "which keeps its position in hidden static state", advice: "use strtok_r with a save pointer of your own"),
            "localtime": Entry(hazard: "which returns a pointer to one static struct tm", advice: "use localtime_r with a struct tm of your own"),
            "gmtime": Entry(hazard: "which returns a pointer to one static struct tm", advice: "use gmtime_r with a struct tm of your own"),
            "ctime": Entry(hazard: staticResult, advice: "use ctime_r with a buffer of your own, or strftime on a localtime_r result"),
            "asctime": Entry(hazard: staticResult, advice: "use asctime_r with a buffer of your own, or strftime"),
            "rand": Entry(hazard: "which shares one hidden generator state", advice: "use rand_r with a per-thread seed, or a generator per thread"),
            "drand48": Entry(hazard: "which shares one hidden generator state", advice: "use erand48 with a per-thread state array"),
            "lrand48": Entry(hazard: "which shares one hidden generator state", advice: "use nrand48 with a per-thread state array"),
            "mrand48": Entry(hazard: "which shares one hidden generator state", advice: "use jrand48 with a per-thread state array"),
            "strerror": Entry(hazard: staticResult, advice: "use strerror_r with a buffer of your own", safeInGlibc: true),
            "strsignal": Entry(hazard: staticResult, advice: "use a message table of your own (glibc: sigdescr_np)"),
            "readdir": Entry(hazard: "which returns storage that another call on the same DIR * overwrites",
                             advice: "give each thread its own DIR * from opendir, or guard the stream with a pthread_mutex_t",
                             sharedArgument: 0),
            "gethostbyname": Entry(hazard: staticResult, advice: "use getaddrinfo and freeaddrinfo"),
            "gethostbyname2": Entry(hazard: staticResult, advice: "use getaddrinfo and freeaddrinfo"),
            "gethostbyaddr": Entry(hazard: staticResult, advice: "use getnameinfo"),
            "inet_ntoa": Entry(hazard: staticResult, advice: "use inet_ntop with a buffer of your own"),
            "tmpnam": Entry(hazard: staticResult, advice: "use mkstemp, which also closes the race on the file name"),
            "ecvt": Entry(hazard: staticResult, advice: "use snprintf with a buffer of your own"),
            "fcvt": Entry(hazard: staticResult, advice: "use snprintf with a buffer of your own"),
            "gcvt": Entry(hazard: staticResult, advice: "use snprintf with a buffer of your own"),
            "setenv": Entry(hazard: environment, advice: environmentAdvice),
            "putenv": Entry(hazard: environment, advice: environmentAdvice),
            "unsetenv": Entry(hazard: environment, advice: environmentAdvice),
            "clearenv": Entry(hazard: environment, advice: environmentAdvice),
            "setlocale": Entry(hazard: "which changes the locale of the whole process",
                               advice: "set the locale once at startup, or use uselocale with a locale_t from newlocale per thread"),
            "nl_langinfo": Entry(hazard: staticResult, advice: "use nl_langinfo_l with a locale_t of your own"),
            "hcreate": Entry(hazard: "which uses one hidden global table", advice: "use hcreate_r with a struct hsearch_data of your own"),
            "hsearch": Entry(hazard: "which uses one hidden global table", advice: "use hsearch_r with a struct hsearch_data of your own"),
            "hdestroy": Entry(hazard: "which uses one hidden global table", advice: "use hdestroy_r with a struct hsearch_data of your own"),
            "lgamma": Entry(hazard: "which sets the global signgam", advice: "use lgamma_r, which returns the sign through a pointer"),
            "mblen": Entry(hazard: "which keeps hidden shift state", advice: "use mbrlen with an mbstate_t of your own"),
            "mbtowc": Entry(hazard: "which keeps hidden shift state", advice: "use mbrtowc with an mbstate_t of your own"),
            "wctomb": Entry(hazard: "which keeps hidden shift state", advice: "use wcrtomb with an mbstate_t of your own"),
            "encrypt": Entry(hazard: "which keeps a hidden key", advice: "use encrypt_r with a struct crypt_data of your own"),
            "setkey": Entry(hazard: "which keeps a hidden key", advice: "use setkey_r with a struct crypt_data of your own"),
            "crypt": Entry(hazard: staticResult, advice: "use crypt_r with a struct crypt_data of your own"),
        ]
        for (name, entry) in table where entry.hazard != environment && name != "setlocale" {
            table[name]?.hiddenState = sharedStaticStorage[name] ?? name
        }
        // Functions with a `_r` variant taking a caller-owned buffer.
        for name in ["getpwnam", "getpwuid", "getgrnam", "getgrgid", "getlogin", "ttyname", "ptsname", "getdate",
                     "getservbyname", "getservbyport", "getprotobyname", "getprotobynumber", "getnetbyname", "getnetbyaddr"] {
            table[name] = Entry(hazard: staticResult, advice: "use \(name)_r with a buffer of your own", hiddenState: name)
        }
        for name in ["getpwent", "getgrent", "gethostent", "getservent", "getprotoent", "getnetent"] {
            table[name] = Entry(hazard: "which walks the database with a hidden cursor and returns static storage",
                                advice: "use \(name)_r, or read the database once before threads start", hiddenState: name)
        }
        return table
    }()

    /// Functions of the C library that hand out the same static storage.
    private static let sharedStaticStorage: [String: String] = [
        "localtime": "struct tm", "gmtime": "struct tm", "ctime": "struct tm", "asctime": "struct tm",
        "gethostbyname": "hostent", "gethostbyname2": "hostent", "gethostbyaddr": "hostent",
    ]

    private static let mainThreadOnly = "which raises ValueError outside the main thread"

    /// Python calls by resolved name.
    static let python: [String: Entry] = [
        "signal.signal": Entry(hazard: mainThreadOnly,
                               advice: "install signal handlers with signal.signal in the main thread, before starting threads",
                               raises: "ValueError"),
        "signal.set_wakeup_fd": Entry(hazard: mainThreadOnly,
                                      advice: "call signal.set_wakeup_fd in the main thread, before starting threads",
                                      raises: "ValueError"),
        "os.chdir": Entry(hazard: "which changes the working directory of every thread in the process",
                          advice: "build absolute paths with os.path.join or pathlib.Path, pass cwd= to subprocess.run, or use dir_fd= arguments"),
        "os.fchdir": Entry(hazard: "which changes the working directory of every thread in the process",
                           advice: "build absolute paths with os.path.join or pathlib.Path, pass cwd= to subprocess.run, or use dir_fd= arguments"),
        "os.umask": Entry(hazard: "which changes the file-creation mask of every thread in the process",
                          advice: "set os.umask once at startup, or pass mode= to os.open, os.mkdir or os.makedirs"),
        "locale.setlocale": Entry(hazard: "which changes the locale of the whole process and is not thread-safe",
                                  advice: "call locale.setlocale once at startup, before starting threads", minimumArguments: 2),
    ].merging(environmentChanges) { first, _ in first }.merging(loopObjects) { first, _ in first }

    /// What a thread calls to make and run a loop of its own, whose objects are its own.
    private static let ownLoop: Set<String> = [
        "asyncio.new_event_loop", "asyncio.run", "asyncio.AbstractEventLoop.run_forever", "asyncio.AbstractEventLoop.run_until_complete",
        // Tornado's loop is an asyncio loop since Tornado 5.
        "tornado.ioloop.IOLoop.start", "tornado.ioloop.IOLoop.run_sync",
    ]

    /// An asyncio loop's methods and the calls on the objects bound to it that wake its
    /// waiters (a future's result, a queue's items, an event's `set`; clearing an event
    /// wakes nobody): none is thread-safe, and from another thread they leave the loop
    /// asleep or its state torn. `call_soon_threadsafe` and `run_coroutine_threadsafe`
    /// are made for it.
    private static let loopObjects: [String: Entry] = {
        let entry = Entry(hazard: "which is not thread-safe: asyncio's loop and the futures, queues and events bound to it "
                              + "belong to the loop's thread, and a call from another may never wake the loop",
                          advice: "hand the call to the loop: `loop.call_soon_threadsafe(...)`, or "
                              + "`asyncio.run_coroutine_threadsafe(coroutine, loop)` for a coroutine",
                          safeInThreadsCalling: ownLoop)
        let loopMethods = ["call_soon", "call_later", "call_at", "create_task", "stop", "add_reader", "add_writer",
                           "remove_reader", "remove_writer", "create_future"].map { "asyncio.AbstractEventLoop." + $0 }
        // From a thread with no loop of its own these raise (no running loop), or, handed
        // `loop=`, schedule on that loop without waking it.
        var raising = entry
        raising.raises = "RuntimeError"
        let functions = ["asyncio.ensure_future", "asyncio.create_task"]
        let objects = ["asyncio.Future.set_result", "asyncio.Future.set_exception", "asyncio.Future.cancel",
                       "asyncio.Queue.put_nowait", "asyncio.Queue.get_nowait", "asyncio.Event.set",
                       "asyncio.Task.cancel"]
        return Dictionary(uniqueKeysWithValues: (loopMethods + objects).map { ($0, entry) } + functions.map { ($0, raising) })
    }()

    /// `os.putenv`, and `os.environ`'s writes, which call it (`os.environ[key] = value` is
    /// its `__setitem__`): C code reading the environment in another thread can crash.
    private static let environmentChanges: [String: Entry] = {
        let change = Entry(hazard: "which changes the environment of the whole process",
                           advice: "set the environment once at startup, before any thread starts; hand values "
                               + "to the code that needs them as arguments, and to a child process with subprocess's env=")
        let names = ["os.putenv", "os.unsetenv", "os.environ.__setitem__", "os.environ.__delitem__", "os.environ.update",
                     "os.environ.setdefault", "os.environ.pop", "os.environ.popitem", "os.environ.clear"]
        return Dictionary(uniqueKeysWithValues: names.map { ($0, change) })
    }()

    static func entry(for callee: String, in language: SourceLanguage) -> Entry? {
        guard language == .python else { return c[callee] }
        return python[callee] ?? GUIToolkits.widgetCall(callee)
    }
}

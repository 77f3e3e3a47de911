/// Python spells classes in CamelCase, private ones after underscores
/// (`_OutputProducingThread`): a dotted name whose last part does so most likely
/// names a class, and calling it makes an instance.
public enum ClassNames {
    public static func looksLikeClass(_ dotted: String) -> Bool {
        looksLikeClass(dotted[...])
    }

    public static func looksLikeClass(_ dotted: Substring) -> Bool {
        let utf8 = dotted.utf8
        var start = utf8.lastIndex(of: UInt8(ascii: ".")).map { utf8.index(after: $0) } ?? utf8.startIndex
        while start < utf8.endIndex, utf8[start] == UInt8(ascii: "_") { start = utf8.index(after: start) }
        guard start < utf8.endIndex else { return false }
        return utf8[start] >= UInt8(ascii: "A") && utf8[start] <= UInt8(ascii: "Z")
    }

    /// Library calls whose result is not an instance of the callee: callee -> the type
    /// it returns (`asyncio.get_running_loop()` gives the running loop).
    public static let returnTypes: [String: String] = [
        "asyncio.get_event_loop": "asyncio.AbstractEventLoop",
        "asyncio.new_event_loop": "asyncio.AbstractEventLoop",
        "asyncio.get_running_loop": "asyncio.AbstractEventLoop",
        "asyncio.AbstractEventLoop.create_future": "asyncio.Future",
        "multiprocessing.get_context": "multiprocessing",
        "multiprocessing.Manager": "multiprocessing.managers.SyncManager",
        "tornado.ioloop.IOLoop.current": "tornado.ioloop.IOLoop",
        "tornado.ioloop.IOLoop.instance": "tornado.ioloop.IOLoop",
        "twisted.internet.reactor": "twisted.internet.reactor",
        "socket.socket.accept": "tuple",
        "pathlib.Path.cwd": "pathlib.Path", "pathlib.Path.home": "pathlib.Path", "pathlib.Path.resolve": "pathlib.Path",
        "pathlib.Path.absolute": "pathlib.Path", "pathlib.Path.expanduser": "pathlib.Path", "pathlib.Path.joinpath": "pathlib.Path",
        "pathlib.Path.with_name": "pathlib.Path", "pathlib.Path.with_suffix": "pathlib.Path", "pathlib.Path.with_stem": "pathlib.Path",
        "socket.create_server": "socket.socket",
        "socket.create_connection": "socket.socket",
        "threading.current_thread": "threading.Thread",
        "concurrent.futures.ThreadPoolExecutor.submit": "concurrent.futures.Future",
        "concurrent.futures.ProcessPoolExecutor.submit": "concurrent.futures.Future",
        "concurrent.futures.InterpreterPoolExecutor.submit": "concurrent.futures.Future",
        "concurrent.futures.Executor.submit": "concurrent.futures.Future",
        "asyncio.run_coroutine_threadsafe": "concurrent.futures.Future",
        "trio.open_nursery": "trio.Nursery",
        "anyio.create_task_group": "anyio.abc.TaskGroup",
        "boto3.client": "botocore.client.BaseClient",
        "boto3.Session.client": "botocore.client.BaseClient",
        "boto3.session.Session.client": "botocore.client.BaseClient",
        "sqlalchemy.create_engine": "sqlalchemy.engine.Engine",
        "sqlalchemy.engine.create_engine": "sqlalchemy.engine.Engine",
        // `SessionLocal = sessionmaker(bind=engine)`, then `db = SessionLocal()`.
        "sqlalchemy.orm.sessionmaker.__call__": "sqlalchemy.orm.Session",
        "sqlalchemy.orm.session.sessionmaker.__call__": "sqlalchemy.orm.Session",
        "sqlalchemy.engine.Engine.connect": "sqlalchemy.engine.Connection",
        // SQL drivers' connections and the cursors they hand out.
        "sqlite3.connect": "sqlite3.Connection",
        "sqlite3.Connection.cursor": "sqlite3.Cursor",
        "sqlite3.Connection.execute": "sqlite3.Cursor",
        "psycopg2.connect": "psycopg2.extensions.connection",
        "psycopg2.extensions.connection.cursor": "psycopg2.extensions.cursor",
        "psycopg.connect": "psycopg.Connection",
        "psycopg.Connection.connect": "psycopg.Connection",
        "psycopg.Connection.cursor": "psycopg.Cursor",
        "psycopg.Connection.execute": "psycopg.Cursor",
    ]

    /// The class of what a call makes: the callee itself when it names a class, or the
    /// type a known library call returns.
    public static func madeBy(_ callee: String) -> String? {
        returnTypes[callee] ?? (looksLikeClass(callee) ? callee : nil)
    }
}

import ConchKit

/// Synchronous clients of servers (caches, document stores, mail sending and retrieval,
/// file transfer, XML-RPC, search, message queues, AWS through boto3, SSH through
/// paramiko, SQL drivers and SQLAlchemy's synchronous sessions) whose commands all wait
/// on the network, known by the resolved prefix of their methods, with the asynchronous
/// client a coroutine uses instead.
enum BlockingClients {
    private struct Family {
        let prefixes: [String]
        /// Methods that only build or configure and send nothing (`r.pipeline()`).
        let returnsAtOnce: Set<String>
        let replacement: String
    }

    private static let mailReplacement = "use `aiosmtplib`, awaited, or `await asyncio.to_thread(...)`"
    private static let mailboxReplacement = "use `aioimaplib`, awaited, or `await asyncio.to_thread(...)`"
    private static let xmlRPCReplacement = "make the call with `await asyncio.to_thread(...)`, or an async RPC client"
    private static let fileTransferReplacement = "use `aioftp`, awaited, or `await asyncio.to_thread(...)`"

    private static let families: [Family] = [
        Family(prefixes: ["redis.Redis.", "redis.StrictRedis.", "redis.client.Redis.", "redis.client.StrictRedis."],
               returnsAtOnce: ["pipeline", "pubsub", "lock", "register_script", "get_connection_kwargs", "get_encoder", "close"],
               replacement: "use `redis.asyncio.Redis`, whose commands are awaited"),
        Family(prefixes: ["pymongo.MongoClient.", "pymongo.mongo_client.MongoClient."],
               returnsAtOnce: ["get_database", "get_collection", "get_default_database", "with_options", "close"],
               replacement: "use an async driver, awaited: pymongo's `AsyncMongoClient` or motor's `AsyncIOMotorClient`"),
        Family(prefixes: ["smtplib.SMTP.", "smtplib.SMTP_SSL.", "smtplib.LMTP."],
               returnsAtOnce: ["set_debuglevel", "close"],
               replacement: mailReplacement),
        Family(prefixes: ["imaplib.IMAP4.", "imaplib.IMAP4_SSL.", "poplib.POP3.", "poplib.POP3_SSL."],
               returnsAtOnce: ["set_debuglevel"],
               replacement: mailboxReplacement),
        // Every attribute of a server proxy is a remote method: calling it waits for the reply.
        Family(prefixes: ["xmlrpc.client.ServerProxy."], returnsAtOnce: [], replacement: xmlRPCReplacement),
        Family(prefixes: ["ftplib.FTP.", "ftplib.FTP_TLS."],
               returnsAtOnce: ["set_debuglevel", "set_pasv", "close"],
               replacement: fileTransferReplacement),
        Family(prefixes: ["botocore.client.BaseClient."],
               returnsAtOnce: ["get_paginator", "get_waiter", "can_paginate", "generate_presigned_url", "generate_presigned_post", "close"],
               replacement: "use `aioboto3` or `aiobotocore`, whose calls are awaited, or `await asyncio.to_thread(...)`"),
        Family(prefixes: ["elasticsearch.Elasticsearch."],
               returnsAtOnce: ["options", "close"],
               replacement: "use `elasticsearch.AsyncElasticsearch`, whose calls are awaited"),
        Family(prefixes: ["pika.BlockingConnection.", "pika.adapters.blocking_connection.BlockingConnection."],
               returnsAtOnce: ["add_callback_threadsafe"],
               replacement: "use `aio-pika`, awaited, or pika's `AsyncioConnection`"),
        // `db.query(User)` builds a query that the same expression runs (`.first()`): it counts as the wait.
        Family(prefixes: ["sqlalchemy.orm.Session.", "sqlalchemy.orm.session.Session.", "sqlalchemy.engine.Engine.",
                          "sqlalchemy.engine.Connection."],
               returnsAtOnce: ["add", "add_all", "delete", "expunge", "expunge_all", "expire", "expire_all", "is_modified",
                               "in_transaction", "get_bind", "begin", "begin_nested", "close", "dispose"],
               replacement: "use SQLAlchemy's `AsyncSession` (`sqlalchemy.ext.asyncio`), awaited, or "
                   + "`await asyncio.to_thread(...)`; a FastAPI route declared with plain `def` runs in its thread pool"),
        // A query waits on the server, or for SQLite on the disk and on other writers' locks (five seconds by default).
        Family(prefixes: ["sqlite3.Connection.", "sqlite3.Cursor."],
               returnsAtOnce: ["cursor", "close", "create_function", "create_aggregate", "create_collation", "set_authorizer",
                               "set_progress_handler", "set_trace_callback", "setinputsizes", "setoutputsize"],
               replacement: "use `aiosqlite`, awaited, or `await asyncio.to_thread(...)`"),
        Family(prefixes: ["psycopg2.extensions.connection.", "psycopg2.extensions.cursor.", "psycopg.Connection.", "psycopg.Cursor."],
               returnsAtOnce: ["cursor", "close", "mogrify", "set_session", "set_isolation_level", "set_client_encoding"],
               replacement: databaseReplacement),
        Family(prefixes: ["paramiko.SSHClient.", "paramiko.client.SSHClient."],
               returnsAtOnce: ["set_missing_host_key_policy", "load_system_host_keys", "load_host_keys", "get_host_keys",
                               "get_transport", "set_log_channel", "close"],
               replacement: "use `asyncssh`, whose calls are awaited, or `await asyncio.to_thread(...)`"),
    ]

    /// Constructors that connect when given a server: `smtplib.SMTP("mail.example.com")`.
    private static let connectingConstructors: [String: String] = [
        "smtplib.SMTP": mailReplacement, "smtplib.SMTP_SSL": mailReplacement, "smtplib.LMTP": mailReplacement,
        "ftplib.FTP": fileTransferReplacement, "ftplib.FTP_TLS": fileTransferReplacement,
        "pika.BlockingConnection": "use `aio-pika`, awaited, or pika's `AsyncioConnection`",
        "imaplib.IMAP4": mailboxReplacement, "imaplib.IMAP4_SSL": mailboxReplacement,
        "poplib.POP3": mailboxReplacement, "poplib.POP3_SSL": mailboxReplacement,
    ]

    private static let databaseReplacement =
        "use an async driver, awaited (`asyncpg`, psycopg's `AsyncConnection`, `aiomysql`), or `await asyncio.to_thread(...)`"

    /// SQL drivers' `connect`, which opens a session with the server before it returns.
    private static let databaseConnects: Set<String> = [
        "psycopg2.connect", "psycopg.connect", "psycopg.Connection.connect", "pymysql.connect", "MySQLdb.connect",
        "mysql.connector.connect", "cx_Oracle.connect", "oracledb.connect", "pyodbc.connect",
    ]

    static func entry(for call: CallFacts) -> BlockingCalls.Entry? {
        let callee = call.callee
        if databaseConnects.contains(callee) { return BlockingCalls.Entry(replacement: databaseReplacement) }
        if let replacement = connectingConstructors[callee] {
            return call.arguments.isEmpty ? nil : BlockingCalls.Entry(replacement: replacement)
        }
        guard let family = families.first(where: { family in family.prefixes.contains { callee.hasPrefix($0) } }),
              let method = callee.split(separator: ".").last, !family.returnsAtOnce.contains(String(method)) else { return nil }
        return BlockingCalls.Entry(replacement: family.replacement)
    }
}

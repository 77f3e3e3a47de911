/// What a call says about the work around it. Names are resolved dotted
/// callees; an entry ending in `.` is a prefix for a whole module.
public enum WorkloadCatalog {
    /// Calls that wait on the outside world: files, sockets, HTTP, processes, sleeps.
    public static let io: [String] = [
        "open", "print", "input", "io.open", "os.read", "os.write", "os.listdir", "os.scandir", "os.walk", "os.stat",
        "shutil.", "pathlib.Path.read_text", "pathlib.Path.read_bytes", "pathlib.Path.write_text", "pathlib.Path.write_bytes",
        "socket.", "ssl.", "select.", "selectors.", "http.client.", "urllib.request.", "urllib3.", "requests.", "httpx.",
        "aiohttp.", "ftplib.", "smtplib.", "poplib.", "imaplib.", "telnetlib.", "sqlite3.", "psycopg2.", "pymysql.",
        "redis.", "pymongo.", "boto3.", "botocore.", "paramiko.", "subprocess.", "time.sleep", "json.load", "json.dump",
        "pickle.load", "pickle.dump", "csv.reader", "csv.writer", "logging.FileHandler", "queue.Queue.get",
        "asyncio.sleep", "asyncio.open_connection", "asyncio.start_server",
        // C: the POSIX calls that block on descriptors or the network.
        "read", "write", "recv", "recvfrom", "recvmsg", "send", "sendto", "sendmsg", "accept", "accept4", "connect",
        "poll", "select", "epoll_wait", "fread", "fwrite", "fgets", "fputs", "fprintf", "printf", "puts", "fopen",
        "getaddrinfo", "gethostbyname", "sleep", "usleep", "nanosleep",
    ]

    /// Libraries whose heavy work runs in C with the GIL released.
    public static let native: [String] = [
        "numpy.", "scipy.", "hashlib.", "zlib.", "bz2.", "lzma.", "gzip.compress", "gzip.decompress",
        "cv2.", "torch.", "tensorflow.", "numexpr.", "numba.", "pandas.", "PIL.Image.", "cryptography.", "blake3.",
    ]

    public static func matches(_ callee: String, _ table: [String]) -> Bool {
        table.contains { entry in entry.hasSuffix(".") ? callee.hasPrefix(entry) : callee == entry || callee.hasPrefix(entry + ".") }
    }
}

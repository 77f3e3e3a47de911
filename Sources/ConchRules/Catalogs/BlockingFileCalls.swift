import ConchKit

/// Calls that open, read, write or copy files on the calling thread. No event loop waits
/// for a disk the way it waits for a socket: file work goes to a thread, which is what
/// Trio's and AnyIO's file APIs (and `aiofiles`) do underneath.
enum BlockingFileCalls {
    enum AsyncForm {
        /// `open(...)`: Trio's and AnyIO's `open_file`, whose reads and writes are awaited.
        case openFile
        /// `path.read_text()`: the same method of Trio's or AnyIO's `Path`.
        case pathMethod
        /// `shutil.copytree(...)`: no async twin; only a thread.
        case none
    }

    struct Entry {
        /// `opens a file`, `copies a tree`
        let action: String
        let asyncForm: AsyncForm
        /// Opens a file that the code after it reads or writes: that code goes with it.
        var opens = false

        static func opening(_ what: String, asyncForm: AsyncForm) -> Entry {
            Entry(action: "opens " + what, asyncForm: asyncForm, opens: true)
        }
    }

    static let python: [String: Entry] = {
        var table: [String: Entry] = [
            "open": .opening("a file", asyncForm: .openFile),
            "io.open": .opening("a file", asyncForm: .openFile),
            "codecs.open": .opening("a file", asyncForm: .openFile),
            "shutil.copyfile": Entry(action: "copies a file", asyncForm: .none),
            "shutil.copy": Entry(action: "copies a file", asyncForm: .none),
            "shutil.copy2": Entry(action: "copies a file", asyncForm: .none),
            "shutil.copytree": Entry(action: "copies a tree of files", asyncForm: .none),
            "shutil.move": Entry(action: "moves files", asyncForm: .none),
            "shutil.rmtree": Entry(action: "deletes a tree of files", asyncForm: .none),
            "shutil.make_archive": Entry(action: "writes an archive", asyncForm: .none),
            "shutil.unpack_archive": Entry(action: "unpacks an archive", asyncForm: .none),
        ]
        for module in ["gzip", "bz2", "lzma", "tarfile"] {
            table[module + ".open"] = .opening("a compressed file", asyncForm: .none)
        }
        table["zipfile.ZipFile"] = .opening("a zip file", asyncForm: .none)
        table["pathlib.Path.open"] = .opening("a file", asyncForm: .pathMethod)
        for (method, action) in [("read_text", "reads a file"), ("read_bytes", "reads a file"),
                                 ("write_text", "writes a file"), ("write_bytes", "writes a file")] {
            table["pathlib.Path." + method] = Entry(action: action, asyncForm: .pathMethod)
        }
        return table
    }()

    /// Files the kernel answers from memory: `/proc`, `/sys`, devices, `os.devnull`.
    static func isPseudoFile(_ call: CallFacts) -> Bool {
        let path = call.callee.hasPrefix("pathlib.Path.") ? call.calleeText : call.argument(passedTo: "file", at: 0)?.text ?? ""
        if path.hasSuffix("devnull") { return true }
        guard let quote = path.firstIndex(where: { $0 == "\"" || $0 == "'" }) else { return false }
        let literal = path[path.index(after: quote)...]
        return pseudoFolders.contains { literal.hasPrefix($0) }
    }

    private static let pseudoFolders = ["/proc/", "/sys/", "/dev/"]
}

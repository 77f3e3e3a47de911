import ConchKit

/// Process APIs the answer calls old-fashioned, and what replaces each.
enum LegacySpawnAPIs {
    struct Entry {
        /// The replacement, as one line of advice.
        let advice: String
        /// Index of the argument that holds the command.
        let commandArgument: Int
        /// The command is a shell command line; `os.spawn*` runs a program directly.
        var runsShell = true
    }

    private static let runAdvice = "use subprocess.run([...], check=True) with the command as a list of arguments"
    private static let popenAdvice = "use subprocess.run([...], capture_output=True, text=True) or subprocess.Popen([...], stdout=subprocess.PIPE)"
    private static let spawnAdvice = "use subprocess.Popen([...]) and wait() on it, or subprocess.run([...])"
    private static let posixSpawnAdvice = "use posix_spawn() (or fork() and execvp()) with an argument vector, which runs no shell"

    static let python: [String: Entry] = {
        var table: [String: Entry] = [
            "os.system": Entry(advice: runAdvice, commandArgument: 0),
            "os.popen": Entry(advice: popenAdvice, commandArgument: 0),
            "platform.popen": Entry(advice: popenAdvice, commandArgument: 0),
            "commands.getoutput": Entry(advice: popenAdvice, commandArgument: 0),
            "commands.getstatusoutput": Entry(advice: "use subprocess.run([...], capture_output=True, text=True) and its returncode", commandArgument: 0),
        ]
        for variant in ["popen2", "popen3", "popen4", "Popen3", "Popen4"] {
            table["popen2.\(variant)"] = Entry(advice: popenAdvice, commandArgument: 0)
        }
        for variant in ["spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnv", "spawnve", "spawnvp", "spawnvpe"] {
            table["os.\(variant)"] = Entry(advice: spawnAdvice, commandArgument: 1, runsShell: false)
        }
        return table
    }()

    static let c: [String: Entry] = [
        "system": Entry(advice: posixSpawnAdvice, commandArgument: 0),
        "popen": Entry(advice: "use posix_spawn() with a pipe from posix_spawn_file_actions_adddup2(), which runs no shell", commandArgument: 0),
    ]

    static func entry(for callee: String, in language: SourceLanguage) -> Entry? {
        language == .python ? python[callee] : c[callee]
    }

    /// Every listed callee, of either language.
    static let allNames = Set(python.keys).union(c.keys)
}

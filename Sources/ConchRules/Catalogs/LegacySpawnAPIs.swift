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
        /// For a command line that comes whole from elsewhere (a configured hook, a
        /// mailcap entry): it is meant for a shell, so an argument list cannot replace it.
        var forShellLines: String?
    }

    private static let runAdvice = "use subprocess.run([...], check=True) with the command as a list of arguments"
    private static let popenAdvice = "use subprocess.run([...], capture_output=True, text=True) or subprocess.Popen([...], stdout=subprocess.PIPE)"
    private static let shellPopenAdvice = "a command line meant for the shell keeps it with "
        + "subprocess.run(command, shell=True, capture_output=True, text=True)"
    private static let spawnAdvice = "use subprocess.Popen([...]) and wait() on it, or subprocess.run([...])"
    private static let posixSpawnAdvice = "use posix_spawn() (or fork() and execvp()) with an argument vector, which runs no shell"
    private static let posixShellAdvice = "a command line meant for the shell (a configured hook) runs as posix_spawn() of "
        + "`/bin/sh -c` and waitpid(), which leaves the caller's signals alone"

    static let python: [String: Entry] = {
        var table: [String: Entry] = [
            "os.system": Entry(advice: runAdvice, commandArgument: 0,
                               forShellLines: "a command line meant for the shell (a configured hook, a mailcap entry) keeps it "
                                   + "with subprocess.run(command, shell=True)"),
            "os.popen": Entry(advice: popenAdvice, commandArgument: 0, forShellLines: shellPopenAdvice),
            "platform.popen": Entry(advice: popenAdvice, commandArgument: 0, forShellLines: shellPopenAdvice),
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
        "system": Entry(advice: posixSpawnAdvice, commandArgument: 0, forShellLines: posixShellAdvice),
        "popen": Entry(advice: "use posix_spawn() with a pipe from posix_spawn_file_actions_adddup2(), which runs no shell",
                       commandArgument: 0, forShellLines: posixShellAdvice),
    ]

    static func entry(for callee: String, in language: SourceLanguage) -> Entry? {
        language == .python ? python[callee] : c[callee]
    }

    /// Python's `os.exec*`, which replace the process: after `os.fork()`, in the child, they
    /// start a program by hand.
    private static let pythonExecs: Set<String> = Set(cExecs.union(["execlpe"]).map { "os." + $0 })

    /// C's `exec*`, which a forked child calls to become another program.
    static let cExecs: Set<String> = ["execl", "execle", "execlp", "execv", "execve", "execvp", "execvpe"]

    static func replacesTheProcess(_ callee: String, in language: SourceLanguage) -> Bool {
        (language == .python ? pythonExecs : cExecs).contains(callee)
    }

    /// Every listed callee, of either language.
    static let allNames = Set(python.keys).union(c.keys)
}

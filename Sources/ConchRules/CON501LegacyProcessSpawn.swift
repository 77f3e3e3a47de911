import ConchKit

/// `os.system`, `os.popen`, `os.spawn*`, `popen2`, `commands`, a Python `os.fork()` whose
/// child calls `os.exec*`; C `system()`, `popen()`.
struct LegacyProcessSpawn: Rule {
    let metadata = RuleCatalog.CON501

    func check(_ model: ProjectModel) -> [Finding] {
        var findings: [Finding] = []
        model.forEachCall(toAnyOf: LegacySpawnAPIs.allNames) { fileIndex, _, call in
            let file = model.files[fileIndex]
            guard call.isResolved, let entry = LegacySpawnAPIs.entry(for: call.callee, in: file.language),
                  !startsNoCommand(call.facts, entry) else { return }
            findings.append(finding(for: call.facts, entry: entry, in: file))
        }
        return findings + forkExecs(model)
    }

    /// `pid = os.fork(); if pid == 0: os.execvp(argv[0], argv)`: starting a program by hand,
    /// the way `subprocess` does it for you (the question's "os.exe*").
    private func forkExecs(_ model: ProjectModel) -> [Finding] {
        model.spawnSites.compactMap { file, site in
            guard file.language == .python, site.kind == .forkChild, let branch = ForkChild.branch(of: site, in: file),
                  let exec = file.functions[site.function].calls.first(where: {
                      branch.contains($0.range.start) && $0.isResolved && LegacySpawnAPIs.replacesTheProcess($0.callee, in: .python)
                  }) else { return nil }
            return finding(
                in: file, at: site.range,
                "`\(site.api)` followed by `\(exec.callee)` in the child (line \(file.line(of: exec.range.start))) starts a program "
                    + "the old-fashioned way",
                advice: "use subprocess.Popen([...]) or subprocess.run([...]): they fork and exec for you, close the descriptors "
                    + "the child should not inherit, and raise in the parent when the program cannot start",
                related: [Finding.Evidence(path: file.path, range: exec.range, message: "the child runs the program here")])
        }
    }

    /// `os.system("")`, the Windows console's switch to VT100 mode, and C's `system(NULL)`,
    /// which asks whether a shell exists: neither runs a command.
    private func startsNoCommand(_ call: CallFacts, _ entry: LegacySpawnAPIs.Entry) -> Bool {
        guard entry.runsShell, let command = call.argument(at: entry.commandArgument) else { return false }
        return ["\"\"", "''", "NULL"].contains(command.text)
    }

    private func finding(for call: CallFacts, entry: LegacySpawnAPIs.Entry, in file: FileFacts) -> Finding {
        let name = call.quotedName
        let command = entry.runsShell ? call.argument(at: entry.commandArgument) : nil
        switch command?.shape {
        case .formattedString?:
            return finding(
                in: file, at: call.range,
                "\(name) runs a command built from variables through the shell, which invites shell injection",
                advice: entry.advice, severity: .error)
        case .name?, .call?:
            // `cmd = "gzip %s" % path` or `snprintf(cmd, ...)` before the call.
            if let command, let built = file.builtCommands.first(where: { $0.argument == command.range }) {
                return finding(
                    in: file, at: call.range,
                    "\(name) runs a command built from variables at line \(file.line(of: built.builtAt.start)) through the shell, "
                        + "which invites shell injection",
                    advice: entry.advice,
                    related: [Finding.Evidence(path: file.path, range: built.builtAt, message: "`\(command.text)` built from variables here")],
                    severity: .error)
            }
            return finding(
                in: file, at: call.range,
                "\(name) runs the command in `\(command?.text ?? "")` through the shell",
                advice: [entry.advice, entry.forShellLines].compactMap { $0 }.joined(separator: "; "))
        default:
            return finding(in: file, at: call.range, "\(name) is a legacy way to start a process", advice: entry.advice)
        }
    }
}

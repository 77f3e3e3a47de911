import ArgumentParser
import ConchKit
import Foundation

struct Conch: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "conch",
        abstract: "A linter for concurrency choices in Python and C.",
        discussion: """
            Conch warns where code picked a concurrency model that fights its workload \
            and says which model fits: processes, threads, microthreads, or the framework's scheduler.

            Examples:
              conch check .                       lint the current folder
              conch check src --format sarif -o conch.sarif
              conch rule CON101                   explain a rule
            """,
        version: version,
        subcommands: [Check.self, Rules.self, RuleCommand.self, Advise.self, Server.self, Debug.self],
        defaultSubcommand: Check.self
    )
}

/// ArgumentParser exits 64 on usage errors; Conch promises 2, and 0/1 for clean/findings.
@main
enum ConchMain {
    static func main() {
        do {
            var command = try Conch.parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch let error as ConchError {
            FileHandle.standardError.write(Data("conch: error: \(error.description)\n".utf8))
            Foundation.exit(2)
        } catch {
            if Conch.exitCode(for: error) == .success { Conch.exit(withError: error) }
            FileHandle.standardError.write(Data("conch: error: \(Conch.message(for: error))\n".utf8))
            FileHandle.standardError.write(Data("Run 'conch --help' for usage.\n".utf8))
            Foundation.exit(2)
        }
    }
}

enum Output {
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw ConchError.io("cannot write --output-file \(path)")
        }
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data("conch: \(text)\n".utf8))
    }

    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}

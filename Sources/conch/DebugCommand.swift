import ArgumentParser
import ConchKit
import ConchPython
import Foundation

/// `conch debug ...`: views of the front ends' intermediate results.
struct Debug: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what the front ends see.",
        subcommands: [Tokens.self, Facts.self]
    )

    struct Facts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print what conch learned from each file: the facts every rule reads.",
            discussion: """
            Per file: imports, classes, module globals, spawn sites with the function each \
            runs, event loops and callbacks, then every function with its loops, calls \
            (resolved callee, arguments, locks held) and global accesses. Files are found \
            and configured as `conch check` finds them, so modules and C flags are the same.

            Examples:
              conch debug facts app.py
              conch debug facts src/server.c --config conch.toml
              conch debug facts --format json src | jq '.spawn_sites[]'
            """
        )

        @OptionGroup var project: ProjectOptions

        @Option(help: "text, or json (one object per file, one per line).")
        var format: ListFormat = .text

        func run() throws {
            let (model, unreadable) = try project.model()
            if format == .json {
                let lines = try model.files.map { file in
                    String(decoding: try JSONSerialization.data(withJSONObject: FactsDump.json(file), options: [.sortedKeys]), as: UTF8.self)
                }
                try Output.write(lines.map { $0 + "\n" }.joined(), to: nil)
            } else {
                try Output.write(model.files.map(FactsDump.text).joined(separator: "\n"), to: nil)
            }
            if unreadable > 0 { throw ExitCode(1) }
        }
    }

    struct Tokens: ParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        static let configuration = CommandConfiguration(
            abstract: "Print the Python token stream of each file.",
            discussion: """
            Types are named as in CPython's `token` module; lines are 1-based and \
            columns 0-based in Unicode scalars, as `python -m tokenize` prints them.
            In json mode each file is one line: \
            {"path": ..., "tokens": [[type, startLine, startColumn, endLine, endColumn, text], ...], "problems": [...]}

            Examples:
              conch debug tokens app.py
              conch debug tokens --format json pkg/*.py
            """
        )

        @ArgumentParser.Argument(help: "Python files to tokenize.")
        var files: [String]

        @Option(help: "Output format: text or json.")
        var format: Format = .text

        func run() throws {
            var failed = false
            for path in files {
                let data: [UInt8]
                switch FileReader.read(path) {
                case let .success(bytes):
                    data = bytes
                case let .failure(error):
                    failed = true
                    let message = TokenDump.jsonString(error.description)
                    let problem = "{\"path\":\(TokenDump.jsonString(path)),\"tokens\":[],\"problems\":[{\"line\":0,\"column\":0,\"message\":\(message)}]}"
                    if format == .json { print(problem) } else { printError("\(path): \(error.description)") }
                    continue
                }
                let (source, decodeProblems) = PythonSource.decode(bytes: data)
                let file = PythonTokenizer.tokenize(source)
                switch format {
                case .json:
                    print(TokenDump.jsonObject(file, path: path, extraProblems: decodeProblems))
                case .text:
                    if files.count > 1 { print("# \(path)") }
                    print(TokenDump.text(file), terminator: "")
                    for problem in decodeProblems + file.problems { printError("\(path): \(problem.message)") }
                }
            }
            if failed { throw ExitCode(1) }
        }

        private func printError(_ message: String) {
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
    }
}

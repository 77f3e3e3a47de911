import ConchKit

/// The commands of a program's command-line interface, which its framework calls by
/// name, one per run of the process.
enum CLICommands {
    /// Click, AsyncClick, Typer and Cyclopts commands and groups: `@click.command()`, a
    /// group's own `@cli.command()`, a Typer or Cyclopts app's `@app.command()`.
    static func functions(in model: ProjectModel) -> [FunctionID] {
        // Ids and decorators only: copying every decorated function's facts would cost a whole tree's worth.
        var decorated: [(id: FunctionID, decorators: [String])] = []
        for file in model.files where file.language == .python {
            for index in file.functions.indices where !file.functions[index].decorators.isEmpty {
                decorated.append((file.functions[index].id, file.functions[index].decorators))
            }
        }
        let groups = Set(decorated.filter { $0.decorators.contains(where: decorators.contains) }.map(\.id))
        return decorated.filter { function in
            function.decorators.contains { name in
                decorators.contains(name)
                    || [".command", ".group"].contains { name.hasSuffix($0) && groups.contains(String(name.dropLast($0.count))) }
            }
        }.map(\.id)
    }

    private static let decorators: Set<String> = [
        "click.command", "click.group", "asyncclick.command", "asyncclick.group", "typer.Typer.command", "typer.Typer.callback",
        "cyclopts.App.command", "cyclopts.App.default",
    ]
}

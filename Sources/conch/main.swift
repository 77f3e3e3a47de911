import ArgumentParser

/// Root command. The lead's version lists the other subcommands beside `Debug`.
struct Conch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conch",
        abstract: "A static linter for concurrency choices in Python and C.",
        subcommands: [Debug.self]
    )
}

Conch.main()

import ConchKit

/// Conch's own notes (`CON000`) with one message in many files: a C tree without the
/// `config.h` its configure step writes gets the same note for every unit. A person
/// reads it once, with the files it also concerns; machine formats keep every one.
enum RepeatedToolNotes {
    struct Shown {
        var diagnostic: Diagnostic
        /// The paths of the other files with the same note, in report order.
        var alsoIn: [String] = []
    }

    /// Fewer repeats than this stay separate: two files are read as easily as one.
    static let collapsedFrom = 3

    /// The diagnostics in order, a repeated tool note kept at its first file.
    static func collapse(_ diagnostics: [Diagnostic]) -> [Shown] {
        var paths: [String: [String]] = [:]
        for diagnostic in diagnostics where diagnostic.code == AnalysisProblem.code {
            paths[diagnostic.message, default: []].append(diagnostic.location.path)
        }
        var shown: [Shown] = []
        var collapsed: Set<String> = []
        for diagnostic in diagnostics {
            guard diagnostic.code == AnalysisProblem.code, let others = paths[diagnostic.message], others.count >= collapsedFrom else {
                shown.append(Shown(diagnostic: diagnostic))
                continue
            }
            if collapsed.insert(diagnostic.message).inserted {
                shown.append(Shown(diagnostic: diagnostic, alsoIn: Array(others.dropFirst())))
            }
        }
        return shown
    }

    /// `2 more files: a.c, b.c`, or `311 more files: a.c, b.c, c.c and 308 others`.
    static func describe(_ others: [String]) -> String {
        let listed = 3
        let names = others.prefix(listed).joined(separator: ", ")
        let unnamed = others.count - listed
        let rest = unnamed > 0 ? " and \(unnamed) \(unnamed == 1 ? "other" : "others")" : ""
        return "\(others.count) more \(others.count == 1 ? "file" : "files"): \(names)\(rest)"
    }
}

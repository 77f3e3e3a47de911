import CLibClang
import ConchKit

/// Turns clang's diagnostics into the file's problems: each missing header as
/// info (analysis goes on without it), other errors summarised in one info.
enum ParseProblems {
    /// `isHeader`: a header parsed alone is often not self-contained, so its
    /// errors are not worth a problem; its missing includes still are.
    static func collect(unit: CXTranslationUnit, mainFile: CXFile?, isHeader: Bool, library: LibClang) -> (problems: [FileProblem], hadErrors: Bool) {
        var problems: [FileProblem] = []
        var missing: Set<String> = []
        var firstError: FileProblem?
        var errorCount = 0
        for index in 0..<library.getNumDiagnostics(unit) {
            guard let diagnostic = library.getDiagnostic(unit, index) else { continue }
            defer { library.disposeDiagnostic(diagnostic) }
            let severity = library.getDiagnosticSeverity(diagnostic)
            guard severity == CXDiagnostic_Error || severity == CXDiagnostic_Fatal else { continue }
            let message = library.string(library.getDiagnosticSpelling(diagnostic))
            // A gcc flag clang does not know is ignored; it says nothing about the code.
            if flagComplaints.contains(where: message.hasPrefix) { continue }
            let (file, offset) = library.fileOffset(library.getDiagnosticLocation(diagnostic))
            let inMain = file != nil && library.fileIsEqual(file, mainFile) != 0
            let range = inMain ? ByteRange(offset, offset) : ByteRange(0, 0)
            if let header = missingHeader(message) {
                if missing.insert(header).inserted {
                    problems.append(FileProblem("'\(header)' not found; analysis continues without it", range: range, level: .info))
                }
                continue
            }
            errorCount += 1
            if firstError == nil { firstError = FileProblem(message, range: range, level: .info) }
        }
        // Errors that follow from a missing header say nothing new.
        if missing.isEmpty, !isHeader, var first = firstError {
            let more = errorCount > 1 ? " (and \(errorCount - 1) more)" : ""
            first.message = "C parse error: \(first.message)\(more); analysis continues with what parsed"
            problems.append(first)
        }
        return (problems, errorCount > 0 || !missing.isEmpty)
    }

    private static let flagComplaints = ["unknown argument", "unsupported option", "unknown warning option", "optimization flag"]

    /// `'foo.h' file not found` -> `foo.h`.
    static func missingHeader(_ message: String) -> String? {
        guard message.hasSuffix("file not found"), let open = message.firstIndex(of: "'"),
              let close = message[message.index(after: open)...].firstIndex(of: "'") else { return nil }
        return String(message[message.index(after: open)..<close])
    }
}

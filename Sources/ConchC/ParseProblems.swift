import CLibClang
import ConchKit
import Foundation

/// Turns clang's diagnostics into the file's problems: each missing header as
/// info (analysis goes on without it), other errors summarised in one info.
enum ParseProblems {
    /// Headers only another platform has: a unit that includes one (fio's `os/windows/posix.c`) is written for it.
    private static let otherPlatformHeaders: Set<String> = ["windows.h", "winsock2.h", "windef.h", "winbase.h", "ws2tcpip.h"]

    /// `isHeader`: a header parsed alone is often not self-contained, so its
    /// errors are not worth a problem; its missing includes still are.
    static func collect(unit: CXTranslationUnit, mainFile: CXFile?, isHeader: Bool, library: LibClang)
        -> (problems: [FileProblem], hadErrors: Bool, isForAnotherPlatform: Bool) {
        var problems: [FileProblem] = []
        var missing: Set<String> = []
        var missingInOrder: [String] = []
        var firstMissing: ByteRange?
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
                    missingInOrder.append(header)
                    if firstMissing == nil { firstMissing = range }
                }
                continue
            }
            errorCount += 1
            guard firstError == nil else { continue }
            // `#error DEBUGGING not defined`: the build passes a setting the analysis lacks.
            let isDirective = library.string(library.getDiagnosticCategoryText(diagnostic)) == "User-Defined Issue"
            var shown = isDirective ? "`#error \(message)` (the build defines something this analysis lacks: pass --compile-commands)" : message
            // An error in a header points at the unit's first line: say which header it is in.
            if !inMain, let file { shown = "in \((library.string(library.getFileName(file)) as NSString).lastPathComponent): " + shown }
            firstError = FileProblem(shown, range: range, level: .info)
        }
        if let firstMissing { problems.append(FileProblem(missingHeaders(missingInOrder), range: firstMissing, level: .info)) }
        // Errors that follow from a missing header say nothing new.
        if missing.isEmpty, !isHeader, var first = firstError {
            let more = errorCount > 1 ? " (and \(errorCount - 1) more)" : ""
            first.message = "C parse error: \(first.message)\(more); analysis continues with what parsed"
            problems.append(first)
        }
        return (problems, errorCount > 0 || !missing.isEmpty, !missing.isDisjoint(with: otherPlatformHeaders))
    }

    /// One problem for all of a file's missing headers: an unconfigured tree misses the
    /// same few in every file, and one line per header per file buried the findings.
    static func missingHeaders(_ headers: [String]) -> String {
        let shown = headers.prefix(3).map { "'\($0)'" }
        let names = headers.count == 1 ? shown[0]
            : headers.count <= 3 ? shown.dropLast().joined(separator: ", ") + " and " + shown[shown.count - 1]
            : shown.joined(separator: ", ") + " and \(headers.count - 3) more headers"
        let message = names + " not found; analysis continues without " + (headers.count == 1 ? "it" : "them")
        // A generated header decides which `#if` branches are the real code.
        guard let generated = headers.first(where: isGeneratedConfiguration) else { return message }
        let macros = headers.count == 1 ? "its macros" : "the macros of '\(generated)'"
        return message + ", and `#if`s that test \(macros) may take the wrong branch (run the build's configure step, or pass --compile-commands)"
    }

    /// `config.h`, `pyconfig.h`, `build/config.h`: what a configure step writes; `eap_peer/eap_config.h` is a source header.
    private static func isGeneratedConfiguration(_ header: String) -> Bool {
        header == "config.h" || header.hasSuffix("/config.h") || (!header.contains("/") && header.hasSuffix("config.h"))
    }

    private static let flagComplaints = ["unknown argument", "unsupported option", "unknown warning option", "optimization flag"]

    /// `'foo.h' file not found` -> `foo.h`.
    static func missingHeader(_ message: String) -> String? {
        guard message.hasSuffix("file not found"), let open = message.firstIndex(of: "'"),
              let close = message[message.index(after: open)...].firstIndex(of: "'") else { return nil }
        return String(message[message.index(after: open)..<close])
    }
}

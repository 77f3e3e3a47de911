import ConchKit

/// `--format junit`: JUnit XML for CI test dashboards. One `<testsuite>` per
/// file with findings, one `<testcase>` holding one `<failure>` per finding:
///
///     <testsuites name="conch" tests="1" failures="1">
///       <testsuite name="pkg/render.py" tests="1" failures="1">
///         <testcase name="CON101:12:5" classname="pkg/render.py">
///           <failure message="thread runs …" type="CON101">thread runs …
///     model: process: use concurrent.futures.ProcessPoolExecutor</failure>
///         </testcase>
///       </testsuite>
///     </testsuites>
enum JUnitReporter {
    static func render(_ input: ReportInput) -> String {
        let diagnostics = input.diagnostics
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"conch\" tests=\"\(diagnostics.count)\" failures=\"\(diagnostics.count)\">\n"
        for (path, findings) in groupedByPath(diagnostics) {
            let name = attribute(path)
            out += "  <testsuite name=\"\(name)\" tests=\"\(findings.count)\" failures=\"\(findings.count)\">\n"
            for diagnostic in findings {
                let start = diagnostic.location.start
                out += "    <testcase name=\"\(attribute("\(diagnostic.code):\(start.line):\(start.column)"))\" classname=\"\(name)\">\n"
                out += "      <failure message=\"\(attribute(diagnostic.message))\" type=\"\(attribute(diagnostic.code))\">"
                out += text(body(diagnostic)) + "</failure>\n"
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    /// Files in the order they first appear (the input is sorted by path).
    private static func groupedByPath(_ diagnostics: [Diagnostic]) -> [(String, [Diagnostic])] {
        var groups: [(String, [Diagnostic])] = []
        var indexByPath: [String: Int] = [:]
        for diagnostic in diagnostics {
            if let index = indexByPath[diagnostic.path] {
                groups[index].1.append(diagnostic)
            } else {
                indexByPath[diagnostic.path] = groups.count
                groups.append((diagnostic.path, [diagnostic]))
            }
        }
        return groups
    }

    private static func body(_ diagnostic: Diagnostic) -> String {
        let start = diagnostic.location.start
        var lines = ["\(diagnostic.path):\(start.line):\(start.column): \(diagnostic.message)"]
        if let recommendation = diagnostic.recommendation {
            lines.append("model: \(recommendation.model.rawValue): \(recommendation.advice)")
        }
        for related in diagnostic.related {
            let at = related.location.start
            lines.append("note: \(related.location.path):\(at.line):\(at.column): \(related.message)")
        }
        return lines.joined(separator: "\n")
    }

    /// Character data: markup escaped, characters XML 1.0 forbids dropped.
    static func text(_ value: String) -> String {
        escape(value, inAttribute: false)
    }

    /// Attribute values also keep their tabs and line breaks as character
    /// references, which attribute normalisation would otherwise turn into spaces.
    static func attribute(_ value: String) -> String {
        escape(value, inAttribute: true)
    }

    private static func escape(_ value: String, inAttribute: Bool) -> String {
        var out = ""
        for scalar in value.unicodeScalars where isAllowedInXML(scalar) {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#13;"
            case "\n" where inAttribute: out += "&#10;"
            case "\t" where inAttribute: out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// XML 1.0's `Char` production.
    static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}

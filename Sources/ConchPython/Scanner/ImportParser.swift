import ConchKit

/// Reads `import a.b as c` and `from .x import y as z` statements.
enum ImportParser {
    struct Bound {
        /// The name the import binds for lookup (`a` for `import a.b`).
        var lookupName: String
        var lookupTarget: String
        var fact: ImportBinding
    }

    static func isImport(_ tokens: ScanTokens, _ statement: Statement) -> Bool {
        tokens.isName(statement.first, "import") || tokens.isName(statement.first, "from")
    }

    static func parse(_ tokens: ScanTokens, _ statement: Statement, packageName: String) -> [Bound] {
        if tokens.isName(statement.first, "import") {
            return parseImport(tokens, statement)
        }
        return parseFrom(tokens, statement, packageName: packageName)
    }

    private static func parseImport(_ tokens: ScanTokens, _ statement: Statement) -> [Bound] {
        var result: [Bound] = []
        var cursor = statement.first + 1
        while cursor < statement.end {
            let start = cursor
            guard let (dotted, next) = dottedName(tokens, from: cursor, end: statement.end) else { break }
            cursor = next
            if tokens.isName(cursor, "as"), tokens.isName(cursor + 1) {
                let alias = tokens.text(cursor + 1)
                result.append(Bound(lookupName: alias, lookupTarget: dotted,
                                    fact: ImportBinding(localName: alias, target: dotted, range: tokens.range(start, cursor + 1))))
                cursor += 2
            } else {
                let head = dotted.split(separator: ".").first.map(String.init) ?? dotted
                result.append(Bound(lookupName: head, lookupTarget: head,
                                    fact: ImportBinding(localName: dotted, target: dotted, range: tokens.range(start, cursor - 1))))
            }
            guard tokens.isOp(cursor, ",") else { break }
            cursor += 1
        }
        return result
    }

    private static func parseFrom(_ tokens: ScanTokens, _ statement: Statement, packageName: String) -> [Bound] {
        var cursor = statement.first + 1
        var dots = 0
        while cursor < statement.end, tokens.kinds[cursor] == .op, tokens.isOp(cursor, ".") || tokens.isOp(cursor, "...") {
            dots += tokens.ends[cursor] - tokens.starts[cursor]
            cursor += 1
        }
        var module = ""
        if !tokens.isName(cursor, "import"), let (dotted, next) = dottedName(tokens, from: cursor, end: statement.end) {
            module = dotted
            cursor = next
        }
        guard tokens.isName(cursor, "import") else { return [] }
        cursor += 1
        let base = dots > 0 ? relativeBase(packageName, dots: dots, module: module) : module
        var end = statement.end
        if tokens.isOp(cursor, "(") {
            end = tokens.partner[cursor] > cursor ? tokens.partner[cursor] : statement.end
            cursor += 1
        }
        var result: [Bound] = []
        while cursor < end {
            let start = cursor
            if tokens.isOp(cursor, "*") {
                result.append(Bound(lookupName: "*", lookupTarget: base + ".*",
                                    fact: ImportBinding(localName: "*", target: base + ".*", range: tokens.range(cursor, cursor))))
                break
            }
            guard tokens.isName(cursor) else { break }
            let name = tokens.text(cursor)
            let target = base.isEmpty ? name : base + "." + name
            var local = name
            cursor += 1
            if tokens.isName(cursor, "as"), tokens.isName(cursor + 1) {
                local = tokens.text(cursor + 1)
                cursor += 2
            }
            result.append(Bound(lookupName: local, lookupTarget: target,
                                fact: ImportBinding(localName: local, target: target, range: tokens.range(start, cursor - 1))))
            guard tokens.isOp(cursor, ",") else { break }
            cursor += 1
        }
        return result
    }

    /// `from ..x import y` in package `a.b.c` -> `a.b.x`.
    static func relativeBase(_ packageName: String, dots: Int, module: String) -> String {
        var parts = packageName.split(separator: ".").map(String.init)
        parts.removeLast(min(parts.count, dots - 1))
        if !module.isEmpty { parts.append(module) }
        return parts.joined(separator: ".")
    }

    /// `a.b.c` starting at `index`: the text and the index after it.
    static func dottedName(_ tokens: ScanTokens, from index: Int, end: Int) -> (String, Int)? {
        guard index < end, tokens.isName(index) else { return nil }
        var parts = [tokens.text(index)]
        var cursor = index + 1
        while cursor + 1 < end, tokens.isOp(cursor, "."), tokens.isName(cursor + 1) {
            parts.append(tokens.text(cursor + 1))
            cursor += 2
        }
        return (parts.joined(separator: "."), cursor)
    }
}

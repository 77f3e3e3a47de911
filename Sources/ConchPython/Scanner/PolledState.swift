import ConchKit

/// `while not self._ready: await asyncio.sleep(0.1)`: a `while` whose body is one
/// statement and whose condition only tests variables, calling and awaiting nothing,
/// ends only when other code changes what it tests.
enum PolledState {
    private static let testKeywords: Set<String> = ["not", "and", "or", "is", "in", "None", "True", "False"]
    /// Methods that read an object's state without waiting or computing:
    /// `stop.is_set()`, `task.done()`, `jobs.empty()`, `lock.locked()`.
    private static let stateReaders: Set<String> = ["is_set", "isSet", "done", "cancelled", "empty", "full", "qsize", "locked"]
    /// Set comparisons, which read the set and their argument: `keys.issubset(self.tasks)`.
    private static let comparisons: Set<String> = ["issubset", "issuperset", "isdisjoint"]

    /// The variables and attribute chains the condition tests (`self._ready`, `done`),
    /// leaving out the function's own locals, which nothing else changes while it sleeps,
    /// and the members of classes (`Status.starting`), which are constants.
    /// Empty when the body is more than one statement or the condition calls something.
    static func tested(_ model: ScanModel, statement index: Int, function: Int) -> [String] {
        let statement = model.statements[index]
        guard function != 0, let colon = statement.colon, statement.blockEnd == index + 2,
              model.statements[index + 1].header == nil else { return [] }
        let tokens = model.tokens
        var tested: [String] = []
        var cursor = statement.keyword + 1
        while cursor < colon {
            switch tokens.kinds[cursor] {
            case .number, .string:
                cursor += 1
            case .op:
                if tokens.isOp(cursor, "("), isCallee(tokens, cursor - 1) { return [] }
                cursor += 1
            case .name where tokens.isName(cursor, "len") && tokens.isOp(cursor + 1, "(") && !tokens.isOp(cursor - 1, "."):
                // `len(self.workers)`: the state inside is what is tested.
                cursor += 2
            case .name where tokens.isKeyword(cursor):
                guard testKeywords.contains(tokens.text(cursor)) else { return [] }
                cursor += 1
            case .name:
                var end = cursor + 1
                while tokens.isOp(end, "."), tokens.isName(end + 1) { end += 2 }
                if end - cursor > 1, comparisons.contains(tokens.text(end - 1)), tokens.isOp(end, "(") {
                    // The receiver is tested, then the argument, read on as the rest of the condition.
                    if let receiver = testedVariable(model, first: cursor, end: end - 2, function: function) { tested.append(receiver) }
                    cursor = end + 1
                    continue
                }
                if end - cursor > 1, stateReaders.contains(tokens.text(end - 1)), tokens.isOp(end, "("), tokens.isOp(end + 1, ")") {
                    end += 2
                }
                if let variable = testedVariable(model, first: cursor, end: end, function: function) { tested.append(variable) }
                cursor = end
            default:
                return []
            }
        }
        return tested
    }

    /// The text of the chain `first..<end`, unless it is one of the function's locals or a class's member.
    private static func testedVariable(_ model: ScanModel, first: Int, end: Int, function: Int) -> String? {
        let tokens = model.tokens
        let root = tokens.text(first)
        // An attribute or an item of a local is the state of an object others may hold too.
        let isPart = end - first > 1 || tokens.isOp(end, "[")
        return (isPart ? !isClassMember(root) : !isLocal(root, model.scopes[function])) ? tokens.text(first, end - 1) : nil
    }

    /// A `(` after this token calls: after a name that is no keyword, a `)` or a `]`.
    private static func isCallee(_ tokens: ScanTokens, _ index: Int) -> Bool {
        (tokens.isName(index) && !tokens.isKeyword(index)) || tokens.isOp(index, ")") || tokens.isOp(index, "]")
    }

    /// A CamelCase root: `Status` of `Status.starting`, not `CONFIG` of `CONFIG.ready`.
    private static func isClassMember(_ root: String) -> Bool {
        ClassNames.looksLikeClass(root) && root.utf8.contains { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
    }

    private static func isLocal(_ name: String, _ scope: Scope) -> Bool {
        guard let entry = scope.names[name] else { return false }
        return entry.isBound && !entry.isGlobal && !entry.isNonlocal
    }
}

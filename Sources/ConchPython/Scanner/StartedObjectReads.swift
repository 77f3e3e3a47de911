import ConchKit

/// `c = Counter(); c.start(); c.join(); print(c.total)`: the attributes a function reads
/// from an object after calling its `start()`. A process's `run` changes its own copy
/// of the object, so such a read is where the starter expects a result it never gets.
enum StartedObjectReads {
    /// Reads the statement's tokens for `name.attribute` of names started earlier in the
    /// function, then notes the names it starts (`name.start()`).
    static func record(_ model: ScanModel, statement index: Int, calls: [FoundCall], function: Int) {
        let tokens = model.tokens
        let statement = model.statements[index]
        if let started = model.startedObjects[function] {
            var token = statement.first
            while token + 2 < statement.end {
                defer { token += 1 }
                guard tokens.kinds[token] == .name, started.contains(tokens.nameIDs[token]), !tokens.isOp(token - 1, "."),
                      tokens.isOp(token + 1, "."), tokens.isName(token + 2), !tokens.isOp(token + 3, "("),
                      !isStored(model, index, token) else { continue }
                model.facts.startedObjectReads.append(StartedObjectRead(function: function, object: tokens.text(token),
                                                                        attribute: tokens.text(token + 2),
                                                                        range: tokens.range(token, token + 2)))
            }
        }
        for call in calls where call.function == function && call.chainFirst == call.open - 3 && tokens.isName(call.open - 1, "start")
            && tokens.isOp(call.open - 2, ".") && tokens.isName(call.chainFirst) {
            model.startedObjects[function, default: []].insert(tokens.nameIDs[call.chainFirst])
        }
    }

    /// `c.total = 0`: the starter setting the attribute, not reading it.
    private static func isStored(_ model: ScanModel, _ index: Int, _ token: Int) -> Bool {
        model.assignments[index]?.targets.contains { $0.first == token && $0.end == token + 3 } ?? false
    }
}

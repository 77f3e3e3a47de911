import ConchKit

/// Which `with` items hold a lock, and the name a lock goes by.
enum LockRegions {
    /// Locks held by `with a, self.lock, cond as c:` — items whose type is a lock
    /// (`threading.Lock`, `RLock`, `Semaphore`, `Condition`...), whose name says "lock"
    /// or "mutex", or a shared value's `get_lock()`.
    static func heldBy(_ model: ScanModel, first: Int, end: Int, function: Int) -> [String] {
        let tokens = model.tokens
        var result: [String] = []
        var itemsFirst = first
        var itemsEnd = end
        if tokens.isOp(first, "("), tokens.partner[first] == end - 1 {
            itemsFirst = first + 1
            itemsEnd = end - 1
        }
        for item in Assignments.commaSeparated(tokens, first: itemsFirst, end: itemsEnd) {
            let last = (Assignments.topLevel(tokens, keyword: "as", first: item.first, end: item.end) ?? item.end) - 1
            guard last >= item.first, model.chainStart(endingAt: last, notBefore: item.first) == item.first else { continue }
            let type = model.resolveChain(item.first, last, scope: function, className: model.scopes[function].className)
            let written = tokens.text(item.first, last)
            let isCall = tokens.isCloser(last)
            let typeIsLock = type.isResolved && ScannerCatalog.lockTypes.contains(isCall ? model.callResultType(type.name) ?? type.name : type.name)
            // `with counter.get_lock():`, the lock of a `multiprocessing.Value` or `Array`, whatever its receiver.
            let getsALock = isCall && tokens.isOp(last - 1, "(") && last - 2 >= item.first && tokens.isName(last - 2, "get_lock")
            if typeIsLock || getsALock || (!isCall && namesALock(written)) {
                result.append(isCall ? written : lockName(model, first: item.first, last: last, function: function))
            }
        }
        return result
    }

    /// Whether the text says "lock" or "mutex", in any case.
    private static func namesALock(_ written: String) -> Bool {
        let lowered = written.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }
        return contains(lowered, "lock") || contains(lowered, "mutex")
    }

    private static func contains(_ bytes: [UInt8], _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        return (0...(bytes.count - count)).contains { start in
            (0..<count).allSatisfy { bytes[start + $0] == word.utf8Start[$0] }
        }
    }

    /// A lock's name: `pkg.mod.lock` for a module global, `pkg.mod.Class._lock` for
    /// `self._lock`, else the text as written.
    static func lockName(_ model: ScanModel, first: Int, last: Int, function: Int) -> String {
        let tokens = model.tokens
        if first == last, tokens.isName(first) {
            let name = tokens.text(first)
            if model.isModuleVariable(name, scope: function) { return model.moduleName + "." + name }
            return name
        }
        if first + 2 == last, tokens.isName(first), tokens.isOp(first + 1, "."), tokens.isName(last),
           let className = model.scopes[function].className, tokens.text(first) == model.scopes[function].selfName {
            return className + "." + tokens.text(last)
        }
        return tokens.text(first, last)
    }
}

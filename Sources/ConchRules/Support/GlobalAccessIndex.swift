import ConchKit

/// Every access to module-level or global state in the project, by variable, with
/// each variable's declaration: what the shared-state rules compare.
struct GlobalAccessIndex: Sendable {
    /// One access with the function and file it stands in.
    struct Located {
        var file: Int
        var function: Int
        var access: GlobalAccess
    }

    private(set) var accesses: [String: [Located]] = [:]
    /// Declarations by the name accesses use: `pkg.mod.counter`, C `counter` or `path::counter`.
    private(set) var declarations: [String: GlobalVariable] = [:]

    init(_ model: ProjectModel) {
        for (fileIndex, file) in model.files.enumerated() {
            for global in file.globals {
                let name = file.language == .python ? file.moduleName + "." + global.name : global.name
                if declarations[name] == nil { declarations[name] = global }
            }
            for (functionIndex, function) in file.functions.enumerated() {
                for access in function.globalAccesses {
                    accesses[access.variable, default: []].append(Located(file: fileIndex, function: functionIndex, access: access))
                }
            }
        }
    }

    /// Storage that keeps a variable out of races: per thread, atomic, constant, or a lock-like object.
    func isSelfProtected(_ variable: String) -> Bool {
        guard let storage = declarations[variable]?.storage else { return false }
        return storage == .threadLocal || storage == .atomic || storage == .synchronized
    }

    /// What an access touches, for messages: `counter` for `pkg.mod.counter` or
    /// `path.c::counter`, `server.dirty` for a member of a C struct global, `counts[1]`
    /// for an element of a C array.
    static func shortName(of access: GlobalAccess, in language: SourceLanguage) -> String {
        let variable = access.variable
        if language == .c {
            // `once#2` is the second `static char once;` of one function: shown as `once`.
            let last = variable.split(separator: "::").last.map(String.init) ?? variable
            let name = (last.split(separator: "#").first.map(String.init) ?? last) + (access.element.map { "[\($0)]" } ?? "")
            return access.field.map { name + "." + $0 } ?? name
        }
        if language == .python, let dot = variable.lastIndex(of: ".") {
            // Another module's variable goes by its module too: `state.total`.
            let start = access.isImported ? variable[..<dot].lastIndex(of: ".").map { variable.index(after: $0) } ?? variable.startIndex : nil
            let name = String(variable[(start ?? variable.index(after: dot))...])
            return access.field.map { name + "." + $0 } ?? name
        }
        return variable
    }
}

extension GlobalAccess {
    /// C struct members: `server.dirty` and `server.in_fork_child` are separate
    /// storage, and so are `pipefds[0]` and `pipefds[1]`; the whole variable, or a
    /// member and one nested in it, overlap.
    /// Python accesses name no member.
    func sharesStorage(with other: GlobalAccess) -> Bool {
        if let element, let otherElement = other.element, element != otherElement { return false }
        guard let first = field, let second = other.field else { return true }
        if first == second { return true }
        return first.hasPrefix(second + ".") || second.hasPrefix(first + ".")
    }

    /// Python: an update that reads the old value in one statement (`+=`, `x = x + 1`,
    /// check-then-act); a lone store or container operation is atomic there.
    /// C: any plain store, which is a data race.
    /// A C write that would be racy but for the lock it holds.
    var isLockedRacyWrite: Bool { isWrite && !locksHeld.isEmpty && !isAtomic && !isPerThread }

    func isRacyWrite(in language: SourceLanguage) -> Bool {
        guard isWrite, locksHeld.isEmpty, !isAtomic, !isPerThread else { return false }
        if language == .c { return true }
        switch kind {
        case .augmented, .readModifyWrite, .checkThenAct, .subscriptAugmented:
            return true
        case .read, .rebind, .mutatingMethod, .subscriptStore, .writeThroughPointer:
            return false
        }
    }
}

extension GlobalAccess.Kind {
    /// Whether the access reads the variable's current value: a read, or a write that reads first.
    var reads: Bool {
        switch self {
        case .read, .augmented, .readModifyWrite, .checkThenAct, .subscriptAugmented: true
        case .rebind, .mutatingMethod, .subscriptStore, .writeThroughPointer: false
        }
    }
}

extension ProjectModel {
    /// Every access to global state, built by the first rule that asks.
    var globalAccessIndex: GlobalAccessIndex {
        shared(GlobalAccessIndex.self) { GlobalAccessIndex(self) }
    }
}

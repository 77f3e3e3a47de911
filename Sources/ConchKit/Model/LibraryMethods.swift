/// Python: `launcher.join()` where `launcher` is a `LauncherThread`, a project class
/// built on `threading.Thread` that does not define `join` itself. The call runs the
/// library's method, so what the catalogs say of `threading.Thread.join` holds for it.
/// Worked out per callee when asked, since few of a project's callees are ever asked about.
public struct LibraryMethods: Sendable {
    private let model: ProjectModel
    private let hierarchy: ClassHierarchy
    private let answers = LockedCache<String, String?>()

    init(_ model: ProjectModel) {
        self.model = model
        hierarchy = model.classHierarchy
    }

    /// The library method a call of `callee` runs, when the project class it names inherits it.
    public func equivalent(of callee: String) -> String? {
        guard let dot = callee.utf8.lastIndex(of: UInt8(ascii: ".")), ClassNames.looksLikeClass(callee[..<dot]) else { return nil }
        return answers.value(for: callee) {
            let owner = String(callee[..<dot])
            guard hierarchy.defines(owner), let base = libraryBase(of: owner) else { return nil }
            let method = callee[dot...]
            let definesIt = hierarchy.ancestors(of: owner).contains { model.functionIndex[$0 + method] != nil }
            return definesIt ? nil : base + method
        }
    }

    /// The call as a call of the library method it runs, or unchanged.
    public func libraryCall(_ call: CallFacts) -> CallFacts {
        guard call.isResolved, let inherited = equivalent(of: call.callee) else { return call }
        var libraryCall = call
        libraryCall.callee = inherited
        return libraryCall
    }

    /// The first base up the class's project ancestry, depth first, that the project does
    /// not define and that imports name (`threading.Thread`, not a bare `object`).
    private func libraryBase(of name: String) -> String? {
        var pending = [name]
        var seen: Set<String> = []
        while let current = pending.popLast() {
            guard seen.insert(current).inserted else { continue }
            let bases = hierarchy.bases(of: current)
            if let library = bases.first(where: { !hierarchy.defines($0) && $0.contains(".") }) { return library }
            pending += bases.filter(hierarchy.defines).reversed()
        }
        return nil
    }
}

extension ProjectModel {
    public var libraryMethods: LibraryMethods {
        shared(LibraryMethods.self) { LibraryMethods(self) }
    }
}

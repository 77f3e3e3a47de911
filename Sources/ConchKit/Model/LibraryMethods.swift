/// Python: `launcher.join()` where `launcher` is a `LauncherThread`, a project class
/// built on `threading.Thread` that does not define `join` itself. The call runs the
/// library's method, so what the catalogs say of `threading.Thread.join` holds for it.
public struct LibraryMethods: Sendable {
    private let equivalents: [String: String]
    /// The lengths of the callees `equivalents` holds, so most calls are ruled out unhashed.
    private let lengths: Set<Int>

    init(_ model: ProjectModel) {
        let hierarchy = model.classHierarchy
        var libraryBases: [String: String] = [:]
        for name in hierarchy.names {
            if let base = Self.libraryBase(of: name, hierarchy) { libraryBases[name] = base }
        }
        var equivalents: [String: String] = [:]
        if !libraryBases.isEmpty {
            let ownerLengths = Set(libraryBases.keys.map(\.utf8.count))
            for callee in model.callees.names {
                guard let dot = callee.utf8.lastIndex(of: UInt8(ascii: ".")),
                      ownerLengths.contains(callee.utf8.distance(from: callee.utf8.startIndex, to: dot)) else { continue }
                let owner = String(callee[..<dot])
                guard let base = libraryBases[owner] else { continue }
                let method = callee[dot...]
                let definesIt = hierarchy.ancestors(of: owner).contains { model.functionIndex[$0 + method] != nil }
                if !definesIt { equivalents[callee] = base + method }
            }
        }
        self.equivalents = equivalents
        lengths = Set(equivalents.keys.map(\.utf8.count))
    }

    /// The library method a call of `callee` runs, when the project class it names inherits it.
    public func equivalent(of callee: String) -> String? {
        guard lengths.contains(callee.utf8.count) else { return nil }
        return equivalents[callee]
    }

    /// The call as a call of the library method it runs, or unchanged.
    public func libraryCall(_ call: CallFacts) -> CallFacts {
        guard call.isResolved, let inherited = equivalent(of: call.callee) else { return call }
        var libraryCall = call
        libraryCall.callee = inherited
        return libraryCall
    }

    /// The first base up the class's project ancestry that the project does not define,
    /// and that imports name (`threading.Thread`, not a bare `object`).
    private static func libraryBase(of name: String, _ hierarchy: ClassHierarchy) -> String? {
        for ancestor in hierarchy.ancestors(of: name) {
            if let base = hierarchy[ancestor]?.bases.first(where: { hierarchy[$0] == nil && $0.contains(".") }) { return base }
        }
        return nil
    }
}

extension ProjectModel {
    public var libraryMethods: LibraryMethods {
        shared(LibraryMethods.self) { LibraryMethods(self) }
    }
}

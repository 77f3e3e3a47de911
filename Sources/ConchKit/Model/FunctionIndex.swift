/// Where each function of the project is defined, by id, and by the names other
/// modules re-export it under (`ReexportedNames`).
public struct FunctionIndex: Sendable {
    private let definitions: [FunctionID: ProjectModel.FunctionReference]
    private let reexports: ReexportedNames

    init(_ definitions: [FunctionID: ProjectModel.FunctionReference], reexports: ReexportedNames) {
        self.definitions = definitions
        self.reexports = reexports
    }

    public subscript(id: FunctionID) -> ProjectModel.FunctionReference? {
        lookup(id)?.reference
    }

    /// The function `id` names, with the id of its definition.
    func lookup(_ id: FunctionID) -> (id: FunctionID, reference: ProjectModel.FunctionReference)? {
        if let reference = definitions[id] { return (id, reference) }
        guard !reexports.isEmpty, let original = reexports.original(of: id), let reference = definitions[original] else { return nil }
        return (original, reference)
    }
}

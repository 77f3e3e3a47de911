/// Where each function of the project is defined, by id, and by the names other
/// modules re-export it under (`ReexportedNames`).
public struct FunctionIndex: Sendable {
    /// Definitions by id, and re-exported functions by the names they are re-exported under.
    private let definitions: [FunctionID: ProjectModel.FunctionReference]
    let reexports: ReexportedNames

    /// `definitions`: every definition by id, and every function `reexports` names by that name.
    init(_ definitions: [FunctionID: ProjectModel.FunctionReference], reexports: ReexportedNames) {
        self.definitions = definitions
        self.reexports = reexports
    }

    public subscript(id: FunctionID) -> ProjectModel.FunctionReference? {
        if let reference = definitions[id] { return reference }
        return reexports.method(id).flatMap { definitions[$0] }
    }
}

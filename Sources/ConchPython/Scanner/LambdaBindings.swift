/// Names whose one binding in a scope is a lambda (`double = lambda x: 2 * x`): a
/// spawn handed such a name runs the lambda, which pickle cannot send to a process.
struct LambdaBindings {
    /// Per scope (a function's index, 0 for the module body): each name assigned there,
    /// with the lambda's function index when every assignment binds the name to that one lambda.
    private var byScope: [Int: [String: Int?]] = [:]

    init(_ model: ScanModel) {
        let tokens = model.tokens
        for index in model.statements.indices where model.statements[index].header == nil && model.statementClass[index] == nil {
            guard let assignment = model.assignments[index], let value = assignment.value else { continue }
            let scope = model.statementFunction[index]
            let lambda = model.lambda(at: value.first).flatMap { $0.end == value.end ? $0.function : nil }
            for target in assignment.targets {
                let names = Assignments.boundNames(tokens, first: target.first, end: target.end)
                let isPlainName = target.end == target.first + 1 && assignment.augmentedOperator == nil
                for (name, _) in names {
                    let bound = isPlainName ? lambda : nil
                    if let known = byScope[scope]?[name], known != bound {
                        byScope[scope]?[name] = .some(nil)
                    } else {
                        byScope[scope, default: [:]][name] = bound
                    }
                }
            }
        }
    }

    /// The lambda `name` stands for in function `function`: Python's lookup through the
    /// enclosing functions to the module, stopped by a scope that binds the name otherwise.
    func lambda(boundTo name: String, in function: Int, _ model: ScanModel) -> Int? {
        var scope: Int? = function
        while let current = scope {
            if let assigned = byScope[current]?[name] { return assigned }
            let known = model.scopes[current].names[name]
            if known?.isGlobal == true { return byScope[0]?[name] ?? nil }
            if current != 0, known?.isBound == true || known?.definition != nil || known?.importTarget != nil { return nil }
            scope = current == 0 ? nil : model.scopes[current].parent ?? 0
        }
        return nil
    }
}

import ConchKit

/// The blocking call a plain Python function of the project makes, in its own body or
/// in the plain functions it calls: what a coroutine calling it waits on.
struct BlockingHelpers {
    struct Found {
        var file: FileFacts
        var call: CallFacts
        var entry: BlockingCalls.Entry
        /// The functions between the helper and the call, the helper first.
        var via: [FunctionID]
    }

    /// A chain of more helpers than this is too long to say the loop runs it.
    private static let chainLimit = 2
    /// How deep the search follows calls; past it, nothing is remembered.
    private static let searchLimit = 64

    let model: ProjectModel
    /// Functions on the loop themselves, reported where they block.
    let onTheLoop: Set<FunctionID>
    /// The shortest chain to a blocking call from each plain function searched; nil when it blocks nowhere.
    private var known: [FunctionID: Found?] = [:]

    init(model: ProjectModel, onTheLoop: Set<FunctionID>) {
        self.model = model
        self.onTheLoop = onTheLoop
    }

    /// What the plain function a call in `file` names blocks on, if it does.
    mutating func blockingCall(through call: CallFacts, in file: FileFacts) -> Found? {
        guard let id = model.plainHelper(calledBy: call, in: file, notOnTheLoop: onTheLoop),
              let found = blockingCall(in: id, depth: 0), found.via.count <= Self.chainLimit else { return nil }
        return found
    }

    private mutating func blockingCall(in id: FunctionID, depth: Int) -> Found? {
        if let answer = known[id] { return answer }
        guard depth < Self.searchLimit, !onTheLoop.contains(id), let (file, function) = model.function(id),
              ProjectModel.isPlainPythonFunction(function, in: file)
        else { return nil }
        known[id] = .some(nil)
        var found: Found?
        if let call = function.calls.first(where: { BlockingCalls.entry(for: $0, in: .python, caller: function) != nil }),
           let entry = BlockingCalls.entry(for: call, in: .python, caller: function) {
            found = Found(file: file, call: call, entry: entry, via: [id])
        } else {
            for call in function.calls {
                guard call.isResolved, let callee = model.resolve(call.callee, from: file),
                      var deeper = blockingCall(in: callee, depth: depth + 1),
                      found.map({ deeper.via.count + 1 < $0.via.count }) ?? true else { continue }
                deeper.via.insert(id, at: 0)
                found = deeper
            }
        }
        known[id] = .some(found)
        return found
    }
}

extension ProjectModel {
    /// The plain (not `async`) Python function of the project a call runs, unless
    /// it is one of `onTheLoop`, which are judged where they stand.
    func plainHelper(calledBy call: CallFacts, in file: FileFacts, notOnTheLoop onTheLoop: Set<FunctionID>) -> FunctionID? {
        guard file.language == .python, !call.isAwaited, call.isResolved, let id = resolve(call.callee, from: file),
              !onTheLoop.contains(id), let (home, function) = function(id), Self.isPlainPythonFunction(function, in: home)
        else { return nil }
        return id
    }

    static func isPlainPythonFunction(_ function: FunctionFacts, in file: FileFacts) -> Bool {
        file.language == .python && !function.isAsync && (function.kind == .function || function.kind == .method)
    }
}

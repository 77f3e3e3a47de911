import ConchKit

/// Where each function of the project is called, for the analyses that walk from a
/// function back to its callers (`StartOrdering`, `StartModes`).
struct CallSites: Sendable {
    struct Site: Sendable {
        /// The calling file, and the function in it.
        var file: Int
        var function: Int
        /// Where the call starts in that file.
        var offset: Int
    }

    /// Per number in the call graph.
    let byCallee: [[Site]]

    init(_ model: ProjectModel) {
        let graph = model.callGraph
        var sites = [[Site]](repeating: [], count: graph.count)
        for (fileIndex, file) in model.files.enumerated() {
            graph.forEachResolvedCall(in: file, at: fileIndex) { function, call, callee in
                sites[callee].append(Site(file: fileIndex, function: function, offset: call.range.start))
            }
        }
        byCallee = sites
    }
}

extension ProjectModel {
    /// Built by the first analysis that asks.
    var callSites: CallSites {
        shared(CallSites.self) { CallSites(self) }
    }
}

import Testing
@testable import ConchKit

/// The callee table numbers calls across the project and finds a callee's calls by
/// binary search over file and function starts: files and functions without calls
/// sit at the same starts as their neighbours, and must not swallow a call.
@Suite struct CalleeTableTests {
    /// Per file, per function, the callees of its calls, in order.
    private static func model(_ layout: [[[String]]]) -> ProjectModel {
        let files = layout.enumerated().map { fileIndex, functions -> FileFacts in
            var file = FileFacts(path: "m\(fileIndex).py", language: .python, moduleName: "m\(fileIndex)")
            file.functions = functions.enumerated().map { functionIndex, callees in
                let id = functionIndex == 0 ? "m\(fileIndex)" : "m\(fileIndex).f\(functionIndex)"
                var function = FunctionFacts(id: id, name: id, kind: functionIndex == 0 ? .module : .function,
                                             range: ByteRange(0, 1_000), nameRange: ByteRange(0, 1))
                function.calls = callees.enumerated().map { position, callee in
                    CallFacts(callee: callee, calleeText: callee, isResolved: true,
                              range: ByteRange(position, position + 1), calleeRange: ByteRange(position, position + 1))
                }
                return function
            }
            return file
        }
        return ProjectModel(files: files, settings: AnalysisSettings())
    }

    private static func visits(_ model: ProjectModel, _ names: [String]) -> [String] {
        var seen: [String] = []
        model.forEachCall(toAnyOf: names) { file, function, call in
            seen.append("\(file).\(function).\(call.index):\(call.callee)")
        }
        return seen
    }

    @Test func callsAreFoundInProjectOrderAcrossEmptyFilesAndFunctions() {
        let model = Self.model([
            [[], ["os.system"], [], ["print", "os.system"]],
            [[]],
            [[], []],
            [["os.system"], [], ["os.popen"]],
            [],
        ])
        #expect(Self.visits(model, ["os.system", "os.popen"])
            == ["0.1.0:os.system", "0.3.1:os.system", "3.0.0:os.system", "3.2.0:os.popen"])
        #expect(Self.visits(model, ["print"]) == ["0.3.0:print"])
        #expect(Self.visits(model, ["never.called"]).isEmpty)
    }

    @Test func aTestIsAskedOncePerDistinctCallee() {
        let model = Self.model([[["a", "b", "a"]], [["b", "a", "c"]]])
        var asked: [String] = []
        var seen: [String] = []
        model.forEachCall(to: { asked.append($0); return $0 != "b" }) { file, _, call in seen.append("\(file).\(call.index)") }
        #expect(asked.sorted() == ["a", "b", "c"])
        #expect(seen == ["0.0", "0.2", "1.1", "1.2"])
    }

    @Test func resolvedCallsMatchTheGraphCallByCall() {
        let model = Self.model([[["m1.f1", "print"], ["m1.f2"]], [[], ["m0.f1", "m1.f2"], []]])
        let graph = model.callGraph
        for (index, file) in model.files.enumerated() {
            var resolved: [String] = []
            graph.forEachResolvedCall(in: file, at: index) { function, call, callee in
                resolved.append("\(function).\(call.index)->\(graph.id(of: callee))")
            }
            var expected: [String] = []
            file.forEachCall { function, call in
                if let callee = graph.callee(file: index, function: function, call: call.index) {
                    expected.append("\(function).\(call.index)->\(graph.id(of: callee))")
                }
            }
            #expect(resolved == expected)
        }
        #expect(graph.callee(file: 0, function: 0, call: 0).map(graph.id) == "m1.f1")
        #expect(graph.callee(file: 0, function: 0, call: 1) == nil)
    }
}

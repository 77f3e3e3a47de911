import Testing
@testable import ConchKit

@Suite struct WorkloadClassifierTests {
    private func loop(_ range: ByteRange, parent: Int? = nil, operations: Int = 5, kind: LoopFacts.Kind = .for) -> LoopFacts {
        LoopFacts(kind: kind, range: range, headerRange: ByteRange(range.start, range.start + 5), bound: kind == .for ? .collection : .conditional,
                  parent: parent, depth: parent == nil ? 0 : 1, arithmeticOperations: operations)
    }

    private func function(_ id: String, _ start: Int, loops: [LoopFacts] = [], calls: [String] = []) -> FunctionFacts {
        var function = FunctionFacts(id: id, name: id, kind: .function, range: ByteRange(start, start + 100), nameRange: ByteRange(start, start + 1))
        function.loops = loops
        function.calls = calls.enumerated().map { index, callee in
            CallFacts(callee: callee, calleeText: callee, isResolved: true,
                      range: ByteRange(start + 50 + index, start + 51 + index), calleeRange: ByteRange(start + 50 + index, start + 51 + index))
        }
        return function
    }

    private func model(_ functions: [FunctionFacts]) -> ProjectModel {
        var file = FileFacts(path: "m.py", language: .python, moduleName: "m")
        file.functions = [FunctionFacts(id: "m", name: "m", kind: .module, range: ByteRange(0, 10_000), nameRange: ByteRange(0, 0))] + functions
        return ProjectModel(files: [file], settings: AnalysisSettings())
    }

    @Test func nestedArithmeticLoopsAreCPU() {
        let crunch = function("m.crunch", 0, loops: [loop(ByteRange(10, 90)), loop(ByteRange(20, 80), parent: 0)])
        let workload = model([crunch]).workload(of: "m.crunch")
        #expect(workload.kind == .cpu)
        #expect(workload.cpu?.range.start == 10)
    }

    @Test func theCountsOfANestMultiply() {
        var outer = loop(ByteRange(10, 90), operations: 2)
        outer.passesSetBy = 0
        var inner = loop(ByteRange(20, 80), parent: 0, operations: 2)
        inner.passesSetBy = 0
        var fixed = loop(ByteRange(30, 70), parent: 1, operations: 1)
        fixed.bound = .constant(4)
        #expect(WorkloadClassifier.nestPasses(of: [outer, inner, fixed], handed: [0: 3000]) == [36_000_000, 12_000, 4])
        #expect(WorkloadClassifier.nestPasses(of: [outer, inner], handed: [:]) == [nil, nil])
        var grid = function("m.grid", 0, loops: [outer, inner])
        grid.parameterList = "n"
        let evidence = model([grid]).countedLoop(in: "m.grid", handed: [0: 3000])
        #expect(evidence?.kind == .countedLoop(parameter: "n", passes: 9_000_000, squareRoot: false, nested: true))
    }

    @Test func cpuWorkIsFoundThroughHelpers() {
        let crunch = function("m.crunch", 0, loops: [loop(ByteRange(10, 90)), loop(ByteRange(20, 80), parent: 0)])
        let entry = function("m.entry", 200, calls: ["m.crunch"])
        let workload = model([crunch, entry]).workload(of: "m.entry")
        #expect(workload.kind == .cpu)
        #expect(workload.cpu?.via == ["m.crunch"])
    }

    @Test func aLoopThatWaitsIsNotHot() {
        let poll = function("m.poll", 0, loops: [loop(ByteRange(10, 90), kind: .while)], calls: ["time.sleep"])
        #expect(model([poll]).workload(of: "m.poll").kind == .io)
    }

    @Test func buildingARequestIsNoWaitTheCallThatSendsItIs() {
        let fetch = function("m.fetch", 0, calls: ["urllib.request.Request", "requests.Session", "urllib.request.urlopen"])
        let workload = model([fetch]).workload(of: "m.fetch")
        #expect(workload.kind == .io)
        #expect(workload.io?.kind == .ioCall("urllib.request.urlopen"))
        let prepare = function("m.prepare", 0, calls: ["urllib.request.Request", "socket.socket"])
        #expect(model([prepare]).workload(of: "m.prepare").kind != .io)
    }

    @Test func gilReleasingLibrariesAreNative() {
        let digest = function("m.digest", 0, calls: ["hashlib.sha256"])
        #expect(model([digest]).workload(of: "m.digest").kind == .native)
    }

    @Test func hotLoopsAndIOTogetherAreMixed() {
        let both = function("m.both", 0, loops: [loop(ByteRange(10, 40), kind: .while)], calls: ["requests.get"])
        #expect(model([both]).workload(of: "m.both").kind == .mixed)
    }

    @Test func aComprehensionThatComputesNothingMakesNoNest() {
        var outer = loop(ByteRange(10, 90), operations: 4)
        outer.bound = .constant(3)
        var filter = loop(ByteRange(20, 40), parent: 0, operations: 0, kind: .comprehension)
        filter.depth = 1
        let dragging = function("m.dragging", 0, loops: [outer, filter])
        #expect(model([dragging]).workload(of: "m.dragging").kind == .unknown)
        var sums = filter
        sums.arithmeticOperations = 1
        let summing = function("m.summing", 0, loops: [outer, sums])
        #expect(model([summing]).workload(of: "m.summing").kind == .cpu)
    }

    @Test func aSingleLightLoopIsUnknown() {
        let light = function("m.light", 0, loops: [loop(ByteRange(10, 90), operations: 1)])
        #expect(model([light]).workload(of: "m.light").kind == .unknown)
    }

    @Test func recursionTerminates() {
        let a = function("m.a", 0, calls: ["m.b"])
        let b = function("m.b", 200, calls: ["m.a", "socket.socket.recv"])
        #expect(model([a, b]).workload(of: "m.a").kind == .io)
    }

    @Test func reachabilityFollowsResolvedCalls() {
        let entry = function("m.entry", 0, calls: ["m.helper"])
        let helper = function("m.helper", 200, calls: ["m.leaf", "os.getcwd"])
        let leaf = function("m.leaf", 400)
        let other = function("m.other", 600)
        let reached = model([entry, helper, leaf, other]).reachable(from: ["m.entry"])
        #expect(reached.ids == ["m.entry", "m.helper", "m.leaf"])
    }

    private func unresolved(_ function: FunctionFacts, _ text: String, at offset: Int) -> FunctionFacts {
        var copy = function
        copy.calls.append(CallFacts(callee: text, calleeText: text, isResolved: false,
                                    range: ByteRange(offset, offset + 1), calleeRange: ByteRange(offset, offset + 1)))
        return copy
    }

    @Test func aLoopThatCallsABlockingMethodIsNotHot() {
        let waiter = function("m.waiter", 0, loops: [loop(ByteRange(10, 90), kind: .while)], calls: ["m.Worker.stop.wait"])
        let workload = model([waiter]).workload(of: "m.waiter")
        #expect(workload.kind == .io)
        #expect(workload.io?.kind == .ioCall("m.Worker.stop.wait"))
    }

    @Test func aBlockingMethodTheProjectDefinesIsFollowedNotTrusted() {
        let wait = function("m.Gate.wait", 0)
        let caller = function("m.caller", 200, calls: ["m.Gate.wait"])
        #expect(model([wait, caller]).workload(of: "m.caller").kind == .unknown)
    }

    @Test func aLoopThatCallsAnUnknownCallableIsNotHot() {
        let apply = unresolved(function("m.apply", 0, loops: [loop(ByteRange(10, 90)), loop(ByteRange(20, 80), parent: 0)]),
                               "callback", at: 30)
        #expect(model([apply]).workload(of: "m.apply").kind == .unknown)
    }

    @Test func anUnresolvedMethodCallDoesNotCoolALoop() {
        let crunch = unresolved(function("m.crunch", 0, loops: [loop(ByteRange(10, 90)), loop(ByteRange(20, 80), parent: 0)]),
                                "row.append", at: 30)
        #expect(model([crunch]).workload(of: "m.crunch").kind == .cpu)
    }

    @Test func errorReportingAndRegexCompilationAreNotFollowed() {
        let format = function("traceback.format_exc", 0, loops: [loop(ByteRange(10, 90), kind: .while)])
        let compile = function("re.compile", 200, loops: [loop(ByteRange(210, 290), kind: .while)])
        let handler = function("m.handler", 400, calls: ["traceback.format_exc", "re.compile"])
        #expect(model([format, compile, handler]).workload(of: "m.handler").kind == .unknown)
    }

    @Test func aWaitIsPreferredOverLocalFileIOAsEvidence() {
        let download = function("m.download", 0, calls: ["requests.get"])
        let job = function("m.job", 200, calls: ["os.stat", "m.download"])
        let workload = model([download, job]).workload(of: "m.job")
        #expect(workload.io?.kind == .ioCall("requests.get"))
        #expect(workload.io?.isLocalWait == false)
    }

    @Test func localFileIOAloneIsMarkedAsSuch() {
        let convert = function("m.convert", 0, calls: ["open", "compile"])
        #expect(model([convert]).workload(of: "m.convert").io?.isLocalWait == true)
    }

    @Test func waitsOnTheProgramItselfAreLocal() {
        #expect(WorkloadCatalog.isLocalWait("multiprocessing.JoinableQueue.get"))
        #expect(WorkloadCatalog.isLocalWait("self.stop.wait"))
        #expect(WorkloadCatalog.isLocalWait("os.stat"))
        #expect(!WorkloadCatalog.isLocalWait("subprocess.Popen.wait"))
        #expect(!WorkloadCatalog.isLocalWait("conn.recv"))
        #expect(!WorkloadCatalog.isLocalWait("time.sleep"))
        #expect(!WorkloadCatalog.isLocalWait("requests.get"))
    }
}

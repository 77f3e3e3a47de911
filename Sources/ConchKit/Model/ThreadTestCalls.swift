/// Python: `if is_main_thread(): self._run(func) else: ...; event.wait()` where
/// `is_main_thread` lives in another module. The front end records the call and the
/// function separately; here the branches of each call of a function that answers
/// whether the main thread runs it join the file's main-thread and other-thread regions.
enum ThreadTestCalls {
    static func join(_ files: inout [FileFacts]) {
        var testers: Set<FunctionID> = []
        for file in files where !file.mainThreadTesters.isEmpty {
            for tester in file.mainThreadTesters { testers.insert(file.functions[tester].id) }
        }
        guard !testers.isEmpty else { return }
        for index in files.indices where !files[index].threadTestCalls.isEmpty {
            for test in files[index].threadTestCalls where testers.contains(test.callee) {
                files[index].mainThreadRegions.append(contentsOf: test.whenTrue)
                files[index].otherThreadRegions.append(contentsOf: test.whenFalse)
            }
        }
    }
}

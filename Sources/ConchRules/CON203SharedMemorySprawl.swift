import ConchKit

/// A module that creates many `multiprocessing` shared objects.
struct SharedMemorySprawl: Rule {
    let metadata = RuleCatalog.CON203
    static let defaultThreshold = 3

    var optionNames: [String] { ["threshold"] }

    func problem(withOption key: String, value: OptionValue) -> String? {
        if case let .integer(count) = value, count >= 0 { return nil }
        return "must be a whole number of 0 or more"
    }

    func check(_ model: ProjectModel) -> [Finding] {
        let threshold = model.settings.integerOption(metadata.code, "threshold") ?? Self.defaultThreshold
        let creationsByFile = Self.creations(in: model)
        return creationsByFile.keys.sorted().compactMap { fileIndex in
            let file = model.files[fileIndex]
            let creations = creationsByFile[fileIndex, default: []].sorted { $0.range < $1.range }
            guard creations.count > threshold, let first = creations.first else { return nil }
            let names = Set(creations.map { Self.label($0.callee) })
            return finding(
                in: file, at: first.range,
                "this module creates \(creations.count) multiprocessing shared objects (\(names.sorted().map { "`\($0)`" }.joined(separator: ", "))), "
                    + "more than \(threshold); each needs its own locking, type and size fixed in advance",
                advice: "give each task its own data and return results through Pool.map or ProcessPoolExecutor.map; "
                    + "if the workers mostly read shared data, use a ThreadPoolExecutor",
                related: creations.dropFirst().map {
                    Finding.Evidence(path: file.path, range: $0.range, message: "shared object: `\($0.calleeText)`")
                })
        }
    }

    /// `Value`, `Manager().dict`: the API as a reader knows it.
    private static func label(_ callee: String) -> String {
        let name = callee.split(separator: ".").last.map(String.init) ?? callee
        if callee.hasPrefix("multiprocessing.managers.SyncManager.") { return "Manager()." + name }
        if callee.hasPrefix("multiprocessing.managers.SharedMemoryManager.") { return "SharedMemoryManager()." + name }
        return name
    }

    /// The shared-object creations each module makes as a user of `multiprocessing`:
    /// not inside tests, which exercise the API, nor in `multiprocessing`'s own modules.
    private static func creations(in model: ProjectModel) -> [Int: [CallFacts]] {
        var made: [Int: [CallFacts]] = [:]
        model.forEachCall(toAnyOf: ProcessAPIs.sharedObjects) { fileIndex, function, call in
            let file = model.files[fileIndex]
            guard call.isResolved, call.callee.split(separator: ".").first != file.moduleName.split(separator: ".").first,
                  !file.isInTest(function: function) else { return }
            made[fileIndex, default: []].append(call.facts)
        }
        return made
    }
}

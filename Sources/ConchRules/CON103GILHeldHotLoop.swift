import ConchKit

/// A CPython extension computes on plain C data in a hot loop without releasing the GIL.
struct GILHeldHotLoop: Rule {
    let metadata = RuleCatalog.CON103

    func check(_ model: ProjectModel) -> [Finding] {
        let releasedCallers = CallersWithGILReleased(model)
        var findings: [Finding] = []
        for file in model.files where file.language == .c && file.isPythonExtension {
            for function in file.functions where function.kind != .module && !isCythonUtility(function) {
                // A helper that every caller runs between Py_BEGIN/END_ALLOW_THREADS already runs without the GIL.
                if releasedCallers.alwaysReleased(function.id) { continue }
                for loop in heldHotLoops(in: function, of: file, model: model) {
                    findings.append(finding(for: loop, in: function, file: file))
                }
            }
        }
        return findings
    }

    /// Cython's utility code (`__Pyx_PyUnicode_From_int`, `__Pyx_init_runtime_version`), the same
    /// in every module it generates: short conversion and parsing loops nobody edits. The
    /// module's own functions are `__pyx_f_…`, `__pyx_pf_…`.
    private func isCythonUtility(_ function: FunctionFacts) -> Bool {
        function.name.hasPrefix("__Pyx")
    }

    /// Hot loops that could drop the GIL as they stand: no Python object or
    /// C API inside, not already in (or around) a released region, and not
    /// inside another loop reported for the same reason.
    private func heldHotLoops(in function: FunctionFacts, of file: FileFacts, model: ProjectModel) -> [LoopFacts] {
        var reported: [LoopFacts] = []
        for loop in model.hotLoops(in: function, of: file) where !loop.touchesPythonObjects {
            let releaseNearby = function.gilReleasedRegions.contains { region in
                region.contains(loop.range) || loop.range.contains(region)
            }
            if releaseNearby || reported.contains(where: { $0.range.contains(loop.range) }) { continue }
            reported.append(loop)
        }
        return reported
    }

    private func finding(for loop: LoopFacts, in function: FunctionFacts, file: FileFacts) -> Finding {
        let nested = function.loops.contains { $0.depth > loop.depth && loop.range.contains($0.range) }
        let shape = nested ? "nested loop" : loop.kind == .for ? "loop" : "`while` loop"
        let line = file.line(of: loop.headerRange.start)
        return finding(
            in: file, at: loop.headerRange,
            "\(shape) at line \(line) in `\(function.name)` computes on C data while holding the GIL; no other Python thread runs until it ends",
            advice: "wrap the loop in `Py_BEGIN_ALLOW_THREADS` / `Py_END_ALLOW_THREADS`",
            related: [Finding.Evidence(path: file.path, range: function.nameRange, message: "`\(function.name)` holds the GIL")]
        )
    }
}

/// Which C functions are called only from inside `PyEval_SaveThread` /
/// `PyEval_RestoreThread` regions, so their own loops run without the GIL.
private struct CallersWithGILReleased {
    private var released: [FunctionID: Bool] = [:]

    init(_ model: ProjectModel) {
        for file in model.files where file.language == .c && file.isPythonExtension {
            for function in file.functions {
                for call in function.calls {
                    guard let callee = model.resolve(call.callee, from: file) else { continue }
                    let inRegion = function.gilReleasedRegions.contains { $0.contains(call.range) }
                    released[callee] = (released[callee] ?? true) && inRegion
                }
            }
        }
    }

    func alwaysReleased(_ id: FunctionID) -> Bool { released[id] ?? false }
}

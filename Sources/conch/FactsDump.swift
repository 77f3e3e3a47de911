import ConchKit
import Foundation

/// `conch debug facts`: what a front end learned from each file, the input every rule reads.
enum FactsDump {
    static func text(_ file: FileFacts) -> String {
        let module = file.language == .python ? ", module `\(file.moduleName)`" : ""
        var lines = ["# \(file.path) (\(file.language.rawValue)\(module))"]
        func line(_ range: ByteRange) -> Int { file.line(of: range.start) }
        for problem in file.problems { lines.append("problem: \(problem.message)") }
        for binding in file.imports {
            lines.append("import \(binding.target)" + (binding.localName == binding.target ? "" : " as \(binding.localName)"))
        }
        for info in file.classes {
            let bases = info.bases.isEmpty ? "" : "(\(info.bases.joined(separator: ", ")))"
            lines.append("class \(info.qualifiedName)\(bases), line \(line(info.range))\(info.isLocal ? ", local" : "")")
        }
        for global in file.globals {
            let type = global.typeName.map { ", \($0)" } ?? ""
            lines.append("global \(global.name), line \(line(global.range)): \(global.storage.rawValue)\(type)")
        }
        for (name, value) in file.constants.sorted(by: { $0.key < $1.key }) { lines.append("constant \(name) = \(value)") }
        for site in file.spawnSites { lines.append(spawn(site, line: line)) }
        for marker in file.eventLoops {
            let callback = marker.callback.map { " \($0)" } ?? ""
            lines.append("event loop, line \(line(marker.range)): \(marker.framework.rawValue) \(marker.kind.rawValue)\(callback)")
        }
        for guardRange in file.mainGuards { lines.append("main guard: lines \(line(guardRange))-\(file.line(of: guardRange.end))") }
        for region in file.mainThreadRegions { lines.append("main thread only: lines \(line(region))-\(file.line(of: region.end))") }
        for region in file.otherThreadRegions { lines.append("off another thread only: lines \(line(region))-\(file.line(of: region.end))") }
        for function in file.functions { lines += self.function(function, in: file, line: line) }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func spawn(_ site: SpawnSite, line: (ByteRange) -> Int) -> String {
        var notes: [String] = []
        if let loop = site.loop { notes.append("in loop \(loop)") }
        if site.isBounded { notes.append("bounded") }
        if site.detaches { notes.append("parent exits") }
        if site.startsPerRequest { notes.append("per request") }
        if let maker = site.taskMaker { notes.append("task made by \(maker)") }
        for (position, value) in site.integerArguments.sorted(by: { $0.key < $1.key }) { notes.append("hands \(value) at \(position)") }
        for arm in site.arms { notes.append("arm \(arm.arm) of the chain at line \(line(ByteRange(arm.chain, arm.chain)))") }
        let detail = notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))"
        return "spawn, line \(line(site.range)): \(site.kind.rawValue) by \(site.api) -> \(entry(site.entry))\(detail)"
    }

    private static func entry(_ entry: SpawnSite.Entry) -> String {
        switch entry {
        case let .function(id): id
        case let .unresolved(text): "unresolved `\(text)`"
        case let .parameter(position): "parameter \(position)"
        case .none: "nothing"
        }
    }

    private static func function(_ function: FunctionFacts, in file: FileFacts, line: (ByteRange) -> Int) -> [String] {
        let async = function.isAsync ? "async " : ""
        let owner = function.className.map { ", in class \($0)" } ?? ""
        var lines = ["", "\(async)\(function.kind.rawValue) \(function.id), line \(line(function.range))\(owner)"]
        if !function.decorators.isEmpty { lines.append("  decorators: \(function.decorators.joined(separator: ", "))") }
        if !function.handedFunctions.isEmpty { lines.append("  hands on: \(function.handedFunctions.joined(separator: ", "))") }
        if let recursion = function.branchingRecursion { lines.append("  calls itself twice, line \(line(function.calls[Int(recursion)].range))") }
        for (attribute, position) in function.attributeParameters.sorted(by: { $0.key < $1.key }) {
            lines.append("  stores `\(function.parameterName(at: position))` (parameter \(position)) in self.\(attribute)")
        }
        if let returned = function.returnedFunction { lines.append("  returns \(file.functions[Int(returned)].id)") }
        for region in file.handledExceptions(in: function) {
            lines.append("  handles \(region.names.joined(separator: ", ")), lines \(line(region.range))-\(line(ByteRange(max(region.range.start, region.range.end - 1), region.range.end)))")
        }
        for (index, loop) in function.loops.enumerated() {
            let parent = loop.parent.map { " in loop \($0)" } ?? ""
            let root = loop.passesAreSquareRoot ? "the square root of " : ""
            let passes = (loop.passesSetBy.map { ", passes set by \(root)`\(function.parameterName(at: $0))` (parameter \($0))" } ?? "")
                + (loop.passesSetByAttribute.map { ", passes set by \(root)`self.\($0)`" } ?? "")
                + (loop.readsInput ? ", reads input" : "")
                + (loop.testedState.isEmpty ? "" : ", waits on \(loop.testedState.map { "`\($0)`" }.joined(separator: ", "))")
                + (loop.pollsUntilADeadline ? " until a deadline" : "")
            lines.append("  loop \(index), line \(line(loop.range)): \(loop.isAsync ? "async " : "")\(loop.kind.rawValue), "
                + "\(bound(loop.bound)), \(loop.arithmeticOperations) operators\(passes)\(parent)")
        }
        for call in function.calls {
            var notes: [String] = [call.isResolved ? "resolved" : "unresolved"]
            if call.calleeText != call.callee { notes.append("written `\(call.calleeText)`") }
            if call.isAwaited { notes.append("awaited") }
            if call.managesContext { notes.append("with item") }
            if call.leadsToExit { notes.append("on the way out") }
            if let loop = call.loop { notes.append("in loop \(loop)") }
            if !call.locksHeld.isEmpty { notes.append("holding \(call.locksHeld.joined(separator: ", "))") }
            if let bound = call.boundName { notes.append("bound to \(bound)") }
            if !call.guards.isEmpty { notes.append("when " + call.guards.map(condition).joined(separator: " and ")) }
            let arguments = call.arguments.map(argument).joined(separator: ", ")
            lines.append("  call, line \(line(call.range)): \(call.callee)(\(arguments)) [\(notes.joined(separator: ", "))]")
        }
        for access in function.globalAccesses {
            let locks = access.locksHeld.isEmpty ? "" : " holding \(access.locksHeld.joined(separator: ", "))"
            let guards = access.guards.isEmpty ? "" : " when " + access.guards.map(condition).joined(separator: " and ")
            let element = access.element.map { " element \($0)" } ?? ""
            lines.append("  global, line \(line(access.range)): \(access.path)\(element) \(kind(access.kind))\(locks)\(guards)")
        }
        for update in file.attributeChanges(of: function) {
            let locks = update.locksHeld.isEmpty ? "" : " holding \(update.locksHeld.joined(separator: ", "))"
            lines.append("  self update, line \(line(update.range)): \(update.variable) \(kind(update.kind))\(locks)")
        }
        for update in file.sharedOwnerUpdates(of: function) {
            let locks = update.access.locksHeld.isEmpty ? "" : " holding \(update.access.locksHeld.joined(separator: ", "))"
            lines.append("  shared owner update, line \(line(update.access.range)): \(update.access.variable) \(kind(update.access.kind))\(locks)")
        }
        for update in file.parameterUpdates(of: function) {
            let locks = update.access.locksHeld.isEmpty ? "" : " holding \(update.access.locksHeld.joined(separator: ", "))"
            lines.append("  parameter update, line \(line(update.access.range)): \(update.access.variable) "
                + "(argument \(update.parameter ?? 0)) \(kind(update.access.kind))\(locks)")
        }
        for read in file.startedObjectReads(in: function) {
            lines.append("  read after start, line \(line(read.range)): \(read.object).\(read.attribute)")
        }
        if !function.awaits.isEmpty { lines.append("  awaits, lines \(function.awaits.map { String(line($0)) }.joined(separator: ", "))") }
        return lines
    }

    /// `target=name jobs.crunch`, `args=`(7,)``.
    private static func argument(_ argument: Argument) -> String {
        let keyword = argument.keyword.map { "\($0)=" } ?? ""
        let (shape, value) = shapeAndValue(argument)
        if argument.shape == .other { return keyword + "`\(argument.text)`" }
        let name = shape.replacingOccurrences(of: "_", with: " ")
        return keyword + (value.map { "\(name) \($0)" } ?? name)
    }

    /// The argument's shape as a JSON name (`formatted_string`), with the name it resolves to.
    private static func shapeAndValue(_ argument: Argument) -> (shape: String, value: String?) {
        switch argument.shape {
        case let .name(name): ("name", name)
        case let .lambda(id): ("lambda", id)
        case let .call(callee): ("call", callee)
        case .stringLiteral: ("string", nil)
        case .formattedString: ("formatted_string", nil)
        case .numberLiteral: ("number", nil)
        case .other: ("other", nil)
        }
    }

    /// `io_threads_op == 0`, `mode & 4 != 0`, `parameter 1 != 3`.
    private static func condition(_ condition: ExecutionGuard) -> String {
        let subject: String = switch condition.subject {
        case let .global(name): name
        case let .globalBits(name, mask): "\(name) & \(mask)"
        case let .parameterBits(position, mask): "parameter \(position) & \(mask)"
        case let .sameAddress(parameter, global): "(parameter \(parameter) is &\(global))"
        case let .parameter(position): "parameter \(position)"
        }
        return "\(subject) \(condition.isEqual ? "==" : "!=") \(condition.value)"
    }

    private static func bound(_ bound: LoopFacts.Bound) -> String {
        switch bound {
        case .unbounded: "unbounded"
        case .conditional: "until a condition changes"
        case let .constant(count): "\(count) times"
        case .collection: "over a collection"
        }
    }

    private static func kind(_ kind: GlobalAccess.Kind) -> String {
        switch kind {
        case .read: "read"
        case .rebind: "rebound"
        case .augmented: "augmented"
        case .readModifyWrite: "read and written"
        case .checkThenAct: "checked then written"
        case let .mutatingMethod(method): "changed by .\(method)()"
        case .subscriptStore: "item stored"
        case .subscriptAugmented: "item augmented"
        case let .writeThroughPointer(callee): "written through \(callee)"
        }
    }
}

extension FactsDump {
    /// `{"keyword": "target", "shape": "name", "value": "jobs.crunch", "text": "crunch"}`.
    private static func argumentObject(_ argument: Argument) -> [String: Any] {
        let (shape, value) = shapeAndValue(argument)
        return ["keyword": argument.keyword ?? NSNull(), "shape": shape, "value": value ?? NSNull(), "text": argument.text]
    }

    /// One JSON object per file, the same facts as the text view, lines 1-based.
    static func json(_ file: FileFacts) -> [String: Any] {
        func line(_ range: ByteRange) -> Int { file.line(of: range.start) }
        func spawn(_ site: SpawnSite) -> [String: Any] {
            ["line": line(site.range), "kind": site.kind.rawValue, "api": site.api, "entry": entry(site.entry),
             "loop": site.loop ?? NSNull(), "bounded": site.isBounded, "detaches": site.detaches, "per_request": site.startsPerRequest,
             "arms": site.arms.map { ["chain": $0.chain, "arm": $0.arm] },
             "task_maker": site.taskMaker ?? NSNull(),
             "integer_arguments": Dictionary(uniqueKeysWithValues: site.integerArguments.map { (String($0.key), $0.value) })]
        }
        func call(_ call: CallFacts) -> [String: Any] {
            ["line": line(call.range), "callee": call.callee, "written": call.calleeText, "resolved": call.isResolved,
             "awaited": call.isAwaited, "with_item": call.managesContext, "leads_to_exit": call.leadsToExit, "loop": call.loop ?? NSNull(), "locks": call.locksHeld, "bound_to": call.boundName ?? NSNull(),
             "arguments": call.arguments.map(argumentObject), "guards": call.guards.map(condition)]
        }
        func function(_ function: FunctionFacts) -> [String: Any] {
            ["id": function.id, "kind": function.kind.rawValue, "async": function.isAsync, "line": line(function.range),
             "class": function.className ?? NSNull(), "decorators": function.decorators, "hands_on": function.handedFunctions,
             "branching_recursion": function.branchingRecursion.map { line(function.calls[Int($0)].range) } ?? NSNull(),
             "returns_function": function.returnedFunction.map { file.functions[Int($0)].id } ?? NSNull(),
             "attribute_parameters": function.attributeParameters.mapValues { Int($0) },
             "loops": function.loops.map { loop in
                 ["line": line(loop.range), "kind": loop.kind.rawValue, "async": loop.isAsync, "bound": bound(loop.bound),
                  "operators": loop.arithmeticOperations, "parent": loop.parent ?? NSNull(),
                  "reads_input": loop.readsInput, "tests_state": loop.testedState, "until_deadline": loop.pollsUntilADeadline,
                  "passes_set_by": loop.passesSetBy.map { ["name": function.parameterName(at: $0), "position": Int($0),
                                                           "square_root": loop.passesAreSquareRoot] as [String: Any] } ?? NSNull(),
                  "passes_set_by_attribute": loop.passesSetByAttribute ?? NSNull()] as [String: Any]
             },
             "calls": function.calls.map(call),
             "handled_exceptions": file.handledExceptions(in: function).map { region in
                 ["start_line": line(region.range), "end_line": line(ByteRange(max(region.range.start, region.range.end - 1), region.range.end)),
                  "names": region.names] as [String: Any]
             },
             "globals": function.globalAccesses.map { access in
                 ["line": line(access.range), "variable": access.path, "element": access.element ?? NSNull(), "access": kind(access.kind),
                  "locks": access.locksHeld, "guards": access.guards.map(condition)] as [String: Any]
             },
             "self_updates": file.attributeChanges(of: function).map { update in
                 ["line": line(update.range), "attribute": update.variable, "access": kind(update.kind), "locks": update.locksHeld]
                     as [String: Any]
             },
             "parameter_updates": file.parameterUpdates(of: function).map { update in
                 ["line": line(update.access.range), "attribute": update.access.variable, "argument": update.parameter ?? 0,
                  "access": kind(update.access.kind), "locks": update.access.locksHeld] as [String: Any]
             },
             "reads_after_start": file.startedObjectReads(in: function).map { read in
                 ["line": line(read.range), "object": read.object, "attribute": read.attribute] as [String: Any]
             },
             "await_lines": function.awaits.map(line)]
        }
        return [
            "path": file.path, "language": file.language.rawValue, "module": file.moduleName,
            "problems": file.problems.map(\.message),
            "imports": file.imports.map { ["name": $0.localName, "target": $0.target] },
            "classes": file.classes.map { ["name": $0.qualifiedName, "bases": $0.bases, "line": line($0.range), "local": $0.isLocal] as [String: Any] },
            "globals": file.globals.map { ["name": $0.name, "line": line($0.range), "storage": $0.storage.rawValue, "type": $0.typeName ?? NSNull()] as [String: Any] },
            "constants": file.constants,
            "spawn_sites": file.spawnSites.map(spawn),
            "event_loops": file.eventLoops.map { ["line": line($0.range), "framework": $0.framework.rawValue, "kind": $0.kind.rawValue,
                                                  "callback": $0.callback ?? NSNull()] as [String: Any] },
            "main_guards": file.mainGuards.map { ["start_line": line($0), "end_line": file.line(of: $0.end)] },
            "main_thread_regions": file.mainThreadRegions.map { ["start_line": line($0), "end_line": file.line(of: $0.end)] },
            "other_thread_regions": file.otherThreadRegions.map { ["start_line": line($0), "end_line": file.line(of: $0.end)] },
            "functions": file.functions.map(function),
        ]
    }
}

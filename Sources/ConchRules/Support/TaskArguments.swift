import ConchKit

/// The values a process start or a pool call sends with its task (`Process(args=(...))`,
/// `pool.apply_async(f, (a, b))`, `executor.submit(f, a, b)`), as the plain names written
/// there, each with the call that made what it holds: the last one its function bound
/// it to before the start, or else the module's, unless a parameter of the function
/// hides that global.
enum TaskArguments {
    struct Sent {
        var name: String
        var maker: CallFacts
    }

    /// Pool and executor methods whose arguments after the function are iterables of tasks.
    private static let mapsOver: Set<String> = ["map", "imap", "imap_unordered", "starmap", "map_async", "starmap_async"]

    /// `pool.map(f, items)`: each task gets an item of the iterable, not the arguments as written.
    static func mapsOverItems(_ site: SpawnSite) -> Bool {
        mapsOver.contains(TaskSources.lastComponent(site.api))
    }

    /// Arguments of the pool and executor calls that are no part of the task.
    private static let settings: Set<String> = ["func", "fn", "callback", "error_callback", "chunksize", "timeout"]

    static func sent(at site: SpawnSite, in file: FileFacts) -> [Sent] {
        let function = file.functions[site.function]
        guard let call = site.creatingCall(in: function) else { return [] }
        var positional = 0
        var texts: [String] = []
        for argument in call.arguments {
            if let keyword = argument.keyword {
                let carries = site.kind == .process ? keyword == "args" || keyword == "kwargs" : !settings.contains(keyword)
                if carries { texts.append(argument.text) }
            } else {
                // A `Process`'s positional arguments are its group and target; a pool's first is the function.
                // `pool.map(work, lines)` sends the iterable's items, not the iterable: an open file's
                // lines pickle. Only items written out (`[(lock, x) for x in xs]`) are the task's.
                let itemsOnly = mapsOverItems(site)
                if site.kind != .process, positional > 0, !itemsOnly || argument.text.first == "[" || argument.text.first == "(" {
                    texts.append(argument.text)
                }
                positional += 1
            }
        }
        var seen: Set<String> = []
        return texts.flatMap(names).compactMap { name in
            guard seen.insert(name).inserted, let maker = maker(of: name, before: site.range.start, in: function, of: file) else { return nil }
            return Sent(name: name, maker: maker)
        }
    }

    /// The plain name a start hands its task at parameter `position`: in `args=(a, b)` of
    /// a `Thread` or `Process`, or after the function in `submit(f, a, b)`.
    static func name(at position: Int, of call: CallFacts) -> String? {
        let text: String?
        // `Process(target=f, args=(a, b))`; `pool.apply_async(f, (a, b))`.
        let tupleAfterFunction = call.callee.hasSuffix(".apply_async") || call.callee.hasSuffix(".apply")
        if let tuple = call.argument(keyword: "args")?.text ?? (tupleAfterFunction ? call.argument(at: 1)?.text : nil),
           tuple.first == "(" || tuple.first == "[" {
            let items = tuple.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
            text = position < items.count ? String(items[position]) : nil
        } else if call.argument(keyword: "target") == nil {
            text = call.argument(at: position + 1)?.text
        } else {
            text = nil
        }
        guard let name = text?.trimmingCharacters(in: .whitespaces), !name.isEmpty, isPlainChain(name) else { return nil }
        return name
    }

    static func isPlainChain(_ text: String) -> Bool {
        text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
    }

    /// The call that made what `name` holds before `offset`: the last one `function` bound
    /// it to, or else the module's (not for a parameter's name). Only resolved calls
    /// count, unless `resolvedOnly` is false.
    static func maker(of name: String, before offset: Int, in function: FunctionFacts, of file: FileFacts,
                      resolvedOnly: Bool = true) -> CallFacts? {
        let binds = { (call: CallFacts) in call.boundName == name && (call.isResolved || !resolvedOnly) }
        if let local = function.calls.last(where: { binds($0) && $0.range.start < offset }) { return local }
        guard function.kind != .module, !function.parameters.contains(name), let module = file.functions.first(where: { $0.kind == .module }) else { return nil }
        return module.calls.last(where: binds)
    }

    /// The plain names an argument's text holds (`(lock, q)`, `{"log": log}`): not
    /// attributes, calls, or words inside string literals.
    private static func names(in text: String) -> [String] {
        let characters = Array(text)
        var found: [String] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\"" || character == "'" {
                index += 1
                while index < characters.count, characters[index] != character { index += 1 }
                index += 1
                continue
            }
            guard character.isLetter || character == "_" else {
                index += 1
                continue
            }
            let start = index
            while index < characters.count, characters[index].isLetter || characters[index].isNumber || characters[index] == "_" {
                index += 1
            }
            let isAttribute = start > 0 && characters[start - 1] == "."
            let isCalled = characters[index...].first { $0 != " " } == "("
            if !isAttribute, !isCalled { found.append(String(characters[start..<index])) }
        }
        return found
    }
}

import ConchKit

/// HTTP requests a coroutine awaits one at a time: `for url in urls: page = await
/// session.get(url)`, or `await fetch(session, url)` where the project's coroutine
/// `fetch` makes the request with the client it is handed. `await` waits for the one
/// request; the loop starts the next only after it.
enum AwaitedRequests {
    struct Request {
        /// The awaited call in the loop: the request (`session.get`), or the coroutine making it.
        var call: CallFacts
        /// Where that coroutine makes the request.
        var through: (file: FileFacts, call: CallFacts)?
    }

    /// The first request awaited in a pass of loop `index` of `caller`, if the pass does not also
    /// sleep (a loop that waits between requests spaces them out on purpose).
    static func first(inLoop index: Int, of caller: FunctionFacts, in file: FileFacts, model: ProjectModel) -> Request? {
        let range = caller.loops[index].range
        let sleeps = caller.calls.contains { call in
            range.contains(call.range.start) && call.isAwaited && CooperativeSleeps.entries[call.callee]?.isAwaited == true
        }
        guard !sleeps else { return nil }
        // The loop's own passes: a request in a loop inside it repeats with that loop.
        for call in caller.calls where call.loop == index && (call.isAwaited || call.managesContext) {
            if isRequest(call) { return Request(call: call, through: nil) }
            if let (home, made) = request(madeBy: call, in: caller, of: file, model: model) {
                return Request(call: call, through: (home, made))
            }
        }
        return nil
    }

    /// `session.get(url)` on a client whose type the front end knows, awaited or entered
    /// (`async with session.get(url) as response`).
    private static func isRequest(_ call: CallFacts) -> Bool {
        guard call.isResolved, let dot = call.callee.lastIndex(of: ".") else { return false }
        return clients.contains(String(call.callee[..<dot])) && methods.contains(String(call.callee[call.callee.index(after: dot)...]))
    }

    /// The request a coroutine of the project makes, itself, when `call` runs it: with a
    /// client of its own, or through the parameter `call` hands a client it made
    /// (`async with aiohttp.ClientSession() as session:`, then `await fetch(session, url)`).
    private static func request(madeBy call: CallFacts, in caller: FunctionFacts, of file: FileFacts,
                                model: ProjectModel) -> (FileFacts, CallFacts)? {
        guard call.isResolved, let id = model.resolve(call.callee, from: file), let (home, coroutine) = model.function(id),
              coroutine.isAsync else { return nil }
        let clientParameters = Set(coroutine.parameters.enumerated().compactMap { position, name in
            handsAClient(call.argument(passedTo: name, at: position), in: caller, before: call) ? name : nil
        })
        let made = coroutine.calls.first { inner in
            guard inner.isAwaited || inner.managesContext else { return false }
            if isRequest(inner) { return true }
            guard let dot = inner.calleeText.lastIndex(of: ".") else { return false }
            return clientParameters.contains(String(inner.calleeText[..<dot]))
                && methods.contains(String(inner.calleeText[inner.calleeText.index(after: dot)...]))
        }
        return made.map { (home, $0) }
    }

    /// The argument is a name the caller bound to a client it made before the call.
    private static func handsAClient(_ argument: Argument?, in caller: FunctionFacts, before call: CallFacts) -> Bool {
        guard let argument, case .name = argument.shape else { return false }
        return caller.calls.contains { made in
            made.range.end <= call.range.start && made.boundName == argument.text && clients.contains(made.callee)
        }
    }

    private static let clients: Set<String> = ["aiohttp.ClientSession", "httpx.AsyncClient"]
    private static let methods: Set<String> = ["get", "post", "put", "patch", "delete", "head", "options", "request", "send", "stream"]
}

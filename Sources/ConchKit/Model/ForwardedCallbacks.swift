/// Python: `qconnect(self.form.ok.clicked, self.accept)` where `def qconnect(signal, slot):
/// signal.connect(slot)`. The front end records the wrapper; here each call of it that
/// passes a function of the project registers that function with the wrapper's loop.
enum ForwardedCallbacks {
    static func join(_ files: inout [FileFacts], knownFunctions: FunctionIndex, callees: CalleeTable) {
        var wrappers: [FunctionID: [CallbackWrapper]] = [:]
        for file in files where !file.callbackWrappers.isEmpty {
            for wrapper in file.callbackWrappers { wrappers[file.functions[wrapper.function].id, default: []].append(wrapper) }
        }
        guard !wrappers.isEmpty else { return }
        var added: [Int: [EventLoopMarker]] = [:]
        for place in callees.places(of: callees.numbers(of: wrappers.keys)) {
            let call = files[place.file].functions[place.function].calls[place.call]
            guard files[place.file].language == .python else { continue }
            for wrapper in wrappers[call.callee] ?? [] {
                guard let handed = call.handedFunction(keyword: wrapper.parameterName, position: wrapper.position),
                      knownFunctions[handed] != nil else { continue }
                added[place.file, default: []].append(EventLoopMarker(framework: wrapper.framework, kind: .callback,
                                                                      range: call.range, callback: handed))
            }
        }
        for (index, markers) in added { files[index].eventLoops.append(contentsOf: markers) }
    }
}

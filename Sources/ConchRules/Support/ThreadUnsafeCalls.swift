import ConchKit

extension ProjectModel {
    /// The catalog entry (`MTUnsafeCalls`) of a call a thread must not make: to the library
    /// function itself (not a project function of that name, not a function pointer that
    /// shares it), and not a call that only queries. CON206 reports these in threads;
    /// CON102 leaves a process that makes one alone.
    func threadUnsafeEntry(for call: CallFacts, in file: FileFacts) -> MTUnsafeCalls.Entry? {
        guard file.language == .c || call.isResolved, !call.isThroughPointer,
              let entry = MTUnsafeCalls.entry(for: call.callee, in: file.language) ?? inheritedWidgetCall(call, in: file),
              resolve(call.callee, from: file) == nil else { return nil }
        let given = call.arguments.filter { $0.text != "None" }.count
        return given >= entry.minimumArguments ? entry : nil
    }

    /// A toolkit method the class inherits through a base of its file, unless a class of
    /// the project on the way defines it (a mixin beside the widget base).
    private func inheritedWidgetCall(_ call: CallFacts, in file: FileFacts) -> MTUnsafeCalls.Entry? {
        guard file.language == .python, let entry = GUIToolkits.inheritedWidgetCall(call.callee, in: file),
              !inheritsFromProject(call.callee) else { return nil }
        return entry
    }
}

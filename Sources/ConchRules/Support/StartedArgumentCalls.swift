import ConchKit

extension ExecutionContexts.Entry {
    /// `label.config(text=...)` in `def refresh(label)`, run by `Thread(target=refresh,
    /// args=(label,))` after `label = tk.Label(root)`: the call as made on the class of
    /// what every start of the entry hands that parameter (`tkinter.Label.config`). Nil
    /// for a call on anything but a parameter of the entry itself, or when the starts
    /// hand objects of different or unknown classes.
    func callOnStartedArgument(_ call: CallFacts, in function: FunctionFacts) -> CallFacts? {
        guard function.id == id, !call.isResolved, let dot = call.calleeText.firstIndex(of: "."),
              let position = function.parameters.firstIndex(of: String(call.calleeText[..<dot])) else { return nil }
        var classes: Set<String> = []
        for start in origins {
            let starter = start.file.functions[start.site.function]
            guard let creating = start.site.creatingCall(in: starter), let name = TaskArguments.name(at: position, of: creating),
                  let maker = TaskArguments.maker(of: name, before: start.site.range.start, in: starter, of: start.file),
                  maker.isResolved, let made = ClassNames.madeBy(maker.callee) else { return nil }
            classes.insert(made)
        }
        guard classes.count == 1, let type = classes.first else { return nil }
        var typed = call
        typed.callee = type + call.calleeText[dot...]
        typed.isResolved = true
        return typed
    }
}

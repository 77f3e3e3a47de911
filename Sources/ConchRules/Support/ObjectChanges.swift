import ConchKit

extension CallFacts {
    /// `results.append(x)`, `self.seen.add(x)` on an object of unknown type: the object as
    /// written and the container method that changes it in place.
    var containerMutation: (object: String, method: String)? {
        guard !isResolved, let dot = calleeText.lastIndex(of: ".") else { return nil }
        let method = String(calleeText[calleeText.index(after: dot)...])
        guard ContainerMethods.mutating.contains(method) else { return nil }
        return (String(calleeText[..<dot]), method)
    }
}

extension FileFacts {
    /// `self.lock = threading.Lock()` in a method of class `owner`: each attribute its
    /// methods bind to what a resolved call makes, with the call, in source order.
    func attributeMakers(of owner: String) -> [(attribute: String, call: CallFacts)] {
        functions.filter { $0.className == owner }.flatMap { method in
            method.calls.compactMap { call -> (String, CallFacts)? in
                guard call.isResolved, let bound = call.boundName, bound.hasPrefix("self.") else { return nil }
                return (String(bound.dropFirst("self.".count)), call)
            }
        }
    }
}

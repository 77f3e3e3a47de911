import Dispatch

/// Work started on another thread now and waited for later, so that two serial
/// steps with no data between them overlap.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    // Written once by the worker before `done` is left; read only after waiting on it.
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        done.enter()
        DispatchQueue.global().async {
            self.result = work()
            self.done.leave()
        }
    }

    var value: Value {
        done.wait()
        return result!
    }
}

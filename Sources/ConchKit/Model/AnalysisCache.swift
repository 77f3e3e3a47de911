import Foundation

/// Project-wide analyses that several rules need (which functions each thread
/// reaches, say), computed once per run however many rules ask, as go/analysis
/// computes a fact once for all passes.
final class AnalysisCache: @unchecked Sendable {
    // Recursive: one analysis may build on another while the first is being computed.
    private let lock = NSRecursiveLock()
    private var values: [ObjectIdentifier: any Sendable] = [:]

    func value<Value: Sendable>(_ type: Value.Type, _ compute: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let known = values[ObjectIdentifier(type)] as? Value { return known }
        let computed = compute()
        values[ObjectIdentifier(type)] = computed
        return computed
    }
}

extension ProjectModel {
    /// The analysis of this type, computed by the first rule that asks for it.
    public func shared<Value: Sendable>(_ type: Value.Type, _ compute: () -> Value) -> Value {
        cache.value(type, compute)
    }
}

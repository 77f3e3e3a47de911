import Foundation

/// Project-wide analyses that several rules need (which functions each thread
/// reaches, say), computed once per run however many rules ask, as go/analysis
/// computes a fact once for all passes.
final class AnalysisCache: @unchecked Sendable {
    /// One analysis: computed by the first rule that asks while the others that
    /// need it wait; rules needing other analyses go on meanwhile. An analysis may
    /// ask for others but never, even through them, for itself, so slots are always
    /// locked in the same order and two rules cannot wait on each other.
    private final class Slot: @unchecked Sendable {
        let lock = NSLock()
        var value: (any Sendable)?
    }

    private let slots = LockedCache<ObjectIdentifier, Slot>()

    func value<Value: Sendable>(_ type: Value.Type, _ compute: () -> Value) -> Value {
        let slot = slots.value(for: ObjectIdentifier(type)) { Slot() }
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if let known = slot.value as? Value { return known }
        let computed = compute()
        slot.value = computed
        return computed
    }
}

extension ProjectModel {
    /// The analysis of this type, computed by the first rule that asks for it.
    public func shared<Value: Sendable>(_ type: Value.Type, _ compute: () -> Value) -> Value {
        cache.value(type, compute)
    }
}

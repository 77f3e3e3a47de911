/// C: a condition a call or a global access runs under, read from an enclosing
/// `if` or from an early exit before it (`if (io_threads_op != IDLE) break;`):
/// a global or a parameter compared with an integer constant. Reachability
/// combines the guards met on the way from a thread's entry, so an edge whose
/// guard contradicts them (the I/O thread entered with `io_threads_op == READ`
/// meeting a call gated on `io_threads_op == IDLE`) is not followed.
public struct ExecutionGuard: Hashable, Sendable {
    public enum Subject: Hashable, Sendable {
        /// A global, or a member path on one: `io_threads_op`, `server.io_threads_num`.
        case global(String)
        /// Some bits of a global: `global.mode & MODE_STARTING`. Compared with 0 only.
        case globalBits(String, mask: Int)
        /// Whether the parameter at this position points where a global pointer does
        /// (`loop == default_loop_ptr`): 1 when it does.
        case sameAddress(parameter: Int, global: String)
        /// The function's parameter at this position.
        case parameter(Int)
        /// Some bits of the parameter at this position: `options & CE_MATCH_IGNORE_FSMONITOR`.
        /// Compared with 0 only.
        case parameterBits(Int, mask: Int)
    }

    public var subject: Subject
    public var value: Int
    /// `subject == value` when true, `subject != value` when false.
    public var isEqual: Bool

    public init(subject: Subject, value: Int, isEqual: Bool) {
        self.subject = subject
        self.value = value
        self.isEqual = isEqual
    }

    /// The global the guard reads, whole or some of its bits; nil for a parameter.
    public var globalName: String? {
        switch subject {
        case .global(let name), .globalBits(let name, _): name
        case .parameter, .parameterBits, .sameAddress: nil
        }
    }

    public var negated: ExecutionGuard { ExecutionGuard(subject: subject, value: value, isEqual: !isEqual) }

    /// Whether this guard and `other` cannot both hold.
    public func contradicts(_ other: ExecutionGuard) -> Bool {
        guard subject == other.subject else { return false }
        if isEqual, other.isEqual { return value != other.value }
        return isEqual != other.isEqual && value == other.value
    }
}

/// An append-only column of the token table, grown by doubling. An `Array` field
/// checks its buffer's uniqueness through the runtime on every append; the scanner
/// appends six columns per token, and those checks cost a tenth of its time.
final class TokenColumn<Element> {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    @inline(__always)
    func append(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        get {
            precondition(index >= 0 && index < count)
            return base[index]
        }
        set {
            precondition(index >= 0 && index < count)
            base[index] = newValue
        }
    }

    private func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }

    /// The elements as an exact-size array; the column is empty and its storage freed
    /// afterwards, so a huge file never holds a column and its copy for every column at once.
    func takeArray() -> [Element] {
        let elements = Array(UnsafeBufferPointer(start: base, count: count))
        base.deinitialize(count: count)
        base.deallocate()
        base = .allocate(capacity: 1)
        capacity = 1
        count = 0
        return elements
    }
}

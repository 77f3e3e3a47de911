/// Interns a file's NAME tokens: each distinct name is decoded into a `String`
/// once, and every later question about a name is an array lookup.
struct NameTable {
    private(set) var names: [String] = []
    private(set) var isKeyword: [Bool] = []
    private var buckets: [UInt64: [Int32]] = [:]
    private var spans: [(start: Int, end: Int)] = []

    mutating func intern(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int32 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for index in start..<end {
            hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01B3
        }
        if let candidates = buckets[hash] {
            for id in candidates where Self.same(bytes, spans[Int(id)], start, end) { return id }
        }
        let id = Int32(names.count)
        let name = String(decoding: bytes[start..<end], as: UTF8.self)
        names.append(name)
        isKeyword.append(PythonKeywords.hard.contains(name))
        spans.append((start, end))
        buckets[hash, default: []].append(id)
        return id
    }

    private static func same(_ bytes: [UInt8], _ span: (start: Int, end: Int), _ start: Int, _ end: Int) -> Bool {
        guard span.end - span.start == end - start else { return false }
        var offset = 0
        while offset < end - start {
            if bytes[span.start + offset] != bytes[start + offset] { return false }
            offset += 1
        }
        return true
    }
}

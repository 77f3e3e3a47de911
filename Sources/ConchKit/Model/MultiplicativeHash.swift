/// The hash the scanner's own tables use for their small keys (interned ids, eight
/// bytes of a name at a time): one multiply per word, where SipHash's strength buys nothing.
public enum MultiplicativeHash {
    @inlinable
    public static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        return mixed ^ (mixed >> 32)
    }
}

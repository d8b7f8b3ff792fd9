/// Walks a stored audit trail entry by entry, in sequence order, and says where it stops fitting together: a
/// gap in the numbers, a predecessor hash that is not the previous entry's, or a hash that does not match the
/// entry's content. Fed one entry at a time, so a long trail is checked without holding it in memory.
public struct AuditChainCheck {
    /// SHA-256 of a text, hex (passed in: the core does no cryptography of its own).
    let digest: (String) -> String
    public private(set) var checked: Int64 = 0
    private var previousHash = AuditEntry.genesis

    public init(digest: @escaping (String) -> String) { self.digest = digest }

    /// The hash an entry must carry.
    public static func hash(of entry: AuditEntry, digest: (String) -> String) -> String { digest(entry.canonical) }

    /// Checks the next entry; the first problem found, or nil.
    public mutating func check(_ entry: AuditEntry) -> AuditBreak? {
        let expected = checked + 1
        guard entry.sequence == expected else {
            return AuditBreak(sequence: expected, reason: "missing (the next entry found is \(entry.sequence))")
        }
        guard entry.previousHash == previousHash else {
            return AuditBreak(sequence: entry.sequence, reason: "does not name the hash of entry \(expected - 1)")
        }
        guard Self.hash(of: entry, digest: digest) == entry.hash else {
            return AuditBreak(sequence: entry.sequence, reason: "its content does not match its hash (changed after it was written)")
        }
        checked = entry.sequence
        previousHash = entry.hash
        return nil
    }

    /// After the last entry: the chain's head (last number and hash, kept apart from the entries) must name it,
    /// or entries were removed from the end.
    public func finish(headSequence: Int64, headHash: String) -> AuditBreak? {
        guard headSequence == checked, headHash == previousHash else {
            return AuditBreak(sequence: checked + 1, reason: "missing: the chain's head names entry \(headSequence), the trail ends at \(checked)")
        }
        return nil
    }
}

import Foundation
import Testing
import TresorCore

@Suite struct AuditEntryTests {
    /// A stand-in digest for the chain's logic (the store uses SHA-256): any change of the text changes it.
    static func digest(_ text: String) -> String { String(text.hashValue, radix: 16) + String(text.utf8.count) }

    func chain(_ count: Int) -> [AuditEntry] {
        var previous = AuditEntry.genesis
        return (1...count).map { n in
            var entry = AuditEntry(sequence: Int64(n), at: Date(timeIntervalSince1970: 1_764_500_000 + Double(n)), actor: "anna@tresor.example",
                                   action: "stock.count", target: "AU-ML-1OZ", before: ["stock": "\(n)"], after: ["stock": "\(n + 1)"],
                                   previousHash: previous)
            entry.hash = AuditChainCheck.hash(of: entry, digest: Self.digest)
            previous = entry.hash
            return entry
        }
    }

    @Test func anIntactChainChecksOut() {
        let entries = chain(5)
        var check = AuditChainCheck(digest: Self.digest)
        #expect(entries.compactMap { check.check($0) }.isEmpty)
        #expect(check.finish(headSequence: 5, headHash: entries[4].hash) == nil)
        #expect(check.checked == 5)
    }

    @Test func aChangedValueAGapAndAMissingEndAreFound() {
        var entries = chain(5)
        entries[2].after["stock"] = "400"
        var check = AuditChainCheck(digest: Self.digest)
        #expect(entries.compactMap { check.check($0) }.first?.sequence == 3)

        var gap = AuditChainCheck(digest: Self.digest)
        let withoutThird = chain(5).filter { $0.sequence != 3 }
        #expect(withoutThird.compactMap { gap.check($0) }.first == AuditBreak(sequence: 3, reason: "missing (the next entry found is 4)"))

        let full = chain(5)
        var end = AuditChainCheck(digest: Self.digest)
        #expect(full.prefix(4).compactMap { end.check($0) }.isEmpty)
        #expect(end.finish(headSequence: 5, headHash: full[4].hash)?.sequence == 5)
    }

    /// Lengths in front of each field: moving text from one field to the next changes the encoding.
    @Test func theCanonicalEncodingCannotBeShifted() {
        let a = AuditEntry(sequence: 1, at: Date(timeIntervalSince1970: 0), actor: "a", action: "b.c", target: "", before: [:], after: [:],
                           previousHash: AuditEntry.genesis)
        var b = a
        b.action = "b"
        b.target = ".c"
        #expect(a.canonical != b.canonical)
        #expect(AuditEntry.decode(AuditEntry.encode(["note": "line 1\nline 2 \\ end", "x": ""])) == ["note": "line 1\nline 2 \\ end", "x": ""])
    }
}

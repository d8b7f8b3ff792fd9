import Testing
import TresorCore

@Suite struct SecureRandomTests {
    /// Each byte is handed out once: many tokens (across several 4 KiB refills) never repeat, and look random.
    @Test func tokensAreUniqueHexAndUseEveryDigit() {
        let tokens = (0..<1_000).map { _ in SecureRandom.hex(32) }
        #expect(Set(tokens).count == tokens.count)
        #expect(tokens.allSatisfy { $0.count == 64 && $0.allSatisfy(\.isHexDigit) })
        // 64,000 hex digits: each of the 16 appears about 4,000 times; a stuck or zeroed pool would not.
        let counts = Dictionary(grouping: tokens.joined(), by: { $0 }).mapValues(\.count)
        #expect(counts.count == 16 && counts.values.allSatisfy { (3_500...4_500).contains($0) })
    }
}

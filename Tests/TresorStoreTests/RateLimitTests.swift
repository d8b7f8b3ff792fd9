import Foundation
import Testing
import TresorCore
@testable import TresorStore
import TresorTestSupport

@Suite struct RateLimitTests {
    @Test(arguments: TestDatabase.available)
    func fixedWindowPerBucket(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let start = CivilDate.utcMidnight(2026, 11, 27)
            let attempts: [(String, TimeInterval)] = [("ip:1", 0), ("ip:1", 10), ("ip:1", 20), ("ip:1", 30), ("ip:2", 30), ("ip:1", 601)]
            var answers: [Bool] = []
            for (bucket, seconds) in attempts {
                answers.append(try await database.transaction { sql in
                    try await RateLimitRepository(sql).allow(bucket, limit: 3, window: 600, now: start.addingTimeInterval(seconds))
                })
            }
            // The fourth in ten minutes is refused; another address counts alone; a new window starts afresh.
            #expect(answers == [true, true, true, false, true, true])
        }
    }
}

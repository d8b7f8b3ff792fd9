import Foundation
import Logging
import Testing
import TresorCore
@testable import TresorStore

/// When the database is away, a request learns so within the lease limit (and the shop answers 503), instead of
/// waiting a minute for the connection pool to give up.
@Suite struct StoreTroubleTests {
    struct Unrelated: Error {}

    /// The pool logs every refused connection attempt; the test only needs the outcome.
    static var quiet: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }

    @Test func aPostgreSQLThatIsNotThereIsUnreachableWithinTheLeaseLimit() async throws {
        // Port 1 on loopback: nothing listens, every connection attempt is refused.
        let started = ContinuousClock.now
        let trouble = try await Database.withOpened(.postgres(url: "postgres://tresor@127.0.0.1:1/tresor"),
                                                    logger: Self.quiet) { database in
            let answers = await database.answers()
            #expect(!answers)
            let failure = await #expect(throws: (any Error).self) {
                try await database.read { sql in try await sql.raw("SELECT 1 AS one").run() }
            }
            return await database.trouble(behind: failure ?? Unrelated())
        }
        #expect(trouble == .unreachable)
        #expect(ContinuousClock.now - started < Database.connectionWait * 4)
    }

    @Test func aWorkingDatabaseHasNoTroubleBehindAnOrdinaryError() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tresor-trouble-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let trouble = try await Database.withOpened(.sqlite(path: folder + "/tresor.sqlite"), logger: Self.quiet) { database in
            await database.trouble(behind: Unrelated())
        }
        #expect(trouble == nil)
    }
}

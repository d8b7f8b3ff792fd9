import Foundation
import Logging
import ServiceLifecycle
import TresorStore

/// Forgets what is only kept for a while: expired sessions and the guest carts they leave, back-office sessions
/// that ended or went idle, request counters whose
/// window has ended, failed logins after their day, confirmation and reset links past their expiry, and
/// identification records whose keeping time (§8 Abs. 4 GwG) is over.
public struct Housekeeping: Service {
    let database: Database
    let interval: Duration
    let now: @Sendable () -> Date
    let logger: Logger

    public init(database: Database, interval: Duration = .seconds(600), now: @escaping @Sendable () -> Date, logger: Logger) {
        self.database = database
        self.interval = interval
        self.now = now
        self.logger = logger
    }

    public func run() async throws {
        await repeating(every: interval, logger: logger, failure: "housekeeping failed") { try await sweep() }
    }

    /// One round.
    public func sweep() async throws {
        let moment = now()
        try await database.transaction { sql in
            try await SessionRepository(sql).deleteExpired(now: moment)
            try await RateLimitRepository(sql).deleteExpired(now: moment)
            try await LoginFailureRepository(sql).deleteExpired(now: moment)
            try await CustomerRepository(sql).deleteExpiredLinks(now: moment)
            try await StaffSessionRepository(sql).deleteStale(before: moment.addingTimeInterval(-StaffDirectory.idleTimeout))
            let forgotten = try await IdentityRecordRepository(sql).deleteExpired(now: moment)
            if forgotten > 0 {
                try await AuditRepository(sql).append(actor: "system:housekeeping", action: "identity.delete-expired", target: "\(forgotten) records",
                                                      before: [:], after: [:], at: moment)
            }
        }
    }
}

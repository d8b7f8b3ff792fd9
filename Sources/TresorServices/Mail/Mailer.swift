import Foundation
import Logging
import ServiceLifecycle
import TresorStore

/// Delivers the outbox: claims due messages, hands them to the transport, retries failures with
/// exponential back-off (30 s, 1 min, 2 min … at most 1 h) and gives up after `maxAttempts`.
public struct Mailer: Service {
    let database: Database
    let transport: any MailTransport
    let interval: Duration
    let maxAttempts: Int
    let now: @Sendable () -> Date
    let logger: Logger

    public init(database: Database, transport: any MailTransport, interval: Duration = .seconds(2), maxAttempts: Int = 10,
                now: @escaping @Sendable () -> Date, logger: Logger) {
        self.database = database
        self.transport = transport
        self.interval = interval
        self.maxAttempts = maxAttempts
        self.now = now
        self.logger = logger
    }

    public func run() async throws {
        await repeating(every: interval, logger: logger, failure: "mail outbox failed") { _ = try await deliverDue() }
    }

    /// One round; returns how many messages were sent.
    @discardableResult
    public func deliverDue(limit: Int = 20) async throws -> Int {
        let dialect = database.dialect
        let moment = now()
        let claimed = try await database.transaction { sql in
            try await MailOutboxRepository(sql, dialect: dialect).claimDue(now: moment, lease: 120, limit: limit)
        }
        var sent = 0
        for mail in claimed {
            do {
                try await transport.deliver(mail)
                try await database.transaction { sql in try await MailOutboxRepository(sql, dialect: dialect).markSent(mail.id, now: now()) }
                sent += 1
            } catch {
                let attempts = mail.attempts + 1
                let retryAt = attempts >= maxAttempts ? nil : now().addingTimeInterval(Self.backoff(afterAttempts: attempts))
                logger.warning("mail delivery failed", metadata: ["message_id": "\(mail.messageID)", "attempt": "\(attempts)",
                                                                  "error": "\(error)"])
                try await database.transaction { sql in
                    try await MailOutboxRepository(sql, dialect: dialect).markFailed(mail.id, error: "\(error)", retryAt: retryAt)
                }
            }
        }
        return sent
    }

    static func backoff(afterAttempts attempts: Int) -> TimeInterval {
        min(3600, 30 * pow(2, Double(attempts - 1)))
    }
}

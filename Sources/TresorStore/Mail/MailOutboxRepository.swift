import Foundation
import SQLKit

/// A message waiting in the outbox, already rendered as RFC 5322 text.
public struct OutgoingMail: Sendable, Hashable {
    public var id: UUID
    public var messageID: String
    public var recipient: String
    public var subject: String
    public var raw: String
    public var attempts: Int

    public init(id: UUID = UUID(), messageID: String, recipient: String, subject: String, raw: String, attempts: Int = 0) {
        self.id = id
        self.messageID = messageID
        self.recipient = recipient
        self.subject = subject
        self.raw = raw
        self.attempts = attempts
    }
}

/// The mail outbox: messages are inserted in the same transaction as the change that causes them and
/// delivered afterwards by the mailer, so a crash loses nothing and a rolled-back change sends nothing.
public struct MailOutboxRepository: Sendable {
    let sql: any SQLDatabase
    let dialect: Dialect

    public init(_ sql: any SQLDatabase, dialect: Dialect) {
        self.sql = sql
        self.dialect = dialect
    }

    public func enqueue(_ mail: OutgoingMail, now: Date) async throws {
        try await sql.execute("""
            INSERT INTO mail_outbox (id, message_id, recipient, subject, raw, status, attempts, next_attempt_at, created_at)
            VALUES (\(bind: mail.id), \(bind: mail.messageID), \(bind: mail.recipient), \(bind: mail.subject), \(bind: mail.raw),
                'pending', 0, \(bind: now), \(bind: now))
            """)
    }

    /// Claims up to `limit` due messages for `lease`: they are not due again until the lease ends, so a
    /// mailer that dies mid-send leaves them to be retried, and two instances never claim the same one.
    public func claimDue(now: Date, lease: TimeInterval, limit: Int) async throws -> [OutgoingMail] {
        let rows = try await sql.rows("""
            SELECT id, message_id, recipient, subject, raw, attempts FROM mail_outbox
            WHERE status = 'pending' AND next_attempt_at <= \(bind: now)
                ORDER BY next_attempt_at LIMIT \(bind: limit)\(unsafeRaw: dialect.skipLocked)
            """)
        var claimed: [OutgoingMail] = []
        for row in rows {
            let mail = OutgoingMail(id: try row.uuid("id"), messageID: try row.string("message_id"),
                                    recipient: try row.string("recipient"), subject: try row.string("subject"),
                                    raw: try row.string("raw"), attempts: try row.int("attempts"))
            try await sql.execute("""
                UPDATE mail_outbox SET next_attempt_at = \(bind: now.addingTimeInterval(lease)) WHERE id = \(bind: mail.id)
                """)
            claimed.append(mail)
        }
        return claimed
    }

    public func markSent(_ id: UUID, now: Date) async throws {
        try await sql.execute("""
            UPDATE mail_outbox SET status = 'sent', sent_at = \(bind: now), attempts = attempts + 1 WHERE id = \(bind: id)
            """)
    }

    /// Records a failed attempt: retried at `retryAt`, or given up as failed when `retryAt` is nil.
    public func markFailed(_ id: UUID, error: String, retryAt: Date?) async throws {
        if let retryAt {
            try await sql.execute("""
                UPDATE mail_outbox SET attempts = attempts + 1, last_error = \(bind: error),
                    next_attempt_at = \(bind: retryAt) WHERE id = \(bind: id)
                """)
        } else {
            try await sql.execute("""
                UPDATE mail_outbox SET attempts = attempts + 1, last_error = \(bind: error), status = 'failed' WHERE id = \(bind: id)
                """)
        }
    }

    /// Counts by status, for tests and operations.
    public func count(status: String) async throws -> Int {
        try await sql.rows("SELECT COUNT(*) AS n FROM mail_outbox WHERE status = \(bind: status)").first?.int("n") ?? 0
    }
}

import Foundation
import SQLKit
import TresorCore

/// One queued recipient, claimed for sending, with what the mail needs from the subscriber row.
public struct ClaimedRecipient: Sendable, Hashable {
    public var campaignID: UUID
    public var subscriberID: UUID
    public var email: String
    public var language: Language
    public var attempts: Int
}

/// Newsletter campaigns and their recipients: one row per recipient, queued when the campaign starts and
/// rendered only when its turn comes, so queueing 100,000 is one INSERT … SELECT.
public struct CampaignRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    public func create(_ c: Campaign) async throws {
        try await sql.execute("""
            INSERT INTO campaigns (id, subject, body, kind, status, send_at, created_at, digest_from, digest_until)
            VALUES (\(bind: c.id), \(bind: c.subject), \(bind: c.body), \(bind: c.kind.rawValue), \(bind: c.status.rawValue),
                \(bind: c.sendAt), \(bind: c.createdAt), \(bind: c.digestFrom), \(bind: c.digestUntil))
            """)
    }

    public func find(id: UUID) async throws -> Campaign? {
        try await sql.rows("SELECT * FROM campaigns WHERE id = \(bind: id)").first.map(Self.campaign)
    }

    /// Newest first.
    public func list(limit: Int = 50, offset: Int = 0) async throws -> [Campaign] {
        try await sql.rows("SELECT * FROM campaigns ORDER BY created_at DESC, id LIMIT \(bind: limit) OFFSET \(bind: offset)").map(Self.campaign)
    }

    /// Puts a draft on the schedule; false when it is no longer a draft.
    public func schedule(id: UUID, at: Date) async throws -> Bool {
        !(try await sql.rows("""
            UPDATE campaigns SET status = 'scheduled', send_at = \(bind: at) WHERE id = \(bind: id) AND status = 'draft' RETURNING id
            """)).isEmpty
    }

    /// Calls a campaign off: a scheduled one goes back to draft, a sending one stops and its queue is cancelled.
    public func cancel(id: UUID, now: Date) async throws -> Bool {
        if !(try await sql.rows("""
            UPDATE campaigns SET status = 'draft', send_at = NULL WHERE id = \(bind: id) AND status = 'scheduled' RETURNING id
            """)).isEmpty { return true }
        guard !(try await sql.rows("""
            UPDATE campaigns SET status = 'cancelled', finished_at = \(bind: now) WHERE id = \(bind: id) AND status = 'sending' RETURNING id
            """)).isEmpty else { return false }
        try await sql.execute("UPDATE campaign_recipients SET status = 'cancelled' WHERE campaign_id = \(bind: id) AND status = 'queued'")
        return true
    }

    /// Starts every campaign whose time has come: flips it to sending (once, however many instances try) and
    /// queues one row per confirmed subscriber. Returns the started campaigns with their recipient counts.
    public func startDue(now: Date) async throws -> [(id: UUID, recipients: Int)] {
        let started = try await sql.rows("""
            UPDATE campaigns SET status = 'sending',
                started_at = \(bind: now) WHERE status = 'scheduled' AND send_at <= \(bind: now) RETURNING id
            """).map { try $0.uuid("id") }
        var result: [(id: UUID, recipients: Int)] = []
        for id in started {
            try await sql.execute("""
                INSERT INTO campaign_recipients (campaign_id, subscriber_id, status, attempts, next_attempt_at)
                SELECT \(bind: id), id, 'queued', 0, \(bind: now) FROM subscribers WHERE status = 'confirmed'
                """)
            result.append((id, try await count(campaignID: id)))
        }
        return result
    }

    /// Claims up to `limit` due recipients for `lease` (two instances never claim the same one). Recipients
    /// whose subscriber is no longer confirmed are marked skipped instead (and counted): consent is checked at
    /// sending time.
    public func claim(now: Date, lease: TimeInterval, limit: Int) async throws -> (recipients: [ClaimedRecipient], skipped: Int) {
        let rows = try await sql.rows("""
            SELECT r.campaign_id, r.subscriber_id, r.attempts, s.email, s.language, s.status FROM campaign_recipients r
            JOIN subscribers s ON s.id = r.subscriber_id
            WHERE r.status = 'queued' AND r.next_attempt_at <= \(bind: now)
                ORDER BY r.next_attempt_at LIMIT \(bind: limit)\(unsafeRaw: sql.tresorDialect.skipLocked(of: "r"))
            """)
        var claimed: [ClaimedRecipient] = []
        var skipped: [(UUID, UUID)] = []
        for row in rows {
            let campaignID = try row.uuid("campaign_id"), subscriberID = try row.uuid("subscriber_id")
            guard try row.string("status") == SubscriberStatus.confirmed.rawValue else {
                skipped.append((campaignID, subscriberID))
                continue
            }
            claimed.append(ClaimedRecipient(campaignID: campaignID, subscriberID: subscriberID, email: try row.string("email"),
                                            language: Language(rawValue: try row.string("language")) ?? .de,
                                            attempts: try row.int("attempts")))
        }
        for (campaignID, ids) in Self.byCampaign(claimed.map { ($0.campaignID, $0.subscriberID) }) {
            try await sql.execute("""
                UPDATE campaign_recipients SET next_attempt_at = \(bind: now.addingTimeInterval(lease))
                WHERE campaign_id = \(bind: campaignID) AND subscriber_id IN (\(binds: ids))
                """)
        }
        for (campaignID, ids) in Self.byCampaign(skipped) {
            try await sql.execute("""
                UPDATE campaign_recipients SET status = 'skipped' WHERE campaign_id = \(bind: campaignID)
                    AND subscriber_id IN (\(binds: ids))
                """)
        }
        return (claimed, skipped.count)
    }

    /// Marks a batch delivered, in one statement per campaign.
    public func markSent(_ recipients: [(campaignID: UUID, subscriberID: UUID)], now: Date) async throws {
        for (campaignID, ids) in Self.byCampaign(recipients.map { ($0.campaignID, $0.subscriberID) }) {
            try await sql.execute("""
                UPDATE campaign_recipients SET status = 'sent', sent_at = \(bind: now), attempts = attempts + 1
                WHERE status = 'queued' AND campaign_id = \(bind: campaignID) AND subscriber_id IN (\(binds: ids))
                """)
        }
    }

    /// A failed attempt: retried at `retryAt`, or given up when nil.
    public func markFailed(campaignID: UUID, subscriberID: UUID, error: String, retryAt: Date?) async throws {
        let detail = String(error.prefix(500))
        if let retryAt {
            try await sql.execute("""
                UPDATE campaign_recipients SET attempts = attempts + 1, detail = \(bind: detail), next_attempt_at = \(bind: retryAt)
                WHERE campaign_id = \(bind: campaignID) AND subscriber_id = \(bind: subscriberID) AND status = 'queued'
                """)
        } else {
            try await sql.execute("""
                UPDATE campaign_recipients SET attempts = attempts + 1, detail = \(bind: detail), status = 'failed'
                WHERE campaign_id = \(bind: campaignID) AND subscriber_id = \(bind: subscriberID) AND status = 'queued'
                """)
        }
    }

    /// A delivery report came back for a message that was sent.
    public func markBounced(campaignID: UUID, subscriberID: UUID, detail: String) async throws {
        try await sql.execute("""
            UPDATE campaign_recipients SET status = 'bounced',
                detail = \(bind: String(detail.prefix(500))) WHERE campaign_id = \(bind: campaignID)
                    AND subscriber_id = \(bind: subscriberID) AND status = 'sent'
            """)
    }

    /// Closes the sending campaigns that have no queued recipient left; returns their ids.
    public func finishDone(now: Date) async throws -> [UUID] {
        try await sql.rows("""
            UPDATE campaigns SET status = 'sent', finished_at = \(bind: now) WHERE status = 'sending'
            AND NOT EXISTS (SELECT 1 FROM campaign_recipients r WHERE r.campaign_id = campaigns.id AND r.status = 'queued')
            RETURNING id
            """).map { try $0.uuid("id") }
    }

    public func progress(campaignID: UUID) async throws -> CampaignProgress {
        var counts: [RecipientStatus: Int] = [:]
        for row in try await sql.rows("""
            SELECT status, COUNT(*) AS n FROM campaign_recipients WHERE campaign_id = \(bind: campaignID) GROUP BY status
            """) {
            counts[try row.enumValue("status", as: RecipientStatus.self)] = try row.int("n")
        }
        return CampaignProgress(counts: counts)
    }

    /// Where the next digest starts: the end of the newest digest that was not left as a draft or called off.
    public func lastDigestUntil() async throws -> Date? {
        try await sql.rows("""
            SELECT digest_until FROM campaigns WHERE kind = 'digest' AND status IN ('scheduled', 'sending', 'sent')
            ORDER BY digest_until DESC LIMIT 1
            """).first?.optionalDate("digest_until")
    }

    func count(campaignID: UUID) async throws -> Int {
        try await sql.rows("SELECT COUNT(*) AS n FROM campaign_recipients WHERE campaign_id = \(bind: campaignID)").first?.int("n") ?? 0
    }

    static func campaign(_ row: any SQLRow) throws -> Campaign {
        Campaign(id: try row.uuid("id"), subject: try row.string("subject"), body: try row.string("body"),
                 kind: try row.enumValue("kind", as: CampaignKind.self), status: try row.enumValue("status", as: CampaignStatus.self),
                 sendAt: try row.optionalDate("send_at"), createdAt: try row.date("created_at"),
                 startedAt: try row.optionalDate("started_at"), finishedAt: try row.optionalDate("finished_at"),
                 digestFrom: try row.optionalDate("digest_from"), digestUntil: try row.optionalDate("digest_until"))
    }

    static func byCampaign(_ pairs: [(UUID, UUID)]) -> [(UUID, [any Encodable & Sendable])] {
        var grouped: [UUID: [any Encodable & Sendable]] = [:]
        var order: [UUID] = []
        for (campaignID, subscriberID) in pairs {
            if grouped[campaignID] == nil { order.append(campaignID) }
            grouped[campaignID, default: []].append(subscriberID)
        }
        return order.map { ($0, grouped[$0] ?? []) }
    }


    /// Records who did what to a campaign.
    public func addEvent(campaignID: UUID, at: Date, actor: String, action: String, detail: String) async throws {
        try await sql.execute("""
            INSERT INTO campaign_events (campaign_id, at, actor, action, detail)
            VALUES (\(bind: campaignID), \(bind: at), \(bind: actor), \(bind: action), \(bind: detail))
            """)
    }

    /// A campaign's history, oldest first: when, who, what.
    public func events(campaignID: UUID) async throws -> [(at: Date, actor: String, action: String, detail: String)] {
        try await sql.rows("SELECT * FROM campaign_events WHERE campaign_id = \(bind: campaignID) ORDER BY id").map { row in
            (try row.date("at"), try row.string("actor"), try row.string("action"), try row.string("detail"))
        }
    }
}

import Foundation
import SQLKit
import TresorCore

/// A newsletter subscriber row: the proof fields and where the address stands.
public struct StoredSubscriber: Sendable, Hashable {
    public var id: UUID
    public var proof: ConsentProof
    /// Temporary delivery failures reported since the last sign-up.
    public var softBounces: Int
}

/// Consent statements, subscribers and the history of their consent, on the session it is given.
public struct SubscriberRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// The statement shown now (the highest version), created from `initial` on first use.
    public func currentStatement(initial: ConsentStatement) async throws -> ConsentStatement {
        if let row = try await sql.rows("SELECT * FROM consent_statements ORDER BY version DESC LIMIT 1").first {
            return ConsentStatement(version: try row.int("version"), textDE: try row.string("text_de"), textEN: try row.string("text_en"),
                                    validFrom: try row.date("valid_from"))
        }
        try await sql.execute("""
            INSERT INTO consent_statements (version, text_de, text_en, valid_from) VALUES (\(bind: initial.version),
                \(bind: initial.textDE), \(bind: initial.textEN), \(bind: initial.validFrom)) ON CONFLICT (version) DO NOTHING
            """)
        return initial
    }

    public func find(email: String) async throws -> StoredSubscriber? {
        try await find(where: "email = \(bind: email)")
    }

    public func find(id: UUID) async throws -> StoredSubscriber? {
        try await find(where: "id = \(bind: id)")
    }

    /// A new sign-up, or a fresh one for an address that withdrew before (its history stays).
    public func upsertPending(id: UUID, proof p: ConsentProof, now: Date) async throws {
        try await sql.execute("""
            INSERT INTO subscribers (id, email, status, language, consent_version, consent_text, signup_at, signup_ip,
                signup_user_agent, signup_source, confirmation_mail, updated_at) VALUES (\(bind: id), \(bind: p.email), 'pending',
                    \(bind: p.language.rawValue), \(bind: p.consentVersion), \(bind: p.consentText), \(bind: p.signupAt),
                    \(bind: p.signupIP), \(bind: p.signupUserAgent), \(bind: p.signupSource), \(bind: p.confirmationMail), \(bind: now))
            ON CONFLICT (email) DO UPDATE SET status = 'pending', language = excluded.language,
                consent_version = excluded.consent_version, consent_text = excluded.consent_text, signup_at = excluded.signup_at,
                signup_ip = excluded.signup_ip, signup_user_agent = excluded.signup_user_agent,
                signup_source = excluded.signup_source, confirmation_mail = excluded.confirmation_mail, confirmed_at = NULL,
                confirm_ip = NULL, unsubscribed_at = NULL, soft_bounces = 0, bounced_at = NULL,
                updated_at = excluded.updated_at
            """)
    }

    /// Confirms a pending address; false when it is not pending (already confirmed, or withdrawn).
    public func confirm(id: UUID, ip: String, now: Date) async throws -> Bool {
        !(try await sql.rows("""
            UPDATE subscribers SET status = 'confirmed', confirmed_at = \(bind: now), confirm_ip = \(bind: ip), updated_at = \(bind: now)
            WHERE id = \(bind: id) AND status = 'pending' RETURNING id
            """)).isEmpty
    }

    /// Withdraws consent; false when there was none to withdraw.
    public func unsubscribe(id: UUID, now: Date) async throws -> Bool {
        !(try await sql.rows("""
            UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = \(bind: now), updated_at = \(bind: now)
            WHERE id = \(bind: id) AND status <> 'unsubscribed' RETURNING id
            """)).isEmpty
    }

    /// A permanent delivery failure: the address gets no more newsletters. Returns the subscriber's id when
    /// the address was on the list (pending or confirmed).
    public func hardBounce(email: String, now: Date) async throws -> UUID? {
        try await sql.rows("""
            UPDATE subscribers SET status = 'bounced', bounced_at = \(bind: now), updated_at = \(bind: now)
            WHERE email = \(bind: email) AND status IN ('pending', 'confirmed') RETURNING id
            """).first?.uuid("id")
    }

    /// A temporary one, counted.
    public func softBounce(email: String, now: Date) async throws -> UUID? {
        try await sql.rows("""
            UPDATE subscribers SET soft_bounces = soft_bounces + 1,
                updated_at = \(bind: now) WHERE email = \(bind: email) AND status <> 'erased' RETURNING id
            """).first?.uuid("id")
    }

    /// Erasure (GDPR Art. 17): the address becomes `marker`, every detail that identifies a person (IPs, user
    /// agent, page, the mail with its personal link, the history's details) is removed. Kept: the dates and
    /// the consent version, which prove that mail sent before was lawful (Art. 17(3)(e)).
    public func erase(id: UUID, marker: String, now: Date) async throws {
        try await sql.execute("""
            UPDATE subscribers SET email = \(bind: marker), status = 'erased', signup_ip = '', signup_user_agent = '', signup_source = '',
                confirmation_mail = '', confirm_ip = NULL, updated_at = \(bind: now) WHERE id = \(bind: id)
            """)
        try await sql.execute("UPDATE subscriber_events SET detail = '' WHERE subscriber_id = \(bind: id)")
    }

    /// The rows erased for an address, by the start of their marker (hex and a colon: no LIKE wildcards in it).
    public func erased(markerPrefix: String) async throws -> [StoredSubscriber] {
        var found: [StoredSubscriber] = []
        for row in try await sql.rows("SELECT id FROM subscribers WHERE email LIKE \(bind: markerPrefix + "%") ORDER BY signup_at") {
            if let subscriber = try await find(id: try row.uuid("id")) { found.append(subscriber) }
        }
        return found
    }

    public func addEvent(subscriberID: UUID, at: Date, kind: String, detail: String) async throws {
        try await sql.execute("""
            INSERT INTO subscriber_events (subscriber_id, at, kind, detail) VALUES (\(bind: subscriberID), \(bind: at), \(bind: kind),
                \(bind: detail))
            """)
    }

    public func count(status: SubscriberStatus) async throws -> Int {
        try await sql.rows("SELECT COUNT(*) AS n FROM subscribers WHERE status = \(bind: status.rawValue)").first?.int("n") ?? 0
    }

    func find(where condition: SQLQueryString) async throws -> StoredSubscriber? {
        guard let row = try await sql.rows("SELECT * FROM subscribers WHERE \(condition)").first else { return nil }
        let id = try row.uuid("id")
        let events = try await sql.rows("""
            SELECT at, kind, detail FROM subscriber_events WHERE subscriber_id = \(bind: id) ORDER BY id
            """).map {
            ConsentProof.Event(at: try $0.date("at"), kind: try $0.string("kind"), detail: try $0.string("detail"))
        }
        let proof = ConsentProof(
            email: try row.string("email"), status: try row.enumValue("status", as: SubscriberStatus.self),
            language: Language(rawValue: try row.string("language")) ?? .de, consentVersion: try row.int("consent_version"),
            consentText: try row.string("consent_text"), signupAt: try row.date("signup_at"), signupIP: try row.string("signup_ip"),
            signupUserAgent: try row.string("signup_user_agent"), signupSource: try row.string("signup_source"),
            confirmationMail: try row.string("confirmation_mail"), confirmedAt: try row.optionalDate("confirmed_at"),
            confirmIP: try row.decode(column: "confirm_ip", as: String?.self), unsubscribedAt: try row.optionalDate("unsubscribed_at"),
            events: events)
        return StoredSubscriber(id: id, proof: proof, softBounces: try row.int("soft_bounces"))
    }
}

import Crypto
import Foundation

import TresorCore
import TresorStore

/// Why a newsletter request was refused; each maps to a message at the edge.
public enum NewsletterProblem: Error, Equatable, Sendable {
    case invalidEmail
    /// The form showed an older consent text than the current one: the visitor must see the current text.
    case staleConsent(current: Int)
    /// Forged, damaged or (for confirmation) expired.
    case invalidLink
    /// Erasure is done by an active staff member only.
    case notStaff(String)
}

/// Where the newsletter's links lead, absolute, in the subscriber's language.
public struct NewsletterLinks: Sendable {
    public var confirm: @Sendable (_ token: String, _ language: Language) -> String
    public var unsubscribe: @Sendable (_ token: String, _ language: Language) -> String
    /// `List-Id`, e.g. `<newsletter.tresor.example>`.
    public var listID: String

    public init(confirm: @escaping @Sendable (String, Language) -> String, unsubscribe: @escaping @Sendable (String, Language) -> String,
                listID: String) {
        self.confirm = confirm
        self.unsubscribe = unsubscribe
        self.listID = listID
    }
}

/// The newsletter's double opt-in: sign-up with the consent text shown, a confirmation mail without
/// advertising and a signed, expiring link, confirmation, withdrawal at any time, and the proof of all of it.
public struct NewsletterDesk: Sendable {
    public static let confirmationLifetime: TimeInterval = 48 * 3600
    let database: Database
    let mail: MailSettings
    let links: NewsletterLinks
    let secrets: SecretCache

    public init(database: Database, mail: MailSettings, links: NewsletterLinks) {
        secrets = SecretCache(database: database)
        self.database = database
        self.mail = mail
        self.links = links
    }

    public func currentStatement(now: Date) async throws -> ConsentStatement {
        try await database.transaction { sql in try await SubscriberRepository(sql).currentStatement(initial: .first(validFrom: now)) }
    }

    /// Signs an address up. Whatever the address's state, the caller gives the same neutral answer; only a
    /// new (or formerly withdrawn) address gets a confirmation mail, so repeating the form sends nothing more.
    public func signUp(email: String, consentVersion: Int, source: String, ip: String, userAgent: String, language: Language,
                       now: Date) async throws {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard EmailAddress.isValid(email) else { throw NewsletterProblem.invalidEmail }
        let settings = mail
        let links = self.links
        try await database.transaction { sql in
            let subscribers = SubscriberRepository(sql)
            let statement = try await subscribers.currentStatement(initial: .first(validFrom: now))
            guard consentVersion == statement.version else { throw NewsletterProblem.staleConsent(current: statement.version) }
            if let existing = try await subscribers.find(email: email), !existing.proof.status.mayResubscribe { return }
            let id = try await subscribers.find(email: email)?.id ?? UUID()
            let key = try await secrets.key("newsletter", in: sql)
            let token = Self.confirmToken(id: id, expires: now.addingTimeInterval(Self.confirmationLifetime), key: key)
            let outgoing = NewsletterMails.confirmation(to: email, link: links.confirm(token, language), language: language,
                                                        settings: settings, now: now)
            let proof = ConsentProof(email: email, status: .pending, language: language, consentVersion: statement.version,
                                     consentText: statement.text(language), signupAt: now, signupIP: ip,
                                     signupUserAgent: String(userAgent.prefix(500)), signupSource: String(source.prefix(500)),
                                     confirmationMail: outgoing.text, confirmedAt: nil, confirmIP: nil, unsubscribedAt: nil, events: [])
            try await subscribers.upsertPending(id: id, proof: proof, now: now)
            try await subscribers.addEvent(subscriberID: id, at: now, kind: "signup",
                                           detail: "consent version \(statement.version) from \(ip) on \(proof.signupSource)")
            try await MailOutboxRepository(sql, dialect: database.dialect).enqueue(outgoing.mail, now: now)
        }
    }

    /// Whether a confirmation link is genuine and unexpired, without acting on it (the page that asks).
    public func checkConfirmation(token: String, now: Date) async throws {
        let key = try await secrets.key("newsletter")
        guard let id = Self.verifyConfirmToken(token, key: key, now: now),
              try await database.read({ sql in try await SubscriberRepository(sql).find(id: id) }) != nil else {
            throw NewsletterProblem.invalidLink
        }
    }

    /// Confirms the address behind a confirmation link and sends the welcome mail; confirming twice is fine.
    @discardableResult
    public func confirm(token: String, ip: String, now: Date) async throws -> ConsentProof {
        let settings = mail
        let links = self.links
        return try await database.transaction { sql in
            let key = try await secrets.key("newsletter", in: sql)
            guard let id = Self.verifyConfirmToken(token, key: key, now: now) else { throw NewsletterProblem.invalidLink }
            let subscribers = SubscriberRepository(sql)
            guard let subscriber = try await subscribers.find(id: id) else { throw NewsletterProblem.invalidLink }
            if try await subscribers.confirm(id: id, ip: ip, now: now) {
                try await subscribers.addEvent(subscriberID: id, at: now, kind: "confirm", detail: "from \(ip)")
                let unsubscribe = links.unsubscribe(Self.unsubscribeToken(id: id, key: key), subscriber.proof.language)
                try await MailOutboxRepository(sql, dialect: database.dialect).enqueue(
                    NewsletterMails.welcome(to: subscriber.proof.email, unsubscribe: unsubscribe, listID: links.listID,
                                            language: subscriber.proof.language, settings: settings, now: now), now: now)
            } else if subscriber.proof.status != .confirmed {
                throw NewsletterProblem.invalidLink  // withdrawn since: a new sign-up is needed
            }
            return try await subscribers.find(id: id)?.proof ?? subscriber.proof
        }
    }

    /// Withdraws consent at once (link or RFC 8058 one-click); the withdrawal is recorded, nothing deleted.
    /// Returns the address; a repeated withdrawal changes nothing.
    @discardableResult
    public func unsubscribe(token: String, how: String, now: Date) async throws -> String {
        try await database.transaction { sql in
            let key = try await secrets.key("newsletter", in: sql)
            guard let id = Self.verifyUnsubscribeToken(token, key: key) else { throw NewsletterProblem.invalidLink }
            let subscribers = SubscriberRepository(sql)
            guard let subscriber = try await subscribers.find(id: id) else { throw NewsletterProblem.invalidLink }
            if try await subscribers.unsubscribe(id: id, now: now) {
                try await subscribers.addEvent(subscriberID: id, at: now, kind: "unsubscribe", detail: how)
            }
            return subscriber.proof.email
        }
    }

    /// Erases an address on request (GDPR Art. 17): see `SubscriberRepository.erase`. What stays is keyed by
    /// an HMAC of the address, so the dates of consent can still be shown when someone complains that they
    /// never consented, but the address cannot be read back. False when the address is unknown.
    /// Done by an active staff member on the subscriber's request, and recorded with their name.
    public func erase(email: String, by actor: Actor, now: Date) async throws -> Bool {
        let address = email.trimmingCharacters(in: .whitespaces).lowercased()
        return try await database.transaction { sql in
            guard actor.staffMember != nil, let recorded = try await StaffDirectory.authorize(actor, .newsletter, in: sql) else {
                throw NewsletterProblem.notStaff(actor.recorded)
            }
            let subscribers = SubscriberRepository(sql)
            guard let subscriber = try await subscribers.find(email: address) else { return false }
            let key = try await secrets.key("newsletter", in: sql)
            let marker = Self.erasedMarker(address, key: key) + subscriber.id.uuidString.lowercased()
            try await subscribers.erase(id: subscriber.id, marker: marker, now: now)
            try await subscribers.addEvent(subscriberID: subscriber.id, at: now, kind: "erase", detail: "on request, by \(recorded)")
            // The trail names the subscriber record, never the erased address.
            try await StaffDirectory.audit(actor, "subscriber.erase", subscriber.id.uuidString.lowercased(), now: now, in: sql)
            return true
        }
    }

    /// What was kept of an erased address, found by the address itself.
    public func erasedRecords(email: String) async throws -> [ConsentProof] {
        let key = try await secrets.key("newsletter")
        let prefix = Self.erasedMarker(email.trimmingCharacters(in: .whitespaces).lowercased(), key: key)
        return try await database.read { sql in try await SubscriberRepository(sql).erased(markerPrefix: prefix).map(\.proof) }
    }

    static func erasedMarker(_ email: String, key: [UInt8]) -> String { "erased:" + mac("erased|" + email, key: key) + ":" }

    public func proof(email: String) async throws -> ConsentProof? {
        try await database.read { sql in try await SubscriberRepository(sql).find(email: email.lowercased())?.proof }
    }

    /// The proof for a staff member who looks it up (the back office): personal data, so each reading is on the
    /// audit trail.
    public func proof(email: String, by actor: Actor, now: Date) async throws -> ConsentProof? {
        try await database.transaction { sql in
            guard actor.staffMember != nil, try await StaffDirectory.authorize(actor, .newsletter, in: sql) != nil else {
                throw NewsletterProblem.notStaff(actor.recorded)
            }
            guard let subscriber = try await SubscriberRepository(sql).find(email: email.lowercased()) else { return nil }
            try await StaffDirectory.audit(actor, "subscriber.proof-read", subscriber.id.uuidString.lowercased(), now: now, in: sql)
            return subscriber.proof
        }
    }

    /// The unsubscribe token of an address, for the links of every newsletter.
    public func unsubscribeToken(email: String) async throws -> String? {
        try await database.transaction { sql in
            guard let id = try await SubscriberRepository(sql).find(email: email.lowercased())?.id else { return nil }
            return Self.unsubscribeToken(id: id, key: try await secrets.key("newsletter", in: sql))
        }
    }

    // MARK: tokens: the subscriber's id, for confirmation an expiry, and an HMAC over both.

    static func mac(_ text: String, key: [UInt8]) -> String {
        // A campaign computes one per recipient.
        Hex.encode(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: key)))
    }

    static func confirmToken(id: UUID, expires: Date, key: [UInt8]) -> String {
        let expiry = String(Int(expires.timeIntervalSince1970))
        return "\(id.uuidString.lowercased()).\(expiry).\(mac("confirm|\(id.uuidString.lowercased())|\(expiry)", key: key))"
    }

    static func verifyConfirmToken(_ token: String, key: [UInt8], now: Date) -> UUID? {
        let parts = token.split(separator: ".").map(String.init)
        guard parts.count == 3, let id = UUID(uuidString: parts[0]), let expiry = Int(parts[1]),
              constantTimeEqual(parts[2], mac("confirm|\(parts[0])|\(parts[1])", key: key)),
              now.timeIntervalSince1970 <= TimeInterval(expiry) else { return nil }
        return id
    }

    static func unsubscribeToken(id: UUID, key: [UInt8]) -> String {
        "\(id.uuidString.lowercased()).\(mac("unsubscribe|\(id.uuidString.lowercased())", key: key))"
    }

    static func verifyUnsubscribeToken(_ token: String, key: [UInt8]) -> UUID? {
        let parts = token.split(separator: ".").map(String.init)
        guard parts.count == 2, let id = UUID(uuidString: parts[0]),
              constantTimeEqual(parts[1], mac("unsubscribe|\(parts[0])", key: key)) else { return nil }
        return id
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

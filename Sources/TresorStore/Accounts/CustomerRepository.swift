import Foundation
import SQLKit
import TresorCore

/// Customer accounts with their bcrypt password hashes, and the single-use password-reset tokens.
public struct CustomerRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// A new account; `verified` when its address is known to be the customer's (made by staff or a test), else it
    /// waits for the confirmation link.
    public func insert(_ customer: Customer, passwordHash: String, verified: Bool = true, now: Date) async throws {
        let d = customer.details
        try await sql.execute("""
            INSERT INTO customers (id, email, password_hash, name, street, postal_code, city, country, language, created_at, updated_at,
                verified_at)
            VALUES (\(bind: customer.id), \(bind: d.email), \(bind: passwordHash), \(bind: d.name), \(bind: d.street),
                \(bind: d.postalCode), \(bind: d.city), \(bind: d.country), \(bind: customer.language.rawValue), \(bind: now), \(bind: now),
                \(bind: verified ? now : nil))
            """)
    }

    /// The customer with this (lower-case) e-mail, their password hash, and whether their address is confirmed.
    public func find(email: String) async throws -> (customer: Customer, passwordHash: String, verified: Bool)? {
        guard let row = try await sql.rows("SELECT * FROM customers WHERE email = \(bind: email)").first else { return nil }
        return (try Self.customer(row), try row.string("password_hash"), try row.optionalDate("verified_at") != nil)
    }

    /// Marks the customer's address as confirmed.
    public func markVerified(id: UUID, now: Date) async throws {
        try await sql.execute("UPDATE customers SET verified_at = \(bind: now) WHERE id = \(bind: id) AND verified_at IS NULL")
    }

    public func addVerification(tokenHash: String, customerID: UUID, expiresAt: Date) async throws {
        try await sql.execute("""
            INSERT INTO email_verifications (token_hash, customer_id, expires_at)
            VALUES (\(bind: tokenHash), \(bind: customerID), \(bind: expiresAt))
            """)
    }

    /// The customer an unused, unexpired confirmation token was issued for, without using it.
    public func verification(tokenHash: String, now: Date) async throws -> UUID? {
        try await sql.rows("""
            SELECT customer_id FROM email_verifications WHERE token_hash = \(bind: tokenHash) AND used_at IS NULL AND expires_at > \(bind: now)
            """).first.map { try $0.uuid("customer_id") }
    }

    /// Uses a confirmation token once.
    public func consumeVerification(tokenHash: String, now: Date) async throws -> UUID? {
        try await sql.rows("""
            UPDATE email_verifications SET used_at = \(bind: now)
            WHERE token_hash = \(bind: tokenHash) AND used_at IS NULL AND expires_at > \(bind: now) RETURNING customer_id
            """).first.map { try $0.uuid("customer_id") }
    }

    /// The customer an unused, unexpired reset token was issued for, without using it.
    public func reset(tokenHash: String, now: Date) async throws -> UUID? {
        try await sql.rows("""
            SELECT customer_id FROM password_resets WHERE token_hash = \(bind: tokenHash) AND used_at IS NULL AND expires_at > \(bind: now)
            """).first.map { try $0.uuid("customer_id") }
    }

    public func find(id: UUID) async throws -> Customer? {
        try await sql.rows("SELECT * FROM customers WHERE id = \(bind: id)").first.map(Self.customer)
    }

    public func passwordHash(id: UUID) async throws -> String? {
        try await sql.rows("SELECT password_hash FROM customers WHERE id = \(bind: id)").first.map { try $0.string("password_hash") }
    }

    public func update(_ customer: Customer, now: Date) async throws {
        let d = customer.details
        try await sql.execute("""
            UPDATE customers SET email = \(bind: d.email), name = \(bind: d.name), street = \(bind: d.street),
                postal_code = \(bind: d.postalCode), city = \(bind: d.city), country = \(bind: d.country),
                language = \(bind: customer.language.rawValue), updated_at = \(bind: now)
            WHERE id = \(bind: customer.id)
            """)
    }

    public func setPassword(id: UUID, hash: String, now: Date) async throws {
        try await sql.execute("UPDATE customers SET password_hash = \(bind: hash), updated_at = \(bind: now) WHERE id = \(bind: id)")
    }

    public func addReset(tokenHash: String, customerID: UUID, expiresAt: Date) async throws {
        try await sql.execute("""
            INSERT INTO password_resets (token_hash, customer_id, expires_at) VALUES (\(bind: tokenHash), \(bind: customerID),
                \(bind: expiresAt))
            """)
    }

    /// Uses a reset token once: the customer it was issued for, or nil when unknown, used or expired.
    public func consumeReset(tokenHash: String, now: Date) async throws -> UUID? {
        try await sql.rows("""
            UPDATE password_resets SET used_at = \(bind: now) WHERE token_hash = \(bind: tokenHash) AND used_at IS NULL
                AND expires_at > \(bind: now) RETURNING customer_id
            """).first.map { try $0.uuid("customer_id") }
    }

    /// Accounts whose name or e-mail contains `text` (all when empty), newest first.
    public func search(_ text: String, limit: Int, offset: Int) async throws -> [(customer: Customer, createdAt: Date, disabledAt: Date?)] {
        let pattern = "%" + likeLiteral(text.lowercased()) + "%"
        let filter: SQLQueryString = text.isEmpty ? "1 = 1"
            : "(LOWER(email) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(name) LIKE \(bind: pattern) ESCAPE '\\')"
        return try await sql.rows("""
            SELECT * FROM customers WHERE \(filter) ORDER BY created_at DESC, email LIMIT \(bind: limit) OFFSET \(bind: offset)
            """).map { row in (try Self.customer(row), try row.date("created_at"), try row.optionalDate("disabled_at")) }
    }

    /// When and by whom the account was closed; nil while it is open (or does not exist).
    /// Every open account's name, for screening against the sanctions list.
    public func screeningNames() async throws -> [(id: UUID, name: String)] {
        try await sql.rows("SELECT id, name FROM customers WHERE disabled_at IS NULL ORDER BY created_at").map {
            (try $0.uuid("id"), try $0.string("name"))
        }
    }

    public func disabled(id: UUID) async throws -> (at: Date, by: String)? {
        guard let row = try await sql.rows("SELECT disabled_at, disabled_by FROM customers WHERE id = \(bind: id)").first,
              let at = try row.optionalDate("disabled_at") else { return nil }
        return (at, try row.decode(column: "disabled_by", as: String?.self) ?? "")
    }

    /// Closes an open account; false when it is closed already or does not exist.
    public func disable(id: UUID, by actor: String, now: Date) async throws -> Bool {
        !(try await sql.rows("""
            UPDATE customers SET disabled_at = \(bind: now), disabled_by = \(bind: actor), updated_at = \(bind: now)
            WHERE id = \(bind: id) AND disabled_at IS NULL RETURNING id
            """)).isEmpty
    }

    /// A new password ends every other way in: open reset links and sessions.
    public func revokeAccess(customerID: UUID, now: Date) async throws {
        try await sql.execute("""
            UPDATE password_resets SET used_at = \(bind: now) WHERE customer_id = \(bind: customerID) AND used_at IS NULL
            """)
        try await sql.execute("DELETE FROM sessions WHERE customer_id = \(bind: customerID)")
    }

    /// Expired confirmation and reset links open nothing any more; their rows go. Returns how many went.
    @discardableResult
    public func deleteExpiredLinks(now: Date) async throws -> Int {
        let verifications = try await sql.rows("DELETE FROM email_verifications WHERE expires_at <= \(bind: now) RETURNING token_hash")
        let resets = try await sql.rows("DELETE FROM password_resets WHERE expires_at <= \(bind: now) RETURNING token_hash")
        return verifications.count + resets.count
    }

    static func customer(_ row: any SQLRow) throws -> Customer {
        Customer(id: try row.uuid("id"),
                 details: CustomerDetails(email: try row.string("email"), name: try row.string("name"), street: try row.string("street"),
                                          postalCode: try row.string("postal_code"), city: try row.string("city"),
                                          country: try row.string("country")),
                 language: Language(rawValue: try row.string("language")) ?? .de)
    }
}

import Foundation
import SQLKit
import TresorCore

/// Customer accounts with their bcrypt password hashes, and the single-use password-reset tokens.
public struct CustomerRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    public func insert(_ customer: Customer, passwordHash: String, now: Date) async throws {
        let d = customer.details
        try await sql.execute("""
            INSERT INTO customers (id, email, password_hash, name, street, postal_code, city, country, language, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [customer.id, d.email, passwordHash, d.name, d.street, d.postalCode, d.city, d.country,
                  customer.language.rawValue, now, now])
    }

    /// The customer with this (lower-case) e-mail and their password hash.
    public func find(email: String) async throws -> (customer: Customer, passwordHash: String)? {
        guard let row = try await sql.rows("SELECT * FROM customers WHERE email = ?", [email]).first else { return nil }
        return (try Self.customer(row), try row.string("password_hash"))
    }

    public func find(id: UUID) async throws -> Customer? {
        try await sql.rows("SELECT * FROM customers WHERE id = ?", [id]).first.map(Self.customer)
    }

    public func passwordHash(id: UUID) async throws -> String? {
        try await sql.rows("SELECT password_hash FROM customers WHERE id = ?", [id]).first.map { try $0.string("password_hash") }
    }

    public func update(_ customer: Customer, now: Date) async throws {
        let d = customer.details
        try await sql.execute("""
            UPDATE customers SET email = ?, name = ?, street = ?, postal_code = ?, city = ?, country = ?, language = ?, updated_at = ?
            WHERE id = ?
            """, [d.email, d.name, d.street, d.postalCode, d.city, d.country, customer.language.rawValue, now, customer.id])
    }

    public func setPassword(id: UUID, hash: String, now: Date) async throws {
        try await sql.execute("UPDATE customers SET password_hash = ?, updated_at = ? WHERE id = ?", [hash, now, id])
    }

    public func addReset(tokenHash: String, customerID: UUID, expiresAt: Date) async throws {
        try await sql.execute("INSERT INTO password_resets (token_hash, customer_id, expires_at) VALUES (?, ?, ?)",
                              [tokenHash, customerID, expiresAt])
    }

    /// Uses a reset token once: the customer it was issued for, or nil when unknown, used or expired.
    public func consumeReset(tokenHash: String, now: Date) async throws -> UUID? {
        try await sql.rows("""
            UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING customer_id
            """, [now, tokenHash, now]).first.map { try $0.uuid("customer_id") }
    }

    /// A new password ends every other way in: open reset links and sessions.
    public func revokeAccess(customerID: UUID, now: Date) async throws {
        try await sql.execute("UPDATE password_resets SET used_at = ? WHERE customer_id = ? AND used_at IS NULL", [now, customerID])
        try await sql.execute("DELETE FROM sessions WHERE customer_id = ?", [customerID])
    }

    static func customer(_ row: any SQLRow) throws -> Customer {
        Customer(id: try row.uuid("id"),
                 details: CustomerDetails(email: try row.string("email"), name: try row.string("name"), street: try row.string("street"),
                                          postalCode: try row.string("postal_code"), city: try row.string("city"),
                                          country: try row.string("country")),
                 language: Language(rawValue: try row.string("language")) ?? .de)
    }
}

import Foundation
import SQLKit
import TresorCore

public struct SessionRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    public func insert(idHash: String, customerID: UUID?, checkout: String = "{}", now: Date, expiresAt: Date) async throws {
        try await sql.execute("""
            INSERT INTO sessions (id_hash, customer_id, checkout, created_at, expires_at) VALUES (\(bind: idHash), \(bind: customerID),
                \(bind: checkout), \(bind: now), \(bind: expiresAt))
            """)
    }

    public func find(idHash: String, now: Date) async throws -> StoredSession? {
        try await sql.rows("SELECT * FROM sessions WHERE id_hash = \(bind: idHash) AND expires_at > \(bind: now)").first.map { row in
            StoredSession(idHash: try row.string("id_hash"), customerID: try row.decode(column: "customer_id", as: UUID?.self),
                          checkout: try row.string("checkout"), expiresAt: try row.date("expires_at"))
        }
    }

    public func setCheckout(idHash: String, _ checkout: String) async throws {
        try await sql.execute("UPDATE sessions SET checkout = \(bind: checkout) WHERE id_hash = \(bind: idHash)")
    }

    public func extend(idHash: String, until expiresAt: Date) async throws {
        try await sql.execute("UPDATE sessions SET expires_at = \(bind: expiresAt) WHERE id_hash = \(bind: idHash)")
    }

    public func delete(idHash: String) async throws {
        try await sql.execute("DELETE FROM sessions WHERE id_hash = \(bind: idHash)")
    }

    /// Removes expired sessions and the carts of guests whose session is gone.
    public func deleteExpired(now: Date) async throws {
        try await sql.execute("DELETE FROM sessions WHERE expires_at <= \(bind: now)")
        try await sql.execute("""
            DELETE FROM cart_lines WHERE owner LIKE 's:%' AND substr(owner, 3) NOT IN (SELECT id_hash FROM sessions)
            """)
    }
}

/// Cart lines of a guest session (`s:<session hash>`) or of a customer (`c:<uuid>`).
public struct CartRepository: Sendable {
    let sql: any SQLDatabase
    let dialect: Dialect

    public init(_ sql: any SQLDatabase, dialect: Dialect) {
        self.sql = sql
        self.dialect = dialect
    }

    public static func owner(sessionHash: String) -> String { "s:" + sessionHash }
    public static func owner(customerID: UUID) -> String { "c:" + customerID.uuidString }

    /// SKU and quantity, in the order they were added.
    public func lines(_ owner: String) async throws -> [(sku: String, quantity: Int)] {
        try await sql.rows("SELECT sku, quantity FROM cart_lines WHERE owner = \(bind: owner) ORDER BY added_at, sku").map {
            (try $0.string("sku"), try $0.int("quantity"))
        }
    }

    /// Sets a line's quantity; 0 removes it.
    public func set(_ owner: String, sku: String, quantity: Int, now: Date) async throws {
        guard quantity > 0 else {
            try await sql.execute("DELETE FROM cart_lines WHERE owner = \(bind: owner) AND sku = \(bind: sku)")
            return
        }
        try await sql.execute("""
            INSERT INTO cart_lines (owner, sku, quantity, added_at) VALUES (\(bind: owner), \(bind: sku), \(bind: quantity), \(bind: now))
            ON CONFLICT (owner, sku) DO UPDATE SET quantity = excluded.quantity
            """)
    }

    /// Adds to a line, keeping it at most `limit`.
    public func add(_ owner: String, sku: String, quantity: Int, limit: Int, now: Date) async throws {
        try await sql.execute("""
            INSERT INTO cart_lines (owner, sku, quantity, added_at) VALUES (\(bind: owner), \(bind: sku), \(bind: min(quantity, limit)),
                \(bind: now))
            ON CONFLICT (owner, sku) DO UPDATE SET quantity = \(unsafeRaw: dialect.least)(cart_lines.quantity + excluded.quantity,
                \(bind: limit))
            """)
    }

    public func clear(_ owner: String) async throws {
        try await sql.execute("DELETE FROM cart_lines WHERE owner = \(bind: owner)")
    }

    /// Moves a guest cart into the customer's on login: quantities of the same product add up.
    public func merge(from guest: String, into customer: String, limit: Int, now: Date) async throws {
        for line in try await lines(guest) {
            try await add(customer, sku: line.sku, quantity: line.quantity, limit: limit, now: now)
        }
        try await clear(guest)
    }
}

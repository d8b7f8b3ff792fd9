import Foundation
import SQLKit

/// Stock changes: the guarded decrement that can never take stock below zero, and its reversal.
public struct StockRepository: Sendable {
    let sql: any SQLDatabase
    let dialect: Dialect

    public init(_ sql: any SQLDatabase, dialect: Dialect) {
        self.sql = sql
        self.dialect = dialect
    }

    /// Takes `quantity` off the product's stock if that much is there; returns false (and changes nothing)
    /// otherwise. Two buyers of the last coin both run this; the database lets exactly one succeed.
    public func take(_ quantity: Int, of productID: UUID, now: Date) async throws -> Bool {
        let rows = try await sql.rows("""
            UPDATE products SET stock = stock - \(bind: quantity),
                updated_at = \(bind: now) WHERE id = \(bind: productID) AND stock >= \(bind: quantity) RETURNING stock
            """)
        return !rows.isEmpty
    }

    /// Puts stock back (a cancelled order).
    public func giveBack(_ quantity: Int, of productID: UUID, now: Date) async throws {
        try await sql.execute("""
            UPDATE products SET stock = stock + \(bind: quantity), updated_at = \(bind: now) WHERE id = \(bind: productID)
            """)
    }

    /// Sets the stock to a counted quantity and records who did it and the change; returns the change,
    /// or nil when there is no such product.
    public func set(sku: String, to quantity: Int, by actor: String, reason: String, now: Date) async throws -> Int? {
        guard let row = try await sql.rows("""
            SELECT id, stock FROM products WHERE sku = \(bind: sku)\(unsafeRaw: dialect.forUpdate)
            """).first else {
            return nil
        }
        let id = try row.uuid("id")
        let change = quantity - (try row.int("stock"))
        try await sql.execute("UPDATE products SET stock = \(bind: quantity), updated_at = \(bind: now) WHERE id = \(bind: id)")
        try await sql.execute("""
            INSERT INTO stock_events (product_id, at, actor, change, stock_after, reason) VALUES (\(bind: id), \(bind: now),
                \(bind: actor), \(bind: change), \(bind: quantity), \(bind: reason))
            """)
        return change
    }
}

import Foundation
import SQLKit

/// Stock changes: the guarded decrement that can never take stock below zero, and its reversal.
public struct StockRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// Takes `quantity` off the product's stock if that much is there; returns false (and changes nothing)
    /// otherwise. Two buyers of the last coin both run this; the database lets exactly one succeed.
    public func take(_ quantity: Int, of productID: UUID, now: Date) async throws -> Bool {
        let rows = try await sql.rows("""
            UPDATE products SET stock = stock - ?, updated_at = ? WHERE id = ? AND stock >= ? RETURNING stock
            """, [quantity, now, productID, quantity])
        return !rows.isEmpty
    }

    /// Puts stock back (a cancelled order).
    public func giveBack(_ quantity: Int, of productID: UUID, now: Date) async throws {
        try await sql.execute("UPDATE products SET stock = stock + ?, updated_at = ? WHERE id = ?", [quantity, now, productID])
    }
}

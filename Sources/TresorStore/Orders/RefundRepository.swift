import Foundation
import SQLKit
import TresorCore

/// Money the dealer owes a customer back: one row per order, recorded when a paid order is cancelled before its
/// goods left or a parcel comes back, and marked paid out when staff have transferred it.
public struct RefundRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// Records what is owed for an order, once.
    public func record(orderID: UUID, amount: Money, reason: String, by actor: String, now: Date) async throws {
        try await sql.execute("""
            INSERT INTO refunds (order_id, amount_cents, reason, recorded_at, recorded_by) VALUES (\(bind: orderID), \(bind: amount.cents),
                \(bind: reason), \(bind: now), \(bind: actor))
            ON CONFLICT (order_id) DO NOTHING
            """)
    }

    /// Marks an order's refund paid out; false when it has none open.
    public func markPaid(orderID: UUID, by actor: String, note: String, now: Date) async throws -> Bool {
        !(try await sql.rows("""
            UPDATE refunds SET paid_at = \(bind: now), paid_by = \(bind: actor), paid_note = \(bind: note)
            WHERE order_id = \(bind: orderID) AND paid_at IS NULL RETURNING order_id
            """).isEmpty)
    }

    public func find(orderID: UUID) async throws -> Refund? {
        try await refunds(where: "r.order_id = \(bind: orderID)", limit: 1).first
    }

    /// Refunds not yet paid out, oldest first.
    public func open(limit: Int) async throws -> [Refund] {
        try await refunds(where: "r.paid_at IS NULL", limit: limit)
    }

    func refunds(where condition: SQLQueryString, limit: Int) async throws -> [Refund] {
        try await sql.rows("""
            SELECT r.*, o.number FROM refunds r JOIN orders o ON o.id = r.order_id WHERE \(condition)
            ORDER BY r.recorded_at, o.number LIMIT \(bind: limit)
            """).map { row in
            Refund(orderNumber: try row.string("number"), amount: try row.money("amount_cents"), reason: try row.string("reason"),
                   recordedAt: try row.date("recorded_at"), recordedBy: try row.string("recorded_by"), paidAt: try row.optionalDate("paid_at"),
                   paidBy: try row.decode(column: "paid_by", as: String?.self), paidNote: try row.decode(column: "paid_note", as: String?.self))
        }
    }
}

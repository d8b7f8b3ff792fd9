import Foundation
import SQLKit
import TresorCore

/// Price alerts, on the session it is given.
public struct PriceAlertRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    public func insert(_ alert: PriceAlert) async throws {
        try await sql.execute("""
            INSERT INTO price_alerts (id, customer_id, metal, direction, price_cents, created_at)
            VALUES (\(bind: alert.id), \(bind: alert.customerID), \(bind: alert.metal.code), \(bind: alert.direction.rawValue),
                \(bind: alert.price.cents), \(bind: alert.createdAt))
            """)
    }

    public func list(customerID: UUID) async throws -> [PriceAlert] {
        try await sql.rows("SELECT * FROM price_alerts WHERE customer_id = \(bind: customerID) ORDER BY created_at DESC LIMIT 50").map(Self.alert)
    }

    public func waitingCount(customerID: UUID) async throws -> Int {
        try await sql.rows("SELECT COUNT(*) AS n FROM price_alerts WHERE customer_id = \(bind: customerID) AND triggered_at IS NULL")
            .first?.int("n") ?? 0
    }

    /// Deletes one of the customer's alerts; false when it is not theirs.
    public func delete(id: UUID, customerID: UUID) async throws -> Bool {
        !(try await sql.rows("DELETE FROM price_alerts WHERE id = \(bind: id) AND customer_id = \(bind: customerID) RETURNING id").isEmpty)
    }

    public func waiting(metal: Metal, limit: Int) async throws -> [PriceAlert] {
        try await sql.rows("""
            SELECT * FROM price_alerts WHERE triggered_at IS NULL AND metal = \(bind: metal.code) ORDER BY created_at LIMIT \(bind: limit)
            """).map(Self.alert)
    }

    /// Marks the alert as gone off; true for the one caller that did it (on several instances only one sends the mail).
    public func trigger(id: UUID, now: Date) async throws -> Bool {
        !(try await sql.rows("""
            UPDATE price_alerts SET triggered_at = \(bind: now) WHERE id = \(bind: id) AND triggered_at IS NULL RETURNING id
            """).isEmpty)
    }

    static func alert(_ row: any SQLRow) throws -> PriceAlert {
        guard let metal = Metal(rawValue: try row.string("metal")) else { throw CorruptRow(description: "price alert with an unknown metal") }
        return PriceAlert(id: try row.uuid("id"), customerID: try row.uuid("customer_id"), metal: metal,
                          direction: try row.enumValue("direction", as: PriceAlert.Direction.self), price: try row.money("price_cents"),
                          createdAt: try row.date("created_at"), triggeredAt: try row.optionalDate("triggered_at"))
    }
}

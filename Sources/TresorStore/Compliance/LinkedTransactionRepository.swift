import Foundation
import SQLKit
import TresorCore

/// A customer's transactions found together (`LinkKeys`), on the session it is given.
public struct LinkedTransactionRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// PostgreSQL: two orders of one person placed at the same moment on two instances would each miss the other
    /// (READ COMMITTED); a transaction-scoped advisory lock per key makes the second wait for the first. SQLite's
    /// single writer already serialises.
    public func lock(_ keys: LinkKeys) async throws {
        guard sql.tresorDialect == .postgres else { return }
        let names = ["email:" + keys.email, "person:" + keys.person] + (keys.customerID.map { ["account:" + $0.uuidString] } ?? [])
            + (keys.iban.map { ["iban:" + $0] } ?? [])
        for name in names.sorted() {
            _ = try await sql.rows("SELECT pg_advisory_xact_lock(hashtext(\(bind: name))) AS locked")
        }
    }

    /// The orders since `since` that share the account, the e-mail address or the person, not cancelled.
    public func linked(_ keys: LinkKeys, since: Date) async throws -> LinkedTotals {
        var match: SQLQueryString = "email_key = \(bind: keys.email) OR person_key = \(bind: keys.person)"
        if let customerID = keys.customerID { match += " OR customer_id = \(bind: customerID)" }
        let rows = try await sql.rows("""
            SELECT number, total_cents, payment_method FROM orders
            WHERE created_at >= \(bind: since) AND status <> 'cancelled' AND (\(match))
            ORDER BY created_at, number
            """)
        var totals = LinkedTotals.none
        for row in rows {
            let amount = try row.money("total_cents")
            totals.total = totals.total + amount
            if try row.string("payment_method") == PaymentMethod.cash.rawValue { totals.cash = totals.cash + amount }
            totals.numbers.append(try row.string("number"))
        }
        // Buy-backs count too (§10 Abs. 6a GwG: paid out is as relevant as paid in), by the same keys or the IBAN paid to;
        // what was quoted, less what staff rejected.
        var sold: SQLQueryString = "email_key = \(bind: keys.email) OR person_key = \(bind: keys.person)"
        if let customerID = keys.customerID { sold += " OR customer_id = \(bind: customerID)" }
        if let iban = keys.iban { sold += " OR iban = \(bind: iban)" }
        for row in try await sql.rows("""
            SELECT b.number, b.payout_method, (SELECT CAST(COALESCE(SUM(i.unit_price_cents), 0) AS BIGINT) FROM buyback_items i
                WHERE i.buyback_id = b.id AND i.decision <> 'rejected') AS total_cents
            FROM buybacks b WHERE b.created_at >= \(bind: since) AND b.status NOT IN ('cancelled', 'returned') AND (\(sold))
            ORDER BY b.created_at, b.number
            """) {
            let amount = Money(cents: try row.decode(column: "total_cents", as: Int64.self))
            totals.total = totals.total + amount
            if try row.string("payout_method") == PayoutMethod.cash.rawValue { totals.cash = totals.cash + amount }
            totals.numbers.append(try row.string("number"))
        }
        return totals
    }

    /// Every order that shares the account, the e-mail address or the person, newest first (for a case's dossier).
    public func orders(_ keys: LinkKeys, limit: Int) async throws -> [Order] {
        var match: SQLQueryString = "email_key = \(bind: keys.email) OR person_key = \(bind: keys.person)"
        if let customerID = keys.customerID { match += " OR customer_id = \(bind: customerID)" }
        return try await OrderRepository(sql).orders(where: "(\(match))", limit: limit).map(\.order)
    }

    /// Fills the keys of up to `limit` orders placed before they existed; returns how many.
    public func backfill(limit: Int) async throws -> Int {
        let rows = try await sql.rows("""
            SELECT id, email, name, street, postal_code, customer_id FROM orders WHERE person_key IS NULL LIMIT \(bind: limit)
            """)
        for row in rows {
            let details = CustomerDetails(email: try row.string("email"), name: try row.string("name"), street: try row.string("street"),
                                          postalCode: try row.string("postal_code"), city: "", country: "")
            let keys = LinkKeys(customer: details, customerID: nil)
            try await sql.execute("""
                UPDATE orders SET email_key = \(bind: keys.email), person_key = \(bind: keys.person) WHERE id = \(bind: try row.uuid("id"))
                """)
        }
        return rows.count
    }
}

/// Every compliance rule's result for an order, in the order they were decided.
public struct ComplianceResultRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    public func insert(_ results: [ComplianceRuleResult], orderID: UUID, at: Date) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for result in results {
            let inputs = String(decoding: try encoder.encode(result.inputs), as: UTF8.self)
            try await sql.execute("""
                INSERT INTO compliance_results (order_id, rule, outcome, inputs, explanation, decided_at)
                VALUES (\(bind: orderID), \(bind: result.rule), \(bind: result.outcome.rawValue), \(bind: inputs),
                    \(bind: result.explanation), \(bind: at))
                """)
        }
    }

    public func list(orderID: UUID) async throws -> [(result: ComplianceRuleResult, at: Date)] {
        try await sql.rows("SELECT * FROM compliance_results WHERE order_id = \(bind: orderID) ORDER BY id").map { row in
            let inputs = try JSONDecoder().decode([String: String].self, from: Data(try row.string("inputs").utf8))
            return (ComplianceRuleResult(rule: try row.string("rule"), outcome: try row.enumValue("outcome", as: ComplianceOutcome.self),
                                         inputs: inputs, explanation: try row.string("explanation")), try row.date("decided_at"))
        }
    }
}

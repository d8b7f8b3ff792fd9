import Foundation
import SQLKit
import TresorCore

/// Orders with their lines and events, on the session it is given.
public struct OrderRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    public func insert(_ order: Order, idempotencyKey: String?, requestHash: String?, now: Date) async throws {
        let c = order.customer
        try await sql.execute("""
            INSERT INTO orders (id, number, quote_id, status, shipping_method, payment_method, goods_cents, shipping_cents,
                total_cents, payment_reference, due_at, email, name, street, postal_code, city, country, idempotency_key,
                request_hash, compliance_rule, compliance_outcome, compliance_explanation, created_at, updated_at, language, customer_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [order.id, order.number, order.quoteID, order.status.rawValue, order.shipping.rawValue, order.payment.rawValue,
                  order.goodsTotal.cents, order.shippingFee.cents, order.total.cents, order.paymentReference, order.dueAt,
                  c.email, c.name, c.street, c.postalCode, c.city, c.country, idempotencyKey, requestHash,
                  order.compliance.rule, order.compliance.outcome.rawValue, order.compliance.explanation,
                  order.createdAt, now, order.language.rawValue, order.customerID])
        for (position, line) in order.lines.enumerated() {
            try await sql.execute("""
                INSERT INTO order_lines (order_id, position, product_id, sku, name, quantity, unit_price_cents, vat_regime, vat_cents)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [order.id, position, line.productID, line.sku, line.name, line.quantity, line.unitPrice.cents,
                      line.vatRegime.rawValue, line.vat.cents])
        }
    }

    /// Sets the status; the caller has checked the transition and records the event.
    public func setStatus(orderID: UUID, to status: OrderStatus, now: Date) async throws {
        try await sql.execute("UPDATE orders SET status = ?, updated_at = ? WHERE id = ?", [status.rawValue, now, orderID])
    }

    /// Takes the row lock on PostgreSQL so two staff actions on one order run one after the other.
    public func lock(number: String, dialect: Dialect) async throws {
        _ = try await sql.rows("SELECT id FROM orders WHERE number = ?" + dialect.forUpdate, [number])
    }

    /// Bank-transfer orders awaiting payment whose due date has passed, claimed for this transaction
    /// (PostgreSQL: rows another instance is handling are skipped).
    public func claimOverdue(now: Date, dialect: Dialect, limit: Int) async throws -> [String] {
        try await sql.rows("""
            SELECT number FROM orders WHERE status = 'awaiting_payment' AND due_at IS NOT NULL AND due_at < ?
            ORDER BY due_at LIMIT ?
            """ + dialect.skipLocked, [now, limit]).map { try $0.string("number") }
    }

    /// Records what a customer owes for an order cancelled unpaid.
    public func setMarketLoss(orderID: UUID, _ amount: Money, now: Date) async throws {
        try await sql.execute("UPDATE orders SET market_loss_cents = ?, updated_at = ? WHERE id = ?", [amount.cents, now, orderID])
    }

    public func marketLoss(number: String) async throws -> Money? {
        try await sql.rows("SELECT market_loss_cents FROM orders WHERE number = ?", [number]).first
            .flatMap { try $0.decode(column: "market_loss_cents", as: Int64?.self) }.map(Money.init(cents:))
    }

    /// Orders, newest first, optionally in one status.
    public func list(status: OrderStatus?, limit: Int) async throws -> [Order] {
        let numbers = if let status {
            try await sql.rows("SELECT number FROM orders WHERE status = ? ORDER BY created_at DESC, number DESC LIMIT ?",
                               [status.rawValue, limit])
        } else {
            try await sql.rows("SELECT number FROM orders ORDER BY created_at DESC, number DESC LIMIT ?", [limit])
        }
        var result: [Order] = []
        for row in numbers {
            if let order = try await find(number: try row.string("number")) { result.append(order) }
        }
        return result
    }

    /// A customer's orders, newest first.
    public func list(customerID: UUID, limit: Int) async throws -> [Order] {
        var result: [Order] = []
        for row in try await sql.rows("SELECT number FROM orders WHERE customer_id = ? ORDER BY created_at DESC, number DESC LIMIT ?",
                                      [customerID, limit]) {
            if let order = try await find(number: try row.string("number")) { result.append(order) }
        }
        return result
    }

    /// Records who moved the order from which state to which, and why.
    public func addEvent(orderID: UUID, at: Date, actor: String, action: String, from: OrderStatus?, to: OrderStatus,
                         note: String) async throws {
        try await sql.execute("""
            INSERT INTO order_events (order_id, at, actor, action, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [orderID, at, actor, action, from?.rawValue, to.rawValue, note])
    }

    public func find(number: String) async throws -> Order? {
        try await find(where: "number = ?", number).map(\.order)
    }

    /// The order placed with an idempotency key, and the hash of the request that placed it.
    public func find(idempotencyKey: String) async throws -> (order: Order, requestHash: String?)? {
        try await find(where: "idempotency_key = ?", idempotencyKey)
    }

    /// The order whose ISO 11649 payment reference this is (stored in the canonical upper-case form).
    public func find(paymentReference: String) async throws -> Order? {
        try await find(where: "payment_reference = ?", paymentReference).map(\.order)
    }

    /// Bank-transfer orders waiting for exactly this amount: a hint for staff, never a match by itself.
    public func payableNumbers(total: Money, limit: Int) async throws -> [String] {
        try await sql.rows("""
            SELECT number FROM orders WHERE total_cents = ? AND status IN ('awaiting_payment', 'overdue') ORDER BY number LIMIT ?
            """, [total.cents, limit]).map { try $0.string("number") }
    }

    public func find(quoteID: UUID) async throws -> Order? {
        try await find(where: "quote_id = ?", quoteID).map(\.order)
    }

    public func count() async throws -> Int {
        try await sql.rows("SELECT COUNT(*) AS n FROM orders").first?.int("n") ?? 0
    }

    public struct Event: Sendable, Hashable {
        public var actor: String
        public var action: String
        public var from: OrderStatus?
        public var to: OrderStatus
        public var note: String
    }

    public func events(orderID: UUID) async throws -> [Event] {
        try await sql.rows("SELECT * FROM order_events WHERE order_id = ? ORDER BY id", [orderID]).map { row in
            Event(actor: try row.string("actor"), action: try row.string("action"),
                  from: try row.decode(column: "from_status", as: String?.self).flatMap(OrderStatus.init(rawValue:)),
                  to: try row.enumValue("to_status", as: OrderStatus.self), note: try row.string("note"))
        }
    }

    func find(where condition: String, _ value: any Encodable & Sendable) async throws -> (order: Order, requestHash: String?)? {
        guard let row = try await sql.rows("SELECT * FROM orders WHERE \(condition)", [value]).first else { return nil }
        let id = try row.uuid("id")
        let lines = try await sql.rows("SELECT * FROM order_lines WHERE order_id = ? ORDER BY position", [id])
            .map(QuoteRepository.line)
        let customer = CustomerDetails(email: try row.string("email"), name: try row.string("name"),
                                       street: try row.string("street"), postalCode: try row.string("postal_code"),
                                       city: try row.string("city"), country: try row.string("country"))
        let compliance = ComplianceDecision(outcome: try row.enumValue("compliance_outcome", as: ComplianceOutcome.self),
                                            rule: try row.string("compliance_rule"),
                                            explanation: try row.string("compliance_explanation"))
        let order = Order(id: id, number: try row.string("number"), quoteID: try row.uuid("quote_id"),
                          status: try row.enumValue("status", as: OrderStatus.self),
                          shipping: try row.enumValue("shipping_method", as: ShippingMethod.self),
                          payment: try row.enumValue("payment_method", as: PaymentMethod.self), lines: lines,
                          shippingFee: try row.money("shipping_cents"), paymentReference: try row.string("payment_reference"),
                          dueAt: try row.optionalDate("due_at"), customer: customer, compliance: compliance,
                          createdAt: try row.date("created_at"),
                          language: Language(rawValue: try row.string("language")) ?? .de,
                          customerID: try row.decode(column: "customer_id", as: UUID?.self))
        guard order.total == (try row.money("total_cents")) else {
            throw CorruptRow(description: "order \(order.number): stored total differs from its lines")
        }
        return (order, try row.decode(column: "request_hash", as: String?.self))
    }
}

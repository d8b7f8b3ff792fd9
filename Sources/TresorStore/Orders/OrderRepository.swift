import Foundation
import SQLKit
import TresorCore

/// Orders with their lines and events, on the session it is given.
public struct OrderRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    public func insert(_ order: Order, idempotencyKey: String?, requestHash: String?, now: Date) async throws {
        let c = order.customer
        let keys = LinkKeys(customer: c, customerID: order.customerID)
        try await sql.execute("""
            INSERT INTO orders (id, number, quote_id, status, shipping_method, payment_method, goods_cents, shipping_cents,
                total_cents, payment_reference, due_at, email, name, street, postal_code, city, country, idempotency_key,
                request_hash, compliance_rule, compliance_outcome, compliance_explanation, created_at, updated_at, language, customer_id,
                vat_country, email_key, person_key)
            VALUES (\(bind: order.id), \(bind: order.number), \(bind: order.quoteID), \(bind: order.status.rawValue),
                \(bind: order.shipping.rawValue), \(bind: order.payment.rawValue), \(bind: order.goodsTotal.cents),
                \(bind: order.shippingFee.cents), \(bind: order.total.cents), \(bind: order.paymentReference), \(bind: order.dueAt),
                \(bind: c.email), \(bind: c.name), \(bind: c.street), \(bind: c.postalCode), \(bind: c.city), \(bind: c.country),
                \(bind: idempotencyKey), \(bind: requestHash), \(bind: order.compliance.rule), \(bind: order.compliance.outcome.rawValue),
                \(bind: order.compliance.explanation), \(bind: order.createdAt), \(bind: now), \(bind: order.language.rawValue),
                \(bind: order.customerID), \(bind: order.vatCountry), \(bind: keys.email), \(bind: keys.person))
            """)
        if sql.tresorDialect == .sqlite {
            // PostgreSQL's trigram index follows the row by itself; SQLite's lives in its own table.
            try await sql.execute("INSERT INTO order_words (rowid, words) SELECT rowid, name || ' ' || email FROM orders WHERE id = \(bind: order.id)")
        }
        for (position, line) in order.lines.enumerated() {
            try await sql.execute("""
                INSERT INTO order_lines (order_id, position, product_id, sku, name, quantity, unit_price_cents, vat_regime, vat_cents)
                VALUES (\(bind: order.id), \(bind: position), \(bind: line.productID), \(bind: line.sku), \(bind: line.name),
                    \(bind: line.quantity), \(bind: line.unitPrice.cents), \(bind: line.vatRegime.rawValue), \(bind: line.vat.cents))
                """)
        }
    }

    /// Sets the status; the caller has checked the transition and records the event.
    public func setStatus(orderID: UUID, to status: OrderStatus, now: Date) async throws {
        try await sql.execute("UPDATE orders SET status = \(bind: status.rawValue), updated_at = \(bind: now) WHERE id = \(bind: orderID)")
    }

    /// Takes the row lock on PostgreSQL so two staff actions on one order run one after the other.
    public func lock(number: String, dialect: Dialect) async throws {
        _ = try await sql.rows("SELECT id FROM orders WHERE number = \(bind: number)\(unsafeRaw: dialect.forUpdate)")
    }

    /// Bank-transfer orders awaiting payment whose due date has passed, claimed for this transaction
    /// (PostgreSQL: rows another instance is handling are skipped).
    public func claimOverdue(now: Date, dialect: Dialect, limit: Int) async throws -> [String] {
        try await sql.rows("""
            SELECT number FROM orders WHERE status = 'awaiting_payment' AND due_at IS NOT NULL AND due_at < \(bind: now)
            ORDER BY due_at LIMIT \(bind: limit)\(unsafeRaw: dialect.skipLocked)
            """).map { try $0.string("number") }
    }

    /// Bank-transfer orders still unpaid whose due date lies before `cutoff`, oldest first.
    public func unpaid(dueBefore cutoff: Date, limit: Int) async throws -> [String] {
        try await sql.rows("""
            SELECT number FROM orders WHERE status IN ('awaiting_payment', 'overdue') AND payment_method = 'bank_transfer'
                AND due_at IS NOT NULL AND due_at < \(bind: cutoff)
            ORDER BY due_at LIMIT \(bind: limit)
            """).map { try $0.string("number") }
    }

    /// Records what a customer owes for an order cancelled unpaid.
    public func setMarketLoss(orderID: UUID, _ amount: Money, now: Date) async throws {
        try await sql.execute("""
            UPDATE orders SET market_loss_cents = \(bind: amount.cents), updated_at = \(bind: now) WHERE id = \(bind: orderID)
            """)
    }

    public func marketLoss(number: String) async throws -> Money? {
        try await sql.rows("SELECT market_loss_cents FROM orders WHERE number = \(bind: number)").first
            .flatMap { try $0.decode(column: "market_loss_cents", as: Int64?.self) }.map(Money.init(cents:))
    }

    /// Orders, newest first, optionally in one status.
    public func list(status: OrderStatus?, limit: Int) async throws -> [Order] {
        let filter: SQLQueryString = status.map { "status = \(bind: $0.rawValue)" } ?? "1 = 1"
        return try await orders(where: filter, limit: limit).map(\.order)
    }

    /// Orders matching the back office's filter, newest first, `limit` of them after skipping `offset`.
    public func search(_ filter: OrderFilter, limit: Int, offset: Int) async throws -> [Order] {
        var condition: SQLQueryString = "1 = 1"
        if let status = filter.status { condition += " AND status = \(bind: status.rawValue)" }
        if let payment = filter.payment { condition += " AND payment_method = \(bind: payment.rawValue)" }
        if let shipping = filter.shipping { condition += " AND shipping_method = \(bind: shipping.rawValue)" }
        if let from = filter.from { condition += " AND created_at >= \(bind: from)" }
        if let until = filter.until { condition += " AND created_at < \(bind: until)" }
        if let after = filter.after {
            // A row comparison on the list's own order, which the (created_at, number) indexes answer by seeking.
            condition += " AND (created_at, number) < (SELECT created_at, number FROM orders WHERE number = \(bind: after))"
        }
        let text = filter.searchText
        switch OrderSearch(text) {
        case .none: break
        // Numbers and references are typed from a parcel or a statement, from their start: a range on their unique index.
        case .number(let prefix): condition += " AND number >= \(bind: prefix) AND number < \(bind: OrderSearch.after(prefix))"
        case .reference(let prefix):
            condition += " AND payment_reference >= \(bind: prefix) AND payment_reference < \(bind: OrderSearch.after(prefix))"
        // Names and addresses anywhere in them; the `%` and `_` someone types are taken literally.
        case .words(let words):
            let match = Self.words(words, dialect: sql.tresorDialect)
            if sql.tresorDialect == .postgres, offset == 0 {
                // A common name fills the page from the newest orders: look there first, in the covering time index
                // alone (`orders_recent`: 2,000 orders in under 1 ms); pg_trgm would read every match of it before
                // sorting (4,200: ~35 ms). Only the page's orders are then read whole.
                let numbers = try await sql.rows("""
                    SELECT number FROM (SELECT created_at, number, name, email FROM orders WHERE \(condition)
                        ORDER BY created_at DESC, number DESC LIMIT \(bind: Self.recentWindow)) AS recent
                    WHERE 1 = 1\(match) ORDER BY created_at DESC, number DESC LIMIT \(bind: limit)
                    """).map { try $0.string("number") }
                if numbers.count == limit { return try await orders(where: "number IN (\(binds: numbers))", limit: limit).map(\.order) }
            }
            return try await orders(where: condition + match, limit: limit, offset: offset, scanning: true).map(\.order)
        }
        return try await orders(where: condition, limit: limit, offset: offset).map(\.order)
    }

    /// The condition for orders whose name or e-mail contains `words` (lower case). Three characters or more are found
    /// through the trigram index (SQLite: a quoted FTS5 phrase, which on the trigram table means "contains", eight
    /// times faster than its `LIKE` for a common name); shorter ones by reading the table.
    static func words(_ words: String, dialect: Dialect) -> SQLQueryString {
        let pattern = "%" + likeLiteral(words) + "%"
        switch (dialect, words.count >= 3) {
        case (.sqlite, true):
            let phrase = "\"" + words.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            return " AND rowid IN (SELECT rowid FROM order_words WHERE order_words MATCH \(bind: phrase))"
        case (.postgres, _):
            // The expression of the index `orders_words`; LIKE's escape character is the backslash by default.
            return " AND LOWER(name || ' ' || email) LIKE \(bind: pattern)"
        case (.sqlite, false):
            return " AND (name LIKE \(bind: pattern) ESCAPE '\\' OR email LIKE \(bind: pattern) ESCAPE '\\')"
        }
    }

    /// How many orders are in each status.
    /// Orders whose goods have not left and that are not cancelled, newest first (screened again after a new
    /// sanctions list).
    public func open(limit: Int) async throws -> [Order] {
        try await orders(where: "status IN ('awaiting_identification', 'awaiting_payment', 'overdue', 'paid', 'packed', 'on_hold')",
                         limit: limit).map(\.order)
    }

    public func countByStatus() async throws -> [OrderStatus: Int] {
        var counts: [OrderStatus: Int] = [:]
        for row in try await sql.rows("SELECT status, COUNT(*) AS n FROM orders GROUP BY status") {
            counts[try row.enumValue("status", as: OrderStatus.self)] = try row.int("n")
        }
        return counts
    }

    /// Orders placed in `[from, until)` and not cancelled: how many, and their totals.
    public func placed(from: Date, until: Date) async throws -> (count: Int, total: Money) {
        guard let row = try await sql.rows("""
            SELECT COUNT(*) AS n, CAST(COALESCE(SUM(total_cents), 0) AS BIGINT) AS total FROM orders
            WHERE created_at >= \(bind: from) AND created_at < \(bind: until) AND status <> 'cancelled'
            """).first else { return (0, .zero) }
        return (try row.int("n"), try row.money("total"))
    }

    /// A customer's orders, newest first.
    public func list(customerID: UUID, limit: Int) async throws -> [Order] {
        try await orders(where: "customer_id = \(bind: customerID)", limit: limit).map(\.order)
    }

    /// Records who moved the order from which state to which, and why.
    public func addEvent(orderID: UUID, at: Date, actor: String, action: String, from: OrderStatus?, to: OrderStatus,
                         note: String) async throws {
        try await sql.execute("""
            INSERT INTO order_events (order_id, at, actor, action, from_status, to_status, note) VALUES (\(bind: orderID), \(bind: at),
                \(bind: actor), \(bind: action), \(bind: from?.rawValue), \(bind: to.rawValue), \(bind: note))
            """)
    }

    public func find(id: UUID) async throws -> Order? {
        try await find(where: "id = \(bind: id)").map(\.order)
    }

    public func find(number: String) async throws -> Order? {
        try await find(where: "number = \(bind: number)").map(\.order)
    }

    /// The order placed with an idempotency key, and the hash of the request that placed it.
    public func find(idempotencyKey: String) async throws -> (order: Order, requestHash: String?)? {
        try await find(where: "idempotency_key = \(bind: idempotencyKey)")
    }

    /// The order whose ISO 11649 payment reference this is (stored in the canonical upper-case form).
    public func find(paymentReference: String) async throws -> Order? {
        try await find(where: "payment_reference = \(bind: paymentReference)").map(\.order)
    }

    /// Bank-transfer orders waiting for exactly this amount: a hint for staff, never a match by itself.
    public func payableNumbers(total: Money, limit: Int) async throws -> [String] {
        try await sql.rows("""
            SELECT number FROM orders WHERE total_cents = \(bind: total.cents) AND status IN ('awaiting_payment',
                'overdue') ORDER BY number LIMIT \(bind: limit)
            """).map { try $0.string("number") }
    }

    public func find(quoteID: UUID) async throws -> Order? {
        try await find(where: "quote_id = \(bind: quoteID)").map(\.order)
    }

    public func count() async throws -> Int {
        try await sql.rows("SELECT COUNT(*) AS n FROM orders").first?.int("n") ?? 0
    }

    public func events(orderID: UUID) async throws -> [OrderEvent] {
        try await sql.rows("SELECT * FROM order_events WHERE order_id = \(bind: orderID) ORDER BY id").map { row in
            OrderEvent(at: try row.date("at"), actor: try row.string("actor"), action: try row.string("action"),
                  from: try row.decode(column: "from_status", as: String?.self).flatMap(OrderStatus.init(rawValue:)),
                  to: try row.enumValue("to_status", as: OrderStatus.self), note: try row.string("note"))
        }
    }

    func find(where condition: SQLQueryString) async throws -> (order: Order, requestHash: String?)? {
        try await orders(where: condition, limit: 1).first
    }

    /// How many of the newest orders a word search on PostgreSQL looks through first.
    static let recentWindow = 2_000

    /// The orders matching `condition`, newest first, with their lines: two queries however many orders. `scanning`
    /// sorts the matches found by reading the table instead of walking the time index (`Dialect.withoutIndex`).
    func orders(where condition: SQLQueryString, limit: Int, offset: Int = 0,
                scanning: Bool = false) async throws -> [(order: Order, requestHash: String?)] {
        let time = scanning ? sql.tresorDialect.withoutIndex("created_at") : "created_at"
        var source: SQLQueryString = "orders WHERE \(condition)"
        var offset = offset
        if offset > 0, !scanning {
            // A page number typed deep into the list: count the skipped orders in the (created_at, number) index alone
            // (an index-only walk, five times cheaper than fetching each skipped row) and start the page at the first
            // one shown, as the pager's cursor does.
            source = """
                orders WHERE \(condition) AND (created_at, number) <= (SELECT created_at, number FROM orders WHERE \(condition)
                    ORDER BY created_at DESC, number DESC LIMIT 1 OFFSET \(bind: offset))
                """
            offset = 0
        }
        let rows = try await sql.rows("""
            SELECT * FROM \(source) ORDER BY \(unsafeRaw: time) DESC, number DESC LIMIT \(bind: limit) OFFSET \(bind: offset)
            """)
        guard !rows.isEmpty else { return [] }
        var lines: [UUID: [PricedLine]] = [:]
        let ids = try rows.map { try $0.uuid("id") }
        for row in try await sql.rows("SELECT * FROM order_lines WHERE order_id IN (\(binds: ids)) ORDER BY order_id, position") {
            lines[try row.uuid("order_id"), default: []].append(try QuoteRepository.line(row))
        }
        return try rows.map { row in
            (try Self.order(row, lines: lines[try row.uuid("id")] ?? []), try row.decode(column: "request_hash", as: String?.self))
        }
    }

    static func order(_ row: any SQLRow, lines: [PricedLine]) throws -> Order {
        let customer = CustomerDetails(email: try row.string("email"), name: try row.string("name"),
                                       street: try row.string("street"), postalCode: try row.string("postal_code"),
                                       city: try row.string("city"), country: try row.string("country"))
        let compliance = ComplianceDecision(outcome: try row.enumValue("compliance_outcome", as: ComplianceOutcome.self),
                                            rule: try row.string("compliance_rule"),
                                            explanation: try row.string("compliance_explanation"))
        let order = Order(id: try row.uuid("id"), number: try row.string("number"), quoteID: try row.uuid("quote_id"),
                          status: try row.enumValue("status", as: OrderStatus.self),
                          shipping: try row.enumValue("shipping_method", as: ShippingMethod.self),
                          payment: try row.enumValue("payment_method", as: PaymentMethod.self), lines: lines,
                          shippingFee: try row.money("shipping_cents"), paymentReference: try row.string("payment_reference"),
                          dueAt: try row.optionalDate("due_at"), customer: customer, compliance: compliance,
                          createdAt: try row.date("created_at"),
                          language: Language(rawValue: try row.string("language")) ?? .de,
                          customerID: try row.decode(column: "customer_id", as: UUID?.self),
                          vatCountry: try row.string("vat_country"))
        guard order.total == (try row.money("total_cents")) else {
            throw CorruptRow(description: "order \(order.number): stored total differs from its lines")
        }
        return order
    }
}

import Foundation
import SQLKit
import TresorCore

/// Invoices: one per paid order, numbered gaplessly per year, with the seller's details as they were on the
/// day of issue (an address change later must not rewrite an issued invoice).
public struct InvoiceRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// Issues the order's invoice in the caller's transaction, or returns the one it has.
    public func issue(for order: Order, seller: Seller, now: Date) async throws -> Invoice {
        if let row = try await sql.rows("SELECT number, issued_at, seller FROM invoices WHERE order_id = \(bind: order.id)").first {
            return Invoice(number: try row.string("number"), issuedAt: try row.date("issued_at"), order: order,
                           seller: try JSONDecoder().decode(Seller.self, from: Data(try row.string("seller").utf8)))
        }
        let year = BankingCalendar.berlinYear(of: now)
        let number = OrderNumbers.invoice(year: year, sequence: try await CounterRepository(sql).next("invoice-\(year)"))
        let sellerJSON = String(decoding: try JSONEncoder().encode(seller), as: UTF8.self)
        try await sql.execute("""
            INSERT INTO invoices (id, number, order_id, issued_at, seller) VALUES (\(bind: UUID()), \(bind: number), \(bind: order.id),
                \(bind: now), \(bind: sellerJSON))
            """)
        return Invoice(number: number, issuedAt: now, order: order, seller: seller)
    }

    public func find(orderID: UUID) async throws -> Invoice? {
        try await find(where: "order_id = \(bind: orderID)")
    }

    public func find(number: String) async throws -> Invoice? {
        try await find(where: "number = \(bind: number)")
    }

    /// The invoice numbers of a customer's orders, by order, in one query.
    public func numbers(customerID: UUID) async throws -> [UUID: String] {
        var result: [UUID: String] = [:]
        for row in try await sql.rows("""
            SELECT i.order_id, i.number FROM invoices i JOIN orders o ON o.id = i.order_id WHERE o.customer_id = \(bind: customerID)
            """) {
            result[try row.uuid("order_id")] = try row.string("number")
        }
        return result
    }

    func find(where condition: SQLQueryString) async throws -> Invoice? {
        guard let row = try await sql.rows("""
            SELECT i.*, o.number AS order_number FROM invoices i JOIN orders o ON o.id = i.order_id WHERE i.\(condition)
            """).first else { return nil }
        guard let order = try await OrderRepository(sql).find(number: try row.string("order_number")) else {
            throw CorruptRow(description: "invoice without its order")
        }
        let seller = try JSONDecoder().decode(Seller.self, from: Data(try row.string("seller").utf8))
        return Invoice(number: try row.string("number"), issuedAt: try row.date("issued_at"), order: order, seller: seller)
    }
}

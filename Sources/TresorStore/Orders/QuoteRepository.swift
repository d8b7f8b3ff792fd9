import Foundation
import SQLKit
import TresorCore

/// Quotes are rows, so any instance can place an order on a quote another instance issued.
public struct QuoteRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    public func insert(_ quote: Quote) async throws {
        try await sql.execute("""
            INSERT INTO quotes (id, created_at, expires_at, vat_country)
            VALUES (\(bind: quote.id), \(bind: quote.createdAt), \(bind: quote.expiresAt), \(bind: quote.vatCountry))
            """)
        for (position, line) in quote.lines.enumerated() {
            try await sql.execute("""
                INSERT INTO quote_lines (quote_id, position, product_id, sku, name, quantity, unit_price_cents, vat_regime, vat_cents)
                VALUES (\(bind: quote.id), \(bind: position), \(bind: line.productID), \(bind: line.sku), \(bind: line.name),
                    \(bind: line.quantity), \(bind: line.unitPrice.cents), \(bind: line.vatRegime.rawValue), \(bind: line.vat.cents))
                """)
        }
    }

    public func find(_ id: UUID) async throws -> Quote? {
        guard let row = try await sql.rows("SELECT id, created_at, expires_at, vat_country FROM quotes WHERE id = \(bind: id)").first else {
            return nil
        }
        let lines = try await sql.rows("SELECT * FROM quote_lines WHERE quote_id = \(bind: id) ORDER BY position").map(Self.line)
        return Quote(id: try row.uuid("id"), createdAt: try row.date("created_at"), expiresAt: try row.date("expires_at"),
                     lines: lines, vatCountry: try row.string("vat_country"))
    }

    static func line(_ row: any SQLRow) throws -> PricedLine {
        PricedLine(productID: try row.uuid("product_id"), sku: try row.string("sku"), name: try row.string("name"),
                   quantity: try row.int("quantity"), unitPrice: try row.money("unit_price_cents"),
                   vatRegime: try row.enumValue("vat_regime", as: VatRegime.self), vat: try row.money("vat_cents"))
    }
}

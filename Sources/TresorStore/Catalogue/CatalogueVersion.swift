import Foundation
import SQLKit

/// A fingerprint of everything a priced catalogue depends on; instances compare it to know when to rebuild.
public struct CatalogueVersion: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    public func current() async throws -> String {
        let ticks = try await sql.rows("SELECT COUNT(*) AS n, MAX(id) AS last FROM spot_ticks WHERE status = 'accepted'").first
        let products = try await sql.rows("""
            SELECT COUNT(*) AS n, MAX(updated_at) AS changed, CAST(SUM(stock) AS BIGINT) AS stock,
                CAST(SUM(CASE WHEN published THEN 1 ELSE 0 END) AS BIGINT) AS listed,
                (SELECT COUNT(*) FROM product_images) AS photos FROM products
            """).first
        let tickPart = "\(try ticks?.int("n") ?? 0)/\(try ticks?.decode(column: "last", as: Int64?.self) ?? 0)"
        let productPart = "\(try products?.int("n") ?? 0)/\(try products?.decode(column: "changed", as: Date?.self).map { "\($0.timeIntervalSince1970)" } ?? "-")"
            + "/\(try products?.decode(column: "stock", as: Int64?.self) ?? 0)/\(try products?.decode(column: "listed", as: Int64?.self) ?? 0)/\(try products?.decode(column: "photos", as: Int64?.self) ?? 0)"
        return tickPart + "|" + productPart
    }
}

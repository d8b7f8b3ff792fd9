import Foundation
import TresorCore
import TresorStore

/// Why a stock count was refused.
public enum StockProblem: Error, Equatable, Sendable, CustomStringConvertible {
    case notStaff(String)
    case noSuchProduct(String)
    case quantity(Int)

    public var description: String {
        switch self {
        case .notStaff(let who): "\(who) is not an active staff member; add one with `tresor staff add`"
        case .noSuchProduct(let sku): "no product with SKU \(sku)"
        case .quantity(let quantity): "a stock level is from 0 to \(StockDesk.maximum), not \(quantity)"
        }
    }
}

/// Counted stock levels: set by an active staff member with a reason, each change recorded with who and why.
/// Orders take and give back stock themselves (`OrderDesk`), in their own transactions.
public struct StockDesk: Sendable {
    public static let maximum = 1_000_000
    let database: Database

    public init(database: Database) { self.database = database }

    /// Every product with its stock now, by SKU (the back office's count sheet).
    public func levels() async throws -> [Product] {
        try await database.read { sql in try await ProductRepository(sql).all() }.sorted { $0.sku < $1.sku }
    }

    /// Sets a product's stock to a counted quantity; returns the change.
    public func set(sku: String, quantity: Int, reason: String, by actor: Actor, now: Date) async throws -> Int {
        guard (0...Self.maximum).contains(quantity) else { throw StockProblem.quantity(quantity) }
        let dialect = database.dialect
        return try await database.transaction { sql in
            guard actor.staffMember != nil, let recorded = try await StaffDirectory.authorize(actor, .stock, in: sql) else {
                throw StockProblem.notStaff(actor.recorded)
            }
            guard let change = try await StockRepository(sql, dialect: dialect).set(sku: sku, to: quantity, by: recorded, reason: reason,
                                                                                   now: now) else {
                throw StockProblem.noSuchProduct(sku)
            }
            try await StaffDirectory.audit(actor, "stock.count", sku, before: ["stock": String(quantity - change)],
                                           after: ["stock": String(quantity), "reason": reason], now: now, in: sql)
            // Every instance's board shows the counted stock at once (orders' own decrements are checked in the database).
            try await SpotTickRepository(sql, dialect: dialect).announce()
            return change
        }
    }
}

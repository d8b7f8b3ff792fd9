import Foundation
import TresorCore
import TresorStore

/// Why a cart change was refused.
public enum CartProblem: Error, Equatable, Sendable {
    /// No product with this SKU in the catalogue.
    case unknownProduct(String)
    /// A cart holds at most `Sessions.maxLines` different products.
    case tooManyLines
}

/// Sessions and carts. A session row is written only when a visitor first puts something in the cart or
/// logs in; reading the shop costs no write. The cookie holds a random id, the table only its hash.
public struct Sessions: Sendable {
    public static let lifetime: TimeInterval = 30 * 86_400
    /// Most pieces of one product a cart holds (the quote's own limit).
    public static let cartLimit = QuoteDesk.maxQuantity
    /// Most different products a cart holds.
    public static let maxLines = 50

    let database: Database
    /// The catalogue a cart may hold products of.
    let board: PriceBoard

    public init(database: Database, board: PriceBoard) {
        self.database = database
        self.board = board
    }

    /// A new session; returns the cookie value (shown once, never stored) and the stored row.
    public func start(customerID: UUID?, checkout: String = "{}", now: Date) async throws -> (cookie: String, StoredSession) {
        let cookie = CustomerAccounts.randomToken()
        let session = StoredSession(idHash: CustomerAccounts.digest(cookie), customerID: customerID, checkout: checkout,
                                    expiresAt: now.addingTimeInterval(Self.lifetime))
        try await database.transaction { sql in
            try await SessionRepository(sql).insert(idHash: session.idHash, customerID: customerID, checkout: checkout, now: now,
                                                    expiresAt: session.expiresAt)
        }
        return (cookie, session)
    }

    public func find(cookie: String, now: Date) async throws -> StoredSession? {
        guard cookie.count == 64, cookie.allSatisfy(\.isHexDigit) else { return nil }
        return try await database.read { sql in try await SessionRepository(sql).find(idHash: CustomerAccounts.digest(cookie), now: now) }
    }

    /// Logging in starts a fresh session (a session id known before login is worthless after it) and moves
    /// the guest cart into the customer's.
    public func logIn(_ customer: Customer, replacing old: StoredSession?, now: Date) async throws -> (cookie: String, StoredSession) {
        let started = try await start(customerID: customer.id, checkout: old?.checkout ?? "{}", now: now)
        if let old {
            try await database.transaction { sql in
                try await CartRepository(sql, dialect: database.dialect).merge(from: CartRepository.owner(sessionHash: old.idHash),
                                                                               into: CartRepository.owner(customerID: customer.id),
                                                                               limit: Self.cartLimit, now: now)
                try await SessionRepository(sql).delete(idHash: old.idHash)
            }
        }
        return started
    }

    /// The live session a cookie names and the account behind it.
    public func visitor(cookie: String, now: Date) async throws -> (session: StoredSession, customer: Customer?)? {
        guard let session = try await find(cookie: cookie, now: now) else { return nil }
        guard let id = session.customerID else { return (session, nil) }
        return (session, try await database.read { sql in try await CustomerRepository(sql).find(id: id) })
    }

    /// Removes expired sessions and the guest carts they leave behind.
    public func deleteExpired(now: Date) async throws {
        try await database.transaction { sql in try await SessionRepository(sql).deleteExpired(now: now) }
    }

    public func end(_ session: StoredSession) async throws {
        try await database.transaction { sql in try await SessionRepository(sql).delete(idHash: session.idHash) }
    }

    public func setCheckout(_ session: StoredSession, _ checkout: String) async throws {
        try await database.transaction { sql in try await SessionRepository(sql).setCheckout(idHash: session.idHash, checkout) }
    }

    // MARK: cart

    static func owner(_ session: StoredSession) -> String {
        session.customerID.map(CartRepository.owner(customerID:)) ?? CartRepository.owner(sessionHash: session.idHash)
    }

    public func cart(_ session: StoredSession?) async throws -> [(sku: String, quantity: Int)] {
        guard let session else { return [] }
        return try await database.read { sql in try await CartRepository(sql, dialect: database.dialect).lines(Self.owner(session)) }
    }

    /// Adds a product of the catalogue (at most `cartLimit` pieces of it, `maxLines` products in all).
    public func add(_ sku: String, quantity: Int, to session: StoredSession, now: Date) async throws {
        try checkKnown([sku])
        try await database.transaction { sql in
            let carts = CartRepository(sql, dialect: database.dialect)
            let lines = try await carts.lines(Self.owner(session))
            guard lines.contains(where: { $0.sku == sku }) || lines.count < Self.maxLines else { throw CartProblem.tooManyLines }
            try await carts.add(Self.owner(session), sku: sku, quantity: quantity, limit: Self.cartLimit, now: now)
        }
    }

    /// New quantities for lines in the cart; 0 removes a line. Unknown products refuse the whole change, and the
    /// cart stays within `maxLines` products.
    public func set(_ quantities: [(sku: String, quantity: Int)], in session: StoredSession, now: Date) async throws {
        guard quantities.count <= Self.maxLines else { throw CartProblem.tooManyLines }
        try checkKnown(quantities.filter { $0.quantity > 0 }.map(\.sku))
        try await database.transaction { sql in
            let carts = CartRepository(sql, dialect: database.dialect)
            for (sku, quantity) in quantities {
                try await carts.set(Self.owner(session), sku: sku, quantity: min(quantity, Self.cartLimit), now: now)
            }
            guard try await carts.lines(Self.owner(session)).count <= Self.maxLines else { throw CartProblem.tooManyLines }
        }
    }

    func checkKnown(_ skus: [String]) throws {
        let snapshot = board.snapshot
        if let unknown = skus.first(where: { snapshot.product(sku: $0) == nil }) { throw CartProblem.unknownProduct(unknown) }
    }

    public func clearCart(_ session: StoredSession) async throws {
        try await database.transaction { sql in try await CartRepository(sql, dialect: database.dialect).clear(Self.owner(session)) }
    }
}

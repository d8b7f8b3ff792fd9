import Foundation
import SQLKit
import TresorCore
import TresorStore

/// What a seller submits to turn a sell quote into a buy-back.
public struct BuybackRequest: Sendable, Hashable {
    public var quoteID: UUID
    public var seller: CustomerDetails
    public var payout: PayoutMethod
    public var iban: String
    public var accountHolder: String
    /// The seller owns the goods and sells on their own account; they accept the buy-back terms.
    public var confirmed: Bool
    public var language: Language

    public init(quoteID: UUID, seller: CustomerDetails, payout: PayoutMethod, iban: String = "", accountHolder: String = "",
                confirmed: Bool, language: Language = .de) {
        self.quoteID = quoteID
        self.seller = seller
        self.payout = payout
        self.iban = iban
        self.accountHolder = accountHolder
        self.confirmed = confirmed
        self.language = language
    }
}

/// Why a buy-back step was not taken.
public enum BuybackProblem: Error, Equatable, Sendable {
    case empty
    case quantity(sku: String)
    case unknownProduct(sku: String)
    case noPrice(sku: String)
    case quoteNotFound
    case quoteExpired
    case quoteUsed(number: String)
    case invalid(InvalidParameter)
    case notConfirmed
    case refusedByCompliance(String)
    case noSuchBuyback(String)
    /// Not a step from the buy-back's state, with the reason.
    case illegal(String)
}

/// Buy-back ("Ankauf"): a sell quote at the dealer's buy-back prices locked for the quote time; the seller's details
/// and IBAN (or cash at the counter) make it a buy-back `A-2026-000001` with shipping instructions; staff receive
/// the goods, weigh and check each piece and approve or reject it; the approved ones get a self-billed credit note
/// and are paid out, by SEPA transfer file or in cash. The anti-money-laundering rules and sanctions screening
/// apply as for sales, the buy-backs counting with the seller's orders.
public struct BuybackDesk: Sendable {
    let orders: OrderDesk
    var database: Database { orders.database }
    public static let maxQuantity = 100

    public init(orders: OrderDesk) { self.orders = orders }

    // MARK: quote and request

    public func quote(_ items: [(sku: String, quantity: Int)], now: Date) async throws -> BuybackQuote {
        guard !items.isEmpty, items.contains(where: { $0.quantity > 0 }) else { throw BuybackProblem.empty }
        let snapshot = orders.board.snapshot
        var lines: [BuybackQuoteLine] = []
        for (sku, quantity) in items where quantity != 0 {
            guard (1...Self.maxQuantity).contains(quantity) else { throw BuybackProblem.quantity(sku: sku) }
            guard let product = snapshot.product(sku: sku) else { throw BuybackProblem.unknownProduct(sku: sku) }
            guard let prices = snapshot.priced(product, now: now).prices, prices.buybackPrice > .zero else { throw BuybackProblem.noPrice(sku: sku) }
            if let index = lines.firstIndex(where: { $0.sku == sku }) {
                lines[index].quantity += quantity
                guard lines[index].quantity <= Self.maxQuantity else { throw BuybackProblem.quantity(sku: sku) }
            } else {
                lines.append(BuybackQuoteLine(productID: product.id, sku: sku, name: product.name, quantity: quantity, unitPrice: prices.buybackPrice))
            }
        }
        let quote = BuybackQuote(createdAt: now, expiresAt: now.addingTimeInterval(TimeInterval(orders.dealer.current.quoteLockSeconds)), lines: lines)
        try await database.transaction { sql in try await BuybackRepository(sql).insert(quote) }
        return quote
    }

    public func quote(id: UUID) async throws -> BuybackQuote? {
        try await database.read { sql in try await BuybackRepository(sql).quote(id: id) }
    }

    public func buyback(quoteID: UUID) async throws -> Buyback? {
        try await database.read { sql in try await BuybackRepository(sql).find(quoteID: quoteID) }
    }

    public func buyback(number: String) async throws -> Buyback? {
        try await database.read { sql in try await BuybackRepository(sql).find(number: number) }
    }

    public func list(status: BuybackStatus?) async throws -> [Buyback] {
        try await database.read { sql in try await BuybackRepository(sql).list(status: status, limit: 200) }
    }

    public func events(_ buyback: Buyback) async throws -> [(at: Date, actor: String, action: String, note: String)] {
        try await database.read { sql in try await BuybackRepository(sql).events(buybackID: buyback.id) }
    }

    /// Turns a valid sell quote into a buy-back in one transaction: the rules (with the seller's linked orders and
    /// buy-backs) and sanctions screening decide whether it waits for compliance; the mail with the shipping
    /// instructions travels with it.
    public func request(_ request: BuybackRequest, by actor: Actor, now: Date) async throws -> Buyback {
        do { try request.seller.validate() } catch { throw BuybackProblem.invalid(error) }
        let iban = IBAN.normalised(request.iban), holder = request.accountHolder.trimmingCharacters(in: .whitespaces)
        if request.payout == .bankTransfer {
            guard IBAN.isValid(iban) else { throw BuybackProblem.invalid(InvalidParameter(name: "iban", value: request.iban)) }
            guard !holder.isEmpty, TextInput.isPlainLine(holder, maxCharacters: 70) else {
                throw BuybackProblem.invalid(InvalidParameter(name: "accountHolder", value: holder))
            }
        }
        guard request.confirmed else { throw BuybackProblem.notConfirmed }
        do {
            return try await database.transaction { sql in
                let repository = BuybackRepository(sql)
                guard let quote = try await repository.quote(id: request.quoteID) else { throw BuybackProblem.quoteNotFound }
                if let used = try await repository.find(quoteID: quote.id) { throw BuybackProblem.quoteUsed(number: used.number) }
                guard quote.isValid(at: now) else { throw BuybackProblem.quoteExpired }
                var keys = LinkKeys(customer: request.seller, customerID: actor.customerID)
                keys.iban = request.payout == .bankTransfer ? iban : nil
                let linking = LinkedTransactionRepository(sql)
                try await linking.lock(keys)
                let linked = try await linking.linked(keys, since: now.addingTimeInterval(-Double(orders.linkWindowDays) * 86_400))
                let year = BankingCalendar.berlinYear(of: now)
                let number = Buyback.number(year: year, sequence: try await CounterRepository(sql).next("buyback-\(year)"))
                var results = orders.compliance.results(ComplianceInput(total: quote.total, payment: request.payout == .cash ? .cash : .bankTransfer,
                                                                        at: now, linked: linked))
                if let screened = SanctionsDesk.result(try await orders.sanctions.screen(request.seller.name, as: .buyback, reference: number,
                                                                                         now: now, in: sql).open) {
                    results.append(screened)
                }
                let decision = ComplianceDecision(combining: results)
                if decision.outcome == .refuse { throw BuybackProblem.refusedByCompliance(decision.explanation) }
                var items: [BuybackItem] = []
                for line in quote.lines {
                    for _ in 0..<line.quantity {
                        items.append(BuybackItem(position: items.count + 1, productID: line.productID, sku: line.sku, name: line.name,
                                                 unitPrice: line.unitPrice))
                    }
                }
                let buyback = Buyback(number: number, quoteID: quote.id, status: decision.outcome == .hold ? .onHold : .awaitingGoods,
                                      seller: request.seller, payout: request.payout, iban: request.payout == .bankTransfer ? iban : nil,
                                      accountHolder: request.payout == .bankTransfer ? holder : nil, items: items, compliance: decision,
                                      createdAt: now, customerID: actor.customerID, language: request.language)
                try await repository.insert(buyback, now: now)
                try await repository.addEvent(buybackID: buyback.id, at: now, actor: actor.recorded, action: "request",
                                              note: results.map { "\($0.rule): \($0.outcome.rawValue), \($0.explanation)" }.joined(separator: "; "))
                try await AuditRepository(sql).append(actor: actor.recorded, action: "buyback.compliance", target: number, before: [:],
                                                      after: ["outcome": decision.outcome.rawValue, "rule": decision.rule,
                                                              "explanation": decision.explanation, "linked": linked.numbers.joined(separator: ",")],
                                                      at: now)
                try await MailOutboxRepository(sql, dialect: database.dialect)
                    .enqueue(BuybackMails.requested(buyback, dealer: orders.dealer.current, settings: orders.mail, now: now), now: now)
                return buyback
            }
        } catch BuybackProblem.refusedByCompliance(let reason) {
            try await database.transaction { sql in
                try await AuditRepository(sql).append(actor: actor.recorded, action: "buyback.compliance-refused", target: request.seller.email,
                                                      before: [:], after: ["outcome": "refuse", "explanation": reason], at: now)
            }
            throw BuybackProblem.refusedByCompliance(reason)
        }
    }
}

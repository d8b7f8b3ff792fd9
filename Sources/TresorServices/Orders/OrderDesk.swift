import Foundation
import Logging
import SQLKit
import TresorCore
import TresorStore

/// What a customer submits to turn a quote into an order.
public struct OrderRequest: Sendable, Hashable {
    public var quoteID: UUID
    public var customer: CustomerDetails
    public var shipping: ShippingMethod
    public var payment: PaymentMethod
    /// Terms accepted and the missing right of withdrawal (§312g Abs. 2 Nr. 8 BGB) confirmed.
    public var acceptTerms: Bool
    /// The language of the customer's e-mails.
    public var language: Language

    public init(quoteID: UUID, customer: CustomerDetails, shipping: ShippingMethod, payment: PaymentMethod, acceptTerms: Bool,
                language: Language = .de) {
        self.language = language
        self.quoteID = quoteID
        self.customer = customer
        self.shipping = shipping
        self.payment = payment
        self.acceptTerms = acceptTerms
    }

    /// A fingerprint of the request, so a repeated idempotency key with a different body is recognised.
    var fingerprint: String {
        let c = customer
        let text = [quoteID.uuidString, c.email, c.name, c.street, c.postalCode, c.city, c.country, shipping.rawValue,
                    payment.rawValue, String(acceptTerms)].joined(separator: "\u{1f}")
        return String(text.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }, radix: 16)
    }
}

/// Why an order was not placed; each maps to a clear message or HTTP status at the edge.
public enum OrderProblem: Error, Equatable, Sendable {
    case invalid(InvalidParameter)
    case termsNotAccepted
    case cashOnlyAtPickup
    /// Parcels do not go to this country (the dealer's shipping countries); pickup is still possible.
    case notShippedTo(String)
    case quoteNotFound
    case quoteExpired
    case quoteAlreadyOrdered(number: String)
    case insufficientStock(sku: String)
    case idempotencyKeyReused
    /// Empty, or longer than the 200 characters the API allows.
    case invalidIdempotencyKey
    /// Orders without an account are limited per client address and per e-mail address and hour.
    case tooManyGuestOrders
    /// The quote carries another member state's VAT than this delivery owes (`VatRates.country`): quote again for it.
    case quotedForOtherCountry(quoted: String, due: String)
    /// The anti-money-laundering rules do not allow it at all (cash above the AMLR cap); the reason says which.
    case refusedByCompliance(String)
}

/// Orders from quote to delivery: quotes priced from this instance's price board, the one transaction that
/// places an order, what customers and staff may see of an order, and (in `OrderActions`) every staff step.
/// The shop, the API and the command line all call this.
public struct OrderDesk: Sendable {
    /// Banking days an advance transfer may take, unless configured otherwise.
    public static let standardPaymentDays = 3
    /// The handling fee owed on top of the market loss when an unpaid order is cancelled, unless configured.
    public static let standardCancellationFee = Money(cents: 2_500)
    /// Orders without an account per client address and per e-mail address and hour, unless configured (0: no limit).
    public static let standardGuestOrdersPerHour = 5
    /// Days after its due date an unpaid bank-transfer order is cancelled by the shop, unless configured.
    public static let standardCancellationGraceDays = 7

    let database: Database
    /// The instance's priced catalogue: quotes and market losses are priced from it.
    public let board: PriceBoard
    /// The dealer's settings as they are now: shipping table, days to pay, quote lock, cancellation fee, seller, bank.
    public let dealer: DealerSettingsDesk
    public var shippingTable: ShippingTable { dealer.current.shipping }
    public var paymentDays: Int { dealer.current.paymentDays }
    public var quotes: QuoteDesk { QuoteDesk(lockDuration: TimeInterval(dealer.current.quoteLockSeconds)) }
    public var cancellationFee: Money { dealer.current.cancellationFee }
    /// Orders without an account per address and hour; 0 switches the limit off (load tests).
    public var guestOrdersPerHour = OrderDesk.standardGuestOrdersPerHour
    /// Days after the due date before an unpaid bank-transfer order is cancelled and its stock returned.
    public var cancellationGraceDays = OrderDesk.standardCancellationGraceDays
    public var compliance: any ComplianceCheck
    /// Days over which a customer's transactions count together (§10 Abs. 6a GwG), unless configured.
    public static let standardLinkWindowDays = 30
    public var linkWindowDays = OrderDesk.standardLinkWindowDays
    /// Screening against the EU sanctions list (shared by the shop's desks).
    public var sanctions: SanctionsDesk
    /// How mail is sent and signed; the bank account and imprint come from the dealer's settings as they are now.
    public let mail: MailSettings
    /// Who the invoices name as the seller.
    public var seller: Seller { dealer.current.seller }
    let calendar = BankingCalendar()
    /// The order access key, read once rather than with every order.
    let secrets: SecretCache
    let logger: Logger

    public init(database: Database, board: PriceBoard, dealer: DealerSettingsDesk? = nil,
                compliance: any ComplianceCheck = ComplianceEngine.germany(), mail: MailSettings = MailSettings(), logger: Logger) {
        self.database = database
        self.board = board
        self.dealer = dealer ?? DealerSettingsDesk(database: database, initial: .standard, logger: logger)
        self.compliance = compliance
        sanctions = SanctionsDesk(database: database)
        var mail = mail
        mail.dealer = self.dealer
        self.mail = mail
        self.logger = logger
        secrets = SecretCache(database: database)
    }

    // MARK: quotes

    /// Prices a basket at the board's current prices, locks it and stores it so any instance can place an
    /// order on it. A stale feed or short stock is refused with the reason. `destination` is the country the parcel
    /// goes to (nil: picked up at the counter, or not yet known): a country not shipped to is refused, and with the
    /// One-Stop-Shop another member state's VAT applies to standard-rated goods.
    public func quote(_ items: [(sku: String, quantity: Int)], destination: String? = nil, now: Date) async throws -> Quote {
        let settings = dealer.current
        if let destination, !settings.shipsTo(destination) { throw QuoteProblem.notShippedTo(destination.uppercased()) }
        let vatCountry = VatRates.country(shipping: destination == nil ? .pickup : .insured, deliveryCountry: destination ?? VatRates.home,
                                          ossRegistered: settings.ossRegistered)
        return try await quote(items, vatCountry: vatCountry, now: now)
    }

    func quote(_ items: [(sku: String, quantity: Int)], vatCountry: String, now: Date) async throws -> Quote {
        let quote = try quotes.quote(items, snapshot: board.snapshot, now: now, vatCountry: vatCountry)
        try await save(quote)
        return quote
    }

    /// The member state whose VAT an order going this way owes, under today's settings.
    public func vatCountry(shipping: ShippingMethod, deliveryCountry: String) -> String {
        VatRates.country(shipping: shipping, deliveryCountry: deliveryCountry, ossRegistered: dealer.current.ossRegistered)
    }

    /// A fresh quote for the basket of an expired one, at today's prices: an expired quote is never re-priced
    /// silently, the customer is offered this one instead. Nil when the old quote is unknown or its basket can
    /// no longer be priced (stale feed, stock gone).
    public func freshQuote(replacing id: UUID, now: Date) async throws -> Quote? {
        guard let old = try await quote(id: id) else { return nil }
        return try? await quote(old.lines.map { ($0.sku, $0.quantity) }, vatCountry: old.vatCountry, now: now)
    }

    public func quote(id: UUID) async throws -> Quote? {
        try await database.read { sql in try await QuoteRepository(sql).find(id) }
    }

    /// Stores a quote so any instance can place an order on it.
    public func save(_ quote: Quote) async throws {
        try await database.transaction { sql in try await QuoteRepository(sql).insert(quote) }
    }

    /// The shipping fee for goods of this value.
    public func shippingFee(goods: Money, method: ShippingMethod) -> Money {
        shippingTable.fee(goods: goods, method: method)
    }

    // MARK: placing

    /// Places the order, or returns the order already placed with the same idempotency key and request.
    /// `actor` is the customer or visitor placing it, recorded in the order's history.
    /// An idempotency key belongs to the client that sent it (account, or network address), so one client's key is
    /// never another's: keys are stored with that scope in front.
    public static func scopedKey(_ key: String, of actor: Actor) throws(OrderProblem) -> String {
        guard (1...200).contains(key.count) else { throw .invalidIdempotencyKey }
        let scope = switch actor {
        case .customer(let id, _): "customer:" + id.uuidString.lowercased()
        case .visitor(let address): "address:" + address
        case .staff(let member): "staff:" + member.id.uuidString.lowercased()
        case .system(let job): "system:" + job
        }
        return scope + "|" + key
    }

    public func place(_ request: OrderRequest, idempotencyKey key: String?, by actor: Actor, now: Date) async throws -> Order {
        let idempotencyKey = try key.map { key throws(OrderProblem) in try Self.scopedKey(key, of: actor) }
        do { try request.customer.validate() } catch { throw OrderProblem.invalid(error) }
        guard request.acceptTerms else { throw OrderProblem.termsNotAccepted }
        guard request.payment.goes(with: request.shipping) else { throw OrderProblem.cashOnlyAtPickup }
        guard request.shipping == .pickup || dealer.current.shipsTo(request.customer.country) else {
            throw OrderProblem.notShippedTo(request.customer.country)
        }
        let vatCountry = self.vatCountry(shipping: request.shipping, deliveryCountry: request.customer.country)
        do {
            return try await database.transaction { sql in
                try await placeInTransaction(request, idempotencyKey: idempotencyKey, vatCountry: vatCountry, by: actor, now: now, sql: sql)
            }
        } catch OrderProblem.refusedByCompliance(let reason) {
            // Refused orders leave no order behind, but the decision is kept (GwG: every decision with its reasons).
            try await database.transaction { sql in
                try await AuditRepository(sql).append(actor: actor.recorded, action: "order.compliance-refused", target: request.customer.email,
                                                      before: [:], after: ["outcome": ComplianceOutcome.refuse.rawValue, "explanation": reason,
                                                                           "name": request.customer.name], at: now)
            }
            throw OrderProblem.refusedByCompliance(reason)
        } catch {
            // A concurrent twin with the same key may have won the race to the unique index: answer with its order.
            if let idempotencyKey, let earlier = try await database.read({ sql in
                try await OrderRepository(sql).find(idempotencyKey: idempotencyKey)
            }) {
                guard earlier.requestHash == request.fingerprint else { throw OrderProblem.idempotencyKeyReused }
                return earlier.order
            }
            if !(error is OrderProblem),
               let other = try await database.read({ sql in try await OrderRepository(sql).find(quoteID: request.quoteID) }) {
                throw OrderProblem.quoteAlreadyOrdered(number: other.number)
            }
            throw error
        }
    }

    func placeInTransaction(_ request: OrderRequest, idempotencyKey: String?, vatCountry: String, by actor: Actor, now: Date,
                            sql: any SQLDatabase) async throws -> Order {
        let orders = OrderRepository(sql)
        if let idempotencyKey, let earlier = try await orders.find(idempotencyKey: idempotencyKey) {
            guard earlier.requestHash == request.fingerprint else { throw OrderProblem.idempotencyKeyReused }
            return earlier.order
        }
        try await limitGuests(request, by: actor, now: now, sql: sql)
        guard let quote = try await QuoteRepository(sql).find(request.quoteID) else { throw OrderProblem.quoteNotFound }
        if let other = try await orders.find(quoteID: quote.id) { throw OrderProblem.quoteAlreadyOrdered(number: other.number) }
        guard quote.isValid(at: now) else { throw OrderProblem.quoteExpired }
        // Prices include VAT: a quote with Germany's VAT cannot become a parcel that owes Austria's, nor the reverse.
        guard quote.vatCountry == vatCountry else { throw OrderProblem.quotedForOtherCountry(quoted: quote.vatCountry, due: vatCountry) }
        let stock = StockRepository(sql, dialect: database.dialect)
        for line in quote.lines where !(try await stock.take(line.quantity, of: line.productID, now: now)) {
            throw OrderProblem.insufficientStock(sku: line.sku)
        }
        let shippingFee = shippingTable.fee(goods: quote.goodsTotal, method: request.shipping)
        // The rules see this order and the customer's linked ones (§10 Abs. 6a GwG), found and locked in this transaction.
        let keys = LinkKeys(customer: request.customer, customerID: actor.customerID)
        let linking = LinkedTransactionRepository(sql)
        try await linking.lock(keys)
        let linked = try await linking.linked(keys, since: now.addingTimeInterval(-Double(linkWindowDays) * 86_400))
        let gold = quote.lines.filter { $0.vatRegime == .exemptInvestmentGold }.reduce(Money.zero) { $0 + $1.lineTotal }
        var results = compliance.results(ComplianceInput(total: quote.goodsTotal + shippingFee, payment: request.payment, at: now,
                                                         investmentGold: gold, linked: linked))
        let year = BankingCalendar.berlinYear(of: now)
        let number = OrderNumbers.order(year: year, sequence: try await CounterRepository(sql).next("order-\(year)"))
        // A possible match on the EU sanctions list holds the order for compliance.
        if let screened = SanctionsDesk.result(try await sanctions.screen(request.customer.name, as: .order, reference: number, now: now, in: sql).open) {
            results.append(screened)
        }
        let decision = ComplianceDecision(combining: results)
        if decision.outcome == .refuse { throw OrderProblem.refusedByCompliance(decision.explanation) }
        // A customer account identified before, with a document still valid, need not show it again.
        let known: IdentityRecord? = if decision.outcome == .needsIdentification, let customerID = actor.customerID,
            let record = try await IdentityRecordRepository(sql).valid(customerID: customerID, on: BankingCalendar.berlinDay(of: now)),
            record.ownAccount, !record.politicallyExposed { record } else { nil }
        let status: OrderStatus = switch decision.outcome {
        case .allow, .review: .awaitingPayment
        case .needsIdentification: known == nil ? .awaitingIdentification : .awaitingPayment
        case .hold, .refuse: .onHold
        }
        let order = Order(id: UUID(), number: number, quoteID: quote.id, status: status, shipping: request.shipping,
                          payment: request.payment, lines: quote.lines, shippingFee: shippingFee,
                          paymentReference: CreditorReference.make(orderNumber: number),
                          dueAt: request.payment == .bankTransfer ? calendar.dueDate(after: now, bankingDays: paymentDays) : nil,
                          customer: request.customer, compliance: decision, createdAt: now, language: request.language,
                          customerID: actor.customerID, vatCountry: vatCountry)
        try await orders.insert(order, idempotencyKey: idempotencyKey, requestHash: request.fingerprint, now: now)
        try await orders.addEvent(orderID: order.id, at: now, actor: actor.recorded, action: "place", from: nil, to: status,
                                  note: "\(decision.rule): \(decision.explanation)" + (known.map { "; identified by record \($0.id.uuidString.lowercased())" } ?? ""))
        try await ComplianceResultRepository(sql).insert(results, orderID: order.id, at: now)
        if let known {
            try await IdentityRecordRepository(sql).link(orderID: order.id, recordID: known.id, by: "system", at: now, keepUntil: nil)
        }
        try await AuditRepository(sql).append(actor: actor.recorded, action: "order.compliance", target: number, before: [:],
                                              after: ["outcome": decision.outcome.rawValue, "rule": decision.rule,
                                                      "explanation": decision.explanation, "linked": linked.numbers.joined(separator: ",")],
                                              at: now)
        // The confirmation travels with the order: committed together, or not at all.
        // It carries the terms as they read now and the seller's identity (§312f BGB, Art. 246a EGBGB).
        let terms = try await LegalPagesDesk.text(.terms, order.language, fee: cancellationFee, in: sql)
        try await MailOutboxRepository(sql, dialect: database.dialect)
            .enqueue(OrderMails.confirmation(order, link: try await orderLink(order, sql: sql), terms: terms, settings: mail, now: now), now: now)
        return order
    }

    /// Orders without an account take stock at once and are paid later, so one visitor could empty the shelf: they
    /// are counted per client address and per e-mail address, in the order's own transaction (a refused or failed
    /// order counts nothing).
    func limitGuests(_ request: OrderRequest, by actor: Actor, now: Date, sql: any SQLDatabase) async throws {
        guard guestOrdersPerHour > 0, case .visitor(let address) = actor else { return }
        let limits = RateLimitRepository(sql)
        let byAddress = try await limits.allow("guest-order-address:" + address, limit: guestOrdersPerHour, window: 3600, now: now)
        let byEmail = try await limits.allow("guest-order-email:" + request.customer.email.lowercased(), limit: guestOrdersPerHour,
                                             window: 3600, now: now)
        guard byAddress && byEmail else { throw OrderProblem.tooManyGuestOrders }
    }

    /// The order page with the order's access token, for the customer's e-mails.
    func orderLink(_ order: Order, sql: any SQLDatabase) async throws -> String? {
        guard let page = mail.orderPage else { return nil }
        let key = try await secrets.key("order-access", in: sql)
        return page(order.number, OrderAccessToken.make(orderID: order.id, key: key), order.language)
    }
}

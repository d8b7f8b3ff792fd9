import Foundation
import Testing
import TresorCore
@testable import TresorServices
import TresorStore
import TresorTestSupport

@Suite struct OrderDeskTests {
    let now = CivilDate.utcMidnight(2026, 11, 27).addingTimeInterval(10 * 3600)  // Friday 27 Nov 2026, 11:00 Berlin
    let customer = CustomerDetails(email: "erika@example.de", name: "Erika Mustermann", street: "Heidestraße 17",
                                   postalCode: "51147", city: "Köln", country: "de")

    /// A shop with one coin (`stock` pieces, 2501.37 €/oz gold) and a desk to order it.
    func shop(_ database: Database, stock: Int) async throws -> (OrderDesk, CatalogueSnapshot) {
        let coin = Product(sku: "AU-ML-1OZ", slug: "ml", name: "Maple Leaf 1 oz Gold", metal: .gold, form: .coin,
                           grossGrams: Decimal(string: "31.1035")!, fineness: Fineness("999.9")!, mint: "RCM", year: 2026,
                           vatRegime: .exemptInvestmentGold,
                           premium: try PremiumRule(tiers: [PremiumTier(minQuantity: 1, percent: 4)], buybackDiscountPercent: 2),
                           stock: stock)
        let dialect = database.dialect
        try await database.transaction { sql in
            try await ProductRepository(sql).insert(coin, now: now)
            try await SpotTickRepository(sql, dialect: dialect).insert(
                SpotTick(metal: .gold, bid: 2500, ask: Decimal(string: "2501.37")!, at: now, source: "t"), status: .accepted)
        }
        let board = PriceBoard(database: database, policy: FeedPolicy(), logger: TestDatabase.logger)
        try await board.refresh()
        return (OrderDesk(database: database, board: board, logger: TestDatabase.logger), board.snapshot)
    }

    func request(_ quote: Quote, payment: PaymentMethod = .bankTransfer, shipping: ShippingMethod = .insured) -> OrderRequest {
        OrderRequest(quoteID: quote.id, customer: customer, shipping: shipping, payment: payment, acceptTerms: true)
    }

    /// An idempotency key belongs to the client that sent it: the same key from another address is another order,
    /// not "key reused"; an empty key or one longer than the spec's 200 characters is refused.
    @Test(arguments: TestDatabase.available)
    func idempotencyKeysAreScopedToTheClientAndBounded(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, snapshot) = try await shop(database, stock: 5)
            let first = try QuoteDesk().quote([("AU-ML-1OZ", 1)], snapshot: snapshot, now: now)
            let second = try QuoteDesk().quote([("AU-ML-1OZ", 1)], snapshot: snapshot, now: now)
            try await desk.save(first)
            try await desk.save(second)
            let mine = try await desk.place(request(first), idempotencyKey: "order-1", by: .visitor(address: "192.0.2.10"), now: now)
            let theirs = try await desk.place(request(second), idempotencyKey: "order-1", by: .visitor(address: "198.51.100.7"), now: now)
            #expect(mine.number != theirs.number)
            #expect(try await desk.place(request(first), idempotencyKey: "order-1", by: .visitor(address: "192.0.2.10"), now: now) == mine)
            for key in ["", String(repeating: "k", count: 201), String(repeating: "k", count: 8_000)] {
                await #expect(throws: OrderProblem.invalidIdempotencyKey) {
                    try await desk.place(request(first), idempotencyKey: key, by: guest, now: now)
                }
            }
            #expect(try OrderDesk.scopedKey(String(repeating: "k", count: 200), of: guest) == "address:192.0.2.10|" + String(repeating: "k", count: 200))
        }
    }

    @Test(arguments: TestDatabase.available)
    func placesAnOrderWithEverythingInOneTransaction(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, snapshot) = try await shop(database, stock: 5)
            let quote = try QuoteDesk().quote([("AU-ML-1OZ", 1)], snapshot: snapshot, now: now)
            try await desk.save(quote)
            let order = try await desk.place(request(quote), idempotencyKey: nil, by: guest, now: now.addingTimeInterval(30))
            #expect(order.number == "T-2026-000001")
            #expect(order.status == .awaitingPayment)
            #expect(order.paymentReference == CreditorReference.make(orderNumber: "T-2026-000001"))
            #expect(order.goodsTotal == Money(cents: 260_117))  // 2501.37 €/oz × 0.99990075 oz × 1.04 = 2601.1666 €, exempt
            #expect(order.shippingFee == Money(cents: 2_995))  // goods above 2,500 €, below 5,000 €
            #expect(order.total == order.goodsTotal + Money(cents: 2_995))
            // Friday → Mon 30 Nov, Tue 1 Dec, Wed 2 Dec; due at the end of Wednesday in Berlin (22:59:59 UTC).
            #expect(order.dueAt == CivilDate.utcMidnight(2026, 12, 2).addingTimeInterval(23 * 3600 - 1))
            let (stored, stock, events) = try await database.read { sql in
                (try await OrderRepository(sql).find(number: "T-2026-000001"),
                 try await ProductRepository(sql).find(sku: "AU-ML-1OZ")?.stock,
                 try await OrderRepository(sql).events(orderID: order.id))
            }
            #expect(stored == order)
            #expect(stock == 4)
            #expect(events.map(\.action) == ["place"])
            #expect(events.first?.to == .awaitingPayment)
            let second = try QuoteDesk().quote([("AU-ML-1OZ", 2)], snapshot: snapshot, now: now)
            try await desk.save(second)
            let big = try await desk.place(request(second), idempotencyKey: nil, by: guest, now: now)
            #expect(big.number == "T-2026-000002")
            #expect(big.shippingFee == .zero)  // 5,202.34 € of goods: free from 5,000 €
        }
    }

    @Test(arguments: TestDatabase.available)
    func refusedOrdersLeaveNothingBehind(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, snapshot) = try await shop(database, stock: 5)
            let quote = try QuoteDesk(lockDuration: 600).quote([("AU-ML-1OZ", 1)], snapshot: snapshot, now: now)
            try await desk.save(quote)
            await #expect(throws: OrderProblem.quoteExpired) {
                try await desk.place(request(quote), idempotencyKey: nil, by: guest, now: now.addingTimeInterval(600))
            }
            await #expect(throws: OrderProblem.termsNotAccepted) {
                var unaccepted = request(quote)
                unaccepted.acceptTerms = false
                return try await desk.place(unaccepted, idempotencyKey: nil, by: guest, now: now)
            }
            await #expect(throws: OrderProblem.invalid(InvalidParameter(name: "postalCode", value: "5114"))) {
                var wrong = request(quote)
                wrong.customer.postalCode = "5114"
                return try await desk.place(wrong, idempotencyKey: nil, by: guest, now: now)
            }
            await #expect(throws: OrderProblem.cashOnlyAtPickup) {
                try await desk.place(request(quote, payment: .cash, shipping: .insured), idempotencyKey: nil, by: guest, now: now)
            }
            await #expect(throws: OrderProblem.quoteNotFound) {
                try await desk.place(OrderRequest(quoteID: UUID(), customer: customer, shipping: .insured, payment: .bankTransfer,
                                                  acceptTerms: true), idempotencyKey: nil, by: guest, now: now)
            }
            let (orders, stock) = try await database.read { sql in
                (try await OrderRepository(sql).count(), try await ProductRepository(sql).find(sku: "AU-ML-1OZ")?.stock)
            }
            #expect(orders == 0)
            #expect(stock == 5)
            // The number was not used up by the failures: the first real order is still 000001.
            #expect(try await desk.place(request(quote), idempotencyKey: nil, by: guest, now: now).number == "T-2026-000001")
            await #expect(throws: OrderProblem.quoteAlreadyOrdered(number: "T-2026-000001")) {
                try await desk.place(request(quote), idempotencyKey: nil, by: guest, now: now)
            }
        }
    }

    /// Parcels go only to the dealer's shipping countries (Germany at first); pickup is open to customers from the
    /// whole EU; once the dealer adds Austria, a parcel to Vienna is accepted.
    @Test(arguments: TestDatabase.available)
    func parcelsGoOnlyToTheShippingCountries(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, snapshot) = try await shop(database, stock: 5)
            let vienna = CustomerDetails(email: "anna@example.at", name: "Anna Huber", street: "Ringstraße 1", postalCode: "1010",
                                         city: "Wien", country: "AT")
            let order = { (shipping: ShippingMethod) in
                let quote = try QuoteDesk().quote([("AU-ML-1OZ", 1)], snapshot: snapshot, now: now)
                try await desk.save(quote)
                var request = request(quote, shipping: shipping)
                request.customer = vienna
                return try await desk.place(request, idempotencyKey: nil, by: guest, now: now)
            }
            await #expect(throws: OrderProblem.notShippedTo("AT")) { try await order(.insured) }
            #expect(try await order(.pickup).shipping == .pickup)
            _ = try await testStaffDirectory(database).add(email: "olga@tresor.example", name: "Olga Owner", role: .owner, by: commandLine, now: now)
            var settings = desk.dealer.current
            settings.shippingCountries = ["DE", "AT"]
            try await desk.dealer.save(settings, by: try await staff("olga@tresor.example", database), now: now)
            #expect(try await order(.insured).customer.country == "AT")
        }
    }

    @Test(arguments: TestDatabase.available)
    func cashOfTwoThousandWaitsForIdentification(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, snapshot) = try await shop(database, stock: 5)
            let quote = try QuoteDesk().quote([("AU-ML-1OZ", 1)], snapshot: snapshot, now: now)  // about 2,600 €
            try await desk.save(quote)
            let order = try await desk.place(request(quote, payment: .cash, shipping: .pickup), idempotencyKey: nil, by: guest, now: now)
            #expect(order.status == .awaitingIdentification)
            #expect(order.compliance.outcome == .needsIdentification)
            #expect(order.dueAt == nil)
            #expect(order.shippingFee == .zero)
        }
    }

    /// One anonymous visitor emptied a shelf with one order and could repeat it at will: orders without an account
    /// are counted per client address and per e-mail address and hour; a refused order takes no stock.
    @Test(arguments: TestDatabase.available)
    func ordersWithoutAnAccountAreLimited(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            var (desk, snapshot) = try await shop(database, stock: 20)
            desk.guestOrdersPerHour = 3
            func order(email: String, from address: String, customerID: UUID? = nil) async throws -> Order {
                let quote = try QuoteDesk().quote([("AU-ML-1OZ", 1)], snapshot: snapshot, now: now)
                try await desk.save(quote)
                var placing = request(quote)
                placing.customer.email = email
                let actor: Actor = customerID.map { .customer(id: $0, address: address) } ?? .visitor(address: address)
                return try await desk.place(placing, idempotencyKey: nil, by: actor, now: now)
            }
            for n in 1...3 { _ = try await order(email: "kunde\(n)@example.de", from: "192.0.2.10") }
            await #expect(throws: OrderProblem.tooManyGuestOrders) { try await order(email: "kunde4@example.de", from: "192.0.2.10") }
            // The same e-mail address from other addresses counts too.
            for n in 1...3 { _ = try await order(email: "hamster@example.de", from: "198.51.100.\(n)") }
            await #expect(throws: OrderProblem.tooManyGuestOrders) { try await order(email: "HAMSTER@example.de", from: "198.51.100.9") }
            #expect(try await database.read { sql in try await ProductRepository(sql).find(sku: "AU-ML-1OZ")?.stock } == 14)
            // A logged-in customer is not counted; with the limit off (load tests) the visitor orders again.
            let accounts = CustomerAccounts(database: database, cost: 4, mail: MailSettings()) { _, _ in "" }
            let erika = try await accounts.register(customer, password: "Goldbarren-1kg", language: .de, now: now)
            _ = try await order(email: customer.email, from: "192.0.2.10", customerID: erika.id)
            desk.guestOrdersPerHour = 0
            _ = try await order(email: "kunde5@example.de", from: "192.0.2.10")
        }
    }

    /// Many buyers, few coins: 200 simultaneous attempts on 10 in stock give exactly 10 orders and stock 0.
    @Test(arguments: TestDatabase.available)
    func neverOversells(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            var (limited, snapshot) = try await shop(database, stock: 10)
            limited.guestOrdersPerHour = 0  // 200 buyers from one test: the guest limit is off, as for load tests
            let desk = limited
            var quotes: [Quote] = []
            for _ in 0..<200 {
                let quote = try QuoteDesk().quote([("AU-ML-1OZ", 1)], snapshot: snapshot, now: now)
                try await desk.save(quote)
                quotes.append(quote)
            }
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for quote in quotes {
                    group.addTask {
                        do {
                            return try await desk.place(request(quote), idempotencyKey: nil, by: guest, now: now).number
                        } catch OrderProblem.insufficientStock {
                            return "sold out"
                        }
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == "sold out" }.count == 190)
            #expect(Set(outcomes.filter { $0 != "sold out" }) == Set((1...10).map { OrderNumbers.order(year: 2026, sequence: $0) }))
            let (orders, stock) = try await database.read { sql in
                (try await OrderRepository(sql).count(), try await ProductRepository(sql).find(sku: "AU-ML-1OZ")?.stock)
            }
            #expect(orders == 10)
            #expect(stock == 0)
        }
    }

    /// 50 repeats of one idempotency key at once give one order; the key with another body is refused.
    @Test(arguments: TestDatabase.available)
    func idempotencyKeyGivesOneOrder(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, snapshot) = try await shop(database, stock: 100)
            let quote = try QuoteDesk().quote([("AU-ML-1OZ", 3)], snapshot: snapshot, now: now)
            try await desk.save(quote)
            let numbers = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<50 {
                    group.addTask { try await desk.place(request(quote), idempotencyKey: "key-1", by: guest, now: now).number }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(numbers == ["T-2026-000001"])
            var changed = request(quote)
            changed.customer.name = "Max Mustermann"
            await #expect(throws: OrderProblem.idempotencyKeyReused) {
                try await desk.place(changed, idempotencyKey: "key-1", by: guest, now: now)
            }
            let stock = try await database.read { sql in try await ProductRepository(sql).find(sku: "AU-ML-1OZ")?.stock }
            #expect(stock == 97)
        }
    }
}

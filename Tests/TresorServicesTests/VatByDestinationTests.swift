import Foundation
import Testing
import TresorCore
@testable import TresorServices
import TresorStore
import TresorTestSupport

/// VAT by destination (§3c, §18j UStG) from quote to invoice: the kilo bar of `PricingTests` (net 971.802779784 € at
/// 28.50 €/oz silver) costs 1166.16 € with Austria's 20 % under the One-Stop-Shop and 1156.45 € with German VAT.
@Suite struct VatByDestinationTests {
    let now = CivilDate.utcMidnight(2026, 11, 27).addingTimeInterval(10 * 3600)
    let vienna = CustomerDetails(email: "maria@example.at", name: "Maria Huber", street: "Praterstraße 1", postalCode: "1020",
                                 city: "Wien", country: "AT")

    /// A shop shipping to Germany, Austria and France (OSS as given) with ten kilo bars at 28.50 €/oz silver.
    func shop(_ database: Database, oss: Bool) async throws -> (OrderDesk, Actor) {
        let bar = Product(sku: "S-BAR-1KG", slug: "silberbarren-1-kg", name: "Silberbarren 1 kg", metal: .silver, form: .bar,
                          grossGrams: 1000, fineness: Fineness("999")!, mint: "Heraeus", year: nil, vatRegime: .standard,
                          premium: try PremiumRule(tiers: [PremiumTier(minQuantity: 1, percent: 6, fixed: Money(cents: 150))],
                                                   buybackDiscountPercent: 5),
                          stock: 10)
        try await database.transaction { sql in
            try await ProductRepository(sql).insert(bar, now: now)
            try await SpotTickRepository(sql, dialect: database.dialect).insert(
                SpotTick(metal: .silver, bid: Decimal(string: "28.10")!, ask: Decimal(string: "28.50")!, at: now, source: "t"), status: .accepted)
        }
        let board = PriceBoard(database: database, policy: FeedPolicy(), logger: TestDatabase.logger)
        try await board.refresh()
        let desk = OrderDesk(database: database, board: board, logger: TestDatabase.logger)
        _ = try await testStaffDirectory(database).add(email: "anna@tresor.example", name: "Anna Berger", role: .owner, by: commandLine, now: now)
        let anna = try await staff("anna@tresor.example", database)
        var settings = desk.dealer.current
        settings.shippingCountries = ["DE", "AT", "FR"]
        settings.ossRegistered = oss
        try await desk.dealer.save(settings, by: anna, now: now)
        return (desk, anna)
    }

    func order(_ quote: Quote, to customer: CustomerDetails, shipping: ShippingMethod = .insured) -> OrderRequest {
        OrderRequest(quoteID: quote.id, customer: customer, shipping: shipping, payment: .bankTransfer, acceptTerms: true)
    }

    /// With the One-Stop-Shop a parcel to Vienna is priced, ordered and invoiced with Austrian VAT: 1166.16 € plus
    /// 19.95 € shipping (goods from 1,000 €), VAT 194.36 + 19.95 / 6 (3.325 → 3.33) = 197.69 € of 1186.11 €, named as
    /// Austria's on the invoice.
    @Test(arguments: TestDatabase.available)
    func aParcelToAustriaCarriesAustrianVAT(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, anna) = try await shop(database, oss: true)
            let quote = try await desk.quote([("S-BAR-1KG", 1)], destination: "AT", now: now)
            #expect(quote.vatCountry == "AT" && quote.lines[0].unitPrice == Money(cents: 116_616) && quote.lines[0].vat == Money(cents: 19_436))
            #expect(try await desk.quote(id: quote.id)?.vatCountry == "AT")
            let placed = try await desk.place(order(quote, to: vienna), idempotencyKey: nil, by: guest, now: now)
            #expect(placed.vatCountry == "AT" && placed.total == Money(cents: 118_611))
            #expect(try await database.read { sql in try await OrderRepository(sql).find(number: placed.number) }?.vatCountry == "AT")
            for action in [OrderAction.markPaid, .pack, .ship(trackingNumber: "00340434161094042557")] {
                _ = try await desk.apply(action, to: placed.number, by: anna, now: now)
            }
            let invoice = try #require(try await database.read { sql in try await InvoiceRepository(sql).find(orderID: placed.id) })
            #expect(invoice.groups.map(\.country) == ["AT"] && invoice.groups[0].ratePercent == 20)
            #expect(invoice.vatTotal == Money(cents: 19_769) && invoice.total == Money(cents: 118_611))
            let words = InvoiceWording(.de)
            #expect(words.vatLabel(invoice.groups[0]) == "zzgl. Umsatzsteuer 20\u{a0}% (Österreich)³")
            #expect(words.notes(invoice).contains { $0.hasPrefix("³ Fernverkauf (§ 3c UStG): Umsatzsteuer des Bestimmungslands Österreich") })
        }
    }

    /// A quote is good for the delivery it was priced for only: Austrian VAT cannot be picked up in Germany, German VAT
    /// cannot travel to Vienna; a country not shipped to gets no quote; a quote without destination is German.
    @Test(arguments: TestDatabase.available)
    func aQuoteFitsOnlyItsDelivery(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, _) = try await shop(database, oss: true)
            let austrian = try await desk.quote([("S-BAR-1KG", 1)], destination: "at", now: now)
            await #expect(throws: OrderProblem.quotedForOtherCountry(quoted: "AT", due: "DE")) {
                try await desk.place(order(austrian, to: vienna, shipping: .pickup), idempotencyKey: nil, by: guest, now: now)
            }
            let german = try await desk.quote([("S-BAR-1KG", 1)], now: now)
            #expect(german.vatCountry == "DE" && german.lines[0].unitPrice == Money(cents: 115_645))
            await #expect(throws: OrderProblem.quotedForOtherCountry(quoted: "DE", due: "AT")) {
                try await desk.place(order(german, to: vienna), idempotencyKey: nil, by: guest, now: now)
            }
            await #expect(throws: QuoteProblem.notShippedTo("PL")) {
                try await desk.quote([("S-BAR-1KG", 1)], destination: "pl", now: now)
            }
            // Nothing was taken from stock by the refused orders.
            #expect(try await database.read { sql in try await ProductRepository(sql).find(sku: "S-BAR-1KG")?.stock } == 10)
            // Picked up in Germany, the German quote is fine.
            let picked = try await desk.place(order(german, to: vienna, shipping: .pickup), idempotencyKey: nil, by: guest, now: now)
            #expect(picked.vatCountry == "DE")
        }
    }

    /// Without the One-Stop-Shop the parcel to Vienna keeps German VAT (1156.45 €), and the year's distance sales are
    /// counted for the dashboard: 1156.45 + 19.95 € shipping with 184.64 + 3.19 € VAT (19.95 × 19/119 = 3.185), net
    /// 988.57 €. A cancelled
    /// unpaid Austrian order at an unchanged price owes the fee alone.
    @Test(arguments: TestDatabase.available)
    func withoutTheOneStopShopGermanVATAndTheThresholdIsWatched(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, anna) = try await shop(database, oss: false)
            let quote = try await desk.quote([("S-BAR-1KG", 1)], destination: "AT", now: now)
            #expect(quote.vatCountry == "DE" && quote.lines[0].unitPrice == Money(cents: 115_645))
            let placed = try await desk.place(order(quote, to: vienna), idempotencyKey: nil, by: guest, now: now)
            for action in [OrderAction.markPaid, .pack, .ship(trackingNumber: "00340434161094042557")] {
                _ = try await desk.apply(action, to: placed.number, by: anna, now: now)
            }
            let standing = try await DistanceSales(database: database).standing(now: now)
            #expect(standing.thisYear == Money(cents: 98_857) && standing.lastYear == .zero && standing.level == .clear)
            // Next year the same sales are last year's.
            let nextYear = try await DistanceSales(database: database).standing(now: CivilDate.berlinMidnight(2027, 3, 1))
            #expect(nextYear.year == 2027 && nextYear.thisYear == .zero && nextYear.lastYear == Money(cents: 98_857))

            var settings = desk.dealer.current
            settings.ossRegistered = true
            try await desk.dealer.save(settings, by: anna, now: now)
            let unpaid = try await desk.place(order(try await desk.quote([("S-BAR-1KG", 1)], destination: "AT", now: now), to: vienna),
                                              idempotencyKey: nil, by: guest, now: now)
            let (_, loss) = try await desk.cancelUnpaid(unpaid.number, by: anna, reason: "not paid", snapshot: desk.board.snapshot,
                                                        fee: Money(cents: 2_500), now: now)
            #expect(loss == Money(cents: 2_500))
        }
    }
}

import Foundation
import Testing
@testable import TresorCore

@Suite struct QuoteTests {
    let now = CivilDate.utcMidnight(2026, 11, 27)

    func snapshot() throws -> CatalogueSnapshot {
        let krugerrand = try PricingTests().krugerrand()  // 5 in stock; 3.5 % from 1, 3.0 % from 10
        var stocked = krugerrand
        stocked.stock = 20
        let bar = Product(sku: "S-BAR-1KG", slug: "s-bar-1kg", name: "Silberbarren 1 kg", metal: .silver, form: .bar,
                          grossGrams: 1000, fineness: Fineness("999")!, mint: "Heraeus", year: nil, vatRegime: .standard,
                          premium: try PremiumRule(tiers: [PremiumTier(minQuantity: 1, percent: 6, fixed: Money(cents: 150))],
                                                   buybackDiscountPercent: 5),
                          stock: 3)
        let ticks: [Metal: SpotTick] = [
            .gold: SpotTick(metal: .gold, bid: Decimal(string: "2498.12")!, ask: Decimal(string: "2501.37")!, at: now, source: "t"),
            .silver: SpotTick(metal: .silver, bid: Decimal(string: "28.10")!, ask: Decimal(string: "28.50")!, at: now, source: "t"),
        ]
        return CatalogueSnapshot(products: [stocked, bar], ticks: ticks, policy: FeedPolicy())
    }

    @Test func locksTierPricesAndLineVAT() throws {
        let desk = QuoteDesk(lockDuration: 600)
        let quote = try desk.quote([("G-KR-1OZ", 4), ("S-BAR-1KG", 3), ("G-KR-1OZ", 8)], snapshot: try snapshot(), now: now)
        #expect(quote.lines.map(\.sku) == ["G-KR-1OZ", "S-BAR-1KG"])
        // 12 Krugerrand reach the 10-piece tier: 2501.3824009 × 1.03 = 2576.42 € each, 30,917.04 €, no VAT.
        #expect(quote.lines[0].quantity == 12)
        #expect(quote.lines[0].unitPrice == Money(cents: 257_642))
        #expect(quote.lines[0].lineTotal == Money(cents: 3_091_704))
        #expect(quote.lines[0].vat == .zero)
        // 3 kilo bars at 1156.45 € (PricingTests): 3469.35 €, VAT 3469.35 × 19/119 = 553.93 €.
        #expect(quote.lines[1].lineTotal == Money(cents: 346_935))
        #expect(quote.lines[1].vat == Money(cents: 55_393))
        #expect(quote.goodsTotal == Money(cents: 3_438_639))
        #expect(quote.expiresAt == now.addingTimeInterval(600))
        #expect(quote.isValid(at: now.addingTimeInterval(599)))
        #expect(!quote.isValid(at: now.addingTimeInterval(600)))
    }

    @Test func refusesWhatCannotBeSold() throws {
        let desk = QuoteDesk()
        let shop = try snapshot()
        #expect(throws: QuoteProblem.empty) { try desk.quote([], snapshot: shop, now: now) }
        #expect(throws: QuoteProblem.quantity(sku: "G-KR-1OZ", quantity: 0)) { try desk.quote([("G-KR-1OZ", 0)], snapshot: shop, now: now) }
        #expect(throws: QuoteProblem.unknownProduct(sku: "NOPE")) { try desk.quote([("NOPE", 1)], snapshot: shop, now: now) }
        #expect(throws: QuoteProblem.insufficientStock(sku: "S-BAR-1KG", requested: 4, available: 3)) {
            try desk.quote([("S-BAR-1KG", 4)], snapshot: shop, now: now)
        }
        // 121 s later the ticks are stale: no price, no quote.
        #expect(throws: QuoteProblem.noPrice(sku: "G-KR-1OZ")) {
            try desk.quote([("G-KR-1OZ", 1)], snapshot: shop, now: now.addingTimeInterval(121))
        }
    }

    /// A quote for a parcel taxed in Austria: the kilo bar at 1166.16 € with 194.36 € Austrian VAT (`PricingTests`),
    /// the Krugerrand exempt as anywhere.
    @Test func aQuoteCarriesTheVATOfItsTaxingCountry() throws {
        let quote = try QuoteDesk().quote([("S-BAR-1KG", 1), ("G-KR-1OZ", 1)], snapshot: try snapshot(), now: now, vatCountry: "AT")
        #expect(quote.vatCountry == "AT")
        #expect(quote.lines.map(\.unitPrice) == [Money(cents: 116_616), Money(cents: 258_893)])
        #expect(quote.lines.map(\.vat) == [Money(cents: 19_436), .zero])
        #expect(try QuoteDesk().quote([("S-BAR-1KG", 1)], snapshot: try snapshot(), now: now).vatCountry == "DE")
    }
}

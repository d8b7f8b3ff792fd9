import Foundation
import Testing
@testable import TresorCore

@Suite struct CatalogueTests {
    let now = CivilDate.utcMidnight(2026, 11, 27)

    func product(_ sku: String, _ metal: Metal, _ form: ProductForm, grams: Decimal, percent: Decimal, stock: Int,
                 mint: String = "Heraeus") -> Product {
        Product(sku: sku, slug: sku.lowercased(), name: sku, metal: metal, form: form, grossGrams: grams,
                fineness: Fineness(perMille: 1000)!, mint: mint, year: nil, vatRegime: .exemptInvestmentGold,
                premium: try! PremiumRule(tiers: [PremiumTier(minQuantity: 1, percent: percent)], buybackDiscountPercent: 1),
                stock: stock)
    }

    var snapshot: CatalogueSnapshot {
        let products = [
            product("G100", .gold, .bar, grams: 100, percent: 2, stock: 3),
            product("G1", .gold, .bar, grams: 1, percent: 20, stock: 0, mint: "Umicore"),
            product("G31", .gold, .coin, grams: Decimal(string: "31.1034768")!, percent: 4, stock: 9),
            product("S1000", .silver, .bar, grams: 1000, percent: 8, stock: 1),
        ]
        let ticks: [Metal: SpotTick] = [
            .gold: SpotTick(metal: .gold, bid: 2400, ask: 2500, at: now.addingTimeInterval(-30), source: "t"),
            .silver: SpotTick(metal: .silver, bid: 28, ask: 29, at: now.addingTimeInterval(-600), source: "t"),
        ]
        return CatalogueSnapshot(products: products, ticks: ticks, policy: FeedPolicy())
    }

    @Test func filtersAndSorts() {
        let gold = snapshot.query(CatalogueQuery(metal: .gold, sort: .price), now: now)
        #expect(gold.items.map(\.product.sku) == ["G1", "G31", "G100"])
        let bars = snapshot.query(CatalogueQuery(form: .bar, inStockOnly: true), now: now)
        #expect(bars.items.map(\.product.sku) == ["G100", "S1000"])
        let cheapestPerGram = snapshot.query(CatalogueQuery(metal: .gold, sort: .pricePerGram), now: now)
        #expect(cheapestPerGram.items.first?.product.sku == "G100")
        let byMint = snapshot.query(CatalogueQuery(mint: "umicore"), now: now)
        #expect(byMint.items.map(\.product.sku) == ["G1"])
        let weights = snapshot.query(CatalogueQuery(minFineGrams: 2, maxFineGrams: 100), now: now)
        #expect(weights.items.map(\.product.sku) == ["G31", "G100"])
    }

    @Test func staleMetalHasNoPricesAndSortsLast() {
        // silver's tick is 600 s old, beyond the 120 s limit: no price; platinum has none at all.
        let page = snapshot.query(CatalogueQuery(sort: .price), now: now)
        #expect(page.items.last?.product.sku == "S1000")
        #expect(page.items.last?.prices == nil)
        #expect(page.items.first?.prices != nil)
        #expect(snapshot.anyStale(now: now))
        #expect(!snapshot.isFresh(.silver, now: now))
        #expect(snapshot.isFresh(.gold, now: now))
    }

    /// A snapshot built on the previous one (same products, a new gold tick) orders and prices exactly as one built
    /// from nothing: gold repriced, silver's prices kept, every sort the same.
    @Test func aTickOnThePreviousSnapshotEqualsAFreshBuild() {
        let before = snapshot
        var ticks = before.ticks
        ticks[.gold] = SpotTick(metal: .gold, bid: 2600, ask: 2700, at: now.addingTimeInterval(-10), source: "t")
        ticks[.silver] = SpotTick(metal: .silver, bid: 28, ask: 29, at: now.addingTimeInterval(-20), source: "t")
        let fresh = CatalogueSnapshot(products: before.products, ticks: ticks, policy: FeedPolicy())
        let reused = CatalogueSnapshot(products: before.products, ticks: ticks, policy: FeedPolicy(), previous: before)
        for sort in CatalogueSort.allCases {
            let (a, b) = (fresh.query(CatalogueQuery(sort: sort), now: now), reused.query(CatalogueQuery(sort: sort), now: now))
            #expect(a.items == b.items, "\(sort)")
        }
        // 1 g of gold at 2,700 €/oz ask: 2700 / 31.1034768 = 86.806… € metal value, +20 % premium = 104.17 €.
        #expect(reused.priced(reused.product(sku: "G1")!, now: now).prices?.unitPrice == Money(cents: 10_417))
        // Other products: a snapshot of different products is not taken as the previous one.
        let other = CatalogueSnapshot(products: Array(before.products.prefix(2)), ticks: ticks, policy: FeedPolicy(), previous: before)
        #expect(other.query(CatalogueQuery(sort: .name), now: now).items.map(\.product.sku) == ["G1", "G100"])
    }

    @Test func paging() {
        let page = snapshot.query(CatalogueQuery(sort: .name, page: 2, perPage: 3), now: now)
        #expect(page.total == 4)
        #expect(page.pageCount == 2)
        #expect(page.items.map(\.product.sku) == ["S1000"])
        let beyond = snapshot.query(CatalogueQuery(page: 9, perPage: 3), now: now)
        #expect(beyond.items.isEmpty)
    }

    @Test func parsesParametersAndNamesTheBadOne() throws {
        let query = try CatalogueQuery.parse([("metal", "gold"), ("form", "bar"), ("minWeight", "1,5"),
                                              ("inStock", "on"), ("sort", "premium"), ("page", "2"), ("utm", "x")])
        #expect(query.metal == .gold)
        #expect(query.minFineGrams == Decimal(string: "1.5"))
        #expect(query.inStockOnly)
        #expect(query.sort == .premium)
        #expect(query.page == 2)
        #expect(throws: InvalidParameter(name: "metal", value: "copper")) { try CatalogueQuery.parse([("metal", "copper")]) }
        #expect(throws: InvalidParameter(name: "page", value: "0")) { try CatalogueQuery.parse([("page", "0")]) }
        #expect(throws: InvalidParameter(name: "perPage", value: "101")) { try CatalogueQuery.parse([("perPage", "101")]) }
        #expect(throws: InvalidParameter(name: "minWeight", value: "1e3")) { try CatalogueQuery.parse([("minWeight", "1e3")]) }
        // A minimum above the maximum finds nothing, and is no error (the API's contract allows it).
        #expect(try CatalogueQuery.parse([("minWeight", "5"), ("maxWeight", "1")]).maxFineGrams == 1)
        #expect(try CatalogueQuery.parse([("metal", "")]).metal == nil)
    }
}

@Suite struct FeedPolicyTests {
    let now = CivilDate.utcMidnight(2026, 11, 27)

    @Test func staleAfterConfiguredAge() {
        let policy = FeedPolicy(staleAfter: .seconds(120))
        #expect(policy.isFresh(now.addingTimeInterval(-120), now: now))
        #expect(!policy.isFresh(now.addingTimeInterval(-121), now: now))
    }

    @Test func holdsJumpsBeyondTheLimit() {
        let policy = FeedPolicy(jumpLimitPercent: 3)
        let last = SpotTick(metal: .gold, bid: 1990, ask: 2010, at: now, source: "t")  // mid 2000
        let small = SpotTick(metal: .gold, bid: 2050, ask: 2070, at: now, source: "t")  // mid 2060: +3.00 %
        let big = SpotTick(metal: .gold, bid: 2051, ask: 2071, at: now, source: "t")  // mid 2061: +3.05 %
        let fall = SpotTick(metal: .gold, bid: 1900, ask: 1920, at: now, source: "t")  // mid 1910: −4.50 %
        #expect(policy.judge(small, lastAccepted: last) == .accept)
        #expect(policy.judge(big, lastAccepted: last) == .hold(changePercent: Decimal(string: "3.05")!))
        #expect(policy.judge(fall, lastAccepted: last) == .hold(changePercent: Decimal(string: "-4.5")!))
        #expect(policy.judge(big, lastAccepted: nil) == .accept)
    }

    @Test func validatesTicks() {
        #expect(throws: SpotTickProblem.bidAboveAsk) {
            try SpotTick(metal: .gold, bid: 2, ask: 1, at: now, source: "t").validate()
        }
        #expect(throws: SpotTickProblem.nonPositive) {
            try SpotTick(metal: .gold, bid: 0, ask: 1, at: now, source: "t").validate()
        }
    }
}

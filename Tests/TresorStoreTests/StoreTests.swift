import Foundation
import Testing
import TresorCore
@testable import TresorStore
import TresorTestSupport

@Suite struct StoreTests {
    let now = CivilDate.utcMidnight(2026, 11, 27)

    func product(_ sku: String, stock: Int = 3) throws -> Product {
        Product(sku: sku, slug: sku.lowercased(), name: "Goldbarren \(sku)", metal: .gold, form: .bar,
                grossGrams: Decimal(string: "31.1035")!, fineness: Fineness("999.9")!, mint: "Heraeus", year: nil,
                vatRegime: .exemptInvestmentGold,
                premium: try PremiumRule(tiers: [PremiumTier(minQuantity: 1, percent: Decimal(string: "3.25")!),
                                                 PremiumTier(minQuantity: 5, percent: 3, fixed: Money(cents: 150))],
                                         buybackDiscountPercent: Decimal(string: "1.5")!, buybackFixedDiscount: Money(cents: 99)),
                stock: stock, featured: true, descriptionDE: "Barren", descriptionEN: "Bar")
    }

    @Test(arguments: TestDatabase.available)
    func migrationsRunOnce(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let again = try await Migrator().migrate(database)
            #expect(again.isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func productsRoundTripExactly(_ kind: TestDatabase) async throws {
        let original = try product("AU-1OZ")
        let loaded = try await kind.with { database in
            try await database.transaction { sql in try await ProductRepository(sql).insert(original, now: now) }
            return try await database.read { sql in try await ProductRepository(sql).all() }
        }
        #expect(loaded == [original])
        #expect(loaded.first?.grossGrams == Decimal(string: "31.1035"))
        #expect(loaded.first?.premium.tiers.last?.fixed == Money(cents: 150))
    }

    @Test(arguments: TestDatabase.available)
    func aFailedTransactionWritesNothing(_ kind: TestDatabase) async throws {
        let first = try product("AU-A")
        let clash = try product("AU-A")  // same SKU: the second insert violates the unique key
        let count = try await kind.with { database in
            await #expect(throws: (any Error).self) {
                try await database.transaction { sql in
                    try await ProductRepository(sql).insert(first, now: now)
                    try await ProductRepository(sql).insert(clash, now: now)
                }
            }
            return try await database.read { sql in try await ProductRepository(sql).count() }
        }
        #expect(count == 0)
    }

    @Test(arguments: TestDatabase.available)
    func latestAndDayAgoTicks(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let dialect = database.dialect
            try await database.transaction { sql in
                let ticks = SpotTickRepository(sql, dialect: dialect)
                try await ticks.insert(SpotTick(metal: .gold, bid: 2400, ask: 2410, at: now.addingTimeInterval(-90_000), source: "t"), status: .accepted)
                try await ticks.insert(SpotTick(metal: .gold, bid: 2500, ask: Decimal(string: "2501.37")!, at: now, source: "t"), status: .accepted)
                try await ticks.insert(SpotTick(metal: .gold, bid: 9000, ask: 9001, at: now.addingTimeInterval(5), source: "t"), status: .held,
                                       changePercent: 260)
            }
            let (latest, dayAgo, held) = try await database.read { sql in
                let ticks = SpotTickRepository(sql, dialect: dialect)
                return (try await ticks.latestAccepted(), try await ticks.latestAccepted(.gold, atOrBefore: now.addingTimeInterval(-86_400)),
                        try await ticks.held())
            }
            #expect(latest[.gold]?.ask == Decimal(string: "2501.37"))
            #expect(latest[.silver] == nil)
            #expect(dayAgo?.ask == 2410)
            #expect(held.count == 1)
            #expect(held.first?.changePercent == 260)
        }
    }

    @Test(arguments: TestDatabase.available)
    func historyKeepsOnePointPerBucket(_ kind: TestDatabase) async throws {
        // 120 ticks one minute apart, bucketed by 10 minutes → 12 points (plus at most one partial bucket).
        let ticks: [SpotTick] = (0..<120).map { (minute: Int) -> SpotTick in
            let at = now.addingTimeInterval(Double(minute * 60))
            return SpotTick(metal: .silver, bid: Decimal(30 + minute), ask: Decimal(31 + minute), at: at, source: "demo")
        }
        let history = try await kind.with { database in
            let dialect = database.dialect
            try await database.transaction { sql in try await SpotTickRepository(sql, dialect: dialect).insertAccepted(ticks) }
            return try await database.read { sql in
                try await SpotTickRepository(sql, dialect: dialect).history(.silver, from: now, bucketSeconds: 600)
            }
        }
        #expect((12...13).contains(history.count))
        let times: [Date] = history.map { $0.at }
        #expect(times == times.sorted())
        #expect(history.last?.ask == 150)
    }

    @Test(arguments: TestDatabase.available)
    func decidingAHeldTick(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let dialect = database.dialect
            try await database.transaction { sql in
                try await SpotTickRepository(sql, dialect: dialect).insert(
                    SpotTick(metal: .platinum, bid: 1000, ask: 1001, at: now, source: "t"), status: .held, changePercent: 9)
            }
            let id = try #require(try await database.read { sql in try await SpotTickRepository(sql, dialect: dialect).held() }.first?.id)
            let decided = try await database.transaction { sql in
                try await SpotTickRepository(sql, dialect: dialect).decide(id: id, status: .rejected, by: "anna", at: now)
            }
            let twice = try await database.transaction { sql in
                try await SpotTickRepository(sql, dialect: dialect).decide(id: id, status: .accepted, by: "anna", at: now)
            }
            #expect(decided)
            #expect(!twice)
            let latest = try await database.read { sql in try await SpotTickRepository(sql, dialect: dialect).latestAccepted() }
            #expect(latest[.platinum] == nil)
        }
    }

    @Test func databaseLocations() throws {
        #expect(try DatabaseLocation("postgres://u:p@db:5432/tresor") == .postgres(url: "postgres://u:p@db:5432/tresor"))
        #expect(try DatabaseLocation("sqlite:///var/lib/tresor.db") == .sqlite(path: "/var/lib/tresor.db"))
        #expect(try DatabaseLocation("data/t.sqlite") == .sqlite(path: "data/t.sqlite"))
        #expect(throws: DatabaseLocation.Invalid.self) { try DatabaseLocation("mysql://x/y") }
        #expect(throws: DatabaseLocation.Invalid.self) { try DatabaseLocation("postgres://") }
    }
}

@Suite struct ConcurrencyTests {
    let now = CivilDate.utcMidnight(2026, 11, 27)

    /// Many writers and readers at once: nothing is lost, nothing deadlocks (sqlite-nio's busy handler would
    /// livelock concurrent writers on separate connections; the single writer behind a lock must not).
    @Test(arguments: TestDatabase.available)
    func concurrentWritersAndReaders(_ kind: TestDatabase) async throws {
        let count = try await kind.with { database in
            let dialect = database.dialect
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<100 {
                    group.addTask {
                        try await database.transaction { sql in
                            try await SpotTickRepository(sql, dialect: dialect).insert(
                                SpotTick(metal: .gold, bid: Decimal(index), ask: Decimal(index + 1),
                                         at: now.addingTimeInterval(Double(index)), source: "t"), status: .accepted)
                        }
                    }
                    group.addTask {
                        _ = try await database.read { sql in try await SpotTickRepository(sql, dialect: dialect).latestAccepted() }
                    }
                }
                try await group.waitForAll()
            }
            return try await database.read { sql in try await SpotTickRepository(sql, dialect: dialect).count() }
        }
        #expect(count == 100)
    }

    /// Read-modify-write inside transactions is serialised on SQLite: no lost update.
    @Test func sqliteTransactionsDoNotLoseUpdates() async throws {
        let stock = try await TestDatabase.sqlite.with { database in
            try await database.transaction { sql in
                try await ProductRepository(sql).insert(try StoreTests().product("AU-RMW", stock: 0), now: now)
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<50 {
                    group.addTask {
                        try await database.transaction { sql in
                            let current = try await sql.rows("SELECT stock FROM products WHERE sku = \(bind: "AU-RMW")")[0].int("stock")
                            try await sql.execute("UPDATE products SET stock = \(bind: current + 1) WHERE sku = \(bind: "AU-RMW")")
                        }
                    }
                }
                try await group.waitForAll()
            }
            return try await database.read { sql in try await ProductRepository(sql).find(sku: "AU-RMW")?.stock }
        }
        #expect(stock == 50)
    }
}

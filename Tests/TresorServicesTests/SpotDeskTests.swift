import Foundation
import Logging
import Synchronization
import Testing
import TresorCore
@testable import TresorServices
import TresorStore
import TresorTestSupport

@Suite struct SpotDeskTests {
    let now = CivilDate.utcMidnight(2026, 11, 27)

    func tick(_ metal: Metal, _ mid: Decimal, _ seconds: Double = 0) -> SpotTick {
        SpotTick(metal: metal, bid: mid - 1, ask: mid + 1, at: now.addingTimeInterval(seconds), source: "test")
    }

    @Test(arguments: TestDatabase.available)
    func jumpsAreHeldAndConfirmedByTheNextTick(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let desk = SpotDesk(database: database, policy: FeedPolicy(jumpLimitPercent: 3), logger: TestDatabase.logger)
            #expect(try await desk.ingest(tick(.gold, 2000), by: SpotDesk.feedJob) == .accepted)
            #expect(try await desk.ingest(tick(.gold, 2050, 5), by: SpotDesk.feedJob) == .accepted)  // +2.5 %
            #expect(try await desk.ingest(tick(.gold, 2200, 10), by: SpotDesk.feedJob) == .held(changePercent: Decimal(string: "7.32")!))
            // The held price is not used: the latest accepted is still 2050.
            let board = PriceBoard(database: database, policy: FeedPolicy(), logger: TestDatabase.logger)
            try await board.refresh()
            #expect(board.snapshot.ticks[.gold]?.mid == 2050)
            // The next tick agrees with the held one (2210 is +0.45 % from 2200): both are accepted.
            let heldID = try #require(try await desk.held().first?.id)
            #expect(try await desk.ingest(tick(.gold, 2210, 15), by: SpotDesk.feedJob) == .acceptedConfirmingHeld(heldID: heldID))
            #expect(try await desk.held().isEmpty)
            try await board.refresh()
            #expect(board.snapshot.ticks[.gold]?.mid == 2210)
        }
    }

    /// A live stream waiting on the board is woken by the next snapshot, not at its next look; a cancelled wait ends.
    @Test(arguments: TestDatabase.available)
    func aNewSnapshotWakesTheStreamsWaitingForIt(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let desk = SpotDesk(database: database, policy: FeedPolicy(), logger: TestDatabase.logger)
            let board = PriceBoard(database: database, policy: FeedPolicy(), logger: TestDatabase.logger)
            _ = try await desk.ingest(tick(.gold, 2000), by: SpotDesk.feedJob)
            try await board.refresh()
            let seen = board.generation
            await board.change(after: seen - 1)  // already newer: returns at once
            let woken = Task { await board.change(after: seen); return board.snapshot.ticks[.gold]?.mid }
            try await Task.sleep(for: .milliseconds(50))
            _ = try await desk.ingest(tick(.gold, 2010, 5), by: SpotDesk.feedJob)
            try await board.refresh()
            #expect(await woken.value == 2010)
            let cancelled = Task { await board.change(after: board.generation) }
            cancelled.cancel()
            await cancelled.value  // would hang without the cancellation handler
        }
    }

    @Test(arguments: TestDatabase.available)
    func aHeldOutlierStaysHeldWhenPricesReturn(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let desk = SpotDesk(database: database, policy: FeedPolicy(jumpLimitPercent: 3), logger: TestDatabase.logger)
            _ = try await desk.ingest(tick(.silver, 30), by: SpotDesk.feedJob)
            #expect(try await desk.ingest(tick(.silver, 300, 5), by: SpotDesk.feedJob) == .held(changePercent: 900))
            #expect(try await desk.ingest(tick(.silver, Decimal(string: "30.1")!, 10), by: SpotDesk.feedJob) == .accepted)
            let held = try await desk.held()
            #expect(held.count == 1)
            _ = try await testStaffDirectory(database).add(email: "handel@tresor.example", name: "Hanna Handel", role: .sales, by: commandLine, now: now)
            let trader = try await staff("handel@tresor.example", database)
            try await desk.decide(id: held[0].id, confirm: false, by: trader, now: now)
            #expect(try await desk.held().isEmpty)
            await #expect(throws: SpotDesk.DecisionError.noSuchHeldTick(held[0].id)) {
                try await desk.decide(id: held[0].id, confirm: true, by: trader, now: now)
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func staffConfirmAHeldJump(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let desk = SpotDesk(database: database, policy: FeedPolicy(jumpLimitPercent: 3), logger: TestDatabase.logger)
            _ = try await desk.ingest(tick(.platinum, 1000), by: SpotDesk.feedJob)
            _ = try await desk.ingest(tick(.platinum, 1100, 5), by: SpotDesk.feedJob)
            let id = try #require(try await desk.held().first?.id)
            _ = try await testStaffDirectory(database).add(email: "owner@tresor.example", name: "Olga Owner", role: .owner, by: commandLine, now: now)
            try await desk.decide(id: id, confirm: true, by: try await staff("owner@tresor.example", database), now: now)
            let board = PriceBoard(database: database, policy: FeedPolicy(), logger: TestDatabase.logger)
            try await board.refresh()
            #expect(board.snapshot.ticks[.platinum]?.mid == 1100)
        }
    }

    @Test func invalidTicksAreRefused() async throws {
        try await TestDatabase.sqlite.with { database in
            let desk = SpotDesk(database: database, policy: FeedPolicy(), logger: TestDatabase.logger)
            await #expect(throws: SpotTickProblem.bidAboveAsk) {
                try await desk.ingest(SpotTick(metal: .gold, bid: 10, ask: 9, at: now, source: "t"), by: SpotDesk.feedJob)
            }
        }
    }
}

@Suite struct FeedTests {
    let now = CivilDate.utcMidnight(2026, 11, 27)

    @Test func demoFeedIsSeededAndStaysBelowTheJumpLimit() async throws {
        let a = DemoFeed(seed: 42)
        let b = DemoFeed(seed: 42)
        let first = try await a.fetch(now: now)
        #expect(first == (try await b.fetch(now: now)))
        #expect(first.count == 4)
        var last = first
        for step in 1...50 {
            let next = try await a.fetch(now: now.addingTimeInterval(Double(step * 5)))
            for (old, new) in zip(last, next) {
                #expect(FeedPolicy(jumpLimitPercent: 3).judge(new, lastAccepted: old) == .accept)
                #expect(new.bid < new.ask)
            }
            last = next
        }
    }

    @Test func demoHistoryEndsAtTheStartLevelsAndCoversAYear() {
        let feed = DemoFeed(startLevels: [.gold: 3000])
        let history = feed.history(endingAt: now)
        #expect(history.count == 24 * 60 + (365 * 24 - 24))
        #expect(history.first!.at == now.addingTimeInterval(-365 * 86_400))
        #expect(history.last!.at == now.addingTimeInterval(-60))
        let lastMid = history.last!.mid
        #expect(lastMid > 2950 && lastMid < 3050)
        #expect(history.map(\.at) == history.map(\.at).sorted())
    }

    @Test func httpFeedParsesTheDocumentedShape() throws {
        let json = """
            {"source": "Partner AG", "prices": [
              {"metal": "XAU", "bid": "2501.30", "ask": "2503.10", "at": "2026-11-27T10:00:00Z"},
              {"metal": "XAG", "bid": "28.91", "ask": "29.02"}
            ]}
            """
        let ticks = try HTTPFeed.parse(Data(json.utf8), fallbackSource: "http", now: now)
        #expect(ticks.count == 2)
        #expect(ticks[0].ask == Decimal(string: "2503.10"))
        #expect(ticks[0].source == "Partner AG")
        #expect(ticks[0].at == Date(timeIntervalSince1970: 1_795_773_600))
        #expect(ticks[1].at == now)
    }

    @Test func httpFeedRefusesFloatsAndNonsense() {
        #expect(throws: HTTPFeed.Problem.malformed("bid and ask must be decimal strings")) {
            try HTTPFeed.parse(Data(#"{"prices":[{"metal":"XAU","bid":"2501.3x","ask":"1"}]}"#.utf8), fallbackSource: "h", now: now)
        }
        #expect(throws: HTTPFeed.Problem.malformed("not the documented JSON shape")) {
            try HTTPFeed.parse(Data(#"{"prices":[{"metal":"XAU","bid":2501.3,"ask":2502}]}"#.utf8), fallbackSource: "h", now: now)
        }
        #expect(throws: HTTPFeed.Problem.malformed("unknown metal CU")) {
            try HTTPFeed.parse(Data(#"{"prices":[{"metal":"CU","bid":"1","ask":"2"}]}"#.utf8), fallbackSource: "h", now: now)
        }
    }

    @Test func demoCatalogueIsRealistic() throws {
        let products = DemoCatalogue.products()
        #expect(products.count >= 40)
        #expect(Set(products.map(\.sku)).count == products.count)
        #expect(Set(products.map(\.slug)).count == products.count)
        for metal in Metal.allCases { #expect(products.contains { $0.metal == metal }) }
        // Krugerrand: 33.93 g at 916.7 ‰ holds 31.103631 g of gold, one troy ounce to 5 ppm.
        let krugerrand = try #require(products.first { $0.sku == "AU-KR-1OZ" })
        #expect(krugerrand.fineGrams == Decimal(string: "31.103631"))
        #expect(krugerrand.vatRegime == .exemptInvestmentGold)
        #expect(products.filter { $0.metal == .gold }.allSatisfy { $0.vatRegime == .exemptInvestmentGold })
        #expect(products.filter { $0.form == .bar && $0.metal != .gold }.allSatisfy { $0.vatRegime == .standard })
        #expect(products.contains { $0.vatRegime == .marginScheme })
        // Slugs come from the names alone; generated variants get their own suffix.
        #expect(products.first { $0.sku == "AU-VR-20F" }?.slug == "vreneli-20-franken-gold")
        let variants = DemoCatalogue.variants(50)
        #expect(Set(variants.map(\.slug)).count == 50)
        #expect(Set(variants.map(\.slug)).isDisjoint(with: products.map(\.slug)))
    }
}

/// A feed that counts how often it was asked.
final class CountingFeed: PriceFeed {
    let name = "counting"
    let interval: Duration? = .milliseconds(50)
    private let count = Mutex(0)
    var polls: Int { count.withLock { $0 } }
    func fetch(now: Date) async throws -> [SpotTick] {
        count.withLock { $0 += 1 }
        return []
    }
}

@Suite struct FeedLeadershipTests {
    /// Two instances on one database: only the leader polls; when its term ends the other may take over.
    @Test(arguments: TestDatabase.available)
    func onlyOneInstancePolls(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (a, b) = (CountingFeed(), CountingFeed())
            let board = PriceBoard(database: database, policy: FeedPolicy(), logger: TestDatabase.logger)
            let desk = SpotDesk(database: database, policy: FeedPolicy(), logger: TestDatabase.logger)
            let serviceA = FeedService(feed: a, desk: desk, board: board, now: { Date() }, logger: TestDatabase.logger)
            let serviceB = FeedService(feed: b, desk: desk, board: board, now: { Date() }, logger: TestDatabase.logger)
            async let termA: Void = serviceA.leadOneTerm(interval: .milliseconds(50), term: .seconds(2))
            // Once A has polled, it holds leadership for the rest of its term.
            let deadline = ContinuousClock.now + .seconds(10)
            while a.polls == 0 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
            #expect(a.polls >= 1)
            await serviceB.leadOneTerm(interval: .milliseconds(50), term: .milliseconds(200))
            if database.dialect == .postgres {
                #expect(b.polls == 0)  // A held the advisory lock
            } else {
                #expect(b.polls >= 1)  // SQLite: a single process, every service leads
            }
            await termA
            await serviceB.leadOneTerm(interval: .milliseconds(50), term: .milliseconds(200))
            #expect(b.polls >= 1)  // free again once A's term ended
        }
    }
}

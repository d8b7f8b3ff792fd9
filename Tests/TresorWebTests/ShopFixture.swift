import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Prometheus
import Synchronization
import TresorCore
import TresorServices
import TresorStore
import TresorTestSupport
@testable import TresorWeb

/// A shop with the demo catalogue and known spot prices at a fixed moment, tested through the router.
struct ShopFixture {
    static let now = CivilDate.utcMidnight(2026, 11, 27).addingTimeInterval(10 * 3600)

    /// Gold at 2498.12 / 2501.37 €/oz, silver 28.40 / 28.50, platinum 1348.00 / 1350.00, palladium 1198.00 / 1200.00.
    static let ticks = [
        SpotTick(metal: .gold, bid: Decimal(string: "2498.12")!, ask: Decimal(string: "2501.37")!, at: now.addingTimeInterval(-10), source: "test"),
        SpotTick(metal: .silver, bid: Decimal(string: "28.40")!, ask: Decimal(string: "28.50")!, at: now.addingTimeInterval(-10), source: "test"),
        SpotTick(metal: .platinum, bid: 1348, ask: 1350, at: now.addingTimeInterval(-10), source: "test"),
        SpotTick(metal: .palladium, bid: 1198, ask: 1200, at: now.addingTimeInterval(-10), source: "test"),
    ]

    var client: any TestClientProtocol
    var board: PriceBoard
    var database: Database
    var shop: Shop
    /// How many uploads the web layer parsed.
    var uploadsParsed: WorkCounter

    /// `age` shifts the clock, so the same ticks can be fresh or stale; `clock` lets a test move time on.
    /// `recheck` is how long news pages trust their cached edition; by default a test sees its changes at once.
    static func run(_ kind: TestDatabase = .sqlite, age: TimeInterval = 0, extraProducts: [Product] = [],
                    withoutTicksFor missing: Set<Metal> = [], clock: TestClock? = nil, recheck: Duration = .zero,
                    configure: Configure = Configure { _ in },
                    _ body: @Sendable (ShopFixture) async throws -> Void) async throws {
        try await kind.with { database in
            try await Seeder(database: database, logger: TestDatabase.logger).seedCatalogueIfEmpty(now: now)
            let dialect = database.dialect
            try await database.transaction { sql in
                for product in extraProducts { try await ProductRepository(sql).insert(product, now: now) }
                for tick in ticks where !missing.contains(tick.metal) { try await SpotTickRepository(sql, dialect: dialect).insert(tick, status: .accepted) }
            }
            let fixed = now.addingTimeInterval(age)
            var config = AppConfig()
            config.boardRefresh = recheck
            config.passwordCost = 4  // bcrypt's lowest cost: the tests check behaviour, not hashing strength
            // Uploaded CVs land here, never in the working copy.
            config.dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("tresor-web-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: config.dataDirectory) }
            configure(&config)
            let shop = Shop(database: database, settings: config.shopSettings, logger: TestDatabase.logger)
            let board = shop.board
            try await board.refresh()
            let deps = WebDependencies(config: config, shop: shop, now: { clock?.now ?? fixed },
                                       logger: TestDatabase.logger, metrics: PrometheusCollectorRegistry(), demoPrices: false)
            let app = Application(router: try buildRouter(deps), logger: TestDatabase.logger)
            try await app.test(.router) { client in
                try await body(ShopFixture(client: client, board: board, database: database, shop: shop, uploadsParsed: deps.uploadsParsed))
            }
        }
    }

    /// Changes the dealer's settings as a staff member of the test's own would in the back office.
    func changeSettings(_ change: (inout DealerSettings) -> Void) async throws {
        let email = "settings@tresor.example"
        if (try? await shop.staff.actor(email: email)) == nil {
            _ = try await shop.staff.add(email: email, name: "Sina Settings", role: .owner, by: .system(job: "test"), now: ShopFixture.now)
        }
        var settings = shop.dealer.current
        change(&settings)
        try await shop.dealer.save(settings, by: try await shop.staff.actor(email: email), now: ShopFixture.now)
    }

    func get(_ uri: String) async throws -> (status: HTTPResponse.Status, body: String, headers: HTTPFields) {
        try await client.execute(uri: uri, method: .get) { response in
            (response.status, String(buffer: response.body), response.headers)
        }
    }
}

/// A change to the shop's configuration for one test (a struct, so a trailing closure is always the test's body).
struct Configure: Sendable {
    let change: @Sendable (inout AppConfig) -> Void
    init(_ change: @escaping @Sendable (inout AppConfig) -> Void) { self.change = change }
    func callAsFunction(_ config: inout AppConfig) { change(&config) }
}

/// A clock a test can move forward.
final class TestClock: Sendable {
    private let current: Mutex<Date>
    init(_ start: Date = ShopFixture.now) { current = Mutex(start) }
    var now: Date { current.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

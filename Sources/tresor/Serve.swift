import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import ServiceLifecycle
import TresorCore
import TresorServices
import TresorStore
import TresorWeb

/// Starts the shop: migrate, seed an empty database, run the price feed and serve HTTP.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the shop (the default command).")

    @Option(help: "Address to listen on (TRESOR_HTTP_HOST).") var host: String?
    @Option(help: "Port to listen on (TRESOR_HTTP_PORT).") var port: Int?
    @Flag(help: "Do not load the demo catalogue into an empty database.") var noDemo = false

    func run() async throws {
        var overrides: [String: String] = [:]
        if let host { overrides["tresor.http.host"] = host }
        if let port { overrides["tresor.http.port"] = String(port) }
        let env = try await Environment.load(overrides: overrides)
        let config = env.config
        let logger = env.logger
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))

        let database = try await env.openDatabase()
        let now: @Sendable () -> Date = { Date() }
        let feed = makeFeed(config)
        if !noDemo {
            let seeder = Seeder(database: database, logger: logger)
            try await seeder.seedCatalogueIfEmpty(now: now())
            try await seeder.seedArticlesIfEmpty(now: now())
            try await seeder.seedJobsIfEmpty(now: now())
            if let demo = feed as? DemoFeed { try await seeder.backfillDemoHistoryIfEmpty(feed: demo, now: now()) }
        }
        let board = PriceBoard(database: database, policy: config.policy, logger: logger)
        let desk = SpotDesk(database: database, policy: config.policy, logger: logger)
        let feedService = FeedService(feed: feed, desk: desk, board: board, now: now, logger: logger)
        await feedService.pollOnce()
        try await board.refresh()

        let deps = WebDependencies(config: config, database: database, board: board, now: now, logger: logger,
                                   metrics: registry, demoPrices: feed is DemoFeed)
        var services: [any Service] = [
            feedService, BoardRefreshService(board: board, interval: config.boardRefresh, logger: logger),
            Mailer(database: database, transport: config.mailTransport, now: now, logger: logger),
            OverdueWatch(desk: config.orderDesk(database: database, logger: logger), now: now, logger: logger),
            ScheduledPublisher(database: database, now: now, logger: logger),
            config.campaignSender(database: database, now: now, logger: logger),
            ApplicationCleanup(desk: config.careersDesk(database: database), now: now, logger: logger),
        ]
        if let maildir = config.newsletter.bounceMaildir {
            services.append(BounceReader(database: database, maildir: maildir, now: now, logger: logger))
        }
        let app = try buildApplication(deps, services: services)
        print("""
            Tresor is running at http://\(config.host):\(config.port) (base URL \(config.baseURL))
            Data: \(env.databaseDescription)
            Price feed: \(feed.name)
            """)
        do {
            try await app.runService()
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }

    func makeFeed(_ config: AppConfig) -> any PriceFeed {
        switch config.feed.provider {
        case .demo:
            DemoFeed(startLevels: config.feed.demoLevels, seed: config.feed.demoSeed, interval: config.feed.interval)
        case .manual:
            ManualFeed()
        case .http:
            HTTPFeed(url: config.feed.httpURL ?? "", interval: config.feed.interval, timeout: config.feed.httpTimeout,
                     retries: config.feed.httpRetries)
        }
    }
}

/// `tresor migrate`: apply pending migrations and exit.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations.")

    func run() async throws {
        let env = try await Environment.load()
        let database = try await Database.open(env.config.database, logger: env.logger)
        let applied = try await Migrator().migrate(database)
        await database.close()
        print(applied.isEmpty ? "Database is up to date." : "Applied: " + applied.joined(separator: ", "))
    }
}

/// `tresor seed`: load the demo catalogue into an empty database.
struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load the demo catalogue into an empty database.")

    @Option(help: "Also add this many generated variants of the demo products (for load tests).")
    var variants = 0

    func run() async throws {
        guard (0...100_000).contains(variants) else { throw ValidationError("--variants must be from 0 to 100000") }
        let count = try await Environment.withDatabase { env, database in
            try await Seeder(database: database, logger: env.logger).seedCatalogueIfEmpty(now: Date(), variants: variants)
        }
        print(count == 0 ? "The catalogue is not empty; nothing loaded." : "Loaded \(count) products.")
    }
}

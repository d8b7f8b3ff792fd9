import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import ServiceLifecycle
import TresorCore
import TresorServices
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

        let shop = try await config.openShop(logger: logger)
        let now: @Sendable () -> Date = { Date() }
        let feed = makeFeed(config)
        let deps = WebDependencies(config: config, shop: shop, now: now, logger: logger, metrics: registry, demoPrices: feed is DemoFeed)
        let app = try buildApplication(deps)
        let metricsListener = try buildMetricsApplication(deps)
        let jobs = shop.backgroundJobs(feed: feed, boardRefresh: config.boardRefresh, transport: config.mailTransport,
                                       pace: config.campaignPace, bounces: config.newsletter.bounceMaildir, now: now)
        // The database is the first service started and the last stopped; the shop opens its doors only after
        // the migrations, the demo content and a first price poll.
        let opening = ShopOpening(shop: shop, feed: feed, seedDemo: !noDemo, now: now, services: jobs + [app] + (metricsListener.map { [$0] } ?? [])) {
            print("""
                Tresor is running at http://\(config.host):\(config.port) (base URL \(config.baseURL))
                Data: \(env.databaseDescription)
                Price feed: \(feed.name)
                """)
        }
        let group = ServiceGroup(configuration: .init(services: [.init(service: shop.storage), .init(service: opening)],
                                                      gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
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
        let shop = try await env.config.openShop(logger: env.logger)
        let applied = try await shop.whileRunning { shop in try await shop.migrate() }
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
        let count = try await Environment.withShop { _, shop in try await shop.seedCatalogue(now: Date(), variants: variants) }
        print(count == 0 ? "The catalogue is not empty; nothing loaded." : "Loaded \(count) products.")
    }
}

/// Opens the shop once the database runs: migrations, demo content, a first price poll; then runs the web server
/// and the background jobs until shutdown (they stop before the database does).
struct ShopOpening: Service {
    let shop: Shop
    let feed: any PriceFeed
    let seedDemo: Bool
    let now: @Sendable () -> Date
    let services: [any Service]
    let opened: @Sendable () -> Void

    func run() async throws {
        await shop.storageStarted()
        try await shop.migrate()
        if seedDemo { try await shop.seedDemo(feed: feed, now: now()) }
        try await shop.primePrices(feed: feed, now: now)
        opened()
        try await withThrowingDiscardingTaskGroup { group in
            for service in services { group.addTask { try await service.run() } }
        }
    }
}

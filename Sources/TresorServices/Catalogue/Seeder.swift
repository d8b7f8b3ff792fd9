import Foundation
import Logging
import TresorCore
import TresorStore

/// Fills an empty database with the demo catalogue and, for the demo feed, a year of labelled demo history.
public struct Seeder: Sendable {
    /// The demo content is saved by the shop itself.
    static let demo = Actor.system(job: "demo")
    public let database: Database
    let logger: Logger

    public init(database: Database, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    /// Loads the demo catalogue if there are no products; returns how many it loaded. `variants` adds that many
    /// generated vintages of the demo products, for load tests that need a large catalogue.
    @discardableResult
    public func seedCatalogueIfEmpty(now: Date, variants: Int = 0) async throws -> Int {
        let products = DemoCatalogue.products() + DemoCatalogue.variants(variants)
        let loaded = try await database.transaction { sql -> Int in
            let repository = ProductRepository(sql)
            guard try await repository.count() == 0 else { return 0 }
            for product in products { try await repository.insert(product, now: now) }
            return products.count
        }
        if loaded > 0 { logger.info("loaded demo catalogue", metadata: ["products": "\(loaded)"]) }
        return loaded
    }

    /// Loads the demo news articles if there are none; returns how many.
    @discardableResult
    public func seedArticlesIfEmpty(now: Date) async throws -> Int {
        let articles = DemoArticles.articles(now: now)
        let loaded = try await database.transaction { sql -> Int in
            guard try await ArticleRepository(sql).count() == 0 else { return 0 }
            for article in articles { try await ArticleRepository(sql).save(article, by: Self.demo.recorded, now: now) }
            return articles.count
        }
        if loaded > 0 { logger.info("loaded demo articles", metadata: ["articles": "\(loaded)"]) }
        return loaded
    }

    /// Loads the demo job postings into a shop that has none.
    @discardableResult
    public func seedJobsIfEmpty(now: Date) async throws -> Int {
        let jobs = DemoJobs.jobs(now: now)
        return try await database.transaction { sql -> Int in
            let repository = JobRepository(sql)
            guard try await repository.all().isEmpty else { return 0 }
            for job in jobs { try await repository.save(job) }
            return jobs.count
        }
    }

    /// Back-fills demo history when no tick was ever stored; returns how many ticks it wrote.
    @discardableResult
    public func backfillDemoHistoryIfEmpty(feed: DemoFeed, now: Date) async throws -> Int {
        let dialect = database.dialect
        let history = feed.history(endingAt: now)
        let written = try await database.transaction { sql -> Int in
            let ticks = SpotTickRepository(sql, dialect: dialect)
            guard try await ticks.count() == 0 else { return 0 }
            try await ticks.insertAccepted(history)
            return history.count
        }
        if written > 0 { logger.info("back-filled demo price history", metadata: ["ticks": "\(written)"]) }
        return written
    }
}

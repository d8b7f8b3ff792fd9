import Foundation
import Logging
import ServiceLifecycle
import TresorStore

/// Publishes scheduled articles when their time comes. The schedule lives in the database, so a restart
/// loses nothing, and the publishing statement is atomic, so several instances publish each article once.
public struct ScheduledPublisher: Service {
    let database: Database
    let interval: Duration
    let now: @Sendable () -> Date
    let logger: Logger

    public init(database: Database, interval: Duration = .seconds(30), now: @escaping @Sendable () -> Date, logger: Logger) {
        self.database = database
        self.interval = interval
        self.now = now
        self.logger = logger
    }

    /// Publishes what is due now; returns the slugs.
    @discardableResult
    public func publishDue() async throws -> [String] {
        let moment = now()
        let published = try await database.transaction { sql in try await ArticleRepository(sql).publishDue(now: moment) }
        if !published.isEmpty { logger.notice("articles published", metadata: ["articles": "\(published.joined(separator: ","))"]) }
        return published
    }

    public func run() async throws {
        await repeating(every: interval, logger: logger, failure: "scheduled publishing failed") { try await publishDue() }
    }
}

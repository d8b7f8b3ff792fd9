import Foundation
import Logging
import ServiceLifecycle
import TresorCore
import TresorStore

/// Polls the configured feed and hands every tick to the spot desk, until shutdown.
public struct FeedService: Service {
    let feed: any PriceFeed
    let desk: SpotDesk
    let board: PriceBoard
    let now: @Sendable () -> Date
    let logger: Logger

    public init(feed: any PriceFeed, desk: SpotDesk, board: PriceBoard, now: @escaping @Sendable () -> Date, logger: Logger) {
        self.feed = feed
        self.desk = desk
        self.board = board
        self.now = now
        self.logger = logger
    }

    public func run() async throws {
        guard let interval = feed.interval else {
            logger.info("manual price feed: waiting for `tresor spot set`")
            try await gracefulShutdown()
            return
        }
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await leadOneTerm(interval: interval)
            }
        }
    }

    /// Advisory-lock key of the feed leader: exactly one instance polls the external feed.
    static let leaderKey: Int64 = 0x7472_6573_6f72_01  // "tresor" + 1

    /// Polls for one term (about a minute) if this instance wins leadership, else waits one interval.
    /// Terms end so a leader whose database session silently died gives leadership up within a minute.
    func leadOneTerm(interval: Duration, term: Duration = .seconds(60)) async {
        do {
            let led = try await desk.database.asLeader(Self.leaderKey) {
                let end = ContinuousClock.now + term
                while !Task.isCancelled && ContinuousClock.now < end {
                    await pollOnce()
                    try? await Task.sleep(for: interval)
                }
            }
            if !led { try? await Task.sleep(for: interval) }
        } catch {
            logger.error("price feed leadership failed", metadata: ["error": "\(error)"])
            try? await Task.sleep(for: interval)
        }
    }

    /// One poll; a failing feed is logged and retried next interval, and the shop goes stale by itself.
    public func pollOnce() async {
        do {
            for tick in try await feed.fetch(now: now()) { _ = try await desk.ingest(tick, by: SpotDesk.feedJob) }
            try await board.refresh()
        } catch is CancellationError {
            return
        } catch {
            logger.error("price feed poll failed", metadata: ["feed": "\(feed.name)", "error": "\(error)"])
        }
    }
}

/// Rebuilds this instance's price board when another instance or the CLI stored new ticks or products, and reloads the
/// dealer's settings when they were changed elsewhere.
public struct BoardRefreshService: Service {
    let board: PriceBoard
    let dealer: DealerSettingsDesk?
    let interval: Duration
    let logger: Logger

    public init(board: PriceBoard, dealer: DealerSettingsDesk? = nil, interval: Duration, logger: Logger) {
        self.board = board
        self.dealer = dealer
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        // Closing the board ends open live-price streams, so the server's own shutdown is not held up by them.
        defer { board.close() }
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await board.refresh()
                    try await dealer?.refresh()
                } catch is CancellationError { return } catch {
                    logger.error("price board refresh failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}

/// Refreshes this instance's board the moment any instance accepts a price (PostgreSQL `NOTIFY` on
/// `SpotTickRepository.channel`, heard on a connection of its own), and listens again after a lost connection; the
/// periodic refresh stays as the fallback. On SQLite the one instance refreshes its own board.
public struct TickListener: Service {
    let database: Database
    let board: PriceBoard
    let logger: Logger

    public init(database: Database, board: PriceBoard, logger: Logger) {
        self.database = database
        self.board = board
        self.logger = logger
    }

    public func run() async throws {
        let (board, logger) = (self.board, self.logger)
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await database.listen(SpotTickRepository.channel) {
                        do { try await board.refresh() } catch {
                            logger.error("price board refresh after a notification failed", metadata: ["error": "\(error)"])
                        }
                    }
                } catch is CancellationError {
                    return
                } catch {
                    logger.warning("listening for new prices failed; listening again", metadata: ["error": "\(error)"])
                    try? await Task.sleep(for: .seconds(1))
                }
            }
        }
    }
}

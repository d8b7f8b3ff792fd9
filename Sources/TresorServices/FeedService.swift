import Foundation
import Logging
import ServiceLifecycle
import TresorCore

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
                await pollOnce()
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// One poll; a failing feed is logged and retried next interval, and the shop goes stale by itself.
    public func pollOnce() async {
        do {
            for tick in try await feed.fetch(now: now()) { _ = try await desk.ingest(tick) }
            try await board.refresh()
        } catch is CancellationError {
            return
        } catch {
            logger.error("price feed poll failed", metadata: ["feed": "\(feed.name)", "error": "\(error)"])
        }
    }
}

/// Rebuilds this instance's price board when another instance or the CLI stored new ticks or products.
public struct BoardRefreshService: Service {
    let board: PriceBoard
    let interval: Duration
    let logger: Logger

    public init(board: PriceBoard, interval: Duration, logger: Logger) {
        self.board = board
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        // Closing the board ends open live-price streams, so the server's own shutdown is not held up by them.
        defer { board.close() }
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do { try await board.refresh() } catch is CancellationError { return } catch {
                    logger.error("price board refresh failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}

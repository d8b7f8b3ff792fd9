import Foundation
import Synchronization
import TresorCore
import TresorServices

/// What a cached answer about prices shows: one price board build and which metals are stale (a page or
/// answer changes when a metal goes stale, with no new build).
struct BoardEdition: Equatable, Sendable {
    var generation: Int
    var staleMetals: Int

    init(_ snapshot: CatalogueSnapshot, generation: Int, now: Date) {
        self.generation = generation
        staleMetals = 0
        for (bit, metal) in Metal.allCases.enumerated() where !snapshot.isFresh(metal, now: now) { staleMetals |= 1 << bit }
    }
}

/// What a cached shop page shows: the price board's edition and the consent text in the footer.
struct ShopEdition: Equatable, Sendable {
    var board: BoardEdition
    var consentVersion: Int
    /// The trust header and hotline are in every page's frame.
    var settingsVersion: Int64
}

/// What a cached news page shows: the published articles, whether the stale-prices banner is up, the
/// consent text under the article.
struct NewsPageEdition: Equatable, Sendable {
    var articles: String
    var staleFeed: Bool
    var consentVersion: Int
    var settingsVersion: Int64
}

/// The published articles' fingerprint, read from the database at most once per `recheck`: news pages are
/// served from memory in between, and an article saved on another instance (or by the CLI) shows within
/// that time, as new prices do.
final class NewsEdition: Sendable {
    private let checked = Mutex<(edition: String, at: ContinuousClock.Instant)?>(nil)
    let recheck: Duration

    init(recheck: Duration) { self.recheck = recheck }

    func current(_ news: NewsDesk, now: Date) async throws -> String {
        let moment = ContinuousClock.now
        if let last = checked.withLock({ $0 }), moment - last.at < recheck { return last.edition }
        let edition = try await news.edition(now: now)
        checked.withLock { $0 = (edition, moment) }
        return edition
    }
}

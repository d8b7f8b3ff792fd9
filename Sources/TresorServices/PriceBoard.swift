import Foundation
import Logging
import Synchronization
import TresorCore
import TresorStore

/// This instance's priced catalogue: rebuilt from the database when ticks or products change, read by every
/// request without touching the database.
public final class PriceBoard: Sendable {
    let database: Database
    let policy: FeedPolicy
    let calculator: PriceCalculator
    let logger: Logger
    private let current: Mutex<(snapshot: CatalogueSnapshot, version: String, generation: Int)>
    private let closed = Mutex(false)

    public init(database: Database, policy: FeedPolicy, calculator: PriceCalculator = PriceCalculator(), logger: Logger) {
        self.database = database
        self.policy = policy
        self.calculator = calculator
        self.logger = logger
        current = Mutex((CatalogueSnapshot(products: [], ticks: [:], policy: policy), "", 0))
    }

    /// The snapshot requests read.
    public var snapshot: CatalogueSnapshot { current.withLock { $0.snapshot } }

    /// Rebuilds the snapshot if the stored ticks or products changed since the last build.
    /// Cheap when nothing changed: one small query.
    @discardableResult
    public func refresh() async throws -> Bool {
        let version = try await database.read { sql in try await CatalogueVersion(sql).current() }
        guard version != current.withLock({ $0.version }) else { return false }
        let dialect = database.dialect
        let (products, ticks, dayAgo) = try await database.read { sql in
            let tickRepository = SpotTickRepository(sql, dialect: dialect)
            let latest = try await tickRepository.latestAccepted()
            var dayAgo: [Metal: SpotTick] = [:]
            for (metal, tick) in latest {
                dayAgo[metal] = try await tickRepository.latestAccepted(metal, atOrBefore: tick.at.addingTimeInterval(-86_400))
            }
            return (try await ProductRepository(sql).all(), latest, dayAgo)
        }
        let snapshot = CatalogueSnapshot(products: products, ticks: ticks, dayAgo: dayAgo, policy: policy,
                                         calculator: calculator)
        current.withLock { $0 = (snapshot, version, $0.generation + 1) }
        return true
    }

    /// Counts rebuilds; live-price streams compare it to know when to send.
    public var generation: Int { current.withLock { $0.generation } }

    /// Set at shutdown so open live-price streams end and do not hold the server open.
    public var isClosed: Bool { closed.withLock { $0 } }

    public func close() { closed.withLock { $0 = true } }
}

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
    private let state: Mutex<(snapshot: CatalogueSnapshot, version: String, generation: Int)>
    private let closed = Mutex(false)
    /// One rebuild at a time, so a slow rebuild never installs an older snapshot over a newer one.
    private let rebuilding = AsyncLock()
    /// Live streams waiting for the next snapshot, woken when it is installed (instead of finding it at their next look).
    private let waiters = Mutex<(next: Int, waiting: [Int: CheckedContinuation<Void, Never>])>((0, [:]))

    public init(database: Database, policy: FeedPolicy, calculator: PriceCalculator = PriceCalculator(), logger: Logger) {
        self.database = database
        self.policy = policy
        self.calculator = calculator
        self.logger = logger
        state = Mutex((CatalogueSnapshot(products: [], ticks: [:], policy: policy), "", 0))
    }

    /// The snapshot requests read.
    public var snapshot: CatalogueSnapshot { state.withLock { $0.snapshot } }

    /// Rebuilds the snapshot if the stored ticks or products changed since the last build.
    /// Cheap when nothing changed: one small query.
    @discardableResult
    public func refresh() async throws -> Bool {
        try await rebuilding.withLock { try await self.rebuild() }
    }

    private func rebuild() async throws -> Bool {
        let version = try await database.read { sql in try await CatalogueVersion(sql).current() }
        guard version != state.withLock({ $0.version }) else { return false }
        let dialect = database.dialect
        let (products, ticks, dayAgo) = try await database.read { sql in
            let tickRepository = SpotTickRepository(sql, dialect: dialect)
            let latest = try await tickRepository.latestAccepted()
            var dayAgo: [Metal: SpotTick] = [:]
            for (metal, tick) in latest {
                dayAgo[metal] = try await tickRepository.latestAccepted(metal, atOrBefore: tick.at.addingTimeInterval(-86_400))
            }
            return (try await ProductRepository(sql).all(publishedOnly: true), latest, dayAgo)
        }
        // Unchanged products (the usual case: a new tick) keep what depends on them alone, and the unchanged metals
        // their prices; the snapshot compares the products as read, so a change the version cannot see still counts.
        let snapshot = CatalogueSnapshot(products: products, ticks: ticks, dayAgo: dayAgo, policy: policy,
                                         calculator: calculator, previous: state.withLock { $0.snapshot })
        state.withLock { $0 = (snapshot, version, $0.generation + 1) }
        wakeWaiters()
        return true
    }

    /// Returns once a snapshot newer than `generation` is installed (at once if one is), or the task is cancelled.
    public func change(after generation: Int) async {
        let id = waiters.withLock { waiters in
            waiters.next += 1
            return waiters.next
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                waiters.withLock { $0.waiting[id] = continuation }
                // Registered first, checked second: a snapshot installed in between, or a cancellation that came before
                // the registration, still resumes it.
                if self.generation != generation || Task.isCancelled || isClosed { resume(id) }
            }
        } onCancel: {
            resume(id)
        }
    }

    private func resume(_ id: Int) {
        waiters.withLock { $0.waiting.removeValue(forKey: id) }?.resume()
    }

    private func wakeWaiters() {
        let waiting = waiters.withLock { waiters in
            defer { waiters.waiting = [:] }
            return waiters.waiting
        }
        for continuation in waiting.values { continuation.resume() }
    }

    /// The snapshot with its generation, read together so a cache never files an old page under a new generation.
    public var current: (snapshot: CatalogueSnapshot, generation: Int) {
        state.withLock { ($0.snapshot, $0.generation) }
    }

    /// Counts rebuilds; live-price streams compare it to know when to send.
    public var generation: Int { state.withLock { $0.generation } }

    /// Set at shutdown so open live-price streams end and do not hold the server open.
    public var isClosed: Bool { closed.withLock { $0 } }

    public func close() {
        closed.withLock { $0 = true }
        wakeWaiters()
    }
}

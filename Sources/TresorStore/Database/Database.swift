import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import SQLKit
import TresorCore

/// The two databases Tresor runs on; the few places where their SQL differs ask this.
public enum Dialect: String, Sendable {
    case sqlite
    case postgres
}

/// What each database engine provides: reads on any connection, writes in one transaction on one connection.
protocol DatabaseBackend: Sendable {
    var dialect: Dialect { get }
    /// Runs the connections until cancelled, then closes them.
    func run() async
    func asLeader(_ key: Int64, _ body: @Sendable () async throws -> Void) async throws -> Bool
    func exclusively<T: Sendable>(_ key: Int64, _ body: @Sendable () async throws -> T) async throws -> T
    /// Calls `heard` for every notification on `channel` until cancelled or the connection fails (it throws then).
    func listen(_ channel: String, _ heard: @Sendable () async -> Void) async throws
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
}

/// Tresor's database: one SQLKit code path for SQLite and PostgreSQL. It is a service: its connections live
/// while `run()` runs (in `tresor serve`, the first service started and the last stopped), and `whileRunning`
/// gives a command or a test the same lifetime around its work.
public final class Database: Service, Sendable {
    let backend: any DatabaseBackend
    public let logger: Logger
    private let running = Gate()

    public var dialect: Dialect { backend.dialect }

    init(backend: any DatabaseBackend, logger: Logger) {
        self.backend = backend
        self.logger = logger
    }

    /// How long a request waits for a PostgreSQL connection before the database counts as away. While PostgreSQL is
    /// away the pool keeps lease requests queued until its circuit breaker trips, 60 s after the first failed
    /// connection attempt; a shopper waits at most this long (a restart takes less, and the request then simply
    /// succeeds), then gets a 503 instead of a hanging page. The test suite, hundreds of tests creating databases at
    /// once on two cores, opens its databases with a longer wait.
    public static let connectionWait = Duration.seconds(8)

    /// Opens (and for SQLite creates) the database. PostgreSQL connections are made only while `run()` runs; a
    /// request waits at most `waitForConnection` for one (then the database counts as away: a 503).
    public static func open(_ location: DatabaseLocation, logger: Logger,
                            waitForConnection: Duration = Database.connectionWait) async throws -> Database {
        switch location {
        case .sqlite(let path):
            return Database(backend: try await SQLiteBackend.open(path: path, logger: logger), logger: logger)
        case .postgres(let url):
            return Database(backend: try await PostgresBackend.open(url: url, logger: logger, waitForConnection: waitForConnection),
                            logger: logger)
        }
    }

    /// Runs read-only work. On SQLite it may use a pooled reader that does not see an open transaction.
    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await backend.read(body)
    }

    /// Runs `body` in one transaction on one connection: all of it is committed, or none of it.
    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await backend.transaction(body)
    }

    /// Runs `body` only if no other instance holds leadership `key`, and holds it while `body` runs.
    /// Returns false, without running `body`, when another instance leads. On SQLite there is one instance.
    public func asLeader(_ key: Int64, _ body: @Sendable () async throws -> Void) async throws -> Bool {
        try await backend.asLeader(key, body)
    }

    /// Runs `body` while holding the lock `key` across every instance, waiting for it if another instance holds it
    /// (start-up work: migrations and the demo data, which instances started together would otherwise race for).
    /// On SQLite there is one instance.
    public func exclusively<T: Sendable>(_ key: Int64, _ body: @Sendable () async throws -> T) async throws -> T {
        try await backend.exclusively(key, body)
    }

    /// Calls `heard` for every notification on `channel` (PostgreSQL `LISTEN` on a connection of its own, held while
    /// it listens) until cancelled; throws when the connection fails, so the caller reconnects. On SQLite there is
    /// one instance and nothing to hear: it waits until cancelled.
    public func listen(_ channel: String, _ heard: @Sendable () async -> Void) async throws {
        try await backend.listen(channel, heard)
    }

    /// Keeps the connections until a graceful shutdown (or cancellation), then closes them.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask { await self.backend.run() }
                // PostgresClient serves a lease made before its run() began (it waits), but logs a warning; the
                // services that start beside the database wait for this moment instead.
                await Task.yield()
                try? await Task.sleep(for: .milliseconds(5))
                self.running.open()
            }
        }
    }

    /// Returns once `run()` has started the connections: services started beside the database wait for this.
    public func started() async {
        await running.wait()  // safe: an async gate (suspends the task), not a blocking wait on a thread
    }

    /// Runs `body` while the database runs, then stops it: the lifetime of a command or a test.
    public func whileRunning<T: Sendable>(_ body: (Database) async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
            group.addTask { try await self.run() }
            await started()
            do {
                let result = try await body(self)
                group.cancelAll()
                return result
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }

    /// Opens the database at `location` and runs `body` while it runs.
    public static func withOpened<T: Sendable>(_ location: DatabaseLocation, logger: Logger,
                                               waitForConnection: Duration = Database.connectionWait,
                                               _ body: (Database) async throws -> T) async throws -> T {
        try await open(location, logger: logger, waitForConnection: waitForConnection).whileRunning(body)
    }
}

/// A one-way door: waiters suspend until it is opened once.
final class Gate: Sendable {
    private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func open() {
        let waiters = state.withLock { state in
            state.open = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let opened = state.withLock { state in
                if !state.open { state.waiters.append(continuation) }
                return state.open
            }
            if opened { continuation.resume() }
        }
    }
}

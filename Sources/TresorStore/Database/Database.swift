import Foundation
import Logging
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
    func asLeader(_ key: Int64, _ body: @Sendable () async throws -> Void) async throws -> Bool
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    func close() async
}

/// Tresor's database: one SQLKit code path for SQLite and PostgreSQL.
public final class Database: Sendable {
    let backend: any DatabaseBackend
    public let logger: Logger

    public var dialect: Dialect { backend.dialect }

    init(backend: any DatabaseBackend, logger: Logger) {
        self.backend = backend
        self.logger = logger
    }

    /// Opens (and for SQLite creates) the database; call `close()` when done.
    public static func open(_ location: DatabaseLocation, logger: Logger) async throws -> Database {
        switch location {
        case .sqlite(let path):
            return Database(backend: try await SQLiteBackend.open(path: path, logger: logger), logger: logger)
        case .postgres(let url):
            return Database(backend: try await PostgresBackend.open(url: url, logger: logger), logger: logger)
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

    public func close() async { await backend.close() }
}

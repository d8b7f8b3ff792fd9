import Foundation
import Logging
import NIOSSL
import PostgresKit
import PostgresNIO
import SQLKit
import Synchronization
import TresorCore

/// PostgreSQL through one `PostgresClient` pool, whose connections live while `run()` runs: in the server's
/// service group, or around a command or a test (`Database.whileRunning`).
final class PostgresBackend: DatabaseBackend {
    let dialect = Dialect.postgres
    private let client: PostgresClient
    private let logger: Logger
    /// How long a request waits for a connection (`Database.connectionWait` unless opened with another).
    let waitForConnection: Duration

    private init(client: PostgresClient, logger: Logger, waitForConnection: Duration) {
        self.client = client
        self.logger = logger
        self.waitForConnection = waitForConnection
    }

    /// Cancelling it closes the pool.
    func run() async { await client.run() }

    static func configuration(url text: String) throws -> PostgresClient.Configuration {
        guard let components = URLComponents(string: text), let host = components.host,
              let user = components.user, components.path.count > 1 else {
            throw DatabaseLocation.Invalid(description: "expected postgres://user:password@host:port/database")
        }
        let sslMode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "disable"
        let tls: PostgresClient.Configuration.TLS
        switch sslMode {
        case "disable": tls = .disable
        case "prefer": tls = .prefer(.makeClientConfiguration())
        case "require": tls = .require(.makeClientConfiguration())
        default: throw DatabaseLocation.Invalid(description: "sslmode must be disable, prefer or require")
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user.removingPercentEncoding ?? user,
            password: components.password?.removingPercentEncoding, database: String(components.path.dropFirst()),
            tls: tls)
        configuration.options.maximumConnections = 20
        return configuration
    }

    static func open(url: String, logger: Logger, waitForConnection: Duration) async throws -> PostgresBackend {
        PostgresBackend(client: PostgresClient(configuration: try configuration(url: url), backgroundLogger: logger), logger: logger,
                        waitForConnection: waitForConnection)
    }

    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await leased { connection in
            try await body(connection.sql(queryLogLevel: .trace, logger: self.logger))
        }
    }

    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        do {
            return try await leased { connection in
                try await connection.withTransaction(logger: self.logger) { connection in
                    try await body(connection.sql(queryLogLevel: .trace, logger: self.logger))
                }
            }
        } catch let error as PostgresTransactionError {
            // Callers see their own error (a refused order, a domain problem), as on SQLite, once rolled back.
            if let closureError = error.closureError, error.rollbackError == nil { throw closureError }
            throw error
        }
    }

    /// Runs `body` on a pooled connection, or throws `StoreAway` when none is to be had within `waitForConnection`.
    private func leased<T: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await withoutActuallyEscaping(body) { body in
            try await withThrowingTaskGroup(of: Leased<T>.self) { group in
                let got = Flag()
                group.addTask {
                    .done(try await self.client.withConnection { connection in
                        got.raise()
                        return try await body(connection)
                    })
                }
                group.addTask {
                    try? await Task.sleep(for: self.waitForConnection)
                    return .waited
                }
                while let outcome = try await group.next() {
                    switch outcome {
                    case .done(let result):
                        group.cancelAll()
                        return result
                    case .waited where !got.raised:
                        group.cancelAll()  // withdraws the queued lease request
                        throw StoreAway(waited: self.waitForConnection)
                    case .waited:
                        continue  // the connection came in time; the work takes as long as it takes
                    }
                }
                throw CancellationError()
            }
        }
    }

    /// A session advisory lock on a connection leased for as long as `body` runs; the lock ends with the
    /// session, so a crashed leader frees it by itself.
    func asLeader(_ key: Int64, _ body: @Sendable () async throws -> Void) async throws -> Bool {
        try await client.withConnection { connection in
            let sql = connection.sql(queryLogLevel: .trace, logger: logger)
            let rows = try await sql.rows("SELECT pg_try_advisory_lock(\(bind: key)) AS locked")
            guard try rows.first?.bool("locked") == true else { return false }
            do {
                try await body()
            } catch {
                _ = try? await sql.rows("SELECT pg_advisory_unlock(\(bind: key)) AS unlocked")
                throw error
            }
            _ = try await sql.rows("SELECT pg_advisory_unlock(\(bind: key)) AS unlocked")
            return true
        }
    }

    /// A blocking session advisory lock on a connection of its own, released when `body` ends (or with the session).
    func exclusively<T: Sendable>(_ key: Int64, _ body: @Sendable () async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            let sql = connection.sql(queryLogLevel: .trace, logger: logger)
            _ = try await sql.rows("SELECT pg_advisory_lock(\(bind: key)) AS locked")
            do {
                let result = try await body()
                _ = try await sql.rows("SELECT pg_advisory_unlock(\(bind: key)) AS unlocked")
                return result
            } catch {
                _ = try? await sql.rows("SELECT pg_advisory_unlock(\(bind: key)) AS unlocked")
                throw error
            }
        }
    }

    func listen(_ channel: String, _ heard: @Sendable () async -> Void) async throws {
        try await client.withConnection { connection in
            try await connection.listen(on: channel) { notifications in
                for try await _ in notifications { await heard() }
            }
        }
    }
}

/// No database connection within the lease limit: PostgreSQL is away.
struct StoreAway: Error, CustomStringConvertible {
    let waited: Duration
    var description: String { "no PostgreSQL connection within \(waited)" }
}

private enum Leased<T: Sendable>: Sendable {
    case done(T)
    case waited
}

/// Set once, read from another task.
private final class Flag: Sendable {
    private let value = Mutex(false)
    func raise() { value.withLock { $0 = true } }
    var raised: Bool { value.withLock { $0 } }
}

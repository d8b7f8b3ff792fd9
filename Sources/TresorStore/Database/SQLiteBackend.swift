import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import ServiceLifecycle

/// SQLite in WAL mode: one writer connection leased exclusively behind an async lock (sqlite-nio's busy
/// handler retries forever on a 2-thread pool, so concurrent writers on separate connections can livelock),
/// and a small pool of readers that never block the writer.
final class SQLiteBackend: DatabaseBackend {
    let dialect = Dialect.sqlite
    private let writer: SQLiteConnection
    private let writeLock = AsyncLock()
    private let readers: ResourcePool<SQLiteConnection>
    private let allReaders: [SQLiteConnection]
    private let logger: Logger

    private init(writer: SQLiteConnection, readers: [SQLiteConnection], logger: Logger) {
        self.writer = writer
        self.allReaders = readers
        self.readers = ResourcePool(readers)
        self.logger = logger
    }

    static func open(path: String, logger: Logger, readerCount: Int = 2) async throws -> SQLiteBackend {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        func connect() async throws -> SQLiteConnection {
            let connection = try await SQLiteConnection.open(storage: .file(path: path), threadPool: .singleton,
                                                             logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
            let sql = connection.sql(queryLogLevel: .trace)
            try await sql.raw("PRAGMA journal_mode = WAL").run()
            try await sql.raw("PRAGMA synchronous = NORMAL").run()
            try await sql.raw("PRAGMA foreign_keys = ON").run()
            try await sql.raw("PRAGMA busy_timeout = 5000").run()
            return connection
        }
        let writer = try await connect()
        var readers: [SQLiteConnection] = []
        for _ in 0..<readerCount { readers.append(try await connect()) }
        return SQLiteBackend(writer: writer, readers: readers, logger: logger)
    }

    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let connection = await readers.lease()
        do {
            let result = try await body(connection.sql(queryLogLevel: .trace))
            await readers.giveBack(connection)
            return result
        } catch {
            await readers.giveBack(connection)
            throw error
        }
    }

    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        await writeLock.lock()
        let sql = writer.sql(queryLogLevel: .trace)
        do {
            try await sql.raw("BEGIN IMMEDIATE").run()
        } catch {
            await writeLock.unlock()
            throw error
        }
        do {
            let result = try await body(sql)
            try await sql.raw("COMMIT").run()
            await writeLock.unlock()
            return result
        } catch {
            do { try await sql.raw("ROLLBACK").run() } catch let rollback as SQLiteError where rollback.message.contains("no transaction is active") {
                // SQLite rolled back by itself (a full disk, an I/O error): nothing was written.
            } catch {
                logger.error("SQLite rollback failed", metadata: ["error": "\(error)"])
            }
            await writeLock.unlock()
            throw error
        }
    }

    /// One process owns an SQLite file, so it always leads.
    func asLeader(_ key: Int64, _ body: @Sendable () async throws -> Void) async throws -> Bool {
        try await body()
        return true
    }

    func exclusively<T: Sendable>(_ key: Int64, _ body: @Sendable () async throws -> T) async throws -> T { try await body() }

    /// One instance: whatever changes, it changed here. Waits until cancelled.
    func listen(_ channel: String, _ heard: @Sendable () async -> Void) async throws {
        while !Task.isCancelled { try await Task.sleep(for: .seconds(3600)) }
    }

    /// The connections are open from `open`; they close when the run ends (graceful shutdown or cancellation),
    /// after the write in progress.
    func run() async {
        try? await gracefulShutdown()
        await close()
    }

    func close() async {
        await writeLock.lock()
        for connection in [writer] + allReaders {
            // The future-returning close: the async one refuses to run in a cancelled task, and a run ends by cancellation.
            let closing: EventLoopFuture<Void> = connection.close()
            do { try await closing.get() } catch {
                logger.warning("closing SQLite connection failed", metadata: ["error": "\(error)"])
            }
        }
    }
}

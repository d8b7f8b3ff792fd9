import Foundation
import Logging
import TresorStore

/// The databases store tests run on: SQLite always, PostgreSQL when `TRESOR_TEST_POSTGRES_URL` is set
/// (scripts/test sets it). Each test gets a fresh, migrated database of its own.
public enum TestDatabase: String, CaseIterable, Sendable {
    case sqlite
    case postgres


    /// The kinds available on this machine, for `@Test(arguments:)`.
    public static var available: [TestDatabase] {
        ProcessInfo.processInfo.environment["TRESOR_TEST_POSTGRES_URL"] == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    public static let logger: Logger = {
        var logger = Logger(label: "tresor-test")
        logger.logLevel = .warning
        return logger
    }()

    /// Runs `body` with a fresh migrated database of this kind and removes it afterwards.
    public func with<T: Sendable>(_ body: (Database) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tresor-test-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let database = try await Database.open(.sqlite(path: directory.path + "/test.sqlite"), logger: Self.logger)
            return try await run(database, body)
        case .postgres:
            guard let url = ProcessInfo.processInfo.environment["TRESOR_TEST_POSTGRES_URL"],
                  var components = URLComponents(string: url) else {
                throw TestDatabaseError.postgresNotConfigured
            }
            let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            let admin = try await Database.open(.postgres(url: url), logger: Self.logger)
            try await admin.read { sql in try await sql.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
            components.path = "/" + name
            do {
                let database = try await Database.open(.postgres(url: components.string ?? url), logger: Self.logger)
                let result = try await run(database, body)
                try await admin.read { sql in try await sql.raw("DROP DATABASE \(unsafeRaw: name)").run() }
                await admin.close()
                return result
            } catch {
                try? await admin.read { sql in try await sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name)").run() }
                await admin.close()
                throw error
            }
        }
    }

    private func run<T: Sendable>(_ database: Database, _ body: (Database) async throws -> T) async throws -> T {
        do {
            try await Migrator().migrate(database)
            let result = try await body(database)
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }
}

public enum TestDatabaseError: Error { case postgresNotConfigured }

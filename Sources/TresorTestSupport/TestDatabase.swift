import Foundation
import Logging
import TresorCore
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
            return try await Database.withOpened(.sqlite(path: directory.path + "/test.sqlite"), logger: Self.logger) { database in
                try await Migrator().migrate(database)
                return try await body(database)
            }
        case .postgres:
            guard let url = ProcessInfo.processInfo.environment["TRESOR_TEST_POSTGRES_URL"],
                  var components = URLComponents(string: url) else {
                throw TestDatabaseError.postgresNotConfigured
            }
            let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            components.path = "/" + name
            let location = DatabaseLocation.postgres(url: components.string ?? url)
            // Hundreds of tests make databases at once on a small machine: a connection may take longer than the
            // shop's 8 s; the tests wait for it.
            return try await Database.withOpened(.postgres(url: url), logger: Self.logger, waitForConnection: .seconds(120)) { admin in
                try await admin.read { sql in try await sql.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
                do {
                    let result = try await Database.withOpened(location, logger: Self.logger, waitForConnection: .seconds(120)) { database in
                        try await Migrator().migrate(database)
                        return try await body(database)
                    }
                    try await admin.read { sql in try await sql.raw("DROP DATABASE \(unsafeRaw: name)").run() }
                    return result
                } catch {
                    try? await admin.read { sql in try await sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name)").run() }
                    throw error
                }
            }
        }
    }
}

public enum TestDatabaseError: Error { case postgresNotConfigured }

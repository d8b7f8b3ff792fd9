import ArgumentParser
import Configuration
import Foundation
import Logging
import TresorStore
import TresorWeb

/// Shared start-up of every command: configuration, logging, database.
struct Environment {
    let config: AppConfig
    let logger: Logger

    /// Reads configuration from the command line overrides, the process environment and `.env`.
    static func load(overrides: [String: String] = [:]) async throws -> Environment {
        var providers: [any ConfigProvider] = []
        if !overrides.isEmpty {
            providers.append(InMemoryProvider(name: "arguments", values: Dictionary(uniqueKeysWithValues: overrides.map {
                (AbsoluteConfigKey(ConfigKey($0.key)), ConfigValue(.string($0.value), isSecret: false))
            })))
        }
        providers.append(EnvironmentVariablesProvider(secretsSpecifier: .dynamic { key, _ in key.contains("DATABASE_URL") }))
        if FileManager.default.fileExists(atPath: ".env") {
            providers.append(try await EnvironmentVariablesProvider(environmentFilePath: ".env", allowMissing: true))
        }
        let config: AppConfig
        do { config = try AppConfig.load(from: providers) } catch {
            FileHandle.standardError.write(Data("tresor: \(error.description)\n".utf8))
            throw ExitCode(78)  // EX_CONFIG
        }
        var logger = Logger(label: "tresor", factory: LazyMetadataLogHandler.init)
        logger.logLevel = Logger.Level(rawValue: config.logLevel) ?? .info
        return Environment(config: config, logger: logger)
    }

    func openDatabase() async throws -> Database {
        if case .sqlite = config.database {
            try FileManager.default.createDirectory(atPath: config.dataDirectory, withIntermediateDirectories: true)
        }
        let database = try await Database.open(config.database, logger: logger)
        try await Migrator().migrate(database)
        return database
    }

    /// Loads the configuration, opens and migrates the database, runs `body`, and closes the database
    /// whatever happens: the one way a short CLI command touches data.
    static func withDatabase<T>(_ body: (Environment, Database) async throws -> T) async throws -> T {
        let env = try await load()
        let database = try await env.openDatabase()
        do {
            let result = try await body(env, database)
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }

    var databaseDescription: String {
        switch config.database {
        case .sqlite(let path): "SQLite " + URL(fileURLWithPath: path).standardizedFileURL.path
        case .postgres(let url): "PostgreSQL " + (URLComponents(string: url).map { "\($0.host ?? "")\($0.path)" } ?? "")
        }
    }
}

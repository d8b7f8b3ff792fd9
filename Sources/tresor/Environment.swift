import ArgumentParser
import Configuration
import Foundation
import Logging
import TresorCore
import TresorServices
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
        providers.append(EnvironmentVariablesProvider(secretsSpecifier: .dynamic { key, _ in key.contains("DATABASE_URL") || key.contains("METRICS_TOKEN") }))
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

    /// Loads the configuration, opens and migrates the shop's database, runs `body` while it runs, and stops it
    /// whatever happens: the one way a short command touches data.
    static func withShop<T: Sendable>(_ body: (Environment, Shop) async throws -> T) async throws -> T {
        let env = try await load()
        let shop = try await env.config.openShop(logger: env.logger)
        return try await shop.whileRunning { shop in
            try await shop.migrate()
            return try await body(env, shop)
        }
    }

    /// The staff member an optional `--by` names, or else the shop's own job of that name.
    static func staff(_ email: String?, orJob job: String, _ shop: Shop) async throws -> Actor {
        guard let email else { return .system(job: job) }
        return try await staff(email, shop)
    }

    /// The staff member `--by` names, as the services take them; an unknown or disabled one stops the command.
    static func staff(_ email: String, _ shop: Shop) async throws -> Actor {
        do { return try await shop.staff.actor(email: email) } catch let problem as StaffProblem {
            throw ValidationError(problem.description)
        }
    }

    var databaseDescription: String {
        switch config.database {
        case .sqlite(let path): "SQLite " + URL(fileURLWithPath: path).standardizedFileURL.path
        case .postgres(let url): "PostgreSQL " + (URLComponents(string: url).map { "\($0.host ?? "")\($0.path)" } ?? "")
        }
    }
}

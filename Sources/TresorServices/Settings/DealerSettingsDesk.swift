import Foundation
import Logging
import Synchronization
import TresorCore
import TresorStore

/// The dealer's settings as every service reads them now: the configuration's values until the first change in the
/// back office, then the database's. Each instance keeps a copy and reloads it when the stored version moved
/// (`refresh`, run with the price board's), so a change made on one instance reaches the others within seconds.
public final class DealerSettingsDesk: Sendable {
    static let name = "dealer"
    let database: Database
    let logger: Logger
    private let state: Mutex<(settings: DealerSettings, version: Int64)>

    public init(database: Database, initial: DealerSettings, logger: Logger) {
        self.database = database
        self.logger = logger
        state = Mutex((initial, 0))
    }

    /// The settings in force.
    public var current: DealerSettings { state.withLock { $0.settings } }

    /// Goes up with every change (0: the configuration's values), for caches of pages that show the settings.
    public var version: Int64 { state.withLock { $0.version } }

    /// Reloads the stored settings if they changed since the last look; one small query otherwise.
    public func refresh() async throws {
        let known = version
        guard let stored = try await database.read({ sql in try await SettingsRepository(sql).version(Self.name) }), stored != known,
              let (value, version) = try await database.read({ sql in try await SettingsRepository(sql).load(Self.name) }) else { return }
        do {
            let settings = try JSONDecoder().decode(DealerSettings.self, from: Data(value.utf8))
            state.withLock { $0 = (settings, version) }
        } catch {
            // Only the application writes this row; a value it cannot read was changed by hand: keep the last good one.
            logger.error("stored dealer settings unreadable; keeping the previous ones", metadata: ["error": "\(error)"])
        }
    }

    /// Replaces the settings: checked first, then stored with the changed fields on the audit trail, in one transaction.
    /// Owners only (`settings`).
    public func save(_ settings: DealerSettings, by actor: Actor, now: Date) async throws {
        try settings.validate()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let value = String(decoding: try encoder.encode(settings), as: UTF8.self)
        try await refresh()
        let old = current
        let version = try await database.transaction { sql -> Int64 in
            guard actor.staffMember != nil, try await StaffDirectory.authorize(actor, .settings, in: sql) != nil else {
                throw StaffProblem.unknown(actor.recorded)
            }
            let version = try await SettingsRepository(sql).save(Self.name, value: value, by: actor.recorded, now: now)
            let (before, after) = settings.changes(from: old)
            try await StaffDirectory.audit(actor, "settings.change", Self.name, before: before, after: after, now: now, in: sql)
            return version
        }
        state.withLock { $0 = (settings, version) }
    }
}

extension DealerSettings {
    /// The demo dealer's settings: what a shop starts with when its configuration names nothing else.
    public static let standard = DealerSettings(
        trustBadges: TrustBadge.allCases, customers: 48_000, hotline: Seller.demo.phone, hoursDE: "Montag bis Freitag 9–18 Uhr",
        hoursEN: "Monday to Friday, 9 am to 6 pm", seller: .demo, bankHolder: Seller.demoBank.holder, iban: Seller.demoBank.iban,
        bic: Seller.demoBank.bic, shipping: .standard, quoteLockSeconds: 600, paymentDays: OrderDesk.standardPaymentDays,
        cancellationFee: OrderDesk.standardCancellationFee)
}

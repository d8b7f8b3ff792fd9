import Crypto
import Foundation
import SQLKit
import Synchronization
import TresorCore
import TresorStore

/// Why a sanctions step was not taken.
public enum SanctionsProblem: Error, Equatable, Sendable {
    case list(SanctionListProblem)
    case noSuchHit
    case alreadyDecided
    case invalid(InvalidParameter)
}

/// What an import did.
public struct SanctionImport: Sendable, Equatable {
    public var entities: Int
    public var sha256: String
    public var generated: String
    /// Possible matches the screening of customers and open orders found with the new list.
    public var newHits: Int
}

/// Sanctions screening against the EU consolidated list: importing it (atomically, with its date and checksum),
/// screening customers, buy-back sellers and payers at registration, order and payment, and everyone again after
/// an import; compliance clears a match as a false positive or confirms it. This instance keeps the active list
/// indexed in memory and reloads it when another instance imported a newer one.
public final class SanctionsDesk: Sendable {
    let database: Database
    public let threshold: Double
    private let cache = Mutex<(listID: UUID?, screen: SanctionScreen)>((nil, SanctionScreen(entities: [])))

    public init(database: Database, threshold: Double = SanctionScreen.standardThreshold) {
        self.database = database
        self.threshold = threshold
    }

    // MARK: the list

    /// Imports the list from a file, read as a stream.
    public func importList(file path: String, by actor: Actor, now: Date) async throws -> SanctionImport {
        let parsed: SanctionListParser.Parsed
        do { parsed = try SanctionListParser.parse(file: path) } catch { throw SanctionsProblem.list(error) }
        let sha = try Self.sha256(file: path)
        return try await store(parsed, sha256: sha, by: actor, now: now)
    }

    /// Imports the list from an upload's bytes.
    public func importList(_ data: Data, by actor: Actor, now: Date) async throws -> SanctionImport {
        let parsed: SanctionListParser.Parsed
        do { parsed = try SanctionListParser.parse(data) } catch { throw SanctionsProblem.list(error) }
        return try await store(parsed, sha256: Hex.encode(SHA256.hash(data: data)), by: actor, now: now)
    }

    static func sha256(file path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw SanctionsProblem.list(SanctionListProblem(line: 0, reason: "cannot read \(path)")) }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return Hex.encode(hasher.finalize())
    }

    func store(_ parsed: SanctionListParser.Parsed, sha256: String, by actor: Actor, now: Date) async throws -> SanctionImport {
        // One entry per logicalId; a list that repeats one keeps its names together.
        var merged: [String: SanctionEntity] = [:]
        var order: [String] = []
        for entity in parsed.entities {
            if var known = merged[entity.id] {
                known.names += entity.names.filter { !known.names.contains($0) }
                known.birthDates += entity.birthDates.filter { !known.birthDates.contains($0) }
                merged[entity.id] = known
            } else {
                merged[entity.id] = entity
                order.append(entity.id)
            }
        }
        let entities = order.compactMap { merged[$0] }
        let id = UUID()
        try await database.transaction { sql in
            guard let recorded = try await StaffDirectory.authorize(actor, .cases, in: sql) else { throw StaffProblem.unknown(actor.recorded) }
            try await SanctionRepository(sql).replace(with: entities, info: SanctionListInfo(
                id: id, importedAt: now, importedBy: recorded, sha256: sha256, generated: parsed.generated, entities: entities.count, active: true))
            try await AuditRepository(sql).append(actor: recorded, action: "sanctions.import", target: sha256, before: [:],
                                                  after: ["entities": String(entities.count), "generated": parsed.generated], at: now)
        }
        cache.withLock { $0 = (id, SanctionScreen(entities: entities)) }
        let found = try await rescreen(now: now)
        return SanctionImport(entities: entities.count, sha256: sha256, generated: parsed.generated, newHits: found)
    }

    public func activeList() async throws -> SanctionListInfo? {
        try await database.read { sql in try await SanctionRepository(sql).active() }
    }

    /// The active list's index, reloaded when the active list changed (an import here or on another instance).
    func screen(in sql: any SQLDatabase) async throws -> SanctionScreen {
        let active = try await SanctionRepository(sql).active()?.id
        if let current = cache.withLock({ $0.listID == active ? $0.screen : nil }) { return current }
        var entities: [SanctionEntity] = []
        if let active { entities = try await SanctionRepository(sql).entities(listID: active) }
        let screen = SanctionScreen(entities: entities)
        cache.withLock { $0 = (active, screen) }
        return screen
    }

    // MARK: screening

    /// What screening one name found: the matches still open for this subject (earlier ones not yet decided too;
    /// cleared ones never again) and, among them, the ones recorded just now.
    struct Screened {
        var open: [SanctionHit] = []
        var new: [SanctionHit] = []
    }

    /// Screens a name inside the caller's transaction and records each new possible match.
    func screen(_ name: String, birthDate: String? = nil, as subject: SanctionSubject, reference: String, now: Date,
                in sql: any SQLDatabase) async throws -> Screened {
        let matches = try await screen(in: sql).screen(name: name, birthDate: birthDate, threshold: threshold)
        guard !matches.isEmpty else { return Screened() }
        let hits = SanctionRepository(sql)
        var fresh: Set<String> = []
        for match in matches
        where try await hits.record(SanctionHit(subject: subject, reference: reference, screenedName: name, match: match, foundAt: now)) {
            fresh.insert(match.entityID)
        }
        let ids = Set(matches.map(\.entityID))
        let open = try await hits.open(references: [reference]).filter { $0.subject == subject && ids.contains($0.match.entityID) }
        return Screened(open: open, new: open.filter { fresh.contains($0.match.entityID) })
    }

    /// The rule result an order records for open matches (a hold), nil when there are none.
    static func result(_ hits: [SanctionHit]) -> ComplianceRuleResult? {
        guard let best = hits.max(by: { $0.match.score < $1.match.score }) else { return nil }
        return ComplianceRuleResult(rule: "sanctions screening", outcome: .hold,
                                    inputs: ["name": best.screenedName, "entity": best.match.entityID, "alias": best.match.alias,
                                             "score": String(format: "%.3f", best.match.score), "matches": String(hits.count)],
                                    explanation: "possible match on the EU sanctions list: \(best.match.explanation)")
    }

    /// Screens every customer account and every order still open with the active list; holds orders with a new
    /// match and opens a case for accounts. Returns how many new matches were found.
    @discardableResult
    public func rescreen(now: Date) async throws -> Int {
        let (customers, orders, buybacks) = try await database.read { sql in
            (try await CustomerRepository(sql).screeningNames(), try await OrderRepository(sql).open(limit: 50_000),
             try await BuybackRepository(sql).unpaidSellers())
        }
        var found = 0
        for (id, name) in customers {
            found += try await database.transaction { sql in
                let screened = try await screen(name, as: .customer, reference: id.uuidString.lowercased(), now: now, in: sql)
                for hit in screened.new {
                    try await ComplianceCases.openForCustomer(id: id, subject: name, reason: "possible sanctions match: \(hit.match.explanation)",
                                                              by: "system:sanctions", now: now, in: sql)
                }
                return screened.new.count
            }
        }
        for order in orders {
            found += try await database.transaction { sql in
                var new = try await screen(order.customer.name, as: .order, reference: order.number, now: now, in: sql).new
                // And whoever paid for it.
                for credit in try await BankEntryRepository(sql).all(orderNumber: order.number) {
                    guard let payer = credit.entry.debtorName, !payer.isEmpty else { continue }
                    new += try await screen(payer, as: .payer, reference: order.number, now: now, in: sql).new
                }
                if let result = Self.result(new) { try await Self.hold(order.number, result: result, now: now, in: sql) }
                return new.count
            }
        }
        // Buy-backs not yet paid out: one still waiting for its goods is held; a later one keeps its payout back while the
        // match is open (`BuybackDesk`).
        for seller in buybacks {
            found += try await database.transaction { sql in
                let new = try await screen(seller.name, as: .buyback, reference: seller.number, now: now, in: sql).new
                guard let hit = new.first else { return 0 }
                if seller.status == .awaitingGoods { try await BuybackRepository(sql).setStatus(id: seller.id, .onHold, now: now) }
                try await BuybackRepository(sql).addEvent(buybackID: seller.id, at: now, actor: "system:sanctions", action: "hold",
                                                          note: "possible sanctions match: \(hit.match.explanation)")
                return new.count
            }
        }
        return found
    }

    /// Holds an order for a sanctions match (from any state before the goods leave) and records why.
    static func hold(_ number: String, result: ComplianceRuleResult, now: Date, in sql: any SQLDatabase) async throws {
        let orders = OrderRepository(sql)
        guard let order = try await orders.find(number: number) else { return }
        try await ComplianceResultRepository(sql).insert([result], orderID: order.id, at: now)
        guard (try? order.stateMachine.next(after: order.status, .hold(reason: "sanctions"))) != nil else { return }
        try await orders.setStatus(orderID: order.id, to: .onHold, now: now)
        try await orders.addEvent(orderID: order.id, at: now, actor: "system:sanctions", action: OrderAction.hold(reason: "").name,
                                  from: order.status, to: .onHold, note: result.explanation)
        try await AuditRepository(sql).append(actor: "system:sanctions", action: "order.hold", target: number, before: ["status": order.status.rawValue],
                                              after: ["status": OrderStatus.onHold.rawValue, "note": result.explanation], at: now)
    }

    // MARK: decisions

    public func hits(status: SanctionHitStatus?) async throws -> [SanctionHit] {
        try await database.read { sql in try await SanctionRepository(sql).hits(status: status, limit: 500) }
    }

    /// A false positive: recorded with the reason; an order held only for open matches goes on where it stood.
    public func clear(_ id: UUID, reason: String, by actor: Actor, orders: OrderDesk, now: Date) async throws {
        try await decide(id, .cleared, reason: reason, by: actor, now: now) { hit, recorded, sql in
            guard hit.subject != .customer else { return }
            let remaining = try await SanctionRepository(sql).open(references: [hit.reference])
            guard remaining.isEmpty, let order = try await OrderRepository(sql).find(number: hit.reference), order.status == .onHold else { return }
            try await ComplianceResultRepository(sql).insert([ComplianceRuleResult(
                rule: "sanctions screening", outcome: .allow, inputs: ["entity": hit.match.entityID, "decidedBy": recorded],
                explanation: "cleared as a false positive: \(reason)")], orderID: order.id, at: now)
            _ = try await orders.apply(.release, to: hit.reference, by: actor, note: "sanctions match cleared: \(reason)", now: now, in: sql)
        }
    }

    /// A real match: recorded, the order stays held, and a case is opened for the report.
    public func confirm(_ id: UUID, reason: String, by actor: Actor, now: Date) async throws {
        try await decide(id, .confirmed, reason: reason, by: actor, now: now) { hit, recorded, sql in
            let text = "sanctions match confirmed: \(hit.match.explanation); \(reason)"
            if hit.subject != .customer, let order = try await OrderRepository(sql).find(number: hit.reference) {
                _ = try await ComplianceCases.open(order: order, reason: text, by: recorded, now: now, in: sql)
            } else {
                // A customer account, or a buy-back's seller (its number in the subject).
                try await ComplianceCases.openForCustomer(id: UUID(uuidString: hit.reference),
                                                          subject: hit.subject == .buyback ? "\(hit.screenedName) (\(hit.reference))" : hit.screenedName,
                                                          reason: text, by: recorded, now: now, in: sql)
            }
        }
    }

    func decide(_ id: UUID, _ status: SanctionHitStatus, reason: String, by actor: Actor, now: Date,
                _ then: @Sendable (SanctionHit, String, any SQLDatabase) async throws -> Void) async throws {
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, TextInput.isText(text, maxCharacters: 1_000) else {
            throw SanctionsProblem.invalid(InvalidParameter(name: "reason", value: String(reason.prefix(80))))
        }
        try await database.transaction { sql in
            guard let recorded = try await StaffDirectory.authorize(actor, .identify, in: sql) else { throw StaffProblem.unknown(actor.recorded) }
            let hits = SanctionRepository(sql)
            guard let hit = try await hits.find(id: id) else { throw SanctionsProblem.noSuchHit }
            guard hit.status == .open else { throw SanctionsProblem.alreadyDecided }
            try await hits.decide(id: id, status, by: recorded, reason: text, now: now)
            try await AuditRepository(sql).append(actor: recorded, action: "sanctions." + (status == .cleared ? "clear" : "confirm"),
                                                  target: hit.reference, before: ["status": "open"],
                                                  after: ["status": status.rawValue, "entity": hit.match.entityID, "reason": text], at: now)
            try await then(hit, recorded, sql)
        }
    }
}

import Foundation
import SQLKit
import TresorCore
import TresorStore

/// Why a case step was not taken.
public enum CaseProblem: Error, Equatable, Sendable {
    case noSuchCase(String)
    case noSuchOrder(String)
    case noSuchCustomer
    /// A note, reason or FIU reference that is empty or too long.
    case invalid(InvalidParameter)
    /// Reported and closed cases are kept as they are.
    case notOpen(CaseStatus)
}

/// Suspicious-activity cases (§43 GwG): staff flag an order or a customer with a note, the shop flags payments from
/// third parties, and compliance works the queue (notes, reported to the FIU with its reference, or closed) and
/// exports a dossier for goAML. Nothing of it reaches the customer (§47 GwG: no tipping off).
public struct ComplianceCases: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Flags an order (anyone who may read orders): a new case, or a note on the order's open one.
    @discardableResult
    public func flag(order number: String, note: String, by actor: Actor, now: Date) async throws -> ComplianceCase {
        let text = try Self.text(note, name: "note")
        return try await database.transaction { sql in
            guard let recorded = try await StaffDirectory.authorize(actor, .viewOrders, in: sql) else { throw StaffProblem.unknown(actor.recorded) }
            guard let order = try await OrderRepository(sql).find(number: number) else { throw CaseProblem.noSuchOrder(number) }
            return try await Self.open(order: order, reason: text, by: recorded, now: now, in: sql)
        }
    }

    /// Flags a customer account (anyone who may look customers up).
    @discardableResult
    public func flag(customerID: UUID, note: String, by actor: Actor, now: Date) async throws -> ComplianceCase {
        let text = try Self.text(note, name: "note")
        return try await database.transaction { sql in
            guard let recorded = try await StaffDirectory.authorize(actor, .customers, in: sql) else { throw StaffProblem.unknown(actor.recorded) }
            guard let customer = try await CustomerRepository(sql).find(id: customerID) else { throw CaseProblem.noSuchCustomer }
            return try await Self.openForCustomer(id: customerID, subject: customer.details.name + " <" + customer.details.email + ">",
                                                  reason: text, by: recorded, now: now, in: sql)
        }
    }

    /// Opens a case about a customer account (or, without one, about the person named) inside the caller's transaction.
    @discardableResult
    static func openForCustomer(id customerID: UUID?, subject: String, reason: String, by recorded: String, now: Date,
                                in sql: any SQLDatabase) async throws -> ComplianceCase {
        let year = BankingCalendar.berlinYear(of: now)
        let item = ComplianceCase(number: ComplianceCase.number(year: year, sequence: try await CounterRepository(sql).next("case-\(year)")),
                                  status: .open, orderNumber: nil, customerID: customerID, subject: subject, reason: reason,
                                  openedBy: recorded, openedAt: now, updatedAt: now)
        try await CaseRepository(sql).insert(item)
        try await AuditRepository(sql).append(actor: recorded, action: "case.open", target: item.number, before: [:],
                                              after: ["customer": customerID?.uuidString.lowercased() ?? subject], at: now)
        return item
    }

    /// Opens a case about an order inside the caller's transaction (a flag, or the shop's own check of a payer); an
    /// open case of the order gets the reason as a note instead.
    static func open(order: Order, reason: String, by recorded: String, now: Date, in sql: any SQLDatabase) async throws -> ComplianceCase {
        let cases = CaseRepository(sql)
        if let existing = try await cases.open(orderNumber: order.number) {
            try await cases.addNote(caseID: existing.id, CaseNote(at: now, by: recorded, text: reason))
            return existing
        }
        let year = BankingCalendar.berlinYear(of: now)
        let item = ComplianceCase(number: ComplianceCase.number(year: year, sequence: try await CounterRepository(sql).next("case-\(year)")),
                                  status: .open, orderNumber: order.number, customerID: order.customerID,
                                  subject: order.customer.name + " <" + order.customer.email + ">", reason: reason, openedBy: recorded,
                                  openedAt: now, updatedAt: now)
        try await cases.insert(item)
        try await AuditRepository(sql).append(actor: recorded, action: "case.open", target: item.number, before: [:],
                                              after: ["order": order.number], at: now)
        return item
    }

    public func list(status: CaseStatus?) async throws -> [ComplianceCase] {
        try await database.read { sql in try await CaseRepository(sql).list(status: status, limit: 500) }
    }

    public func detail(_ number: String) async throws -> (item: ComplianceCase, notes: [CaseNote])? {
        try await database.read { sql in
            guard let item = try await CaseRepository(sql).find(number: number) else { return nil }
            return (item, try await CaseRepository(sql).notes(caseID: item.id))
        }
    }

    public func addNote(_ number: String, _ note: String, by actor: Actor, now: Date) async throws {
        let text = try Self.text(note, name: "note")
        try await work(number, by: actor, now: now, action: "case.note", after: [:]) { item, recorded, sql in
            try await CaseRepository(sql).addNote(caseID: item.id, CaseNote(at: now, by: recorded, text: text))
        }
    }

    /// Records that the case was reported to the FIU through goAML, with the FIU's reference.
    public func report(_ number: String, fiuReference: String, by actor: Actor, now: Date) async throws {
        let reference = try Self.text(fiuReference, name: "fiuReference", limit: 80)
        try await work(number, by: actor, now: now, action: "case.report", after: ["fiuReference": reference]) { item, recorded, sql in
            let cases = CaseRepository(sql)
            try await cases.setStatus(id: item.id, .reported, fiuReference: reference, now: now)
            try await cases.addNote(caseID: item.id, CaseNote(at: now, by: recorded, text: "reported to the FIU: \(reference)"))
        }
    }

    /// Closes the case without a report, with the reason.
    public func close(_ number: String, reason: String, by actor: Actor, now: Date) async throws {
        let text = try Self.text(reason, name: "reason")
        try await work(number, by: actor, now: now, action: "case.close", after: ["reason": text]) { item, recorded, sql in
            let cases = CaseRepository(sql)
            try await cases.setStatus(id: item.id, .closed, fiuReference: nil, now: now)
            try await cases.addNote(caseID: item.id, CaseNote(at: now, by: recorded, text: "closed: \(text)"))
        }
    }

    /// One step on an open case by compliance, audited, in one transaction.
    func work(_ number: String, by actor: Actor, now: Date, action: String, after: [String: String],
              _ step: @Sendable (ComplianceCase, String, any SQLDatabase) async throws -> Void) async throws {
        try await database.transaction { sql in
            guard let recorded = try await StaffDirectory.authorize(actor, .cases, in: sql) else { throw StaffProblem.unknown(actor.recorded) }
            guard let item = try await CaseRepository(sql).find(number: number) else { throw CaseProblem.noSuchCase(number) }
            guard item.status == .open else { throw CaseProblem.notOpen(item.status) }
            try await step(item, recorded, sql)
            try await AuditRepository(sql).append(actor: recorded, action: action, target: number, before: ["status": item.status.rawValue],
                                                  after: after, at: now)
        }
    }

    static func text(_ value: String, name: String, limit: Int = 2_000) throws -> String {
        let text = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= limit, TextInput.isText(text, maxCharacters: limit) else {
            throw CaseProblem.invalid(InvalidParameter(name: name, value: String(value.prefix(80))))
        }
        return text
    }
}

import Foundation
import SQLKit
import TresorCore
import TresorStore

/// What one statement import did.
public struct ImportReport: Sendable, Hashable {
    /// Entries in the file.
    public var entries = 0
    /// Entries imported before (same bank reference): left exactly as they were.
    public var alreadyImported = 0
    /// Orders this import marked paid, by number.
    public var paidOrders: [String] = []
    /// New entries that wait for staff.
    public var unmatched = 0
    /// New debits, recorded and otherwise ignored.
    public var debits = 0
}

/// Why a staff decision on a bank entry was refused.
public enum PaymentProblem: Error, Equatable, Sendable, CustomStringConvertible {
    case statement(StatementProblem)
    case unknownStaff(String)
    case noSuchEntry(String)
    case notUnmatched(entry: Int, state: BankEntryState)
    case noSuchOrder(String)
    case orderNotPayable(String, OrderStatus)
    case noteRequired
    /// The order owes no refund, or it was paid out already.
    case noOpenRefund(String)

    public var description: String {
        switch self {
        case .statement(let problem): "statement refused, nothing imported: \(problem)"
        case .unknownStaff(let email): "no active staff member \(email); add one with `tresor staff add`"
        case .noSuchEntry(let key): "no bank entry \(key)"
        case .noOpenRefund(let number): "order \(number) has no refund waiting to be paid out"
        case .notUnmatched(let id, let state): "bank entry \(id) is \(state.rawValue), not waiting for a decision"
        case .noSuchOrder(let number): "no order \(number)"
        case .orderNotPayable(let number, let status): "order \(number) is \(status.rawValue) and takes no payment"
        case .noteRequired: "say why with --note"
        }
    }
}

/// Books incoming transfers from camt.053 statements against orders, and lets staff resolve the rest.
/// The CLI calls it now; the back office will call the same.
public struct PaymentDesk: Sendable {
    public let orders: OrderDesk
    var database: Database { orders.database }

    public init(orders: OrderDesk) { self.orders = orders }

    /// Imports a statement in one transaction: every entry is recorded once by its bank reference, exact
    /// payments mark their orders paid, the rest wait for staff. A file that does not parse imports nothing.
    public func importStatement(_ data: Data, named statement: String, by actor: Actor, now: Date) async throws -> ImportReport {
        let entries: [BankEntry]
        do { entries = try Camt053Parser.entries(data) } catch { throw PaymentProblem.statement(error) }
        return try await database.transaction { sql in
            let staff = try await Self.staff(actor, sql: sql)
            var report = ImportReport(entries: entries.count)
            let bank = BankEntryRepository(sql)
            for entry in entries {
                guard entry.isCredit else {
                    if try await bank.insertIfNew(entry, state: .debit, reason: nil, orderNumber: nil, statement: statement,
                                                  by: staff, now: now) == nil {
                        report.alreadyImported += 1
                    } else {
                        report.debits += 1
                    }
                    continue
                }
                let (match, order) = try await decide(entry, sql: sql)
                let state: BankEntryState = match == .settles ? .matched : .unmatched
                let reason: UnmatchedReason? = if case .unmatched(let reason) = match { reason } else { nil }
                guard try await bank.insertIfNew(entry, state: state, reason: reason, orderNumber: order, statement: statement,
                                                 by: staff, now: now) != nil else {
                    report.alreadyImported += 1
                    continue
                }
                if match == .settles, let order {
                    let paid = try await markPaid(order, by: actor, note: "bank entry \(entry.bankReference), \(statement)",
                                                  now: now, sql: sql)
                    try await checkPayer(entry, paid: paid, by: staff, now: now, sql: sql)
                    report.paidOrders.append(order)
                } else {
                    report.unmatched += 1
                }
            }
            try await StaffDirectory.audit(actor, "payments.import", statement, after: [
                "entries": String(report.entries), "paid": report.paidOrders.joined(separator: " "), "unmatched": String(report.unmatched),
            ], now: now, in: sql)
            return report
        }
    }

    /// The order a credit belongs to and what it does to it; for credits without a usable reference, the one
    /// order waiting for exactly this amount is named as a suggestion for staff.
    func decide(_ entry: BankEntry, sql: any SQLDatabase) async throws -> (PaymentMatch, orderNumber: String?) {
        let orders = OrderRepository(sql)
        let references = entry.creditorReferences
        guard !references.isEmpty else {
            let candidates = try await orders.payableNumbers(total: entry.amount, limit: 2)
            return (.unmatched(.noReference), candidates.count == 1 ? candidates.first : nil)
        }
        // The first reference that names an order: a line cut inside a word can make a second, valid one by chance.
        var found: Order?
        for reference in references where found == nil { found = try await orders.find(paymentReference: reference) }
        guard let order = found else { return (.unmatched(.unknownReference), nil) }
        try await orders.lock(number: order.number, dialect: database.dialect)
        let received = try await BankEntryRepository(sql).received(orderNumber: order.number)
        return (PaymentMatch.decide(credit: entry.amount, received: received, total: order.total, status: order.status), order.number)
    }

    /// A transfer from someone other than the customer (§10 Abs. 1 Nr. 2, §15 GwG: who stands behind the money?) pays
    /// the order, but compliance gets a case and the decision is recorded on the order. A statement without the
    /// payer's name tells nothing either way.
    func checkPayer(_ entry: BankEntry, paid order: Order, by recorded: String, now: Date, sql: any SQLDatabase) async throws {
        guard let payer = entry.debtorName?.trimmingCharacters(in: .whitespaces), !payer.isEmpty else { return }
        // The account holder is screened too; a possible match holds the paid order before its goods leave.
        if let screened = SanctionsDesk.result(try await orders.sanctions.screen(payer, as: .payer, reference: order.number, now: now, in: sql).open) {
            try await SanctionsDesk.hold(order.number, result: screened, now: now, in: sql)
        }
        guard !PayerCheck.matches(payer: payer, customer: order.customer.name) else { return }
        let result = ComplianceRuleResult(rule: "third-party payer", outcome: .review,
                                          inputs: ["payer": payer, "customer": order.customer.name, "bankReference": entry.bankReference,
                                                   "amount": entry.amount.decimalString],
                                          explanation: "paid by \(payer), not by the customer \(order.customer.name)")
        try await ComplianceResultRepository(sql).insert([result], orderID: order.id, at: now)
        _ = try await ComplianceCases.open(order: order, reason: "payment from a third party: \(result.explanation) (\(entry.bankReference))",
                                           by: recorded, now: now, in: sql)
    }

    /// Marks the order paid in the caller's transaction (which issues the invoice and tells the customer).
    func markPaid(_ number: String, by actor: Actor, note: String, now: Date, sql: any SQLDatabase) async throws -> Order {
        try await orders.apply(.markPaid, to: number, by: actor, note: note, now: now, in: sql)
    }

    /// Entries waiting for staff, oldest first.
    public func unmatched() async throws -> [StoredBankEntry] {
        try await database.read { sql in try await BankEntryRepository(sql).list(state: .unmatched) }
    }

    /// What staff decided about an entry.
    public struct Resolution: Sendable, Hashable {
        public var entry: StoredBankEntry
        /// The order after the assignment, if it was paid by it.
        public var paidOrder: Order?
        /// What the order has received in all, and what it owes in all.
        public var received: Money?
        public var total: Money?
    }

    /// Books an unmatched credit against an order (a partial payment, a transfer without reference, an
    /// over-payment to be refunded). The order becomes paid once what it received reaches its total.
    public func assign(_ key: String, to number: String, by actor: Actor, note: String, now: Date) async throws -> Resolution {
        try await database.transaction { sql in
            let (staff, stored) = try await unmatchedEntry(key, actor: actor, sql: sql)
            let orders = OrderRepository(sql)
            try await orders.lock(number: number, dialect: database.dialect)
            guard let order = try await orders.find(number: number) else { throw PaymentProblem.noSuchOrder(number) }
            guard order.status == .awaitingPayment || order.status == .overdue else {
                throw PaymentProblem.orderNotPayable(number, order.status)
            }
            let bank = BankEntryRepository(sql)
            let received = try await bank.received(orderNumber: number) + stored.entry.amount
            let detail = "bank entry \(stored.entry.bankReference) \(stored.entry.amount.decimalString) EUR assigned"
                + (note.isEmpty ? "" : "; \(note)")
            try await bank.resolve(id: stored.id, state: .assigned, orderNumber: number, by: staff, note: note, now: now)
            try await StaffDirectory.audit(actor, "payments.assign", stored.entry.bankReference, before: ["state": "unmatched"],
                                           after: ["state": "assigned", "order": number, "note": note], now: now, in: sql)
            var resolved = stored
            resolved.state = .assigned
            resolved.orderNumber = number
            guard received >= order.total else {
                // Part of the money: recorded on the order, which keeps waiting for the rest.
                try await orders.addEvent(orderID: order.id, at: now, actor: staff, action: "record payment", from: order.status,
                                          to: order.status, note: detail + "; \((order.total - received).decimalString) EUR still due")
                return Resolution(entry: resolved, paidOrder: nil, received: received, total: order.total)
            }
            let excess = received - order.total
            let paid = try await markPaid(number, by: actor, note: detail + (excess == .zero ? "" : "; \(excess.decimalString) EUR overpaid, to refund"),
                                          now: now, sql: sql)
            try await checkPayer(stored.entry, paid: paid, by: staff, now: now, sql: sql)
            return Resolution(entry: resolved, paidOrder: paid, received: received, total: order.total)
        }
    }

    /// Records that an unmatched credit belongs to no order, and why (e.g. returned to the sender).
    public func dismiss(_ key: String, by actor: Actor, note: String, now: Date) async throws -> StoredBankEntry {
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { throw PaymentProblem.noteRequired }
        return try await database.transaction { sql in
            let (staff, stored) = try await unmatchedEntry(key, actor: actor, sql: sql)
            try await BankEntryRepository(sql).resolve(id: stored.id, state: .dismissed, orderNumber: stored.orderNumber, by: staff,
                                                       note: note, now: now)
            try await StaffDirectory.audit(actor, "payments.dismiss", stored.entry.bankReference, before: ["state": "unmatched"],
                                           after: ["state": "dismissed", "note": note], now: now, in: sql)
            var resolved = stored
            resolved.state = .dismissed
            resolved.note = note
            return resolved
        }
    }

    /// How a staff actor is recorded; bank entries are booked by staff only.
    static func staff(_ actor: Actor, sql: any SQLDatabase) async throws -> String {
        guard actor.staffMember != nil, let recorded = try await StaffDirectory.authorize(actor, .payments, in: sql) else {
            throw PaymentProblem.unknownStaff(actor.staffMember?.email ?? actor.recorded)
        }
        return recorded
    }

    func unmatchedEntry(_ key: String, actor: Actor, sql: any SQLDatabase) async throws -> (staff: String, StoredBankEntry) {
        let staff = try await Self.staff(actor, sql: sql)
        guard let stored = try await BankEntryRepository(sql).find(key, lockingWith: database.dialect) else {
            throw PaymentProblem.noSuchEntry(key)
        }
        guard stored.state == .unmatched else { throw PaymentProblem.notUnmatched(entry: stored.id, state: stored.state) }
        return (staff, stored)
    }
}

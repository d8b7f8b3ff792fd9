import Foundation
import TresorCore
import TresorStore

/// A customer account as staff see it: the account, when it was opened, whether (and by whom) it was closed.
public struct CustomerRecord: Sendable {
    public var customer: Customer
    public var createdAt: Date?
    public var disabledAt: Date?
    public var disabledBy: String?
}

/// Customer accounts for staff: search, one account with its orders, closing an account.
extension CustomerAccounts {
    /// One page of accounts whose name or e-mail contains `text`, newest first.
    public func search(_ text: String, page: Int) async throws -> ListPage<CustomerRecord> {
        let text = String(text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(100))
        let found = try await database.read { sql in
            try await CustomerRepository(sql).search(text, limit: ListPage<CustomerRecord>.size + 1, offset: ListPage<CustomerRecord>.offset(page))
        }
        return ListPage(reading: found.map { CustomerRecord(customer: $0.customer, createdAt: $0.createdAt, disabledAt: $0.disabledAt) },
                        number: max(1, min(page, 100_000)))
    }

    /// One account and its orders (newest first, at most 200); nil when there is none.
    public func record(id: UUID) async throws -> (record: CustomerRecord, orders: [Order])? {
        try await database.read { sql in
            let customers = CustomerRepository(sql)
            guard let customer = try await customers.find(id: id) else { return nil }
            let closed = try await customers.disabled(id: id)
            return (CustomerRecord(customer: customer, createdAt: nil, disabledAt: closed?.at, disabledBy: closed?.by),
                    try await OrderRepository(sql).list(customerID: id, limit: 200))
        }
    }

    /// Closes an account: it cannot log in or reset its password any more, its sessions end, its orders and invoices
    /// stay. Staff with the customers permission only, with a reason; recorded on the audit trail.
    public func disable(id: UUID, reason: String, by actor: Actor, now: Date) async throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 200 else { throw AccountProblem.invalid(InvalidParameter(name: "reason", value: reason)) }
        try await database.transaction { sql in
            guard let recorded = try await StaffDirectory.authorize(actor, .customers, in: sql), actor.staffMember != nil else {
                throw StaffProblem.unknown(actor.recorded)
            }
            let customers = CustomerRepository(sql)
            guard let customer = try await customers.find(id: id), try await customers.disable(id: id, by: recorded, now: now) else {
                throw AccountProblem.disabled
            }
            try await customers.revokeAccess(customerID: id, now: now)
            // The business relationship ends: its identification records are kept five years after this year (§8 Abs. 4 GwG).
            try await IdentityRecordRepository(sql).endRelationship(customerID: id,
                                                                    keepUntil: IdentityRetention.deletableFrom(relationshipEnded: now))
            try await StaffDirectory.audit(actor, "customer.disable", customer.details.email, after: ["reason": reason], now: now, in: sql)
        }
    }
}

import Foundation
import TresorCore
import TresorStore

/// Money owed back: a paid order cancelled before its goods left, or a parcel that came back. Recorded by the order
/// step in its transaction; staff transfer it from the bank and mark it paid out here.
extension PaymentDesk {
    /// Refunds not yet paid out, oldest first.
    public func refundsDue(limit: Int = 200) async throws -> [Refund] {
        try await database.read { sql in try await RefundRepository(sql).open(limit: limit) }
    }

    /// An order's refund, paid out or not.
    public func refund(orderNumber: String) async throws -> Refund? {
        try await database.read { sql in
            guard let order = try await OrderRepository(sql).find(number: orderNumber) else { return nil }
            return try await RefundRepository(sql).find(orderID: order.id)
        }
    }

    /// Staff transferred the refund (`note`: the bank reference of the transfer); audited.
    public func markRefunded(orderNumber: String, note: String, by actor: Actor, now: Date) async throws -> Refund {
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty, note.count <= 200 else { throw PaymentProblem.noteRequired }
        return try await database.transaction { sql in
            let staff = try await Self.staff(actor, sql: sql)
            guard let order = try await OrderRepository(sql).find(number: orderNumber) else { throw PaymentProblem.noSuchOrder(orderNumber) }
            let refunds = RefundRepository(sql)
            guard try await refunds.markPaid(orderID: order.id, by: staff, note: note, now: now),
                  let refund = try await refunds.find(orderID: order.id) else { throw PaymentProblem.noOpenRefund(orderNumber) }
            try await StaffDirectory.audit(actor, "refund.paid", orderNumber, after: ["amount": refund.amount.decimalString, "note": note],
                                           now: now, in: sql)
            return refund
        }
    }
}

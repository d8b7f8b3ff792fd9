import Foundation

/// Why a bank credit could not be booked against an order by itself and waits for staff.
public enum UnmatchedReason: String, Sendable, Codable, CaseIterable, Hashable {
    /// No valid creditor reference in the remittance information.
    case noReference = "no_reference"
    /// A valid reference, but no order carries it.
    case unknownReference = "unknown_reference"
    /// Less than the order still owes.
    case partial
    /// More than the order still owes.
    case overpaid
    /// The order is not waiting for money (already paid, cancelled, awaiting identification or on hold).
    case orderNotPayable = "order_not_payable"
}

/// What happens to one credit for the order its reference names.
public enum PaymentMatch: Sendable, Hashable {
    /// The credit settles the order exactly: it becomes paid.
    case settles
    case unmatched(UnmatchedReason)

    /// Payments are matched by reference first, then by amount: the order must be waiting for money, and
    /// what arrived for it before (`received`, e.g. a partial payment staff assigned) plus this credit must
    /// equal the order total to the cent. Anything else goes to staff; an amount alone never pays an order,
    /// since releasing bullion against someone else's transfer cannot be undone.
    public static func decide(credit: Money, received: Money, total: Money, status: OrderStatus) -> PaymentMatch {
        guard status == .awaitingPayment || status == .overdue else { return .unmatched(.orderNotPayable) }
        let after = received + credit
        if after == total { return .settles }
        return .unmatched(after < total ? .partial : .overpaid)
    }
}

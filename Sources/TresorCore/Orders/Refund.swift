import Foundation

/// What the dealer owes a customer back for one order, and whether it was paid out.
public struct Refund: Sendable, Hashable {
    public var orderNumber: String
    public var amount: Money
    public var reason: String
    public var recordedAt: Date
    public var recordedBy: String
    public var paidAt: Date?
    public var paidBy: String?
    public var paidNote: String?

    public init(orderNumber: String, amount: Money, reason: String, recordedAt: Date, recordedBy: String, paidAt: Date?, paidBy: String?,
                paidNote: String?) {
        self.orderNumber = orderNumber
        self.amount = amount
        self.reason = reason
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.paidAt = paidAt
        self.paidBy = paidBy
        self.paidNote = paidNote
    }
}

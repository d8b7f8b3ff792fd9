import Foundation

/// Where an imported bank entry stands.
public enum BankEntryState: String, Sendable, Codable, CaseIterable, Hashable {
    /// Booked against its order by the import.
    case matched
    /// Waiting for staff.
    case unmatched
    /// Booked against an order by staff.
    case assigned
    /// Staff decided it belongs to no order (e.g. returned to the sender).
    case dismissed
    /// A debit (fees, refunds): kept so a re-import recognises it, never matched.
    case debit
}

/// A bank entry as imported, with what became of it.
public struct StoredBankEntry: Sendable, Hashable, Identifiable {
    public var id: Int
    public var entry: BankEntry
    public var state: BankEntryState
    public var reason: UnmatchedReason?
    /// The order it paid, or for an unmatched entry the order its reference or amount points to.
    public var orderNumber: String?
    public var statement: String
    public var importedAt: Date
    public var note: String

    public init(id: Int, entry: BankEntry, state: BankEntryState, reason: UnmatchedReason?, orderNumber: String?, statement: String,
                importedAt: Date, note: String) {
        self.id = id
        self.entry = entry
        self.state = state
        self.reason = reason
        self.orderNumber = orderNumber
        self.statement = statement
        self.importedAt = importedAt
        self.note = note
    }
}

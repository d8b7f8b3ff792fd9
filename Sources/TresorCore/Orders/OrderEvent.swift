import Foundation

/// One step in an order's history: who moved it from which state to which, and why.
public struct OrderEvent: Sendable, Hashable {
    public var at: Date
    /// As recorded: a staff member's e-mail, `customer`, or `system:` and the job's name.
    public var actor: String
    public var action: String
    public var from: OrderStatus?
    public var to: OrderStatus
    public var note: String

    public init(at: Date, actor: String, action: String, from: OrderStatus?, to: OrderStatus, note: String) {
        self.at = at
        self.actor = actor
        self.action = action
        self.from = from
        self.to = to
        self.note = note
    }
}

import Foundation

/// A customer's price alert: tell me once when a metal's spot price per troy ounce (the dealer's ask, what buying
/// follows) falls to or below a price, or rises to or above it.
public struct PriceAlert: Sendable, Hashable, Identifiable {
    public enum Direction: String, Sendable, Hashable, Codable, CaseIterable {
        case atOrBelow = "below"
        case atOrAbove = "above"
    }

    public var id: UUID
    public var customerID: UUID
    public var metal: Metal
    public var direction: Direction
    /// Euros per troy ounce.
    public var price: Money
    public var createdAt: Date
    /// When the alert went off (it goes off once).
    public var triggeredAt: Date?

    public init(id: UUID = UUID(), customerID: UUID, metal: Metal, direction: Direction, price: Money, createdAt: Date, triggeredAt: Date? = nil) {
        self.id = id
        self.customerID = customerID
        self.metal = metal
        self.direction = direction
        self.price = price
        self.createdAt = createdAt
        self.triggeredAt = triggeredAt
    }

    /// At most this many waiting alerts per account.
    public static let perCustomer = 10

    /// Whether a spot ask per ounce meets the alert (the price rounded to the cent once, half-up).
    public func isMet(by ask: Decimal) -> Bool {
        let spot = Money.roundedHalfUp(euros: ask)
        return direction == .atOrBelow ? spot <= price : spot >= price
    }
}

/// Where an order stands; the raw values are the API's status names.
public enum OrderStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case awaitingIdentification = "awaiting_identification"
    case awaitingPayment = "awaiting_payment"
    case onHold = "on_hold"
    case paid
    case packed
    case shipped
    case delivered
    case overdue
    case cancelled
    /// The parcel came back (refused or undeliverable): stock back, the invoice reversed, the payment owed back.
    case returned
}

/// How the goods reach the customer.
public enum ShippingMethod: String, Sendable, Codable, CaseIterable, Hashable {
    case insured
    case pickup
}

/// How the customer pays.
public enum PaymentMethod: String, Sendable, Codable, CaseIterable, Hashable {
    case bankTransfer = "bank_transfer"
    case cash

    /// Cash changes hands at the counter only: it goes with pickup, never with a parcel.
    public func goes(with shipping: ShippingMethod) -> Bool { self == .bankTransfer || shipping == .pickup }
}

/// Something staff, the customer or the system does to an order.
public enum OrderAction: Sendable, Hashable {
    /// Staff recorded a checked identity document.
    case identify
    /// A bank transfer arrived (from a statement, or recorded by staff). Cash is recorded by handing the goods over.
    case markPaid
    case pack
    case ship(trackingNumber: String)
    case deliver
    /// The due date passed without payment.
    case markOverdue
    /// The compliance officer lets a held order continue.
    case release
    /// Compliance holds the order for review (a politically exposed person, someone acting for another, a sanctions
    /// match); only `release` or `cancel` move it on.
    case hold(reason: String)
    case cancel(reason: String)
    /// A shipped parcel came back: refused by the customer or undeliverable.
    case returnShipment(reason: String)
}

/// Why an action is not allowed on an order in its current state.
public struct IllegalTransition: Error, Equatable, Sendable, CustomStringConvertible {
    public var from: OrderStatus
    public var action: String
    public var reason: String

    public init(from: OrderStatus, action: String, reason: String) {
        self.from = from
        self.action = action
        self.reason = reason
    }

    public var description: String { "cannot \(action) an order that is \(from.rawValue): \(reason)" }
}

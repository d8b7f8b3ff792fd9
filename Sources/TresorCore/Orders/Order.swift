import Foundation

/// A placed order: the quote's locked lines, shipping, who it is for and where it stands.
public struct Order: Sendable, Hashable, Identifiable, Codable {
    public var id: UUID
    /// `T-2026-000123`
    public var number: String
    public var quoteID: UUID
    public var status: OrderStatus
    public var shipping: ShippingMethod
    public var payment: PaymentMethod
    public var lines: [PricedLine]
    public var shippingFee: Money
    /// The ISO 11649 reference the customer puts on the transfer.
    public var paymentReference: String
    /// End of the last banking day for payment; nil for cash at pickup.
    public var dueAt: Date?
    public var customer: CustomerDetails
    public var compliance: ComplianceDecision
    public var createdAt: Date
    /// The language of the customer's e-mails.
    public var language: Language
    /// The account that placed it; nil for a guest.
    public var customerID: UUID?

    public init(id: UUID, number: String, quoteID: UUID, status: OrderStatus, shipping: ShippingMethod,
                payment: PaymentMethod, lines: [PricedLine], shippingFee: Money, paymentReference: String, dueAt: Date?,
                customer: CustomerDetails, compliance: ComplianceDecision, createdAt: Date, language: Language = .de,
                customerID: UUID? = nil) {
        self.language = language
        self.customerID = customerID
        self.id = id
        self.number = number
        self.quoteID = quoteID
        self.status = status
        self.shipping = shipping
        self.payment = payment
        self.lines = lines
        self.shippingFee = shippingFee
        self.paymentReference = paymentReference
        self.dueAt = dueAt
        self.customer = customer
        self.compliance = compliance
        self.createdAt = createdAt
    }

    public var goodsTotal: Money { lines.reduce(.zero) { $0 + $1.lineTotal } }
    /// Order total = sum of lines + fees.
    public var total: Money { goodsTotal + shippingFee }
    public var stateMachine: OrderStateMachine { OrderStateMachine(shipping: shipping, payment: payment) }
}

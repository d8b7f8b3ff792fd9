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
    /// The member state whose VAT its standard-rated goods carry (`VatRates.country`), as its quote was priced.
    public var vatCountry: String

    public init(id: UUID, number: String, quoteID: UUID, status: OrderStatus, shipping: ShippingMethod,
                payment: PaymentMethod, lines: [PricedLine], shippingFee: Money, paymentReference: String, dueAt: Date?,
                customer: CustomerDetails, compliance: ComplianceDecision, createdAt: Date, language: Language = .de,
                customerID: UUID? = nil, vatCountry: String = VatRates.home) {
        self.vatCountry = vatCountry
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

    enum CodingKeys: String, CodingKey {
        case id, number, quoteID, status, shipping, payment, lines, shippingFee, paymentReference, dueAt, customer, compliance,
             createdAt, language, customerID, vatCountry
    }

    /// Orders inside invoices issued before VAT followed the destination read as taxed in Germany.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(UUID.self, forKey: .id), number: try c.decode(String.self, forKey: .number),
                  quoteID: try c.decode(UUID.self, forKey: .quoteID), status: try c.decode(OrderStatus.self, forKey: .status),
                  shipping: try c.decode(ShippingMethod.self, forKey: .shipping), payment: try c.decode(PaymentMethod.self, forKey: .payment),
                  lines: try c.decode([PricedLine].self, forKey: .lines), shippingFee: try c.decode(Money.self, forKey: .shippingFee),
                  paymentReference: try c.decode(String.self, forKey: .paymentReference), dueAt: try c.decodeIfPresent(Date.self, forKey: .dueAt),
                  customer: try c.decode(CustomerDetails.self, forKey: .customer),
                  compliance: try c.decode(ComplianceDecision.self, forKey: .compliance), createdAt: try c.decode(Date.self, forKey: .createdAt),
                  language: try c.decodeIfPresent(Language.self, forKey: .language) ?? .de, customerID: try c.decodeIfPresent(UUID.self, forKey: .customerID),
                  vatCountry: try c.decodeIfPresent(String.self, forKey: .vatCountry) ?? VatRates.home)
    }

    public var goodsTotal: Money { lines.reduce(.zero) { $0 + $1.lineTotal } }
    /// Order total = sum of lines + fees.
    public var total: Money { goodsTotal + shippingFee }
    public var stateMachine: OrderStateMachine { OrderStateMachine(shipping: shipping, payment: payment) }
}

import Foundation

/// Where a buy-back stands: the customer sends the goods, staff receive and check them item by item, the approved
/// ones are paid out (by bank transfer in a SEPA file, or in cash at the counter).
public enum BuybackStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Compliance looks at it first (a possible sanctions match); released, it waits for the goods.
    case onHold = "on_hold"
    case awaitingGoods = "awaiting_goods"
    case received
    /// Every item decided, the credit note issued: the payout is due.
    case checked
    case paid
    /// Every item rejected: they go back, nothing is paid.
    case returned
    case cancelled
}

/// How the seller is paid.
public enum PayoutMethod: String, Sendable, Hashable, Codable, CaseIterable {
    case bankTransfer = "bank_transfer"
    case cash
}

public enum ItemDecision: String, Sendable, Hashable, Codable, CaseIterable {
    case pending
    case approved
    case rejected
}

/// One piece the customer sells: the product, its price locked by the sell quote, and what staff found.
public struct BuybackItem: Sendable, Hashable, Codable {
    public var position: Int
    public var productID: UUID
    public var sku: String
    public var name: String
    public var unitPrice: Money
    /// Gross weight staff measured, grams as text (`31.10`).
    public var measuredGrams: String?
    public var decision: ItemDecision
    public var note: String

    public init(position: Int, productID: UUID, sku: String, name: String, unitPrice: Money, measuredGrams: String? = nil,
                decision: ItemDecision = .pending, note: String = "") {
        self.position = position
        self.productID = productID
        self.sku = sku
        self.name = name
        self.unitPrice = unitPrice
        self.measuredGrams = measuredGrams
        self.decision = decision
        self.note = note
    }
}

/// A line of a sell quote: buy-back prices locked for the quote time, like a quote for buying.
public struct BuybackQuoteLine: Sendable, Hashable, Codable {
    public var productID: UUID
    public var sku: String
    public var name: String
    public var quantity: Int
    public var unitPrice: Money
    public var lineTotal: Money { unitPrice * quantity }

    public init(productID: UUID, sku: String, name: String, quantity: Int, unitPrice: Money) {
        self.productID = productID
        self.sku = sku
        self.name = name
        self.quantity = quantity
        self.unitPrice = unitPrice
    }
}

public struct BuybackQuote: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var createdAt: Date
    public var expiresAt: Date
    public var lines: [BuybackQuoteLine]
    public var total: Money { lines.reduce(.zero) { $0 + $1.lineTotal } }
    public func isValid(at moment: Date) -> Bool { moment < expiresAt }

    public init(id: UUID = UUID(), createdAt: Date, expiresAt: Date, lines: [BuybackQuoteLine]) {
        self.id = id
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lines = lines
    }
}

/// A buy-back (`A-2026-000001`): who sells, how they are paid, the items, and where it stands.
public struct Buyback: Sendable, Hashable, Identifiable, Codable {
    public var id: UUID
    public var number: String
    public var quoteID: UUID
    public var status: BuybackStatus
    public var seller: CustomerDetails
    public var payout: PayoutMethod
    /// For a bank payout: the IBAN (ISO 13616, without spaces) and the account holder.
    public var iban: String?
    public var accountHolder: String?
    public var items: [BuybackItem]
    public var compliance: ComplianceDecision
    public var createdAt: Date
    public var customerID: UUID?
    public var language: Language
    /// The self-billed credit note issued for the approved items.
    public var creditNote: String?
    /// When the payout left: in a SEPA file, or in cash at the counter.
    public var paidAt: Date?

    public init(id: UUID = UUID(), number: String, quoteID: UUID, status: BuybackStatus, seller: CustomerDetails, payout: PayoutMethod,
                iban: String?, accountHolder: String?, items: [BuybackItem], compliance: ComplianceDecision, createdAt: Date,
                customerID: UUID?, language: Language, creditNote: String? = nil, paidAt: Date? = nil) {
        self.id = id
        self.number = number
        self.quoteID = quoteID
        self.status = status
        self.seller = seller
        self.payout = payout
        self.iban = iban
        self.accountHolder = accountHolder
        self.items = items
        self.compliance = compliance
        self.createdAt = createdAt
        self.customerID = customerID
        self.language = language
        self.creditNote = creditNote
        self.paidAt = paidAt
    }

    /// What the seller is paid: the approved items at their locked prices.
    public var approvedTotal: Money {
        items.filter { $0.decision == .approved }.reduce(.zero) { $0 + $1.unitPrice }
    }

    /// What the quote promised for everything sent.
    public var quotedTotal: Money { items.reduce(.zero) { $0 + $1.unitPrice } }

    public static func number(year: Int, sequence: Int) -> String {
        "A-\(year)-" + OrderNumbers.padded(sequence)
    }
}

/// ISO 13616 account numbers: the shape, the country's length and the mod-97 check.
public enum IBAN {
    /// Lengths of the SEPA countries' IBANs.
    static let lengths: [String: Int] = [
        "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20, "ES": 24, "FI": 18, "FR": 27,
        "GB": 22, "GI": 23, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27,
        "MT": 31, "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "VA": 22,
    ]

    /// `DE89370400440532013000` from `de89 3704 0044 0532 0130 00`.
    public static func normalised(_ text: String) -> String { text.filter { !$0.isWhitespace }.uppercased() }

    public static func isValid(_ text: String) -> Bool {
        let iban = normalised(text)
        guard let length = lengths[String(iban.prefix(2))], iban.count == length else { return false }
        return DealerSettings.isValidIBAN(iban)
    }
}

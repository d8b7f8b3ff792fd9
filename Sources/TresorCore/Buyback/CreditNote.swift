import Foundation

/// The self-billed credit note (Gutschrift) the dealer issues to the seller for the approved items of a buy-back:
/// gapless numbers `G-2026-000001`, the seller as the supplier, the dealer as the recipient, the items with their
/// measured weights and locked prices. Issued, it is stored with its PDF and never worked out again.
public struct CreditNote: Sendable, Hashable, Codable {
    public var number: String
    public var issuedAt: Date
    public var buyback: Buyback
    /// The dealer, as its details were that day.
    public var dealer: Seller

    public init(number: String, issuedAt: Date, buyback: Buyback, dealer: Seller) {
        self.number = number
        self.issuedAt = issuedAt
        self.buyback = buyback
        self.dealer = dealer
    }

    public var items: [BuybackItem] { buyback.items.filter { $0.decision == .approved } }
    public var total: Money { buyback.approvedTotal }

    public static func number(year: Int, sequence: Int) -> String {
        "G-\(year)-" + OrderNumbers.padded(sequence)
    }
}

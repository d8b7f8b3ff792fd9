import Foundation

/// A dealer's markup on the metal value for one quantity band, defined on the net price.
public struct PremiumTier: Sendable, Hashable, Codable {
    /// The smallest quantity in one order line that gets this tier.
    public var minQuantity: Int
    /// Percent on top of the metal value (`4.5` means 4.5 %).
    public var percent: Decimal
    /// A fixed net amount per unit on top (minting, packaging).
    public var fixed: Money

    public init(minQuantity: Int, percent: Decimal, fixed: Money = .zero) {
        self.minQuantity = minQuantity
        self.percent = percent
        self.fixed = fixed
    }
}

/// How a product is priced against spot: quantity tiers for selling, one discount for buying back.
public struct PremiumRule: Sendable, Hashable, Codable {
    /// Sorted by `minQuantity`, the first one starting at 1.
    public let tiers: [PremiumTier]
    /// Percent taken off the metal value when the dealer buys back.
    public var buybackDiscountPercent: Decimal
    /// A fixed amount per unit taken off on buy-back.
    public var buybackFixedDiscount: Money

    public enum Problem: Error, Equatable, Sendable {
        case noTiers
        case firstTierNotOne
        case duplicateMinQuantity(Int)
        case negativePremium
        case discountOutOfRange
    }

    public init(tiers: [PremiumTier], buybackDiscountPercent: Decimal, buybackFixedDiscount: Money = .zero) throws(Problem) {
        let sorted = tiers.sorted { $0.minQuantity < $1.minQuantity }
        guard let first = sorted.first else { throw .noTiers }
        guard first.minQuantity == 1 else { throw .firstTierNotOne }
        for (a, b) in zip(sorted, sorted.dropFirst()) where a.minQuantity == b.minQuantity {
            throw .duplicateMinQuantity(a.minQuantity)
        }
        guard sorted.allSatisfy({ $0.percent >= 0 && $0.fixed >= .zero }) else { throw .negativePremium }
        guard buybackDiscountPercent >= 0, buybackDiscountPercent < 100, buybackFixedDiscount >= .zero else {
            throw .discountOutOfRange
        }
        self.tiers = sorted
        self.buybackDiscountPercent = buybackDiscountPercent
        self.buybackFixedDiscount = buybackFixedDiscount
    }

    /// The tier that applies to `quantity` units in one line.
    public func tier(for quantity: Int) -> PremiumTier {
        tiers.last(where: { $0.minQuantity <= quantity }) ?? tiers[0]
    }
}

/// What a customer owes when an unpaid order is cancelled: the fall in value of the goods the dealer
/// bought in for them (locked total minus today's buy-back value, if positive) plus the configured fee.
public enum MarketLoss {
    public static func owed(lockedGoodsTotal: Money, buybackValueToday: Money, fee: Money) -> Money {
        let fall = lockedGoodsTotal - buybackValueToday
        return (fall > .zero ? fall : .zero) + fee
    }
}

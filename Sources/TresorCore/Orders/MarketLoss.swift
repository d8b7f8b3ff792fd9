/// What a customer owes when an unpaid order is cancelled (§249, §309 Nr. 5 BGB): the loss the dealer actually
/// suffers, selling the goods again at today's price. Per line, the locked price minus today's selling price for the
/// same product and quantity tier, if positive; plus the fee the AGB name. Both prices are taken without their VAT:
/// a damage is no supply (no VAT on it), and the dealer would have passed the VAT in the locked price to the tax
/// office. Never the spread between selling and buy-back price, which the old rule billed.
public enum MarketLoss {
    /// One order line: its locked total and what the same quantity sells for today, both without VAT.
    public struct Line: Sendable, Hashable {
        public var lockedNet: Money
        public var todayNet: Money

        public init(lockedNet: Money, todayNet: Money) {
            self.lockedNet = lockedNet
            self.todayNet = todayNet
        }

        /// How much the line fell in value; a line that gained owes nothing and offsets nothing.
        public var fall: Money { lockedNet > todayNet ? lockedNet - todayNet : .zero }
    }

    public static func owed(_ lines: [Line], fee: Money) -> Money {
        lines.reduce(fee) { $0 + $1.fall }
    }
}

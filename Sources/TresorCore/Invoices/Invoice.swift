import Foundation

/// The VAT treatment of a part of an invoice: its gross amount, the VAT in it, and the net rest.
public struct InvoiceVatGroup: Sendable, Hashable {
    public var regime: VatRegime
    /// The rate for `standard`; nil where no VAT is shown (exempt investment gold, margin scheme).
    public var ratePercent: Decimal?
    /// Goods of this treatment.
    public var goods: Money
    /// The share of the shipping fee that follows these goods.
    public var shipping: Money
    public var vat: Money
    public var gross: Money { goods + shipping }
    public var net: Money { gross - vat }
}

/// An invoice for a paid order. It shows exactly the order: its lines with their locked prices and VAT, its
/// shipping fee, its total. Only the split of the shipping fee over VAT treatments is worked out here.
public struct Invoice: Sendable, Hashable {
    /// `R-2026-000045`, gapless per year.
    public var number: String
    public var issuedAt: Date
    public var order: Order
    public var seller: Seller
    public var groups: [InvoiceVatGroup]

    public init(number: String, issuedAt: Date, order: Order, seller: Seller, vatRates: VatRateTable = .germany) {
        self.number = number
        self.issuedAt = issuedAt
        self.order = order
        self.seller = seller
        let rate = vatRates.percent(on: order.createdAt)
        let regimes = VatRegime.invoiceOrder.filter { regime in order.lines.contains { $0.vatRegime == regime } }
        let goods = regimes.map { regime in order.lines.filter { $0.vatRegime == regime }.reduce(Money.zero) { $0 + $1.lineTotal } }
        let shipping = Self.split(order.shippingFee, over: goods)
        groups = regimes.indices.map { i in
            let regime = regimes[i]
            let lineVAT = order.lines.filter { $0.vatRegime == regime }.reduce(Money.zero) { $0 + $1.vat }
            let shippingVAT = VatBreakdown(lineTotal: shipping[i], regime: regime, ratePercent: rate).vat
            return InvoiceVatGroup(regime: regime, ratePercent: regime == .standard ? rate : nil, goods: goods[i],
                                   shipping: shipping[i], vat: lineVAT + shippingVAT)
        }
    }

    public var total: Money { groups.reduce(.zero) { $0 + $1.gross } }
    public var vatTotal: Money { groups.reduce(.zero) { $0 + $1.vat } }
    public var contains: Set<VatRegime> { Set(groups.map(\.regime)) }

    /// Shipping is an ancillary service: it takes the VAT treatment of the goods it carries. With goods of
    /// several treatments the fee is split in proportion to their value, in whole cents by the largest
    /// remainder, so the parts add up to the fee exactly.
    public static func split(_ fee: Money, over values: [Money]) -> [Money] {
        guard !values.isEmpty else { return [] }
        let whole = values.reduce(Int64(0)) { $0 + $1.cents }
        guard whole > 0 else { return [fee] + Array(repeating: .zero, count: values.count - 1) }
        var parts = values.map { fee.cents * $0.cents / whole }
        let remainders = values.map { fee.cents * $0.cents % whole }
        var left = fee.cents - parts.reduce(0, +)
        for index in remainders.indices.sorted(by: { remainders[$0] > remainders[$1] || (remainders[$0] == remainders[$1] && $0 < $1) })
        where left > 0 {
            parts[index] += 1
            left -= 1
        }
        return parts.map(Money.init(cents:))
    }
}

extension VatRegime {
    /// The order in which an invoice lists its VAT treatments.
    public static let invoiceOrder: [VatRegime] = [.exemptInvestmentGold, .standard, .marginScheme]
}

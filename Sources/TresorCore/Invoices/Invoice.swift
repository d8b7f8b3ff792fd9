import Foundation

/// The VAT treatment of a part of an invoice: its gross amount, the VAT in it, and the net rest.
public struct InvoiceVatGroup: Sendable, Hashable, Codable {
    public var regime: VatRegime
    /// The rate for `standard`; nil where no VAT is shown (exempt investment gold, margin scheme).
    public var ratePercent: Decimal?
    /// Goods of this treatment.
    public var goods: Money
    /// The share of the shipping fee that follows these goods.
    public var shipping: Money
    public var vat: Money
    /// The member state whose VAT this is when not Germany's: a distance sale under the One-Stop-Shop (§18j UStG).
    public var country: String? = nil
    public var gross: Money { goods + shipping }
    public var net: Money { gross - vat }

    /// The same group with every amount reversed, as a cancellation invoice shows it.
    public var reversed: InvoiceVatGroup {
        InvoiceVatGroup(regime: regime, ratePercent: ratePercent, goods: .zero - goods, shipping: .zero - shipping, vat: .zero - vat,
                        country: country)
    }
}

/// What a document is: the invoice for goods that left, or the cancellation invoice (Stornorechnung) that reverses
/// one when they came back (§14c, §17 UStG).
public enum InvoiceKind: String, Sendable, Hashable, Codable, CaseIterable {
    case invoice
    case cancellation
}

/// The invoice a cancellation reverses, as it names it.
public struct InvoiceReference: Sendable, Hashable, Codable {
    public var number: String
    public var issuedAt: Date

    public init(number: String, issuedAt: Date) {
        self.number = number
        self.issuedAt = issuedAt
    }
}

/// An invoice as issued: the order as it was when the goods left (lines with their locked prices, shipping fee),
/// the seller as they were that day, and the VAT worked out at the rate of the supply date (§14 Abs. 4 Nr. 6 UStG,
/// §27 Abs. 1 UStG). Issued, it is stored with its PDF and never worked out again. A cancellation invoice shows the
/// original's groups reversed, at the original's rates.
public struct Invoice: Sendable, Hashable, Codable {
    /// `R-2026-000045` (an invoice) or `S-2026-000003` (a cancellation), gapless per kind and year.
    public var number: String
    public var kind: InvoiceKind
    /// The invoice a cancellation reverses.
    public var cancels: InvoiceReference?
    public var issuedAt: Date
    /// When the goods left: shipped, or handed over at the counter (the supply date, §31 Abs. 4 UStDV).
    public var suppliedAt: Date
    public var order: Order
    public var seller: Seller
    public var groups: [InvoiceVatGroup]

    public init(number: String, kind: InvoiceKind, cancels: InvoiceReference?, issuedAt: Date, suppliedAt: Date, order: Order,
                seller: Seller, groups: [InvoiceVatGroup]) {
        self.number = number
        self.kind = kind
        self.cancels = cancels
        self.issuedAt = issuedAt
        self.suppliedAt = suppliedAt
        self.order = order
        self.seller = seller
        self.groups = groups
    }

    /// The invoice for an order whose goods left at `suppliedAt`: each line's VAT at that day's rate of the member
    /// state the order is taxed in (the gross price the customer agreed stays; only the VAT in it follows the rate),
    /// shipping split over the treatments.
    public init(number: String, issuedAt: Date, suppliedAt: Date, order: Order, seller: Seller, rates: VatRates = VatRates()) {
        let rate = rates.standardPercent(in: order.vatCountry, on: suppliedAt)
        let abroad = order.vatCountry == VatRates.home ? nil : order.vatCountry
        let regimes = VatRegime.invoiceOrder.filter { regime in order.lines.contains { $0.vatRegime == regime } }
        let goods = regimes.map { regime in order.lines.filter { $0.vatRegime == regime }.reduce(Money.zero) { $0 + $1.lineTotal } }
        let shipping = Self.split(order.shippingFee, over: goods)
        let groups = regimes.indices.map { i in
            let regime = regimes[i]
            let lineVAT = order.lines.filter { $0.vatRegime == regime }.reduce(Money.zero) {
                $0 + VatBreakdown(lineTotal: $1.lineTotal, regime: regime, ratePercent: rate).vat
            }
            let shippingVAT = VatBreakdown(lineTotal: shipping[i], regime: regime, ratePercent: rate).vat
            return InvoiceVatGroup(regime: regime, ratePercent: regime == .standard ? rate : nil, goods: goods[i],
                                   shipping: shipping[i], vat: lineVAT + shippingVAT, country: regime == .standard ? abroad : nil)
        }
        self.init(number: number, kind: .invoice, cancels: nil, issuedAt: issuedAt, suppliedAt: suppliedAt, order: order,
                  seller: seller, groups: groups)
    }

    /// The cancellation invoice that reverses `original` line by line: same lines and rates, every amount negative.
    /// It is a new document of `issuedAt`, naming the seller as they are now.
    public static func cancellation(of original: Invoice, number: String, issuedAt: Date, seller: Seller) -> Invoice {
        Invoice(number: number, kind: .cancellation, cancels: InvoiceReference(number: original.number, issuedAt: original.issuedAt),
                issuedAt: issuedAt, suppliedAt: original.suppliedAt, order: original.order, seller: seller,
                groups: original.groups.map(\.reversed))
    }

    /// +1 for an invoice, −1 for a cancellation: what each line's amounts are multiplied by on the document.
    public var sign: Int { kind == .invoice ? 1 : -1 }

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

import Foundation
import Testing
@testable import TresorCore

@Suite struct InvoiceTests {
    let placed = CivilDate.utcMidnight(2026, 11, 27)

    func order(_ lines: [PricedLine], shipping: Money, method: ShippingMethod = .insured, at date: Date? = nil) -> Order {
        Order(id: UUID(), number: "T-2026-000001", quoteID: UUID(), status: .paid, shipping: method, payment: .bankTransfer,
              lines: lines, shippingFee: shipping, paymentReference: "RF", dueAt: nil,
              customer: CustomerDetails(email: "a@b.de", name: "A", street: "S 1", postalCode: "12345", city: "K", country: "DE"),
              compliance: ComplianceDecision(outcome: .allow, rule: "t", explanation: "t"), createdAt: date ?? placed)
    }

    func line(_ sku: String, _ quantity: Int, _ unitCents: Int64, _ regime: VatRegime, vatCents: Int64) -> PricedLine {
        PricedLine(productID: UUID(), sku: sku, name: sku, quantity: quantity, unitPrice: Money(cents: unitCents),
                   vatRegime: regime, vat: Money(cents: vatCents))
    }

    @Test func goldAndSilverShareTheShippingByValue() {
        // 1 gold coin 2601.17 € (exempt) + 10 silver coins à 45.50 € = 455.00 € (19 %: VAT 455 × 0.19 / 1.19 = 72.647 → 72.65).
        // Shipping 29.95 € split 2601.17 : 455.00 → 2995 × 260117 / 305617 = 2549.1 and 445.9 cents; the one
        // cent left goes to the larger remainder (silver): 25.49 € and 4.46 €. VAT in 4.46 €: 0.7121 → 0.71 €.
        let invoice = Invoice(number: "R-2026-000001", issuedAt: placed, suppliedAt: placed, order: order([
            line("AU", 1, 260_117, .exemptInvestmentGold, vatCents: 0), line("AG", 10, 4_550, .standard, vatCents: 7_265),
        ], shipping: Money(cents: 2_995)), seller: .demo)
        #expect(invoice.groups.map(\.regime) == [VatRegime.exemptInvestmentGold, .standard])
        #expect(invoice.groups.map(\.shipping) == [Money(cents: 2_549), Money(cents: 446)])
        #expect(invoice.groups[0].gross == Money(cents: 262_666))
        #expect(invoice.groups[0].vat == .zero)
        #expect(invoice.groups[1].gross == Money(cents: 45_946))
        #expect(invoice.groups[1].vat == Money(cents: 7_336))
        #expect(invoice.groups[1].net == Money(cents: 38_610))
        #expect(invoice.groups[1].ratePercent == 19)
        #expect(invoice.total == Money(cents: 308_612))
        #expect(invoice.total == invoice.order.total)
    }

    @Test func secondHalfOf2020UsesSixteenPercent() {
        // 100.00 € shipping-free silver in September 2020: VAT 100 × 0.16 / 1.16 = 13.793 → 13.79 € (the line's own).
        let invoice = Invoice(number: "R-2020-000001", issuedAt: placed, suppliedAt: CivilDate.utcMidnight(2020, 9, 1), order: order([
            line("AG", 1, 10_000, .standard, vatCents: 1_379),
        ], shipping: .zero, method: .pickup, at: CivilDate.utcMidnight(2020, 9, 1)), seller: .demo)
        #expect(invoice.groups.map(\.ratePercent) == [Decimal(16)])
        #expect(invoice.vatTotal == Money(cents: 1_379))
    }

    /// The VAT follows the day the goods left, in Berlin, not the day of the order: silver ordered at 23:00 on
    /// 30 June 2020 (19 %) and shipped at 00:30 on 1 July (16 %, 22:30 UTC the day before) carries 16 %. The price the
    /// customer agreed stays 119.00 €; the VAT in it is 119 × 16 / 116 = 16.4137 → 16.41 € (net 102.59 €).
    @Test func theSupplyDateDecidesTheRate() {
        let ordered = CivilDate.utcMidnight(2020, 6, 30).addingTimeInterval(21 * 3600)  // 23:00 in Berlin (CEST)
        let silver = order([line("AG", 1, 11_900, .standard, vatCents: 1_900)], shipping: .zero, at: ordered)
        let shippedAfterMidnight = CivilDate.utcMidnight(2020, 6, 30).addingTimeInterval(22.5 * 3600)  // 00:30 on 1 July in Berlin
        let invoice = Invoice(number: "R-2020-000002", issuedAt: shippedAfterMidnight, suppliedAt: shippedAfterMidnight, order: silver,
                              seller: .demo)
        #expect(invoice.groups.map(\.ratePercent) == [Decimal(16)])
        #expect(invoice.vatTotal == Money(cents: 1_641) && invoice.groups[0].net == Money(cents: 10_259))
        #expect(invoice.total == Money(cents: 11_900))
        // Shipped a minute before midnight in Berlin: still 19 % (19.00 €).
        let shippedBefore = CivilDate.utcMidnight(2020, 6, 30).addingTimeInterval(21 * 3600 + 59 * 60)
        let before = Invoice(number: "R-2020-000003", issuedAt: shippedBefore, suppliedAt: shippedBefore, order: silver, seller: .demo)
        #expect(before.groups.map(\.ratePercent) == [Decimal(19)] && before.vatTotal == Money(cents: 1_900))
    }

    /// A returned mixed order: its cancellation invoice reverses the original group by group at the original's
    /// rates. Gold 2,601.17 € (§25c), 10 silver coins at 45.50 € = 455.00 € (19 %), a §25a coin 355.86 €, shipping
    /// 19.95 € split by value: 1995 × 260117 / 341203 = 1520.9, × 45500 / … = 266.0, × 35586 / … = 208.1 cents; the
    /// cent left goes to the largest remainder (gold): 15.21 €, 2.66 €, 2.08 €. Silver VAT: 455.00 × 19/119 = 72.65 €
    /// plus 2.66 × 19/119 = 0.42 €: 73.07 € of 457.66 € (net 384.59 €). Total 3,431.98 €.
    @Test func aCancellationInvoiceReversesTheOriginalLineByLine() {
        let mixed = order([line("AU", 1, 260_117, .exemptInvestmentGold, vatCents: 0), line("AG", 10, 4_550, .standard, vatCents: 7_265),
                           line("AU-25A", 1, 35_586, .marginScheme, vatCents: 0)], shipping: Money(cents: 1_995))
        let shipped = placed.addingTimeInterval(2 * 86_400)
        let original = Invoice(number: "R-2026-000010", issuedAt: shipped, suppliedAt: shipped, order: mixed, seller: .demo)
        #expect(original.groups.map(\.gross) == [Money(cents: 261_638), Money(cents: 45_766), Money(cents: 35_794)])
        #expect(original.groups[1].vat == Money(cents: 7_307) && original.groups[1].net == Money(cents: 38_459))
        #expect(original.total == Money(cents: 343_198) && original.total == mixed.total)
        var moved = Seller.demo
        moved.street = "Neue Straße 5"
        let returned = shipped.addingTimeInterval(5 * 86_400)
        let cancellation = Invoice.cancellation(of: original, number: "S-2026-000001", issuedAt: returned, seller: moved)
        #expect(cancellation.kind == .cancellation && cancellation.sign == -1)
        #expect(cancellation.cancels == InvoiceReference(number: "R-2026-000010", issuedAt: shipped))
        #expect(cancellation.groups.map(\.gross) == [Money(cents: -261_638), Money(cents: -45_766), Money(cents: -35_794)])
        #expect(cancellation.groups[1].vat == Money(cents: -7_307) && cancellation.groups[1].ratePercent == 19)
        #expect(cancellation.total == Money(cents: -343_198) && cancellation.vatTotal == Money(cents: -7_307))
        #expect(cancellation.order == original.order && cancellation.suppliedAt == original.suppliedAt)
        #expect(cancellation.seller.street == "Neue Straße 5" && original.seller.street == "Hohe Straße 1")
    }

    @Test func splittingNeverLosesOrInventsACent() {
        #expect(Invoice.split(Money(cents: 995), over: [Money(cents: 100), Money(cents: 100), Money(cents: 100)])
                == [Money(cents: 332), Money(cents: 332), Money(cents: 331)])
        #expect(Invoice.split(Money(cents: 995), over: [Money(cents: 1)]) == [Money(cents: 995)])
        #expect(Invoice.split(.zero, over: [Money(cents: 5), Money(cents: 7)]) == [.zero, .zero])
    }

    /// Thousands of random orders: the invoice always shows exactly the order's total, its VAT is the lines'
    /// VAT plus the VAT in the shipping shares, and every group's net and VAT add up to its gross.
    @Test func invoiceTotalsEqualOrderTotalsForRandomOrders() {
        var random = SplitMix64(seed: 20_261_127)
        let calculator = VatRateTable.germany
        for _ in 0..<5_000 {
            let date = CivilDate.utcMidnight(2019 + Int(random.next() % 8), 1 + Int(random.next() % 12), 1)
            let rate = calculator.percent(on: date)
            let lines = (0..<(1 + Int(random.next() % 6))).map { index -> PricedLine in
                let regime = VatRegime.allCases[Int(random.next() % 3)]
                let unit = Money(cents: 1 + Int64(random.next() % 5_000_000))
                let quantity = 1 + Int(random.next() % 500)
                let vat = VatBreakdown(lineTotal: unit * quantity, regime: regime, ratePercent: rate).vat
                return PricedLine(productID: UUID(), sku: "S\(index)", name: "n", quantity: quantity, unitPrice: unit,
                                  vatRegime: regime, vat: vat)
            }
            let shipping = Money(cents: Int64(random.next() % 5_000))
            let placed = order(lines, shipping: shipping, at: date)
            let invoice = Invoice(number: "R", issuedAt: date, suppliedAt: date, order: placed, seller: .demo)
            #expect(invoice.total == placed.total)
            #expect(invoice.groups.reduce(Money.zero) { $0 + $1.shipping } == shipping)
            #expect(invoice.groups.reduce(Money.zero) { $0 + $1.goods } == placed.goodsTotal)
            let shippingVAT = invoice.groups.reduce(Money.zero) {
                $0 + VatBreakdown(lineTotal: $1.shipping, regime: $1.regime, ratePercent: rate).vat
            }
            #expect(invoice.vatTotal == lines.reduce(Money.zero) { $0 + $1.vat } + shippingVAT)
            for group in invoice.groups {
                #expect(group.net + group.vat == group.gross)
                #expect(group.shipping >= .zero)
                #expect(group.regime == .standard || group.vat == .zero)
            }
        }
    }

    /// The kilo bar of `PricingTests` sent with 14.95 € insured shipping. With the One-Stop-Shop to Austria or France
    /// (20 %) it cost 1166.16 €: VAT 1166.16 / 6 = 194.36 € on the bar and 14.95 / 6 = 2.4917 → 2.49 € on the shipping,
    /// 196.85 € of 1181.11 € (net 984.26 €), named as that country's VAT. Without the One-Stop-Shop it cost 1156.45 €
    /// with German VAT: 1156.45 × 19/119 = 184.64 € plus 14.95 × 19/119 = 2.3870 → 2.39 €, 187.03 € of 1171.40 €.
    @Test(arguments: ["AT", "FR"])
    func aDistanceSaleIsInvoicedWithTheDestinationsVAT(_ country: String) {
        var parcel = order([line("S-BAR-1KG", 1, 116_616, .standard, vatCents: 19_436)], shipping: Money(cents: 1_495))
        parcel.vatCountry = country
        let invoice = Invoice(number: "R-2026-000020", issuedAt: placed, suppliedAt: placed, order: parcel, seller: .demo)
        #expect(invoice.groups.count == 1)
        #expect(invoice.groups[0].ratePercent == 20 && invoice.groups[0].country == country)
        #expect(invoice.vatTotal == Money(cents: 19_685) && invoice.total == Money(cents: 118_111))
        #expect(invoice.groups[0].net == Money(cents: 98_426))

        var german = order([line("S-BAR-1KG", 1, 115_645, .standard, vatCents: 18_464)], shipping: Money(cents: 1_495))
        german.customer.country = country  // OSS off: a parcel abroad keeps German VAT
        let domestic = Invoice(number: "R-2026-000021", issuedAt: placed, suppliedAt: placed, order: german, seller: .demo)
        #expect(domestic.groups[0].ratePercent == 19 && domestic.groups[0].country == nil)
        #expect(domestic.vatTotal == Money(cents: 18_703) && domestic.total == Money(cents: 117_140))
    }

    /// Gold in the same parcel to Austria stays exempt and names no country; only the silver group does.
    @Test func goldInADistanceSaleStaysExempt() {
        var parcel = order([line("AU", 1, 260_117, .exemptInvestmentGold, vatCents: 0), line("S-BAR-1KG", 1, 116_616, .standard, vatCents: 19_436)],
                           shipping: .zero)
        parcel.vatCountry = "AT"
        let invoice = Invoice(number: "R-2026-000022", issuedAt: placed, suppliedAt: placed, order: parcel, seller: .demo)
        #expect(invoice.groups.map(\.country) == [nil, "AT"])
        #expect(invoice.groups.map(\.ratePercent) == [nil, Decimal(20)])
        let cancellation = Invoice.cancellation(of: invoice, number: "S-2026-000009", issuedAt: placed, seller: .demo)
        #expect(cancellation.groups.map(\.country) == [nil, "AT"] && cancellation.vatTotal == Money(cents: -19_436))
    }

    /// Invoices stored before VAT followed the destination hold orders without `vatCountry`: they read as German.
    @Test func earlierStoredOrdersReadAsGerman() throws {
        let earlier = order([line("AG", 1, 11_900, .standard, vatCents: 1_900)], shipping: .zero)
        let text = String(decoding: try JSONEncoder().encode(earlier), as: UTF8.self)
        #expect(text.contains("\"vatCountry\":\"DE\""))
        let without = text.replacingOccurrences(of: ",\"vatCountry\":\"DE\"", with: "").replacingOccurrences(of: "\"vatCountry\":\"DE\",", with: "")
        #expect(!without.contains("vatCountry"))
        let decoded = try JSONDecoder().decode(Order.self, from: Data(without.utf8))
        #expect(decoded == earlier && decoded.vatCountry == "DE")
    }
}

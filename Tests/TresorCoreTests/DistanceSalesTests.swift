import Foundation
import Testing
@testable import TresorCore

/// The €10,000 threshold of §3c Abs. 4 UStG: German VAT on parcels to other member states only while the previous
/// year stayed at or under it and the current year does.
@Suite struct DistanceSalesTests {
    @Test func levelsAroundTheThreshold() {
        func level(_ this: Int64, last: Int64 = 0) -> DistanceSalesStanding.Level {
            DistanceSalesStanding(year: 2026, thisYear: Money(cents: this), lastYear: Money(cents: last)).level
        }
        #expect(level(799_999) == .clear)
        #expect(level(800_000) == .nearing)
        #expect(level(1_000_000) == .nearing)  // "not exceeded": exactly 10,000.00 € still allows German VAT
        #expect(level(1_000_001) == .exceeded)
        #expect(level(0, last: 1_000_001) == .exceeded)
        #expect(level(0, last: 1_000_000) == .clear)
    }

    /// Counted: the net of standard-rated goods and their shipping share. A parcel of a gold coin, the kilo bar
    /// (1156.45 € with German VAT, `InvoiceTests`) and a §25a coin (33.58 €), with 14.95 € shipping split
    /// 2601.17 : 1156.45 : 33.58 → 1025.7, 456.0 and 13.2 cents, the cent left to gold: silver carries 4.56 €. Silver:
    /// 1161.01 € with VAT 184.64 + 4.56 × 19/119 (0.728 → 0.73) = 185.37 €, net 975.64 €. Gold (exempt) and the §25a
    /// coin do not count; a cancellation takes its invoice back out.
    @Test func countsTheNetOfStandardRatedGoodsLessCancellations() {
        let tests = InvoiceTests()
        var parcel = tests.order([tests.line("AU", 1, 260_117, .exemptInvestmentGold, vatCents: 0),
                                  tests.line("S-BAR-1KG", 1, 115_645, .standard, vatCents: 18_464),
                                  tests.line("AG-25A", 1, 3_358, .marginScheme, vatCents: 0)], shipping: Money(cents: 1_495))
        parcel.customer.country = "AT"
        let invoice = Invoice(number: "R-2026-000030", issuedAt: tests.placed, suppliedAt: tests.placed, order: parcel, seller: .demo)
        #expect(invoice.groups[1].gross == Money(cents: 116_101) && invoice.groups[1].vat == Money(cents: 18_537))
        #expect(DistanceSalesStanding.total([invoice]) == Money(cents: 97_564))
        let cancellation = Invoice.cancellation(of: invoice, number: "S-2026-000030", issuedAt: tests.placed, seller: .demo)
        #expect(DistanceSalesStanding.total([invoice, cancellation]) == .zero)
    }
}

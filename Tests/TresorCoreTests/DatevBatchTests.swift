import Foundation
import Testing
@testable import TresorCore

/// The DATEV Buchungsstapel, field by field, with the mixed invoice of `InvoiceTests` (numbers worked out there).
@Suite struct DatevBatchTests {
    @Test func aMixedInvoiceBooksEachTreatmentToItsAccount() throws {
        let tests = InvoiceTests()
        let mixed = tests.order([tests.line("AU", 1, 260_117, .exemptInvestmentGold, vatCents: 0), tests.line("AG", 10, 4_550, .standard, vatCents: 7_265),
                                 tests.line("AU-25A", 1, 35_586, .marginScheme, vatCents: 0)], shipping: Money(cents: 1_995))
        let shipped = CivilDate.berlinMidnight(2026, 11, 27).addingTimeInterval(10 * 3600)
        let invoice = Invoice(number: "R-2026-000010", issuedAt: shipped, suppliedAt: shipped, order: mixed, seller: .demo)
        let cancellation = Invoice.cancellation(of: invoice, number: "S-2026-000001", issuedAt: shipped.addingTimeInterval(86_400), seller: .demo)
        let bookings = DatevBatch.bookings(invoice, accounts: DatevAccounts()) + DatevBatch.bookings(cancellation, accounts: DatevAccounts())
        let batch = DatevBatch(consultant: 1001, client: 1, from: CivilDate.berlinMidnight(2026, 11, 1), until: CivilDate.berlinMidnight(2026, 11, 30),
                               created: CivilDate.berlinMidnight(2026, 12, 1).addingTimeInterval(9 * 3600 + 30 * 60), bookings: bookings)
        let lines = batch.lines
        let header = lines[0].components(separatedBy: ";")
        #expect(header.count == 31)
        #expect(Array(header[0...5]) == ["\"EXTF\"", "700", "21", "\"Buchungsstapel\"", "13", "20261201093000000"])
        #expect(Array(header[10...15]) == ["1001", "1", "20260101", "4", "20261101", "20261130"])
        #expect(header[18] == "1" && header[21] == "\"EUR\"" && header[26] == "\"03\"")
        #expect(lines[1] == DatevBatch.columns.map { "\"\($0)\"" }.joined(separator: ";"))
        // Gold 2,616.38 € to 8100, silver 457.66 € (VAT inside, the automatic account 8400), §25a 357.94 € to 8200; then
        // the cancellation the other way round, a day later.
        #expect(Array(lines[2...]) == [
            "2616,38;\"S\";\"EUR\";;;;10000;8100;;2711;\"R-2026-000010\";;;\"Rechnung T-2026-000001 exempt_investment_gold\"",
            "457,66;\"S\";\"EUR\";;;;10000;8400;;2711;\"R-2026-000010\";;;\"Rechnung T-2026-000001 standard\"",
            "357,94;\"S\";\"EUR\";;;;10000;8200;;2711;\"R-2026-000010\";;;\"Rechnung T-2026-000001 margin_scheme\"",
            "2616,38;\"H\";\"EUR\";;;;10000;8100;;2811;\"S-2026-000001\";;;\"Storno T-2026-000001 exempt_investment_gold\"",
            "457,66;\"H\";\"EUR\";;;;10000;8400;;2811;\"S-2026-000001\";;;\"Storno T-2026-000001 standard\"",
            "357,94;\"H\";\"EUR\";;;;10000;8200;;2811;\"S-2026-000001\";;;\"Storno T-2026-000001 margin_scheme\"",
        ].map { $0 + Self.noDestination })
        // The invoice's lines add up to its total: 2,616.38 + 457.66 + 357.94 = 3,431.98 €.
        #expect(bookings.prefix(3).reduce(Money.zero) { $0 + $1.amount } == invoice.total)
        // Windows-1252, CRLF: "Schlüssel" is one byte 0xFC.
        let data = batch.data
        #expect(data.contains(0xFC) && !data.contains(0xC3))
        #expect(String(decoding: data.suffix(2), as: UTF8.self) == "\r\n")
    }

    /// Fields 15 to 41 of a booking that is no distance sale: all empty.
    static let noDestination = String(repeating: ";", count: 27)

    /// A silver bar sent to Austria under the One-Stop-Shop (`InvoiceTests`: 1,181.11 € gross, 196.85 € Austrian VAT):
    /// booked to the account for other member states' VAT, with the country and its rate in fields 40 and 41. Greece
    /// is `EL` there.
    @Test func aDistanceSaleCarriesItsCountryAndRate() throws {
        let tests = InvoiceTests()
        var toVienna = tests.order([tests.line("AG-1KG", 1, 116_616, .standard, vatCents: 19_436)], shipping: Money(cents: 1_495))
        toVienna.vatCountry = "AT"
        let shipped = CivilDate.berlinMidnight(2026, 11, 27).addingTimeInterval(10 * 3600)
        let invoice = Invoice(number: "R-2026-000011", issuedAt: shipped, suppliedAt: shipped, order: toVienna, seller: .demo)
        let bookings = DatevBatch.bookings(invoice, accounts: DatevAccounts())
        let batch = DatevBatch(consultant: 1001, client: 1, from: CivilDate.berlinMidnight(2026, 11, 1), until: CivilDate.berlinMidnight(2026, 11, 30),
                               created: shipped, bookings: bookings)
        let fields = batch.lines[2].components(separatedBy: ";")
        #expect(fields.count == DatevBatch.columns.count && DatevBatch.columns.count == 41)
        #expect(DatevBatch.columns[39] == "EU-Land u. UStID (Bestimmung)" && DatevBatch.columns[40] == "EU-Steuersatz (Bestimmung)")
        #expect(Array(fields[0...10]) == ["1181,11", "\"S\"", "\"EUR\"", "", "", "", "10000", "8320", "", "2711", "\"R-2026-000011\""])
        #expect(fields[39] == "\"AT\"" && fields[40] == "20,00")
        #expect(fields[14...38].allSatisfy { $0.isEmpty })
        var toAthens = toVienna
        toAthens.vatCountry = "GR"
        let greek = Invoice(number: "R-2026-000012", issuedAt: shipped, suppliedAt: shipped, order: toAthens, seller: .demo)
        #expect(DatevBatch.bookings(greek, accounts: DatevAccounts()).first?.destination?.datevCountry == "EL")
        #expect(greek.groups[0].ratePercent == 24)
    }
}

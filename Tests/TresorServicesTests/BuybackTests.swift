import Foundation
import Testing
import TresorCore
@testable import TresorServices
import TresorStore
import TresorTestSupport

/// Buy-back from quote to payout. The kilo bar's buy-back price at 28.10 €/oz bid: 999 g = 32.118595822 oz,
/// × 28.10 = 902.532542598 €, less 5 % = 857.405915468 → 857.41 € a bar.
@Suite struct BuybackTests {
    let compliance = ComplianceTests()
    var now: Date { compliance.now }
    let iban = "DE89 3704 0044 0532 0130 00"

    func sell(_ desk: BuybackDesk, bars: Int, payout: PayoutMethod, seller: CustomerDetails, iban: String? = nil,
              by actor: Actor = guest, at moment: Date? = nil) async throws -> Buyback {
        let quote = try await desk.quote([("S-BAR-1KG", bars)], now: moment ?? now)
        return try await desk.request(BuybackRequest(quoteID: quote.id, seller: seller, payout: payout, iban: iban ?? self.iban,
                                                     accountHolder: seller.name, confirmed: true), by: actor, now: moment ?? now)
    }

    /// Two bars sent by parcel, one taken (1000.2 g), one rejected: a credit note over 857.41 €, the bar in stock,
    /// the payout in a SEPA file that validates against the pain.001.001.09 schema, and only in that one file.
    @Test(arguments: TestDatabase.available)
    func aParcelIsCheckedCreditedAndPaidOutOnce(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (orders, anna) = try await compliance.base.shop(database, oss: false)
            let desk = BuybackDesk(orders: orders)
            let quote = try await desk.quote([("S-BAR-1KG", 2)], now: now)
            #expect(quote.lines.map(\.unitPrice) == [Money(cents: 85_741)] && quote.total == Money(cents: 171_482))
            let erika = compliance.person("erika@example.de")
            await #expect(throws: BuybackProblem.invalid(InvalidParameter(name: "iban", value: "DE89 3704 0044 0532 0130 01"))) {
                try await desk.request(BuybackRequest(quoteID: quote.id, seller: erika, payout: .bankTransfer, iban: "DE89 3704 0044 0532 0130 01",
                                                      accountHolder: "Erika Mustermann", confirmed: true), by: guest, now: now)
            }
            await #expect(throws: BuybackProblem.notConfirmed) {
                try await desk.request(BuybackRequest(quoteID: quote.id, seller: erika, payout: .bankTransfer, iban: iban,
                                                      accountHolder: "Erika Mustermann", confirmed: false), by: guest, now: now)
            }
            await #expect(throws: BuybackProblem.quoteExpired) {
                try await desk.request(BuybackRequest(quoteID: quote.id, seller: erika, payout: .bankTransfer, iban: iban,
                                                      accountHolder: "Erika Mustermann", confirmed: true), by: guest, now: now.addingTimeInterval(3_600))
            }
            let buyback = try await desk.request(BuybackRequest(quoteID: quote.id, seller: erika, payout: .bankTransfer, iban: iban,
                                                                accountHolder: "Erika Mustermann", confirmed: true), by: guest, now: now)
            #expect(buyback.number == "A-2026-000001" && buyback.status == .awaitingGoods && buyback.items.count == 2)
            #expect(buyback.iban == "DE89370400440532013000")
            await #expect(throws: BuybackProblem.quoteUsed(number: "A-2026-000001")) {
                try await desk.request(BuybackRequest(quoteID: quote.id, seller: erika, payout: .cash, confirmed: true), by: guest, now: now)
            }
            #expect(try await PaymentDeskTests().mails(database) == ["Ihr Ankaufsauftrag A-2026-000001"])

            await #expect(throws: BuybackProblem.self) { try await desk.check(buyback.number, [ItemCheck(position: 1, measuredGrams: "1000.2", approved: true)], by: anna, now: now) }
            _ = try await desk.receive(buyback.number, by: anna, now: now)
            await #expect(throws: BuybackProblem.invalid(InvalidParameter(name: "note", value: ""))) {
                try await desk.check(buyback.number, [ItemCheck(position: 2, measuredGrams: "998.1", approved: false)], by: anna, now: now)
            }
            let half = try await desk.check(buyback.number, [ItemCheck(position: 1, measuredGrams: "1000,2", approved: true)], by: anna, now: now)
            #expect(half.status == .received && half.creditNote == nil)
            let checked = try await desk.check(buyback.number, [ItemCheck(position: 2, measuredGrams: "998.1", approved: false,
                                                                          note: "Prägung weicht ab, Fälschungsverdacht")], by: anna, now: now)
            #expect(checked.status == .checked && checked.approvedTotal == Money(cents: 85_741) && checked.creditNote == "G-2026-000001")
            #expect(checked.items.map(\.measuredGrams) == ["1000.2", "998.1"])
            #expect(try await database.read { sql in try await ProductRepository(sql).find(sku: "S-BAR-1KG")?.stock } == 11)
            let (note, pdf) = try #require(try await desk.creditNote("G-2026-000001"))
            #expect(note.total == Money(cents: 85_741) && note.items.map(\.position) == [1])
            let pdfFile = FileManager.default.temporaryDirectory.appendingPathComponent("gutschrift-\(UUID().uuidString).pdf")
            try pdf.write(to: pdfFile)
            defer { try? FileManager.default.removeItem(at: pdfFile) }
            let text = try await runTool("/usr/bin/pdftotext", ["-layout", pdfFile.path, "-"])
            #expect(text.output.contains("Gutschrift G-2026-000001") && text.output.contains("857,41") && text.output.contains("A-2026-000001"))

            let file = try #require(try await desk.exportPayouts(by: anna, now: now))
            #expect(file.numbers == ["A-2026-000001"] && file.total == Money(cents: 85_741))
            let xmlFile = FileManager.default.temporaryDirectory.appendingPathComponent("pain-\(UUID().uuidString).xml")
            try file.xml.write(to: xmlFile)
            defer { try? FileManager.default.removeItem(at: xmlFile) }
            let schema = Camt053Tests.fixtures.deletingLastPathComponent().appendingPathComponent("standards/pain.001.001.09.xsd")
            let valid = try await runTool("/usr/bin/xmllint", ["--noout", "--schema", schema.path, xmlFile.path])
            #expect(valid.status == 0, "\(valid.output)")
            let xml = String(decoding: file.xml, as: UTF8.self)
            #expect(xml.contains("<EndToEndId>A-2026-000001</EndToEndId>") && xml.contains("<InstdAmt Ccy=\"EUR\">857.41</InstdAmt>"))
            #expect(xml.contains("<IBAN>DE89370400440532013000</IBAN>") && xml.contains("<CtrlSum>857.41</CtrlSum>"))
            #expect(try await desk.buyback(number: buyback.number)?.status == .paid)
            #expect(try await desk.exportPayouts(by: anna, now: now.addingTimeInterval(60)) == nil)
        }
    }

    /// Cash of 2572.23 € (three bars) needs the seller identified before it is paid out at the counter.
    @Test(arguments: TestDatabase.available)
    func aCashPayoutFromTwoThousandNeedsIdentification(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (orders, anna) = try await compliance.base.shop(database, oss: false)
            let desk = BuybackDesk(orders: orders)
            let buyback = try await sell(desk, bars: 3, payout: .cash, seller: compliance.person("erika@example.de"))
            #expect(buyback.compliance.outcome == .needsIdentification && buyback.status == .awaitingGoods)
            #expect(buyback.compliance.explanation == "cash 2572.23 EUR ≥ 2000.00 EUR")
            _ = try await desk.receive(buyback.number, by: anna, now: now)
            _ = try await desk.check(buyback.number, (1...3).map { ItemCheck(position: $0, measuredGrams: "1000", approved: true) }, by: anna, now: now)
            await #expect(throws: BuybackProblem.illegal("identify the seller first: cash 2572.23 EUR ≥ 2000.00 EUR")) {
                try await desk.payCash(buyback.number, by: anna, now: now)
            }
            _ = try await desk.identify(buyback.number, record: TestIdentity.record(), copy: TestIdentity.copy, by: anna, now: now)
            let paid = try await desk.payCash(buyback.number, by: anna, now: now)
            #expect(paid.status == .paid && paid.paidAt == now)
            #expect(try await desk.exportPayouts(by: anna, now: now) == nil)  // cash is no bank payout
        }
    }

    /// Selling and buying count together: 1156.45 € bought in cash, then a bar sold for cash (857.41 €), 2013.86 €
    /// of linked cash: identification. Buy-backs to one IBAN are linked whatever name is given; a listed seller is held.
    @Test(arguments: TestDatabase.available)
    func buyBacksAreLinkedAndScreenedLikeOrders(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (orders, anna) = try await compliance.base.shop(database, oss: false)
            let desk = BuybackDesk(orders: orders)
            let bought = try await compliance.cashPickup(orders, compliance.person("erika@example.de"))
            let sold = try await sell(desk, bars: 1, payout: .cash, seller: compliance.person("e.mustermann@example.org", "Erika Mustermann", "Heidestr. 17"))
            #expect(sold.compliance.outcome == .needsIdentification)
            #expect(sold.compliance.explanation == "cash 2013.86 EUR (this 857.41, linked 1156.45) ≥ 2000.00 EUR")
            let first = try await sell(desk, bars: 6, payout: .bankTransfer, seller: compliance.person("a@example.de", "Anna Alt", "Weg 1"))
            let second = try await sell(desk, bars: 6, payout: .bankTransfer, seller: compliance.person("b@example.de", "Bert Neu", "Pfad 2"))
            #expect(first.compliance.outcome == .allow)  // 5144.46 € by transfer
            #expect(second.compliance.outcome == .needsIdentification && second.compliance.rule == "house threshold")  // 10,288.92 € to one IBAN
            _ = try await orders.sanctions.importList(SanctionsTests.list([("900009", ["Kurt Gesperrt"])]), by: anna, now: now)
            let listed = try await sell(desk, bars: 1, payout: .bankTransfer, seller: compliance.person("k@example.de", "Kurt Gesperrt", "Gasse 3"),
                                        iban: "AT61 1904 3002 3457 3201")
            #expect(listed.status == .onHold && listed.compliance.rule == "sanctions screening")
            #expect(try await desk.release(listed.number, by: anna, now: now).status == .awaitingGoods)
            // A seller listed after the goods were checked: the payout waits until compliance clears the match.
            let later = try await sell(desk, bars: 1, payout: .bankTransfer, seller: compliance.person("l@example.de", "Lena Später", "Allee 4"),
                                       iban: "AT61 1904 3002 3457 3201")
            _ = try await desk.receive(later.number, by: anna, now: now)
            _ = try await desk.check(later.number, [ItemCheck(position: 1, measuredGrams: "1000", approved: true)], by: anna, now: now)
            _ = try await orders.sanctions.importList(SanctionsTests.list([("900010", ["Lena Spaeter"])]), by: anna, now: now)
            #expect(try await desk.exportPayouts(by: anna, now: now) == nil)
            let hit = try #require(try await orders.sanctions.hits(status: .open).first { $0.reference == later.number })
            try await orders.sanctions.clear(hit.id, reason: "andere Person, Geburtsdatum weicht ab", by: anna, orders: orders, now: now)
            #expect(try await desk.exportPayouts(by: anna, now: now)?.numbers == [later.number])
            _ = bought
        }
    }
}

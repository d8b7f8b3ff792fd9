import Foundation
import Testing
import TresorCore
@testable import TresorServices
import TresorStore
import TresorTestSupport

@Suite struct InvoiceIssueTests {
    let base = OrderActionsTests()
    var now: Date { base.now }

    /// The invoice is issued when the goods leave, not at payment: paying gives the customer a receipt, shipping
    /// gives the invoice, dated the day of shipping, numbered without gaps (a cancelled order uses no number).
    @Test(arguments: TestDatabase.available)
    func shippingIssuesOneInvoiceWithAGaplessNumber(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, first) = try await base.placed(database)
            let staff = try await staff("anna@tresor.example", database)
            let quote = try QuoteDesk().quote([("AU-ML-1OZ", 1)], snapshot: try await snapshot(database), now: now)
            try await desk.save(quote)
            let second = try await desk.place(base.base.request(quote), idempotencyKey: nil, by: guest, now: now)
            _ = try await desk.apply(.cancel(reason: "customer asked"), to: first.number, by: staff, now: now)
            _ = try await desk.apply(.markPaid, to: second.number, by: staff, now: now)
            _ = try await desk.apply(.pack, to: second.number, by: staff, now: now)
            let invoice = { (order: Order) in try await database.read { sql in try await InvoiceRepository(sql).find(orderID: order.id) } }
            #expect(try await invoice(first) == nil)
            #expect(try await invoice(second) == nil)  // paid and packed: a receipt, no invoice yet
            let shipped = now.addingTimeInterval(3 * 86_400)
            _ = try await desk.apply(.ship(trackingNumber: "00340434161094042557"), to: second.number, by: staff, now: shipped)
            let issued = try #require(try await invoice(second))
            #expect(issued.number == "R-2026-000001" && issued.kind == .invoice)
            #expect(issued.issuedAt == shipped && issued.suppliedAt == shipped)
            #expect(issued.total == second.total && issued.seller == .demo && issued.order.lines == second.lines)
            #expect(try await InvoiceArchive(database: database).list().map(\.number) == ["R-2026-000001"])
        }
    }

    /// An issued invoice is kept as issued: after the seller moves, its PDF is byte for byte the one first stored,
    /// and `tresor invoices verify` finds a changed PDF, changed data or a missing number.
    @Test(arguments: TestDatabase.available)
    func anIssuedInvoiceStaysAsIssuedAndTamperingIsFound(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, order) = try await base.placed(database)
            let staff = try await staff("anna@tresor.example", database)
            for action in [OrderAction.markPaid, .pack, .ship(trackingNumber: "00340434161094042557")] {
                _ = try await desk.apply(action, to: order.number, by: staff, now: now)
            }
            let pdf = { try await database.read { sql in try await InvoiceRepository(sql).pdf(number: "R-2026-000001") } }
            let first = try #require(try await pdf())
            #expect(first.starts(with: Data("%PDF-".utf8)))
            var settings = desk.dealer.current
            settings.seller.street = "Neue Straße 5"
            try await desk.dealer.save(settings, by: staff, now: now)
            #expect(desk.seller.street == "Neue Straße 5")
            #expect(try await pdf() == first)
            #expect(try await database.read { sql in try await InvoiceRepository(sql).find(number: "R-2026-000001") }?.seller.street == "Hohe Straße 1")
            let archive = InvoiceArchive(database: database)
            #expect(try await archive.verify() == InvoiceArchiveCheck(checked: 1, problem: nil))
            // A changed PDF.
            var flipped = first
            flipped[flipped.count / 2] ^= 0x01
            let changed = flipped.base64EncodedString()
            try await database.transaction { sql in
                try await sql.raw("UPDATE invoice_documents SET pdf = \(bind: changed)").run()
            }
            #expect(try await archive.verify().problem?.reason == "its PDF does not match its SHA-256")
            // Changed data (the total raised), with its PDF put back.
            try await database.transaction { sql in
                try await sql.raw("UPDATE invoice_documents SET pdf = \(bind: first.base64EncodedString()), data = REPLACE(data, '520234', '520235')").run()
            }
            #expect(try await archive.verify().problem?.reason == "its data does not match its SHA-256")
        }
    }

    /// A shipped parcel that comes back: stock returns, the refund of the whole order is owed, a cancellation invoice
    /// with its own number reverses the invoice, which stays as it was. A paid order cancelled before shipping owes
    /// its refund too, with no invoice at all.
    @Test(arguments: TestDatabase.available)
    func aReturnedParcelIsReversedAndRefunded(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, order) = try await base.placed(database)  // 2 Maple Leaf, stock 5 → 3
            let staff = try await staff("anna@tresor.example", database)
            for action in [OrderAction.markPaid, .pack, .ship(trackingNumber: "00340434161094042557")] {
                _ = try await desk.apply(action, to: order.number, by: staff, now: now)
            }
            let invoices = { try await database.read { sql in try await InvoiceRepository(sql).pdf(number: "R-2026-000001") } }
            let original = try #require(try await invoices())
            await #expect(throws: OrderActionProblem.self) {
                try await desk.apply(.returnShipment(reason: " "), to: order.number, by: staff, now: now)  // a reason is required
            }
            let later = now.addingTimeInterval(6 * 86_400)
            let returned = try await desk.apply(.returnShipment(reason: "Annahme verweigert"), to: order.number, by: staff, now: later)
            #expect(returned.status == .returned)
            #expect(try await base.stock(database) == 5)
            let documents = try await desk.documents(orderID: order.id)
            #expect(documents.map(\.number) == ["R-2026-000001", "S-2026-000001"])
            let cancellation = documents[1]
            #expect(cancellation.cancels?.number == "R-2026-000001" && cancellation.issuedAt == later)
            #expect(cancellation.total == .zero - order.total && documents[0].total == order.total)
            #expect(try await invoices() == original)
            #expect(try await InvoiceArchive(database: database).verify() == InvoiceArchiveCheck(checked: 2, problem: nil))
            #expect(try await InvoiceArchive(database: database).list(orderNumber: order.number).map(\.kind) == [.invoice, .cancellation])
            let payments = PaymentDesk(orders: desk)
            let refund = try #require(try await payments.refund(orderNumber: order.number))
            #expect(refund.amount == order.total && refund.reason == "Annahme verweigert" && refund.paidAt == nil)
            await #expect(throws: OrderActionProblem.self) {
                try await desk.apply(.returnShipment(reason: "again"), to: order.number, by: staff, now: later)
            }
            #expect(try await payments.refundsDue().map(\.orderNumber) == [order.number])
            _ = try await payments.markRefunded(orderNumber: order.number, note: "SEPA 2026-12-04", by: staff, now: later)
            #expect(try await payments.refundsDue().isEmpty)
            await #expect(throws: PaymentProblem.noOpenRefund(order.number)) {
                try await payments.markRefunded(orderNumber: order.number, note: "twice", by: staff, now: later)
            }

            // Paid, then cancelled before it left: the refund is owed, and no invoice exists.
            let quote = try QuoteDesk().quote([("AU-ML-1OZ", 1)], snapshot: try await snapshot(database), now: now)
            try await desk.save(quote)
            let second = try await desk.place(base.base.request(quote), idempotencyKey: nil, by: guest, now: now)
            _ = try await desk.apply(.markPaid, to: second.number, by: staff, now: now)
            _ = try await desk.cancel(second.number, reason: "Kunde storniert nach Zahlung", by: staff, now: now)
            #expect(try await payments.refund(orderNumber: second.number)?.amount == second.total)
            #expect(try await desk.documents(orderID: second.id).isEmpty)
        }
    }

    func snapshot(_ database: Database) async throws -> CatalogueSnapshot {
        let board = PriceBoard(database: database, policy: FeedPolicy(), logger: TestDatabase.logger)
        try await board.refresh()
        return board.snapshot
    }

    /// The PDF is a valid file (qpdf checks its structure) whose text (pdftotext) carries what the law asks
    /// for, in German, with umlauts and the euro sign intact, over two pages when the lines need them.
    @Test func pdfCarriesTheInvoiceAndIsValid() async throws {
        let lines = (1...45).map { index in
            PricedLine(productID: UUID(), sku: "AG-\(index)", name: "Wiener Philharmoniker Silber Größe \(index)", quantity: 2,
                       unitPrice: Money(cents: 4_550), vatRegime: .standard, vat: Money(cents: 1_453))
        } + [PricedLine(productID: UUID(), sku: "AU-KR-1OZ", name: "Krügerrand 1 oz Gold", quantity: 1,
                        unitPrice: Money(cents: 260_117), vatRegime: .exemptInvestmentGold, vat: .zero)]
        let order = Order(id: UUID(), number: "T-2026-000042", quoteID: UUID(), status: .paid, shipping: .insured,
                          payment: .bankTransfer, lines: lines, shippingFee: .zero, paymentReference: "RF",
                          dueAt: nil, customer: CustomerDetails(email: "erika@example.de", name: "Erika Mustermann",
                                                                street: "Heidestraße 17", postalCode: "51147", city: "Köln",
                                                                country: "DE"),
                          compliance: ComplianceDecision(outcome: .allow, rule: "t", explanation: "t"), createdAt: now)
        let invoice = Invoice(number: "R-2026-000007", issuedAt: now, suppliedAt: now, order: order, seller: .demo)
        let pdf = InvoicePDF.render(invoice)
        #expect(pdf == InvoicePDF.render(invoice))  // deterministic
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tresor-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("invoice.pdf")
        try pdf.write(to: file)
        if let keep = ProcessInfo.processInfo.environment["TRESOR_KEEP_PDF"] { try pdf.write(to: URL(fileURLWithPath: keep)) }

        let check = try await runTool("/usr/bin/qpdf", ["--check", file.path])
        #expect(check.status == 0, "\(check.output)")
        let text = try await runTool("/usr/bin/pdftotext", ["-layout", file.path, "-"]).output
        for expected in ["Rechnung R-2026-000007", "Tresor Edelmetalle GmbH", "USt-IdNr. DE999999999", "Amtsgericht Köln",
                         "Erika Mustermann", "Heidestraße 17", "51147 Köln", "Liefer-/Leistungsdatum", "27.11.2026",
                         "Krügerrand 1 oz Gold", "2.601,17 €", "Steuerfreie Lieferung von Anlagegold gemäß § 25c UStG",
                         "Seite 1/2", "Seite 2/2", "Rechnungsbetrag", "6.696,17 €"]  // 45 × 91,00 € + 2.601,17 €
            where !text.contains(expected) {
            Issue.record("the PDF's text lacks \"\(expected)\"")
        }
    }
}

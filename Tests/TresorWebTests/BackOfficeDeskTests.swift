import Foundation
import Testing
import TresorCore
@testable import TresorServices
import TresorStore
import TresorTestSupport
@testable import TresorWeb

/// The back office's desks beyond orders: prices, payments, stock and staff, each through its forms.
@Suite struct BackOfficeDeskTests {
    let office = BackOfficeTests()

    static let statement = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/camt053/statement-2026-11-30.xml")

    func actions(_ shop: ShopFixture) async throws -> [String] { try await shop.shop.audit.entries().map(\.action) }

    @Test func pricesEnteredByHandAndHeldOnesDecided() async throws {
        try await ShopFixture.run { shop in
            var (sales, _) = try await office.signedIn(shop, .sales)
            let page = try await sales.get(shop, "/backoffice/spot")
            #expect(page.body.contains("XAU") && page.body.contains("aktuell"))
            let token = try WebVisitor.token(page.body, action: "/backoffice/spot/enter")
            let bad = try await sales.post(shop, "/backoffice/spot/enter", [("_csrf", token), ("metal", "XAU"), ("ask", "zwei"), ("bid", "")])
            #expect(bad.status == .unprocessableContent)
            let taken = try await sales.post(shop, "/backoffice/spot/enter", [("_csrf", token), ("metal", "XAU"), ("ask", "2510,50"), ("bid", "2508")])
            #expect(taken.location == "/backoffice/spot?done=entered")
            // 40 % above the last accepted price: held for a decision.
            let jump = try await sales.post(shop, "/backoffice/spot/enter", [("_csrf", token), ("metal", "XAU"), ("ask", "3500"), ("bid", "")])
            #expect(jump.location == "/backoffice/spot?done=held")
            let held = try #require(try await shop.shop.spot.held().first)
            let list = try await sales.get(shop, "/backoffice/spot")
            let reject = "/backoffice/spot/held/\(held.id)/reject"
            let rejected = try await sales.post(shop, reject, [("_csrf", try WebVisitor.token(list.body, action: reject))])
            #expect(rejected.location == "/backoffice/spot?done=rejected")
            #expect(try await shop.shop.spot.held().isEmpty)
            #expect(try await sales.post(shop, reject, [("_csrf", try WebVisitor.token(list.body, action: reject))]).status == .conflict)
            #expect(try await actions(shop).prefix(3) == ["spot.reject", "spot.enter", "spot.enter"])
        }
    }

    /// An unpaid order's page offers the cancel form with the market loss it would cost (at an unchanged price: the
    /// fee and nothing more); without the confirmation it is refused, with it the order is cancelled and the loss kept.
    @Test func cancellingAnUnpaidOrderShowsTheMarketLossFirst() async throws {
        try await ShopFixture.run { shop in
            let number = try await office.placeOrder(shop)
            var (sales, _) = try await office.signedIn(shop, .sales)
            let page = try await sales.get(shop, "/backoffice/orders/\(number)")
            let fee = Format.money(shop.shop.orders.cancellationFee, .de)
            #expect(page.body.contains("Storniert man jetzt, schuldet der Kunde einen Marktverlust von \(fee) (einschließlich Gebühr)."))
            let cancel = "/backoffice/orders/\(number)/cancel"
            let token = try WebVisitor.token(page.body, action: cancel)
            let unconfirmed = try await sales.post(shop, cancel, [("_csrf", token), ("reason", "Kunde storniert")])
            #expect(unconfirmed.status == .unprocessableContent)
            #expect(try await shop.shop.orders.history(number: number)?.order.status == .awaitingPayment)
            let done = try await sales.post(shop, cancel, [("_csrf", token), ("reason", "Kunde storniert"), ("confirm", "1")])
            #expect(done.location == "/backoffice/orders/\(number)?done=cancel")
            #expect(try await shop.shop.orders.history(number: number)?.order.status == .cancelled)
            #expect(try await shop.shop.orders.marketLoss(number: number) == shop.shop.orders.cancellationFee)
        }
    }

    /// Without the One-Stop-Shop, twelve kilo bars sent to Vienna pass the €10,000 of distance sales: the dashboard
    /// says so, with the year's figure taken from the invoice; registered for the One-Stop-Shop, the warning goes.
    @Test func theDashboardWarnsAtTheDistanceSalesThreshold() async throws {
        try await ShopFixture.run { shop in
            var (owner, _) = try await office.signedIn(shop, .owner)
            let actor = try await shop.shop.staff.actor(email: "owner@tresor.example")
            var settings = shop.shop.dealer.current
            settings.shippingCountries = ["DE", "AT"]
            try await shop.shop.dealer.save(settings, by: actor, now: ShopFixture.now)
            #expect(!(try await owner.get(shop, "/backoffice").body.contains("distance-sales")))
            let quote = try await shop.shop.orders.quote([("AG-BAR-1KG-HE", 12)], destination: "AT", now: ShopFixture.now)
            #expect(quote.vatCountry == "DE")
            let vienna = CustomerDetails(email: "maria@example.at", name: "Maria Huber", street: "Praterstraße 1", postalCode: "1020",
                                         city: "Wien", country: "AT")
            let order = try await shop.shop.orders.place(OrderRequest(quoteID: quote.id, customer: vienna, shipping: .insured, payment: .bankTransfer,
                                                                      acceptTerms: true), idempotencyKey: nil, by: actor, now: ShopFixture.now)
            #expect(order.status == .awaitingIdentification)  // above the house threshold of 10,000 €
            _ = try await shop.shop.orders.identify(order.number, record: TestIdentity.record(name: "Maria Huber"), copy: TestIdentity.copy,
                                                    by: actor, now: ShopFixture.now)
            for action in [OrderAction.markPaid, .pack, .ship(trackingNumber: "00340434161094042557")] {
                _ = try await shop.shop.orders.apply(action, to: order.number, by: actor, now: ShopFixture.now)
            }
            let invoice = try #require(try await shop.database.read { sql in try await InvoiceRepository(sql).find(orderID: order.id) })
            let net = try #require(invoice.groups.first { $0.regime == .standard }).net
            #expect(net > DistanceSalesStanding.threshold)
            let page = try await owner.get(shop, "/backoffice")
            #expect(page.body.contains("Fernverkäufe in andere EU-Länder") && page.body.contains("Die Schwelle ist überschritten"))
            #expect(page.body.contains("2026: \(Format.money(net, .de)) netto"))
            settings.ossRegistered = true
            try await shop.shop.dealer.save(settings, by: actor, now: ShopFixture.now)
            #expect(!(try await owner.get(shop, "/backoffice").body.contains("distance-sales")))
        }
    }

    /// Compliance identifies a customer on the order's page: every field and the document's copy, or the order stays
    /// waiting with the field named; the record, the rules' results and the copy (compliance only) show on the order.
    @Test func complianceIdentifiesOnTheOrderPage() async throws {
        try await ShopFixture.run { shop in
            let (_, quote) = try await office.api.post(shop, "/api/v1/quotes", #"{"items": [{"sku": "AU-KR-1OZ", "quantity": 5}]}"#)
            let (_, placed) = try await office.api.post(shop, "/api/v1/orders", office.api.orderBody(try #require(quote["id"] as? String)))
            let number = try #require(placed["number"] as? String)
            #expect(placed["status"] as? String == "awaiting_identification")  // 5 Krugerrands: above the 10,000 € house threshold
            var (compliance, _) = try await office.signedIn(shop, .compliance)
            let page = try await compliance.get(shop, "/backoffice/orders/\(number)")
            #expect(page.body.contains("house threshold") && page.body.contains("Noch keine Identifizierung."))
            let step = "/backoffice/orders/\(number)/identify"
            let token = try WebVisitor.token(page.body, action: step)
            var fields = [("_csrf", token), ("fullName", "Erika Mustermann"), ("birthDate", "1980-05-17"), ("birthPlace", "Köln"),
                          ("nationality", "DE"), ("street", "Heidestraße 17"), ("postalCode", "51147"), ("city", "Köln"), ("country", "DE"),
                          ("documentType", "id_card"), ("documentNumber", "L01X00T47"), ("issuingAuthority", "Stadt Köln"),
                          ("issuingCountry", "DE"), ("expiresOn", "2031-03-01"), ("ownAccount", "yes"), ("pep", "no")]
            let copy = ("copy", "ausweis.png", "image/png", TestIdentity.copy)
            let expired = fields.map { $0.0 == "expiresOn" ? ($0.0, "2026-01-31") : $0 }
            let refused = try await compliance.postMultipart(shop, step, expired, file: copy)
            #expect(refused.status == .unprocessableContent && refused.body.contains("„expiresOn“ fehlt oder ist nicht verwendbar"))
            let noCopy = try await compliance.postMultipart(shop, step, fields, file: nil)
            #expect(noCopy.status == .unprocessableContent && noCopy.body.contains("JPEG, PNG oder PDF"))
            #expect(try await shop.shop.orders.history(number: number)?.order.status == .awaitingIdentification)
            fields[1] = ("fullName", "Erika <b>Mustermann</b>")
            let done = try await compliance.postMultipart(shop, step, fields, file: copy)
            #expect(done.location == "/backoffice/orders/\(number)?done=identify")
            #expect(try await shop.shop.orders.history(number: number)?.order.status == .awaitingPayment)
            let shown = try await compliance.get(shop, "/backoffice/orders/\(number)")
            #expect(shown.body.contains("Personalausweis L01X00T47") && shown.body.contains("GwG identification"))
            #expect(shown.body.contains("Erika &lt;b&gt;Mustermann&lt;/b&gt;") && !shown.body.contains("<b>Mustermann"))
            let download = try await compliance.get(shop, "/backoffice/orders/\(number)/identity-copy")
            #expect(download.status == .ok && download.contentType == "image/png" && download.body.hasPrefix("\u{FFFD}PNG"))
            // Sales see the order but not the document's copy.
            var (sales, _) = try await office.signedIn(shop, .sales)
            #expect(try await sales.get(shop, "/backoffice/orders/\(number)").body.contains("Erika") == true)
            #expect(try await sales.get(shop, "/backoffice/orders/\(number)/identity-copy").status == .forbidden)
            // Compliance may hold the order for review, with a reason.
            let held = try await compliance.get(shop, "/backoffice/orders/\(number)")
            let hold = "/backoffice/orders/\(number)/hold"
            let holdToken = try WebVisitor.token(held.body, action: hold)
            #expect(try await compliance.post(shop, hold, [("_csrf", holdToken), ("reason", "")]).status == .unprocessableContent)
            #expect(try await compliance.post(shop, hold, [("_csrf", holdToken), ("reason", "source of funds unclear")]).status == .seeOther)
            #expect(try await shop.shop.orders.history(number: number)?.order.status == .onHold)
        }
    }

    /// Sales flag an order from its page; compliance finds the case in the queue, notes and closes it, and downloads
    /// the dossier; sales cannot open the queue, and the customer's own order page says nothing of it.
    @Test func aFlaggedOrderBecomesACaseOnlyComplianceSees() async throws {
        try await ShopFixture.run { shop in
            let number = try await office.placeOrder(shop)
            var (sales, _) = try await office.signedIn(shop, .sales)
            let page = try await sales.get(shop, "/backoffice/orders/\(number)")
            let flag = "/backoffice/orders/\(number)/flag"
            let token = try WebVisitor.token(page.body, action: flag)
            #expect(try await sales.post(shop, flag, [("_csrf", token), ("note", " ")]).location == "/backoffice/orders/\(number)?done=flag-missing")
            let flagged = try await sales.post(shop, flag, [("_csrf", token), ("note", "Zahlt <script>bar</script>, will keine Quittung")])
            #expect(flagged.location == "/backoffice/orders/\(number)?done=flagged")
            #expect(try await sales.get(shop, "/backoffice/cases").status == .forbidden)
            var (compliance, _) = try await office.signedIn(shop, .compliance)
            let queue = try await compliance.get(shop, "/backoffice/cases")
            #expect(queue.body.contains("V-2026-000001") && queue.body.contains("&lt;script&gt;") && !queue.body.contains("<script>bar"))
            let detail = try await compliance.get(shop, "/backoffice/cases/V-2026-000001")
            let note = "/backoffice/cases/V-2026-000001/note"
            let noteToken = try WebVisitor.token(detail.body, action: note)
            #expect(try await compliance.post(shop, note, [("_csrf", noteToken), ("note", "")]).status == .unprocessableContent)
            #expect(try await compliance.post(shop, note, [("_csrf", noteToken), ("note", "Rücksprache mit Vertrieb")]).status == .seeOther)
            let json = try await compliance.get(shop, "/backoffice/cases/V-2026-000001/dossier.json")
            #expect(json.status == .ok && json.contentType == "application/json" && json.body.contains("\"caseNumber\" : \"V-2026-000001\""))
            let pdf = try await compliance.get(shop, "/backoffice/cases/V-2026-000001/dossier.pdf")
            #expect(pdf.status == .ok && pdf.body.hasPrefix("%PDF-"))
            let close = "/backoffice/cases/V-2026-000001/close"
            #expect(try await compliance.post(shop, close, [("_csrf", noteToken), ("reason", "Erklärung plausibel")]).status == .seeOther)
            #expect(try await shop.shop.cases.list(status: .closed).map(\.number) == ["V-2026-000001"])
            // The customer's order page: nothing about a case.
            let token2 = try await shop.shop.orders.accessToken(for: try #require(try await shop.shop.orders.history(number: number)?.order))
            let own = try await shop.get("/bestellung/\(number)?token=\(token2)")
            #expect(own.status == .ok && !own.body.contains("V-2026") && !own.body.contains("Verdacht") && !own.body.contains("Compliance"))
        }
    }

    /// Compliance uploads the sanctions list, sees an order by a listed name held and clears it with a reason; a file
    /// that is not the list is refused with the reason and changes nothing; sales cannot open the page.
    @Test func complianceImportsTheListAndDecidesMatches() async throws {
        try await ShopFixture.run { shop in
            var (compliance, _) = try await office.signedIn(shop, .compliance)
            let page = try await compliance.get(shop, "/backoffice/sanctions")
            #expect(page.body.contains("Noch keine Sanktionsliste eingelesen"))
            let token = try WebVisitor.token(page.body, action: "/backoffice/sanctions/import")
            let wrong = try await compliance.postMultipart(shop, "/backoffice/sanctions/import", [("_csrf", token)],
                                                           file: ("list", "list.xml", "text/xml", Array("<html>no list</html>".utf8)))
            #expect(wrong.status == .unprocessableContent && wrong.body.contains("die bisherige Liste gilt weiter"))
            let fixture = Array(try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Fixtures/sanctions/eu-consolidated-fixture.xml")))
            let imported = try await compliance.postMultipart(shop, "/backoffice/sanctions/import", [("_csrf", token)],
                                                              file: ("list", "eu.xml", "text/xml", fixture))
            #expect(imported.status == .ok && imported.body.contains("4 Einträge eingelesen") && imported.body.contains("2026-11-28T17:03:22"))
            let (_, quote) = try await office.api.post(shop, "/api/v1/quotes", #"{"items": [{"sku": "AU-KR-1OZ", "quantity": 1}]}"#)
            let body = office.api.orderBody(try #require(quote["id"] as? String), name: "Boris Testowitsch")
            let (_, order) = try await office.api.post(shop, "/api/v1/orders", body)
            #expect(order["status"] as? String == "on_hold")
            let number = try #require(order["number"] as? String)
            let listed = try await compliance.get(shop, "/backoffice/sanctions")
            #expect(listed.body.contains("Boris Testowitsch (900001, RUS)"))
            let hit = try #require(try await shop.shop.sanctions.hits(status: .open).first)
            let clear = "/backoffice/sanctions/\(hit.id.uuidString.lowercased())/clear"
            let decideToken = try WebVisitor.token(listed.body, action: clear)
            #expect(try await compliance.post(shop, clear, [("_csrf", decideToken), ("reason", "")]).status == .unprocessableContent)
            let cleared = try await compliance.post(shop, clear, [("_csrf", decideToken), ("reason", "anderer Geburtsort, Pass gesehen")])
            #expect(cleared.status == .ok && cleared.body.contains("Als kein Treffer vermerkt."))
            #expect(try await shop.shop.orders.history(number: number)?.order.status == .awaitingPayment)
            var (sales, _) = try await office.signedIn(shop, .sales)
            #expect(try await sales.get(shop, "/backoffice/sanctions").status == .forbidden)
        }
    }

    /// A parcel comes back: sales record it on the order's page (refused), the order shows its cancellation invoice
    /// and the refund owed; the payments page lists the refund until it is marked transferred.
    @Test func aReturnedParcelIsRecordedAndItsRefundPaidOut() async throws {
        try await ShopFixture.run { shop in
            let number = try await office.placeOrder(shop)
            var (sales, _) = try await office.signedIn(shop, .sales)
            let actor = try await shop.shop.staff.actor(email: "sales@tresor.example")
            _ = try await shop.shop.orders.apply(.markPaid, to: number, by: actor, now: ShopFixture.now)
            _ = try await shop.shop.staff.add(email: "lager@tresor.example", name: "Lea Lager", role: .warehouse, by: .system(job: "test"),
                                              now: ShopFixture.now)
            let warehouse = try await shop.shop.staff.actor(email: "lager@tresor.example")
            _ = try await shop.shop.orders.apply(.pack, to: number, by: warehouse, now: ShopFixture.now)
            _ = try await shop.shop.orders.apply(.ship(trackingNumber: "00340434161094042557"), to: number, by: warehouse, now: ShopFixture.now)
            let page = try await sales.get(shop, "/backoffice/orders/\(number)")
            let step = "/backoffice/orders/\(number)/return"
            let token = try WebVisitor.token(page.body, action: step)
            #expect(try await sales.post(shop, step, [("_csrf", token), ("reason", "lost")]).status == .unprocessableContent)
            let done = try await sales.post(shop, step, [("_csrf", token), ("reason", "refused")])
            #expect(done.location == "/backoffice/orders/\(number)?done=return")
            let order = try await sales.get(shop, "/backoffice/orders/\(number)")
            #expect(order.body.contains("zurückgesandt") && order.body.contains("Stornorechnung S-2026-000001"))
            #expect(order.body.contains("Erstattung: 2.628,89\u{a0}€ (offen)"))
            let payments = try await sales.get(shop, "/backoffice/payments")
            let paid = "/backoffice/payments/refunds/\(number)/paid"
            let refundToken = try WebVisitor.token(payments.body, action: paid)
            #expect(try await sales.post(shop, paid, [("_csrf", refundToken), ("note", "")]).status == .unprocessableContent)
            let transferred = try await sales.post(shop, paid, [("_csrf", refundToken), ("note", "SEPA-Überweisung 4711")])
            #expect(transferred.status == .ok && transferred.body.contains("Keine offenen Erstattungen."))
            #expect(try await actions(shop).prefix(2) == ["refund.paid", "order.return"])
            // The accountant's file for November: the invoice when the parcel left, the cancellation when it came back.
            let datev = try await sales.get(shop, "/backoffice/payments/datev.csv?from=2026-11-01&to=2026-11-30")
            #expect(datev.status == .ok && datev.contentType == "text/csv; charset=windows-1252")
            #expect(datev.body.hasPrefix("\"EXTF\";700;21;\"Buchungsstapel\";13;"))
            #expect(datev.body.contains("\"R-2026-000001\"") && datev.body.contains("\"S-2026-000001\""))
            #expect(try await sales.get(shop, "/backoffice/payments/datev.csv?from=2026-11-30&to=2026-11-01").status == .unprocessableContent)
        }
    }

    @Test func aStatementIsUploadedAndTheRestResolved() async throws {
        try await ShopFixture.run { shop in
            var (sales, _) = try await office.signedIn(shop, .sales)
            let page = try await sales.get(shop, "/backoffice/payments")
            let token = try WebVisitor.token(page.body, action: "/backoffice/payments/import")
            let xml = Array(try Data(contentsOf: Self.statement))
            // Without the token in the address nothing of the file is parsed.
            let parsed = shop.uploadsParsed.total
            let forged = try await sales.postMultipart(shop, "/backoffice/payments/import", [],
                                                       file: ("statement", "s.xml", "application/xml", xml))
            #expect(forged.status == .forbidden && shop.uploadsParsed.total == parsed)
            let junk = try await sales.postMultipart(shop, "/backoffice/payments/import", [("_csrf", token)],
                                                     file: ("statement", "s.xml", "application/xml", Array("<html>no</html>".utf8)))
            #expect(junk.status == .unprocessableContent && junk.body.contains("nichts wurde eingelesen"))
            let imported = try await sales.postMultipart(shop, "/backoffice/payments/import", [("_csrf", token)],
                                                         file: ("statement", "statement-2026-11-30.xml", "application/xml", xml))
            #expect(imported.status == .ok)
            #expect(imported.body.contains("5 Buchungen gelesen: 0 Bestellungen bezahlt, 4 warten auf Zuordnung, 0 waren schon eingelesen."))
            let waiting = try await shop.shop.payments.unmatched()
            #expect(waiting.count == 4)
            let entry = waiting[0].entry.bankReference
            let dismiss = "/backoffice/payments/\(entry)/dismiss"
            let noReason = try await sales.post(shop, dismiss, [("_csrf", try WebVisitor.token(imported.body, action: dismiss)), ("note", " ")])
            #expect(noReason.status == .unprocessableContent && noReason.body.contains("Bitte einen Grund angeben."))
            let assign = "/backoffice/payments/\(entry)/assign"
            let noOrder = try await sales.post(shop, assign, [("_csrf", try WebVisitor.token(imported.body, action: assign)), ("order", "T-2026-999999")])
            #expect(noOrder.status == .unprocessableContent && noOrder.body.contains("Keine Bestellung T-2026-999999."))
            let dismissed = try await sales.post(shop, dismiss, [("_csrf", try WebVisitor.token(imported.body, action: dismiss)),
                                                                 ("note", "returned to the sender")])
            #expect(dismissed.status == .ok && dismissed.body.contains("Die Buchung wurde verworfen."))
            #expect(try await shop.shop.payments.unmatched().count == 3)
            #expect(try await actions(shop).prefix(2) == ["payments.dismiss", "payments.import"])
        }
    }

    @Test func stockIsCountedWithAReason() async throws {
        try await ShopFixture.run { shop in
            var (warehouse, _) = try await office.signedIn(shop, .warehouse)
            let page = try await warehouse.get(shop, "/backoffice/stock")
            let action = "/backoffice/stock/AU-KR-1OZ"
            let token = try WebVisitor.token(page.body, action: action)
            #expect(try await warehouse.post(shop, action, [("_csrf", token), ("quantity", "-1"), ("reason", "count")]).status == .unprocessableContent)
            #expect(try await warehouse.post(shop, action, [("_csrf", token), ("quantity", "12"), ("reason", "")]).status == .unprocessableContent)
            let counted = try await warehouse.post(shop, action, [("_csrf", token), ("quantity", "12"), ("reason", "delivery from the mint")])
            #expect(counted.status == .ok && counted.body.contains("AU-KR-1OZ: Bestand 12"))
            #expect(try await shop.shop.stock.levels().first { $0.sku == "AU-KR-1OZ" }?.stock == 12)
            let entry = try #require(try await shop.shop.audit.entries().first)
            #expect(entry.action == "stock.count" && entry.actor == "warehouse@tresor.example" && entry.after["reason"] == "delivery from the mint")
            #expect(try await warehouse.post(shop, "/backoffice/stock/NO-SUCH", [("_csrf", token), ("quantity", "1"), ("reason", "x")]).status
                    == .notFound)
        }
    }

    @Test func theOwnerManagesStaff() async throws {
        try await ShopFixture.run { shop in
            var (owner, _) = try await office.signedIn(shop, .owner)
            let page = try await owner.get(shop, "/backoffice/staff")
            let token = try WebVisitor.token(page.body, action: "/backoffice/staff/add")
            let added = try await owner.post(shop, "/backoffice/staff/add", [("_csrf", token), ("email", "Wim@Tresor.example"), ("name", "Wim Lager"),
                                                                             ("role", "warehouse")])
            #expect(added.status == .ok)
            #expect(added.body.contains("otpauth://totp/") && added.body.contains("Einmal-Passwort") && added.body.contains("tst_"))
            #expect(try await owner.post(shop, "/backoffice/staff/add", [("_csrf", token), ("email", "wim@tresor.example"), ("name", "Wim"),
                                                                         ("role", "warehouse")]).status == .unprocessableContent)
            #expect(try await owner.post(shop, "/backoffice/staff/add", [("_csrf", token), ("email", "x@tresor.example"), ("name", "X"),
                                                                         ("role", "king")]).status == .unprocessableContent)
            let reset = "/backoffice/staff/wim%40tresor.example/reset"
            let list = try await owner.get(shop, "/backoffice/staff")
            let resetAnswer = try await owner.post(shop, reset, [("_csrf", try WebVisitor.token(list.body, action: reset))])
            #expect(resetAnswer.status == .ok && resetAnswer.body.contains("otpauth://totp/"))
            let disable = "/backoffice/staff/wim%40tresor.example/disable"
            let disabled = try await owner.post(shop, disable, [("_csrf", try WebVisitor.token(list.body, action: disable))])
            #expect(disabled.status == .ok && disabled.body.contains("Der Zugang von wim@tresor.example ist beendet"))
            // One's own access is ended by another owner, never by oneself.
            #expect(!list.body.contains("/backoffice/staff/owner%40tresor.example/disable"))
            let own = try await owner.post(shop, "/backoffice/staff/owner%40tresor.example/disable",
                                           [("_csrf", try WebVisitor.token(list.body, action: disable))])
            #expect(own.status == .unprocessableContent)
            #expect(try await actions(shop).prefix(3) == ["staff.disable", "staff.reset", "staff.add"])
        }
    }
}

extension BackOfficeDeskTests {
    /// Staff find an account by name, see its orders, and close it with a reason: it can no longer log in or get a
    /// reset link, and its sessions end.
    @Test func aCustomerAccountIsFoundAndClosed() async throws {
        try await ShopFixture.run { shop in
            let customer = try await office.api.register(office.api.erika, in: shop)
            var erika = WebVisitor()
            let login = try await erika.get(shop, "/konto/anmelden")
            let loggedIn = try await erika.post(shop, "/konto/anmelden", [("_csrf", try WebVisitor.token(login.body, action: "/konto/anmelden")),
                                                                         ("email", "erika@example.de"), ("password", "Goldbarren-1kg")])
            #expect(loggedIn.status == .seeOther)
            #expect(try await erika.get(shop, "/konto").status == .ok)

            var (compliance, _) = try await office.signedIn(shop, .compliance)
            let found = try await compliance.get(shop, "/backoffice/customers?q=MUSTER")
            let id = customer.id.uuidString.lowercased()
            #expect(found.body.contains("/backoffice/customers/\(id)"))
            #expect(!(try await compliance.get(shop, "/backoffice/customers?q=nobody")).body.contains(id))
            let page = try await compliance.get(shop, "/backoffice/customers/\(id)")
            let action = "/backoffice/customers/\(id)/disable"
            let token = try WebVisitor.token(page.body, action: action)
            #expect(try await compliance.post(shop, action, [("_csrf", token), ("reason", "")]).status == .unprocessableContent)
            let closed = try await compliance.post(shop, action, [("_csrf", token), ("reason", "card fraud reported by the bank")])
            #expect(closed.location == "/backoffice/customers/\(id)?done=closed")
            #expect(try await compliance.get(shop, "/backoffice/customers/\(id)?done=closed").body.contains("Das Kundenkonto ist geschlossen."))

            // The customer's session ended; a new login and a reset link are refused.
            #expect(try await erika.get(shop, "/konto").status == .seeOther)
            let again = try await erika.get(shop, "/konto/anmelden")
            let refused = try await erika.post(shop, "/konto/anmelden", [("_csrf", try WebVisitor.token(again.body, action: "/konto/anmelden")),
                                                                        ("email", "erika@example.de"), ("password", "Goldbarren-1kg")])
            #expect(refused.status == .forbidden && refused.body.contains("Dieses Kundenkonto ist geschlossen."))
            let mails = try await AttackTests.outbox(shop).count
            try await shop.shop.accounts.requestReset(email: "erika@example.de", now: ShopFixture.now)
            #expect(try await AttackTests.outbox(shop).count == mails)
            let entry = try #require(try await shop.shop.audit.entries().first)
            #expect(entry.action == "customer.disable" && entry.target == "erika@example.de" && entry.actor == "compliance@tresor.example")
        }
    }
}

extension BackOfficeDeskTests {
    /// The owner creates a product (unlisted, no stock), previews its prices at the current spot, saves it, and
    /// publishes it: then it is in the catalogue. Its VAT regime follows the law: a 999.9 gold coin that is legal
    /// tender is exempt investment gold; as a non-legal-tender medal it carries 19 %.
    @Test func aProductIsCreatedPreviewedAndPublished() async throws {
        try await ShopFixture.run { shop in
            var (owner, _) = try await office.signedIn(shop, .owner)
            let page = try await owner.get(shop, "/backoffice/products/new")
            let token = try WebVisitor.token(page.body, action: "/backoffice/products/save")
            var fields = [("_csrf", token), ("new", "1"), ("sku", "au-test-1oz"), ("slug", "testmuenze-1-oz-gold"), ("name", "Testmünze 1 oz Gold"),
                          ("metal", "XAU"), ("form", "coin"), ("grossGrams", "31,1035"), ("fineness", "999.9"), ("mint", "Testprägeanstalt"),
                          ("year", "2026"), ("legalTender", "1"), ("tierFrom0", "1"), ("tierPercent0", "4"), ("tierFrom1", "10"),
                          ("tierPercent1", "3.5"), ("buybackPercent", "2"), ("descriptionDE", "Neu."), ("descriptionEN", "New.")]
            let preview = try await owner.post(shop, "/backoffice/products/save", fields + [("intent", "preview")])
            // 2501.37 €/oz × 31.1035 g × 0.9999 / 31.1034768 g/oz × 1.04, rounded once: the 1-piece price.
            let coin = Product(sku: "AU-TEST-1OZ", slug: "x", name: "x", metal: .gold, form: .coin, grossGrams: Decimal(string: "31.1035")!,
                               fineness: Fineness("999.9")!, mint: "x", year: 2026, vatRegime: .exemptInvestmentGold,
                               premium: try PremiumRule(tiers: [PremiumTier(minQuantity: 1, percent: 4)], buybackDiscountPercent: 2), stock: 0)
            let expected = PriceCalculator().unitPrice(of: coin, quantity: 1, spotAsk: Decimal(string: "2501.37")!, on: ShopFixture.now)
            #expect(preview.status == .ok && preview.body.contains(Format.money(expected, .de)) && preview.body.contains("Anlagegold"))
            #expect(try await shop.shop.catalogue.product(sku: "AU-TEST-1OZ") == nil)
            let badTiers = try await owner.post(shop, "/backoffice/products/save",
                                                fields.map { $0.0 == "tierFrom0" ? ("tierFrom0", "2") : $0 } + [("intent", "save")])
            #expect(badTiers.status == .unprocessableContent && badTiers.body.contains("Stufe ab 1 Stück"))
            let saved = try await owner.post(shop, "/backoffice/products/save", fields + [("intent", "save")])
            #expect(saved.location == "/backoffice/products/edit/AU-TEST-1OZ?done=saved")
            let stored = try #require(try await shop.shop.catalogue.product(sku: "AU-TEST-1OZ"))
            #expect(!stored.published && stored.stock == 0 && stored.vatRegime == .exemptInvestmentGold)
            #expect(shop.board.snapshot.product(sku: "AU-TEST-1OZ") == nil)

            let edit = try await owner.get(shop, "/backoffice/products/edit/AU-TEST-1OZ")
            let publish = "/backoffice/products/edit/AU-TEST-1OZ/publish"
            #expect(try await owner.post(shop, publish, [("_csrf", try WebVisitor.token(edit.body, action: publish))]).location
                    == "/backoffice/products/edit/AU-TEST-1OZ?done=published")
            #expect(shop.board.snapshot.product(sku: "AU-TEST-1OZ") != nil)
            #expect(try await shop.get("/produkt/testmuenze-1-oz-gold").status == .ok)

            fields = fields.map { $0.0 == "new" ? ("new", "0") : $0 }.filter { $0.0 != "legalTender" }
            _ = try await owner.post(shop, "/backoffice/products/save", fields + [("intent", "save")])
            #expect(try await shop.shop.catalogue.product(sku: "AU-TEST-1OZ")?.vatRegime == .standard)
            let trail = try await shop.shop.audit.entries(target: "AU-TEST-1OZ")
            #expect(trail.map(\.action) == ["product.update", "product.publish", "product.create"])
            #expect(trail[0].before == ["vat": "exempt_investment_gold"] && trail[0].after == ["vat": "standard"])
        }
    }
}

extension BackOfficeDeskTests {
    /// The owner changes the hotline and the bank account: the shop's header shows the new number at once (its cached
    /// pages are a new edition), an order page the new account; a wrong IBAN comes back with its field named.
    @Test func theOwnerChangesTheSettings() async throws {
        try await ShopFixture.run { shop in
            #expect(try await shop.get("/produkte").body.contains("0800 100 200 3"))
            var (owner, _) = try await office.signedIn(shop, .owner)
            let page = try await owner.get(shop, "/backoffice/settings")
            let token = try WebVisitor.token(page.body, action: "/backoffice/settings/save")
            let current = SettingsDraft(shop.shop.dealer.current)
            var fields = SettingsDraft.names.map { ($0, current[$0]) } + TrustBadge.allCases.map { ("badge-" + $0.rawValue, "1") } + [("_csrf", token)]
            fields = fields.map { $0.0 == "hotline" ? ("hotline", "0221 987 654") : $0.0 == "iban" ? ("iban", "GB82 WEST 1234 5698 7654 33") : $0 }
            let refused = try await owner.post(shop, "/backoffice/settings/save", fields)
            #expect(refused.status == .unprocessableContent && refused.body.contains("„iban“") && refused.body.contains("0221 987 654"))
            fields = fields.map { $0.0 == "iban" ? ("iban", "GB82 WEST 1234 5698 7654 32") : $0 }
            let saved = try await owner.post(shop, "/backoffice/settings/save", fields)
            #expect(saved.location == "/backoffice/settings?done=saved")
            #expect(shop.shop.dealer.current.iban == "GB82WEST12345698765432")
            #expect(try await shop.get("/produkte").body.contains("0221 987 654"))
            #expect(try await shop.get("/kontakt").body.contains("tel:0221987654"))
            let entry = try #require(try await shop.shop.audit.entries().first)
            #expect(entry.action == "settings.change" && entry.after == ["hotline": "0221 987 654", "iban": "GB82WEST12345698765432"])
            var (sales, _) = try await office.signedIn(shop, .sales)
            #expect(try await sales.get(shop, "/backoffice/settings").status == .forbidden)
            // The next order's confirmation names the new account.
            _ = try await office.placeOrder(shop)
            let confirmation = try #require(try await AttackTests.outbox(shop).last { $0.subject.hasPrefix("Ihre Bestellung") })
            #expect(try #require(MailText.plain(confirmation.raw)).contains("GB82WEST12345698765432"))
        }
    }
}

extension BackOfficeDeskTests {
    /// Product photos are taken by their content (a page named `.png` is refused), stored under their SHA-256 outside
    /// the web root, shown on the product page in their order and served with a year's caching; one can be put first
    /// or taken off; the upload's token is checked before parsing.
    @Test func productPhotosAreUploadedOrderedAndShown() async throws {
        let clock = TestClock()
        try await ShopFixture.run(clock: clock) { shop in
            var (owner, _) = try await office.signedIn(shop, .owner)
            let page = try await owner.get(shop, "/backoffice/products/edit/AU-KR-1OZ")
            let token = try WebVisitor.token(page.body, action: "/backoffice/products/edit/AU-KR-1OZ/image")
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("IHDR photo of a Krugerrand".utf8)
            let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + Array("JFIF the reverse side".utf8)
            let parsed = shop.uploadsParsed.total
            let forged = try await owner.postMultipart(shop, "/backoffice/products/edit/AU-KR-1OZ/image", [], file: ("image", "k.png", "image/png", png))
            #expect(forged.status == .forbidden && shop.uploadsParsed.total == parsed)
            let html = try await owner.postMultipart(shop, "/backoffice/products/edit/AU-KR-1OZ/image", [("_csrf", token)],
                                                     file: ("image", "k.png", "image/png", Array("<html><script>alert(1)</script>".utf8)))
            #expect(html.status == .unprocessableContent && html.body.contains("kein PNG-, JPEG- oder WebP-Bild"))
            for bytes in [png, jpeg] {
                clock.advance(60)
                let uploaded = try await owner.postMultipart(shop, "/backoffice/products/edit/AU-KR-1OZ/image", [("_csrf", token)],
                                                             file: ("image", "k", "application/octet-stream", bytes))
                #expect(uploaded.location == "/backoffice/products/edit/AU-KR-1OZ?done=saved")
            }
            let images = try #require(try await shop.shop.catalogue.product(sku: "AU-KR-1OZ")?.images)
            #expect(images.count == 2 && images[0].hasSuffix(".png") && images[1].hasSuffix(".jpg") && images[0].count == 68)
            let slug = try #require(shop.board.snapshot.product(sku: "AU-KR-1OZ")?.slug)
            let productPage = try await shop.get("/produkt/\(slug)").body
            #expect(productPage.contains("src=\"/produktbild/\(images[0])\"") && productPage.contains("src=\"/produktbild/\(images[1])\""))
            let served = try await shop.get("/produktbild/\(images[1])")
            #expect(served.status == .ok && served.headers[.contentType] == "image/jpeg")
            #expect(served.headers[.cacheControl] == "public, max-age=31536000, immutable")
            #expect(try await shop.get("/produktbild/../../tresor.sqlite").status == .notFound)
            #expect(try await shop.get("/produktbild/\(String(repeating: "0", count: 64)).png").status == .notFound)

            let edit = try await owner.get(shop, "/backoffice/products/edit/AU-KR-1OZ")
            let first = "/backoffice/products/edit/AU-KR-1OZ/image/\(images[1])/first"
            _ = try await owner.post(shop, first, [("_csrf", try WebVisitor.token(edit.body, action: first))])
            #expect(try await shop.shop.catalogue.product(sku: "AU-KR-1OZ")?.images == [images[1], images[0]])
            let remove = "/backoffice/products/edit/AU-KR-1OZ/image/\(images[0])/remove"
            _ = try await owner.post(shop, remove, [("_csrf", try WebVisitor.token(edit.body, action: remove))])
            #expect(try await shop.shop.catalogue.product(sku: "AU-KR-1OZ")?.images == [images[1]])
            #expect(try await shop.shop.audit.entries(target: "AU-KR-1OZ").map(\.action)
                    == ["product.image-remove", "product.image-first", "product.image-add", "product.image-add"])
        }
    }
}

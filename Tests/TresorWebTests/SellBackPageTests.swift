import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TresorCore
import TresorServices
import TresorTestSupport
@testable import TresorWeb

/// Selling to the dealer through the shop's pages, and the buy-back's way through the back office to the SEPA file.
@Suite struct SellBackPageTests {
    let office = BackOfficeTests()

    @Test func aCustomerSellsABarAndStaffCheckAndPayIt() async throws {
        try await ShopFixture.run { shop in
            var erika = WebVisitor()
            let product = try await erika.get(shop, "/produkt/silberbarren-100-g-heraeus")
            #expect(product.body.contains("class=\"sell-form\""))
            let list = try await erika.get(shop, "/ankauf")
            #expect(list.status == .ok && list.body.contains("Silberbarren 100 g Heraeus") && !list.body.contains("Demnächst"))
            let token = try WebVisitor.token(list.body, action: "/ankauf")
            #expect(try await erika.post(shop, "/ankauf", [("_csrf", token), ("qty.AG-BAR-100G-HE", "0")]).status == .unprocessableContent)
            let quoted = try await erika.post(shop, "/ankauf", [("_csrf", token), ("qty.AG-BAR-100G-HE", "2")])
            let offerPath = try #require(quoted.location)
            #expect(offerPath.hasPrefix("/ankauf/angebot/"))
            let offer = try await erika.get(shop, offerPath)
            let bar = try #require(shop.board.snapshot.product(sku: "AG-BAR-100G-HE"))
            let unit = try #require(shop.board.snapshot.priced(bar, now: ShopFixture.now).prices?.buybackPrice)
            #expect(offer.body.contains(Format.money(unit * 2, .de)))
            let offerToken = try WebVisitor.token(offer.body, action: offerPath)
            var fields = [("_csrf", offerToken), ("email", "erika@example.de"), ("name", "Erika Mustermann"), ("street", "Heidestraße 17"),
                          ("postalCode", "51147"), ("city", "Köln"), ("country", "DE"), ("payout", "bank_transfer"),
                          ("iban", "DE89 3704 0044 0532 0130 01"), ("accountHolder", "Erika Mustermann"), ("confirm", "1")]
            let wrong = try await erika.post(shop, offerPath, fields)
            #expect(wrong.status == .unprocessableContent && wrong.body.contains("Bitte prüfen Sie die IBAN."))
            fields[8] = ("iban", "DE89 3704 0044 0532 0130 00")
            let sent = try await erika.post(shop, offerPath, fields)
            #expect(sent.location == offerPath)
            let done = try await erika.get(shop, offerPath)
            #expect(done.body.contains("A-2026-000001") && done.body.contains("versichert"))

            var (warehouse, _) = try await office.signedIn(shop, .warehouse)
            let page = try await warehouse.get(shop, "/backoffice/buybacks/A-2026-000001")
            #expect(page.body.contains("Erika Mustermann") && page.body.contains("DE89370400440532013000"))
            let receive = "/backoffice/buybacks/A-2026-000001/receive"
            #expect(try await warehouse.post(shop, receive, [("_csrf", try WebVisitor.token(page.body, action: receive))]).status == .seeOther)
            let received = try await warehouse.get(shop, "/backoffice/buybacks/A-2026-000001")
            let check = "/backoffice/buybacks/A-2026-000001/check"
            let checkToken = try WebVisitor.token(received.body, action: check)
            #expect(try await warehouse.post(shop, check, [("_csrf", checkToken), ("position", "2"), ("grams", "99.9"), ("decision", "reject"),
                                                           ("note", "")]).status == .unprocessableContent)
            for (position, decision, note) in [("1", "approve", ""), ("2", "reject", "Fälschung (Dichte falsch)")] {
                let answer = try await warehouse.post(shop, check, [("_csrf", checkToken), ("position", position), ("grams", "100,1"),
                                                                    ("decision", decision), ("note", note)])
                #expect(answer.status == .seeOther)
            }
            let checked = try await warehouse.get(shop, "/backoffice/buybacks/A-2026-000001")
            #expect(checked.body.contains("Gutschrift G-2026-000001") && checked.body.contains(Format.money(unit, .de)))
            #expect(try await warehouse.post(shop, "/backoffice/buybacks/payouts.xml", [("_csrf", checkToken)]).status == .forbidden)
            var (owner, _) = try await office.signedIn(shop, .owner)
            let buybacks = try await owner.get(shop, "/backoffice/buybacks")
            let file = try await owner.post(shop, "/backoffice/buybacks/payouts.xml",
                                            [("_csrf", try WebVisitor.token(buybacks.body, action: "/backoffice/buybacks/payouts.xml"))])
            #expect(file.status == .ok && file.contentType == "application/xml" && file.body.contains("<EndToEndId>A-2026-000001</EndToEndId>"))
            #expect(try await shop.shop.buybacks.buyback(number: "A-2026-000001")?.status == .paid)
            let pdf = try await owner.get(shop, "/backoffice/credit-notes/G-2026-000001")
            #expect(pdf.status == .ok && pdf.body.hasPrefix("%PDF-"))
            // The seller's page and mail: what was taken, the credit note, the status.
            let mine = try await erika.get(shop, offerPath)
            #expect(mine.body.contains("ausgezahlt") && mine.body.contains("Gutschrift G-2026-000001 (PDF)"))
            let own = try await erika.get(shop, offerPath + "/gutschrift")
            #expect(own.status == .ok && own.body.hasPrefix("%PDF-"))
            let mails = try await AttackTests.outbox(shop).map(\.subject)
            #expect(mails.contains("Gutschrift G-2026-000001 zu Ihrem Ankauf A-2026-000001"))
        }
    }
}

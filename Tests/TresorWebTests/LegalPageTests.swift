import Foundation
import Testing
import TresorCore
@testable import TresorServices
import TresorTestSupport
@testable import TresorWeb

/// The legal pages: real pages in both languages, with the facts the settings hold, templates marked as such, the
/// demo notice while the demo seller is set, and the shipping-cost note next to every price.
@Suite struct LegalPageTests {
    @Test func everyLegalPageAnswersInBothLanguagesAsATemplate() async throws {
        try await ShopFixture.run { shop in
            for page in LegalPage.allCases {
                for language in Language.allCases {
                    let path = Page.shop(.legal(page)).path(language)
                    let (status, body, _) = try await shop.get(path)
                    #expect(status == .ok, "\(path)")
                    #expect(body.contains("<h1>\(page.title(language))</h1>"), "\(path)")
                    #expect(body.contains(language == .de ? "Muster – vor Verwendung anwaltlich prüfen lassen." : "Template – have it checked by a lawyer"),
                            "\(path)")
                    #expect(!body.contains("Demnächst") && !body.contains("Coming soon"), "\(path)")
                }
            }
            #expect(Page.shop(.legal(.terms)).path(.de) == "/agb" && Page.shop(.legal(.withdrawal)).path(.de) == "/widerruf")
            let (_, withdrawal, _) = try await shop.get("/widerruf")
            #expect(withdrawal.contains("§ 312g Abs. 2 Nr. 8 BGB"))
            let (_, terms, _) = try await shop.get("/agb")
            #expect(terms.contains("zuzüglich einer Bearbeitungsgebühr von \(Format.money(shop.shop.orders.cancellationFee, .de))"))
            #expect(terms.contains("jeweils ohne Umsatzsteuer"))
        }
    }

    /// The imprint names the seller as the settings have it (§5 DDG); a change in the back office shows at once.
    /// While the seller or the bank account are the demo ones, every page carries the demo notice.
    @Test func theImprintFollowsTheSettingsAndTheDemoNoticeTheSeller() async throws {
        try await ShopFixture.run { shop in
            let (_, imprint, _) = try await shop.get("/impressum")
            for fact in ["Angaben gemäß § 5 DDG", "Tresor Edelmetalle GmbH", "Hohe Straße 1, 50667 Köln", "Amtsgericht Köln, HRB 00000",
                         "Erika Beispiel", "DE999999999", "0800 100 200 3", "service@tresor.example", "§ 50 Nr. 9 GwG"] {
                #expect(imprint.contains(fact), "\(fact)")
            }
            #expect(imprint.contains("Demo-Shop: Händlerangaben und Bankverbindung sind Beispieldaten."))
            let (_, home, _) = try await shop.get("/")
            #expect(home.contains("class=\"banner demo-shop\""))
            _ = try await shop.shop.staff.add(email: "owner@tresor.example", name: "Olga Owner", role: .owner, by: .system(job: "test"),
                                              now: ShopFixture.now)
            var settings = shop.shop.dealer.current
            settings.seller.street = "Neue Straße 5"
            settings.seller.vatID = "DE123456788"
            settings.iban = "DE02120300000000202051"
            settings.shippingCountries = ["DE", "AT"]
            settings.ossRegistered = true
            try await shop.shop.dealer.save(settings, by: try await shop.shop.staff.actor(email: "owner@tresor.example"), now: ShopFixture.now)
            let (_, shipping, _) = try await shop.get("/versand")
            #expect(shipping.contains("Wir versenden nach: Deutschland, Österreich."))
            #expect(shipping.contains("Bei Lieferung in ein anderes EU-Land tragen Silber, Platin und Palladium (außer differenzbesteuerten Münzen) die Mehrwertsteuer des Lieferlands"))
            let (_, moved, _) = try await shop.get("/impressum")
            #expect(moved.contains("Neue Straße 5, 50667 Köln") && moved.contains("DE123456788"))
            #expect(!moved.contains("class=\"banner demo-shop\""))
        }
    }

    /// Shipping: the table from the settings; every price says whether VAT is in it and that shipping comes on top.
    @Test func shippingCostsAreShownAndLinkedNextToPrices() async throws {
        try await ShopFixture.run { shop in
            let (_, shipping, _) = try await shop.get("/versand")
            for fact in ["Warenwert bis 999,99\u{a0}€", "9,95\u{a0}€", "Warenwert ab 1.000,00\u{a0}€", "19,95\u{a0}€", "versandkostenfrei",
                         "Abholung im Ladengeschäft", "Wir versenden nach: Deutschland"] {
                #expect(shipping.contains(fact), "\(fact)")
            }
            let (_, product, _) = try await shop.get("/produkt/krugerrand-1-oz-gold")
            #expect(product.contains("Anlagegold, umsatzsteuerfrei nach §25c UStG, <a href=\"/versand\">zzgl. Versandkosten</a>"))
            // German numbers the German way in the description too.
            #expect(product.contains("Anlagemünze mit 916,7 ‰ Feingehalt.") && !product.contains("916.7"))
            let (_, english, _) = try await shop.get("/en/products")
            #expect(english.contains("<a href=\"/en/shipping\">plus shipping</a>"))
        }
    }

    /// An editor replaces the terms in the back office: the shop shows the new text at once, every save is a version,
    /// an empty text is refused with the text kept, the template can be restored, and each save is audited.
    @Test func editorsSaveAndRestoreVersions() async throws {
        try await ShopFixture.run { shop in
            var (editor, _) = try await BackOfficeTests().signedIn(shop, .editor)
            let list = try await editor.get(shop, "/backoffice/pages")
            #expect(list.status == .ok && list.body.contains("Mustertext des Shops"))
            let page = try await editor.get(shop, "/backoffice/pages/terms/de")
            let save = "/backoffice/pages/terms/de/save"
            let token = try WebVisitor.token(page.body, action: save)
            let empty = try await editor.post(shop, save, [("_csrf", token), ("markdown", "  \r\n ")])
            #expect(empty.status == .unprocessableContent && empty.body.contains("Der Text ist leer."))
            let saved = try await editor.post(shop, save, [("_csrf", token), ("markdown", "## 1. Geltung\r\n\r\nUnsere <b>neuen</b> Bedingungen.")])
            #expect(saved.location == "/backoffice/pages/terms/de?saved=1")
            let (_, terms, _) = try await shop.get("/agb")
            #expect(terms.contains("<h2>1. Geltung</h2>") && terms.contains("Unsere &lt;b") && !terms.contains("<b>neuen"))
            #expect(!terms.contains("Muster – vor Verwendung"))
            let restore = "/backoffice/pages/terms/de/restore/0"
            let editorPage = try await editor.get(shop, "/backoffice/pages/terms/de")
            #expect(editorPage.body.contains("Version 1 vom"))
            let restored = try await editor.post(shop, restore, [("_csrf", try WebVisitor.token(editorPage.body, action: restore))])
            #expect(restored.location == "/backoffice/pages/terms/de?saved=2")
            let (_, again, _) = try await shop.get("/agb")
            #expect(again.contains("Muster – vor Verwendung anwaltlich prüfen lassen."))
            let versions = try await shop.shop.legal.versions(.terms, .de)
            #expect(versions.map(\.version) == [2, 1, 0])
            #expect(try await shop.shop.audit.entries().prefix(2).map(\.action) == ["legal.save", "legal.save"])
            // The English terms are untouched.
            #expect(try await shop.shop.legal.text(.terms, .en).version == 0)
        }
    }

    /// The "no reporting duty" page states the law: nothing is reported of lawful purchases of our own accord, but
    /// cash needs identification and suspicious transactions are reported; nothing promises anonymity.
    @Test func theReportingPageStatesTheLaw() async throws {
        try await ShopFixture.run { shop in
            let (_, body, _) = try await shop.get("/meldepflicht")
            #expect(body.contains("§ 43 GwG") && body.contains("2.000 €") && body.contains("Anonym sind sie deshalb nicht."))
            #expect(!body.contains("Wir melden Ihre Käufe und Verkäufe nicht"))
        }
    }
}

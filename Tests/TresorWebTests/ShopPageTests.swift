import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TresorCore
import TresorTestSupport
@testable import TresorWeb

@Suite struct ShopPageTests {
    @Test func homeShowsTickerAndFeaturedProductsInGerman() async throws {
        try await ShopFixture.run { shop in
            let (status, body, headers) = try await shop.get("/")
            #expect(status == .ok)
            #expect(headers[.contentType] == "text/html; charset=utf-8")
            #expect(body.contains("<html lang=\"de\">"))
            #expect(body.contains("Aktuelle Kurse"))
            #expect(body.contains("2.501,37\u{a0}€"))  // gold ask per ounce
            #expect(body.contains("80,42\u{a0}€"))  // 2501.37 / 31.1034768 per gram
            #expect(body.contains("Krugerrand 1 oz Gold"))
            #expect(body.contains("2.598,94\u{a0}€"))  // 2501.3824 € metal value × 1.039
            #expect(body.contains("Kostenlose Beratung: 0800 100 200 3"))
            #expect(body.contains("href=\"/meldepflicht\""))
            #expect(!body.contains("Demo-Kurse"))
            #expect(body.contains("data-stale-banner=\"1\" hidden>"))
        }
    }

    @Test func englishHasItsOwnWordsAndFormatting() async throws {
        try await ShopFixture.run { shop in
            let (status, body, _) = try await shop.get("/en/")
            #expect(status == .ok)
            #expect(body.contains("<html lang=\"en\">"))
            #expect(body.contains("Current spot prices"))
            #expect(body.contains("€2,501.37"))
            #expect(body.contains("€2,598.94"))
            #expect(body.contains("href=\"/en/silver\""))
        }
    }

    @Test func everyMenuEntryLeadsSomewhere() async throws {
        try await ShopFixture.run { shop in
            for lang in Language.allCases {
                let (_, home, _) = try await shop.get(Page.shop(.home).path(lang))
                let links = home.components(separatedBy: "href=\"").dropFirst().compactMap { $0.split(separator: "\"").first }
                    .map(String.init).filter { $0.hasPrefix("/") && !$0.hasPrefix("/live") }
                #expect(links.count > 20)
                for link in Set(links) {
                    let (status, _, headers) = try await shop.get(link.replacingOccurrences(of: "&amp;", with: "&"))
                    // The account asks a visitor who is not logged in to log in first.
                    let toLogin = link == Page.account(.overview).path(lang) && status == .seeOther
                        && headers[.location]?.hasPrefix(Page.account(.login).path(lang)) == true
                    #expect(status == .ok || toLogin, "\(link) answered \(status)")
                }
            }
        }
    }

    @Test func metalCatalogueFiltersAndSorts() async throws {
        try await ShopFixture.run { shop in
            let (status, body, _) = try await shop.get("/gold?form=bar&sort=price_desc")
            #expect(status == .ok)
            #expect(body.contains("Goldbarren 1 kg Heraeus"))
            #expect(!body.contains("Krugerrand"))
            #expect(!body.contains("Silberbarren"))
            let kilo = try #require(body.range(of: "Goldbarren 1 kg"))
            let gram = try #require(body.range(of: "Goldbarren 1 g Heraeus"))
            #expect(kilo.lowerBound < gram.lowerBound)
            // "Any" choices submit an empty value, not their label.
            #expect(body.contains("<option value>Alle Hersteller</option>"))
            // The filter form remembers the choices.
            #expect(body.contains("<option value=\"bar\" selected>"))
            #expect(body.contains("<option value=\"price_desc\" selected>"))
        }
    }

    @Test func catalogueFormParametersWithSpacesAndPages() async throws {
        try await ShopFixture.run { shop in
            let (status, body, _) = try await shop.get("/produkte?mint=Royal+Canadian+Mint&inStock=1")
            #expect(status == .ok)
            #expect(body.contains("Maple Leaf 1 oz Gold"))
            #expect(!body.contains("Krugerrand"))
            let (_, paged, _) = try await shop.get("/produkte?perPage=10&page=2")
            #expect(paged.contains("Seite 2 von 5"))
            #expect(paged.contains("rel=\"next\" href=\"/produkte?perPage=10&amp;page=3\""))
        }
    }

    @Test func badFilterValuesGetA400PageNamingTheValue() async throws {
        try await ShopFixture.run { shop in
            let (status, body, _) = try await shop.get("/produkte?metal=copper")
            #expect(status == .badRequest)
            #expect(body.contains("Der Wert „copper“ für „metal“ ist ungültig."))
            let (enStatus, enBody, _) = try await shop.get("/en/products?minWeight=heavy")
            #expect(enStatus == .badRequest)
            #expect(enBody.contains("The value \"heavy\" for \"minWeight\" is invalid."))
            let (wrongMetal, _, _) = try await shop.get("/gold?metal=XAG")
            #expect(wrongMetal == .badRequest)
            let (chart, _, _) = try await shop.get("/charts?range=5y")
            #expect(chart == .badRequest)
        }
    }

    @Test func productPageShowsEveryFigure() async throws {
        try await ShopFixture.run { shop in
            let (status, body, _) = try await shop.get("/produkt/krugerrand-1-oz-gold")
            #expect(status == .ok)
            #expect(body.contains("2.598,94\u{a0}€"))  // 1 piece
            #expect(body.contains("2.589,18\u{a0}€"))  // from 10: premium 3.51 %
            #expect(body.contains("2.579,43\u{a0}€"))  // from 25: premium 3.12 %
            #expect(body.contains("2.448,17\u{a0}€"))  // buy-back: 2498.12 × 1.0000049576 × 0.98
            #expect(body.contains("3,90\u{a0}%"))
            #expect(body.contains("31,1036\u{a0}g"))
            #expect(body.contains("916,7 ‰"))
            #expect(body.contains("Anlagegold, umsatzsteuerfrei nach §25c UStG"))
            #expect(body.contains("Sofort lieferbar"))
            let (silver, silverBody, _) = try await shop.get("/en/product/silberbarren-1-kg-heraeus")
            #expect(silver == .ok)
            #expect(silverBody.contains("€1,209.13"))  // 28.50 × 32.1186 oz × 1.11 × 1.19
            #expect(silverBody.contains("incl. 19% VAT"))
        }
    }

    @Test func unknownProductsAndPagesAre404Pages() async throws {
        try await ShopFixture.run { shop in
            let (status, body, _) = try await shop.get("/produkt/goldener-hering")
            #expect(status == .notFound)
            #expect(body.contains("Seite nicht gefunden"))
            let (other, otherBody, _) = try await shop.get("/en/no-such-page")
            #expect(other == .notFound)
            #expect(otherBody.contains("Page not found"))
        }
    }

    @Test func staleFeedShowsNoPrices() async throws {
        // 121 seconds after the ticks (which were 10 s old), beyond the 120 s limit.
        try await ShopFixture.run(age: 111) { shop in
            let (status, body, _) = try await shop.get("/produkt/krugerrand-1-oz-gold")
            #expect(status == .ok)
            #expect(body.contains("data-stale-banner=\"1\">Die Kurse sind derzeit nicht aktuell"))
            #expect(body.contains("Preis derzeit nicht verfügbar"))
            #expect(!body.contains("2.598,94"))
            let (ready, _, _) = try await shop.get("/readyz")
            #expect(ready == .serviceUnavailable)
        }
        try await ShopFixture.run(age: 110) { shop in
            let (_, body, _) = try await shop.get("/produkt/krugerrand-1-oz-gold")
            #expect(body.contains("2.598,94"))
        }
    }

    @Test func metalWithoutAnyTickIsUnavailableWhileOthersSell() async throws {
        try await ShopFixture.run(withoutTicksFor: [.platinum]) { shop in
            let (_, body, _) = try await shop.get("/produkt/maple-leaf-1-oz-platin")
            #expect(body.contains("Preis derzeit nicht verfügbar"))
            #expect(body.contains("data-stale-banner=\"1\">"))
        }
    }

    @Test func attributeValuesAreEscaped() async throws {
        let hostile = Product(sku: "X-1", slug: "x-1", name: "Barren \"><script>alert(1)</script>", metal: .gold, form: .bar,
                              grossGrams: 1, fineness: Fineness("999.9")!, mint: "Evil\" onmouseover=\"alert(1)", year: nil,
                              vatRegime: .exemptInvestmentGold,
                              premium: try PremiumRule(tiers: [PremiumTier(minQuantity: 1, percent: 5)], buybackDiscountPercent: 2),
                              stock: 1)
        try await ShopFixture.run(extraProducts: [hostile]) { shop in
            let (status, body, _) = try await shop.get("/gold?sort=name")
            #expect(status == .ok)
            #expect(!body.contains("<script>alert"))
            // The injected quote never opens an attribute inside a tag (in text it is harmless).
            #expect(!body.contains(/<[^>]*onmouseover="/))
            #expect(body.contains("value=\"Evil&quot; onmouseover=&quot;alert(1)\""))
            #expect(body.contains("aria-label=\"Barren &quot;&gt;&lt;script&gt;"))
        }
    }

    @Test func securityHeadersOnEveryResponse() async throws {
        try await ShopFixture.run { shop in
            for uri in ["/", "/nope", "/api/v1/spot"] {
                let (_, _, headers) = try await shop.get(uri)
                #expect(headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
                #expect(headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                #expect(headers[.xContentTypeOptions] == "nosniff")
                #expect(headers[.referrerPolicy] == "strict-origin-when-cross-origin")
            }
            let (_, body, _) = try await shop.get("/")
            #expect(!body.contains("<script>"))  // no inline script: the one script is an external file
        }
    }

    @Test func chartsPageDrawsEveryMetal() async throws {
        try await ShopFixture.run { shop in
            let (status, body, _) = try await shop.get("/charts?range=24h")
            #expect(status == .ok)
            // Only one tick per metal is stored: too few for a line, so the page says so instead of drawing nonsense.
            #expect(body.contains("Für diesen Zeitraum liegen keine Kurse vor."))
        }
    }

    @Test func assetsAreServedWithLongCaching() async throws {
        try await ShopFixture.run { shop in
            let (_, body, _) = try await shop.get("/")
            let css = try #require(body.components(separatedBy: "href=\"/assets/style-").dropFirst().first?.split(separator: "\"").first)
            let (status, stylesheet, headers) = try await shop.get("/assets/style-" + css)
            #expect(status == .ok)
            #expect(stylesheet.contains(".price"))
            #expect(headers[.cacheControl]?.contains("immutable") == true)
        }
    }
}

@Suite struct HeadRequestTests {
    @Test func headAnswersLikeGetWithoutBody() async throws {
        try await ShopFixture.run { shop in
            let (status, body) = try await shop.client.execute(uri: "/produkte", method: .head) { ($0.status, $0.body.readableBytes) }
            #expect(status == .ok)
            #expect(body == 0)
            let missing = try await shop.client.execute(uri: "/nope", method: .head) { $0.status }
            #expect(missing == .notFound)
        }
    }
}

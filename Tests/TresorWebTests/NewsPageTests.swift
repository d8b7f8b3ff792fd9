import Foundation
import Testing
import TresorCore
import TresorServices
import TresorStore
import TresorTestSupport
@testable import TresorWeb

@Suite struct NewsPageTests {
    /// The demo articles, as the shop loads them on its first start.
    func seeded(_ shop: ShopFixture) async throws {
        try await Seeder(database: shop.database, logger: TestDatabase.logger).seedArticlesIfEmpty(now: ShopFixture.now)
    }

    @Test func indexPagesAndArticleWithRelatedReading() async throws {
        try await ShopFixture.run { shop in
            try await seeded(shop)
            let (status, index, _) = try await shop.get("/news")
            #expect(status == .ok)
            // Newest first: "Gold startet fest" was published 3 hours before now (11:00 Berlin) → 08:00 Uhr.
            #expect(index.contains("27.11.2026 08:00 Uhr · Marktbericht"))
            let newest = try #require(index.range(of: "gold-startet-fest-in-die-woche"))
            let older = try #require(index.range(of: "silber-zwischen-industrie"))
            #expect(newest.lowerBound < older.lowerBound)
            #expect(index.contains("rel=\"next\" href=\"/news?seite=2\""))
            let (_, second, _) = try await shop.get("/news?seite=2")
            #expect(second.contains("maple-leaf-mit-sicherheitsmerkmalen"))  // the oldest of 15, on page 2
            #expect(try await shop.get("/news?seite=3").status == .notFound)
            #expect(try await shop.get("/news?seite=0").status == .badRequest)

            let (articleStatus, article, _) = try await shop.get("/news/warum-anlagegold-umsatzsteuerfrei-ist")
            #expect(articleStatus == .ok)
            #expect(article.contains("<strong>Anlagegold</strong>"))  // Markdown rendered
            #expect(article.contains("Wissenswertes zum Thema"))
            let box = try #require(article.range(of: "class=\"related\""))
            let boxEnd = try #require(article.range(of: "</aside>", range: box.upperBound..<article.endIndex))
            let related = String(article[box.lowerBound..<boxEnd.lowerBound])
            #expect(!related.contains("/news/warum-anlagegold-umsatzsteuerfrei-ist\""))  // never itself
            #expect(related.contains("/news/zinsen-und-goldpreis"))  // Gold tag and category Wissen
            #expect(try await shop.get("/news/kategorie/Wissen").body.contains("aufgeld-erklaert"))
            #expect(try await shop.get("/news/thema/M%C3%BCnzen").body.contains("kruegerrand-die-erste-anlagemuenze"))
            #expect(try await shop.get("/en/news/topic/Palladium").status == .ok)
            #expect(try await shop.get("/news/thema/Kupfer").status == .notFound)
            #expect(try await shop.get("/news/gibt-es-nicht").status == .notFound)
        }
    }

    @Test func draftsAndFutureArticlesStayHidden() async throws {
        try await ShopFixture.run { shop in
            let draft = Article(slug: "entwurf", title: "Entwurf", teaser: "t", body: "x", author: "a", category: "Wissen", tags: [],
                                status: .draft, publishAt: nil, updatedAt: ShopFixture.now)
            let later = Article(slug: "morgen", title: "Morgen", teaser: "t", body: "x", author: "a", category: "Wissen", tags: [],
                                status: .published, publishAt: ShopFixture.now.addingTimeInterval(3600), updatedAt: ShopFixture.now)
            _ = try await NewsDesk(database: shop.database).save([draft, later], by: .system(job: "test"), now: ShopFixture.now)
            #expect(try await shop.get("/news/entwurf").status == .notFound)
            #expect(try await shop.get("/news/morgen").status == .notFound)
            #expect(try await shop.get("/news").body.contains("Hier gibt es noch keine Artikel."))
        }
    }

    func article(_ slug: String, title: String, at publishAt: Date) -> Article {
        Article(slug: slug, title: title, teaser: "Kurz", body: "Text", author: "Redaktion", category: "Marktbericht", tags: ["Gold"],
                status: .published, publishAt: publishAt, updatedAt: ShopFixture.now)
    }

    @Test func cachedNewsPagesFollowEverySaveAndTheClock() async throws {
        let clock = TestClock()
        try await ShopFixture.run(clock: clock) { shop in
            try await seeded(shop)
            let desk = NewsDesk(database: shop.database)
            #expect(!(try await shop.get("/news").body.contains("Eilmeldung")))
            _ = try await desk.save([article("eilmeldung", title: "Eilmeldung", at: ShopFixture.now.addingTimeInterval(-60))], by: .system(job: "test"), now: ShopFixture.now)
            #expect(try await shop.get("/news").body.contains("Eilmeldung"))
            #expect(try await shop.get("/news/eilmeldung").body.contains("<h1>Eilmeldung</h1>"))
            // A correction on the same clock tick: the version changes, so the cached page does.
            _ = try await desk.save([article("eilmeldung", title: "Eilmeldung korrigiert", at: ShopFixture.now.addingTimeInterval(-60))],
                                    by: .system(job: "test"), now: ShopFixture.now)
            #expect(try await shop.get("/news/eilmeldung").body.contains("<h1>Eilmeldung korrigiert</h1>"))
            // Published for 10:30: hidden at 10:00, shown once the clock passes it, with no save in between.
            _ = try await desk.save([article("halb-elf", title: "Halb elf", at: ShopFixture.now.addingTimeInterval(1800))], by: .system(job: "test"), now: ShopFixture.now)
            #expect(!(try await shop.get("/news").body.contains("Halb elf")))
            clock.advance(1801)
            #expect(try await shop.get("/news").body.contains("Halb elf"))
        }
    }

    @Test func newsPagesComeFromMemoryBetweenChecks() async throws {
        // With an hour between checks, an article saved elsewhere is not seen on a page already in memory.
        try await ShopFixture.run(recheck: .seconds(3600)) { shop in
            try await seeded(shop)
            let first = try await shop.get("/news").body
            _ = try await NewsDesk(database: shop.database)
                .save([article("eilmeldung", title: "Eilmeldung", at: ShopFixture.now.addingTimeInterval(-60))], by: .system(job: "test"), now: ShopFixture.now)
            let second = try await shop.get("/news").body
            #expect(!second.contains("Eilmeldung"))
            #expect(first.count == second.count)
        }
    }

    @Test func searchFindsBodyTextAndMarksIt() async throws {
        try await ShopFixture.run { shop in
            try await seeded(shop)
            let (status, page, _) = try await shop.get("/news/suche?q=Katalysator")
            #expect(status == .ok)
            #expect(page.contains("/news/platin-und-palladium-im-autoabgas"))
            #expect(page.contains("<mark>Katalysator"))  // a prefix of "Katalysatoren", marked in the snippet
            // Odd input is a search like any other, shown back escaped.
            let odd = try await shop.get("/news/suche?q=%22%3Cscript%3E%20AND%20(")
            #expect(odd.status == .ok)
            #expect(!odd.body.contains("<script>"))
            #expect(odd.body.contains("&lt;script&gt;"))
            #expect(try await shop.get("/en/news/search?q=Palladium").body.contains("palladium-erholt-sich"))
        }
    }
}

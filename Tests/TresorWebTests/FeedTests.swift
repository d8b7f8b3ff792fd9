import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TresorCore
import TresorServices
import TresorStore
import TresorTestSupport
@testable import TresorWeb

/// Reads an XML document with Foundation's parser: element paths and their text, or the parse error.
final class XMLOutline: NSObject, XMLParserDelegate {
    var stack: [String] = []
    var elements: [(path: String, text: String)] = []
    var text = ""

    static func read(_ xml: String) throws -> XMLOutline {
        let outline = XMLOutline()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = outline
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return outline
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        stack.append(name)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        elements.append((stack.joined(separator: "/"), text.trimmingCharacters(in: .whitespacesAndNewlines)))
        stack.removeLast()
        text = ""
    }

    func texts(_ path: String) -> [String] { elements.filter { $0.path == path }.map(\.text) }
}

@Suite struct FeedTests {
    func seeded(_ shop: ShopFixture) async throws {
        try await Seeder(database: shop.database, logger: TestDatabase.logger).seedArticlesIfEmpty(now: ShopFixture.now)
        // A title that needs escaping in XML.
        _ = try await NewsDesk(database: shop.database).save([Article(
            slug: "gold-silber-ratio", title: "Gold <> Silber: das \"Ratio\" & mehr", teaser: "t < u", body: "x", author: "R & D",
            category: "Wissen", tags: ["Gold"], status: .published, publishAt: ShopFixture.now.addingTimeInterval(-60),
            updatedAt: ShopFixture.now)], by: .system(job: "test"), now: ShopFixture.now)
    }

    @Test func atomAndRSSAreWellFormedWithTheRequiredElements() async throws {
        try await ShopFixture.run { shop in
            try await seeded(shop)
            let (atomStatus, atomXML, atomHeaders) = try await shop.get("/news/feed.atom")
            #expect(atomStatus == .ok)
            #expect(atomHeaders[.contentType] == "application/atom+xml; charset=utf-8")
            let atom = try XMLOutline.read(atomXML)
            for required in ["feed/id", "feed/title", "feed/updated", "feed/author/name"] { #expect(atom.texts(required).count == 1, "\(required)") }
            #expect(atom.texts("feed/entry/id").count == 16)
            #expect(atom.texts("feed/entry/title").count == 16)
            #expect(atom.texts("feed/entry/updated").count == 16)
            #expect(atom.texts("feed/entry/title").first == "Gold <> Silber: das \"Ratio\" & mehr")  // newest first, unescaped back

            let rss = try XMLOutline.read(try await shop.get("/news/feed.rss").body)
            for required in ["rss/channel/title", "rss/channel/link", "rss/channel/description"] { #expect(rss.texts(required).count == 1) }
            #expect(rss.texts("rss/channel/item/link").count == 16)
            #expect(rss.texts("rss/channel/item/pubDate").first == "Fri, 27 Nov 2026 09:59:00 +0000")
        }
    }

    @Test func sitemapsListPublicPagesAndRecentNews() async throws {
        try await ShopFixture.run { shop in
            try await seeded(shop)
            let sitemap = try XMLOutline.read(try await shop.get("/sitemap.xml").body)
            let locations = sitemap.texts("urlset/url/loc")
            #expect(locations.contains("http://127.0.0.1:8080/produkt/krugerrand-1-oz-gold"))
            #expect(locations.contains("http://127.0.0.1:8080/en/product/krugerrand-1-oz-gold"))
            #expect(locations.contains("http://127.0.0.1:8080/news/aufgeld-erklaert"))
            #expect(locations.contains("http://127.0.0.1:8080/news/kategorie/Marktbericht"))
            #expect(!locations.contains { $0.contains("/konto") || $0.contains("/kasse") })
            // Every listed page answers.
            for location in locations.prefix(40) {
                let path = String(location.dropFirst("http://127.0.0.1:8080".count))
                #expect(try await shop.get(path).status == .ok, "\(path)")
            }
            // Google News: the last two days only (the demo articles from 3, 20 and 44 hours ago, and the new one).
            let news = try XMLOutline.read(try await shop.get("/news-sitemap.xml").body)
            #expect(news.texts("urlset/url/loc").count == 4)
            #expect(news.texts("urlset/url/news:news/news:title").count == 4)
            #expect(news.texts("urlset/url/news:news/news:publication/news:language").allSatisfy { $0 == "de" })
        }
    }

    @Test func articlesCarryCanonicalOpenGraphAndNewsArticleJSONLD() async throws {
        try await ShopFixture.run { shop in
            try await seeded(shop)
            let page = try await shop.get("/news/gold-silber-ratio").body
            #expect(page.contains("<link rel=\"canonical\" href=\"http://127.0.0.1:8080/news/gold-silber-ratio\""))
            #expect(page.contains("<meta property=\"og:title\" content=\"Gold &lt;&gt; Silber: das &quot;Ratio&quot; &amp; mehr\""))
            let start = try #require(page.range(of: "<script type=\"application/ld+json\">"))
            let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
            let json = String(page[start.upperBound..<end.lowerBound])
            #expect(!json.contains("<"))  // written as \u003c
            let data = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(data["@type"] as? String == "NewsArticle")
            #expect(data["headline"] as? String == "Gold <> Silber: das \"Ratio\" & mehr")
            #expect(data["datePublished"] as? String == "2026-11-27T09:59:00Z")
            #expect((data["publisher"] as? [String: Any])?["name"] as? String == "Tresor Edelmetalle")
        }
    }
}

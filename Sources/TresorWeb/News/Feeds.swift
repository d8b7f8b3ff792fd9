import Foundation
import TresorCore
import TresorServices

/// Atom and RSS 2.0 feeds of the news, the sitemap of every public page and the Google News sitemap.
/// Written as text with every value escaped; the tests read them back with an XML parser.
enum Feeds {
    static func x(_ text: String) -> String { Escape.attribute(text) }

    static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    /// `Fri, 27 Nov 2026 10:00:00 +0000` (RFC 822, as RSS wants it).
    static func rfc822(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }

    static func atom(_ articles: [Article], shop: String, base: String, now: Date) -> String {
        let updated = articles.map { max($0.updatedAt, $0.publishAt ?? $0.updatedAt) }.max() ?? now
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
            <id>\(x(base + "/news"))</id>
            <title>\(x(shop)) – News</title>
            <updated>\(iso(updated))</updated>
            <link rel="self" type="application/atom+xml" href="\(x(base + "/news/feed.atom"))"/>
            <link rel="alternate" type="text/html" href="\(x(base + "/news"))"/>
            <author><name>\(x(shop))</name></author>

            """
        for article in articles {
            let url = base + Page.news(.article(slug: article.slug)).path(.de)
            xml += """
                <entry>
                <id>\(x(url))</id>
                <title>\(x(article.title))</title>
                <link rel="alternate" type="text/html" href="\(x(url))"/>
                <published>\(iso(article.publishAt ?? article.updatedAt))</published>
                <updated>\(iso(max(article.updatedAt, article.publishAt ?? article.updatedAt)))</updated>
                <author><name>\(x(article.author))</name></author>
                <category term="\(x(article.category))"/>
                <summary>\(x(article.teaser))</summary>
                </entry>

                """
        }
        return xml + "</feed>\n"
    }

    static func rss(_ articles: [Article], shop: String, base: String, now: Date) -> String {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
            <channel>
            <title>\(x(shop)) – News</title>
            <link>\(x(base + "/news"))</link>
            <description>\(x(CustomerText.newsLead(.de)))</description>
            <language>de</language>
            <lastBuildDate>\(rfc822(now))</lastBuildDate>
            <atom:link href="\(x(base + "/news/feed.rss"))" rel="self" type="application/rss+xml"/>

            """
        for article in articles {
            let url = base + Page.news(.article(slug: article.slug)).path(.de)
            xml += """
                <item>
                <title>\(x(article.title))</title>
                <link>\(x(url))</link>
                <guid isPermaLink="true">\(x(url))</guid>
                <pubDate>\(rfc822(article.publishAt ?? article.updatedAt))</pubDate>
                <description>\(x(article.teaser))</description>
                <category>\(x(article.category))</category>
                </item>

                """
        }
        return xml + "</channel>\n</rss>\n"
    }

    /// Every public page in both languages: shop pages, products, news, articles, categories and topics.
    static func sitemap(pages: [Page], articles: [Article], base: String) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages {
            for lang in Language.allCases {
                xml += "<url><loc>\(x(base + page.path(lang)))</loc></url>\n"
            }
        }
        for article in articles {
            let modified = iso(max(article.updatedAt, article.publishAt ?? article.updatedAt))
            xml += "<url><loc>\(x(base + Page.news(.article(slug: article.slug)).path(.de)))</loc><lastmod>\(modified)</lastmod></url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// Articles of the last two days, as Google News wants them.
    static func newsSitemap(_ articles: [Article], shop: String, base: String) -> String {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">

            """
        for article in articles {
            xml += """
                <url><loc>\(x(base + Page.news(.article(slug: article.slug)).path(.de)))</loc>
                <news:news><news:publication><news:name>\(x(shop))</news:name><news:language>de</news:language></news:publication>
                <news:publication_date>\(iso(article.publishAt ?? article.updatedAt))</news:publication_date>
                <news:title>\(x(article.title))</news:title></news:news></url>

                """
        }
        return xml + "</urlset>\n"
    }
}

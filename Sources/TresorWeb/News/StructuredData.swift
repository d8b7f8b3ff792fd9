import Foundation
import Plot
import TresorCore
import TresorServices

/// schema.org JSON-LD and Open Graph tags for pages that search engines and social networks read.
enum StructuredData {
    struct NewsArticle: Encodable {
        struct Party: Encodable {
            var type: String
            var name: String
            enum CodingKeys: String, CodingKey { case type = "@type", name }
        }
        var context = "https://schema.org"
        var type = "NewsArticle"
        var headline: String
        var description: String
        var datePublished: String
        var dateModified: String
        var author: Party
        var publisher: Party
        var mainEntityOfPage: String
        var image: [String]?
        var articleSection: String
        var keywords: String
        enum CodingKeys: String, CodingKey {
            case context = "@context", type = "@type", headline, description, datePublished, dateModified, author, publisher,
                 mainEntityOfPage, image, articleSection, keywords
        }
    }

    /// JSON for a `<script type="application/ld+json">`: `<` written as `\u003c`, so no text can end the element.
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "{}"
        return text.replacingOccurrences(of: "<", with: "\\u003c")
    }

    static func articleHead(_ article: TresorCore.Article, url: String, shop: String, baseURL: String) -> [Node<HTML.HeadContext>] {
        let published = article.publishAt.map { ISO8601DateFormatter().string(from: $0) } ?? ""
        let modified = ISO8601DateFormatter().string(from: max(article.updatedAt, article.publishAt ?? article.updatedAt))
        let image = article.heroImage.map { $0.hasPrefix("/") ? baseURL + $0 : $0 }
        let data = NewsArticle(headline: article.title, description: article.teaser, datePublished: published, dateModified: modified,
                               author: .init(type: "Person", name: article.author), publisher: .init(type: "Organization", name: shop),
                               mainEntityOfPage: url, image: image.map { [$0] }, articleSection: article.category,
                               keywords: article.tags.joined(separator: ", "))
        var head: [Node<HTML.HeadContext>] = [
            .meta(.attr("property", "og:type"), .attr("content", "article")),
            .meta(.attr("property", "og:title"), .attr("content", article.title)),
            .meta(.attr("property", "og:description"), .attr("content", article.teaser)),
            .meta(.attr("property", "og:url"), .attr("content", url)),
            .meta(.attr("property", "og:site_name"), .attr("content", shop)),
            .meta(.attr("property", "article:published_time"), .attr("content", published)),
            .meta(.attr("property", "article:modified_time"), .attr("content", modified)),
        ]
        if let image { head.append(.meta(.attr("property", "og:image"), .attr("content", image))) }
        head.append(.script(.attr("type", "application/ld+json"), .raw(json(data))))
        return head
    }
}

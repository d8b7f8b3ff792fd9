import Foundation
import Plot
import TresorCore
import TresorServices

/// The news index (also per category and topic) and the article page.
enum NewsView {
    static func index(_ articles: [TresorCore.Article], heading: String, page: Int, pages: Int, _ context: PageContext) -> String {
        let lang = context.language
        let here = context.page.path(lang)
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(heading)),
            .p(.attr("class", "lead"), .text(CustomerText.newsLead(lang))),
            searchForm("", lang),
            articles.isEmpty ? .p(.text(CustomerText.newsEmpty(lang))) : .ul(
                .attr("class", "news-list"),
                .forEach(articles) { article in
                    .li(.article(
                        .p(.attr("class", "news-meta"), .text(meta(article, lang))),
                        .h2(.a(.attr("href", Page.news(.article(slug: article.slug)).path(lang)), .text(article.title))),
                        .p(.text(article.teaser))))
                }),
            .nav(.attr("class", "pager"), .attr("aria-label", "Pages"),
                 .if(page > 1, .a(.attr("rel", "prev"), .attr("href", here + (page == 2 ? "" : "?seite=\(page - 1)")),
                                  .text(Text.pagePrevious(lang)))),
                 .if(pages > 1, .span(.text(Text.pageOf(lang, String(page), String(pages))))),
                 .if(page < pages, .a(.attr("rel", "next"), .attr("href", here + "?seite=\(page + 1)"), .text(Text.pageNext(lang)))))
        )
        return Layout.render(context, title: heading, description: CustomerText.newsLead(lang), main: main)
    }

    static func searchForm(_ query: String, _ lang: Language) -> Node<HTML.BodyContext> {
        .form(.attr("method", "get"), .attr("action", Page.news(.search).path(lang)), .attr("class", "news-search"), .attr("role", "search"),
              .input(.attr("type", "search"), .attr("name", "q"), .attr("value", query), .attr("maxlength", "200"),
                     .attr("aria-label", CustomerText.newsSearch(lang)), .attr("placeholder", CustomerText.newsSearch(lang))),
              .button(.attr("type", "submit"), .text(CustomerText.newsSearchButton(lang))))
    }

    static func search(_ query: String, hits: [ArticleHit], _ context: PageContext) -> String {
        let lang = context.language
        let heading = query.isEmpty ? CustomerText.newsSearch(lang) : CustomerText.newsSearchResults(lang, query)
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(heading)),
            searchForm(query, lang),
            hits.isEmpty && !query.isEmpty ? .p(.text(CustomerText.newsSearchNone(lang))) : .ul(
                .attr("class", "news-list"),
                .forEach(hits) { hit in
                    .li(.article(
                        .p(.attr("class", "news-meta"), .text(meta(hit.article, lang))),
                        .h2(.a(.attr("href", Page.news(.article(slug: hit.article.slug)).path(lang)), .text(hit.article.title))),
                        .p(.attr("class", "snippet"), snippet(hit.snippet))))
                })
        )
        return Layout.render(context, title: heading, main: main)
    }

    /// The snippet as text nodes, with the matches in `<mark>`: Plot escapes the text, nothing is raw.
    static func snippet(_ text: String) -> Node<HTML.BodyContext> {
        var nodes: [Node<HTML.BodyContext>] = []
        for (index, part) in text.components(separatedBy: ArticleHit.markStart).enumerated() {
            if index == 0 {
                nodes.append(.text(part))
                continue
            }
            let pieces = part.components(separatedBy: ArticleHit.markEnd)
            nodes.append(.element(named: "mark", nodes: [.text(pieces[0])]))
            nodes.append(.text(pieces.dropFirst().joined()))
        }
        return .group(nodes)
    }

    /// `17.06.2025 06:02 Uhr · Marktbericht`
    static func meta(_ article: TresorCore.Article, _ lang: Language) -> String {
        [article.publishAt.map { Format.dateTime($0, lang) }, article.category].compactMap { $0 }.joined(separator: " · ")
    }

    static func article(_ article: TresorCore.Article, body: String, related: [TresorCore.Article], _ context: PageContext) -> String {
        let lang = context.language
        let main: Node<HTML.BodyContext> = .article(
            .attr("class", "news-article"),
            .header(
                .p(.attr("class", "news-meta"),
                   .element(named: "time", nodes: [.attr("datetime", article.publishAt.map { ISO8601DateFormatter().string(from: $0) } ?? ""),
                                                    .text(article.publishAt.map { Format.dateTime($0, lang) } ?? "")]),
                   .text(" · " + CustomerText.newsBy(lang, article.author) + " · "),
                   .a(.attr("href", Page.news(.category(article.category)).path(lang)), .text(article.category))),
                .h1(.text(article.title)),
                .p(.attr("class", "lead"), .text(article.teaser))),
            .div(.attr("class", "prose"), .raw(body)),
            .if(!article.tags.isEmpty, .p(.attr("class", "tags"), .text(CustomerText.newsTopics(lang) + ": "),
                                          .forEach(article.tags) { tag in
                                              .group(.a(.attr("href", Page.news(.tag(tag)).path(lang)), .text(tag)), .text(" "))
                                          })),
            .section(.attr("class", "newsletter under-article"), .h2(.text(Text.footerNewsletter(lang))),
                     Layout.newsletterForm(context, id: "article")),
            .if(!related.isEmpty, .aside(
                .attr("class", "related"),
                .h2(.text(CustomerText.newsRelated(lang))),
                .ul(.forEach(related) { other in
                    .li(.a(.attr("href", Page.news(.article(slug: other.slug)).path(lang)), .text(other.title)),
                        .small(.text(" " + meta(other, lang))))
                })))
        )
        let url = context.baseURL + Page.news(.article(slug: article.slug)).path(lang)
        return Layout.render(context, title: article.title, description: article.teaser,
                             head: StructuredData.articleHead(article, url: url, shop: context.shop.name, baseURL: context.baseURL),
                             main: main)
    }
}

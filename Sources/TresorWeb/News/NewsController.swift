import Foundation
import Hummingbird
import NIOCore
import TresorCore
import TresorServices

/// The news desk's public side: the index, category and topic pages, and each article with related reading.
struct NewsController: Sendable {
    let site: SiteContext
    static let perPage = 10

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get("/news/feed.atom") { _, _ in try await self.feed(atom: true) }
        group.get("/news/feed.rss") { _, _ in try await self.feed(atom: false) }
        group.get("/sitemap.xml") { _, _ in try await self.sitemap() }
        group.get("/news-sitemap.xml") { _, _ in try await self.newsSitemap() }
        group.get(.news(.index)) { request, _, lang in try await self.index(request, lang, filter: nil) }
        group.get(.news(.search)) { request, _, lang in try await self.search(request, lang) }
        group.get(.news(.article(slug: ":slug"))) { request, context, lang in try await self.article(request, context, lang) }
        group.get(.news(.category(":name"))) { request, context, lang in
            try await self.index(request, lang, filter: .news(.category(try Self.name(context))))
        }
        group.get(.news(.tag(":name"))) { request, context, lang in
            try await self.index(request, lang, filter: .news(.tag(try Self.name(context))))
        }
    }

    static func xml(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type + "; charset=utf-8", .cacheControl: "public, max-age=300"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    func feed(atom: Bool) async throws -> Response {
        let now = site.now()
        let articles = try await site.shop.news.published(now: now, limit: 20)
        return atom ? Self.xml(Feeds.atom(articles, shop: site.config.name, base: site.baseURL, now: now), type: "application/atom+xml")
                    : Self.xml(Feeds.rss(articles, shop: site.config.name, base: site.baseURL, now: now), type: "application/rss+xml")
    }

    func sitemap() async throws -> Response {
        let now = site.now()
        let articles = try await site.shop.news.published(now: now, limit: 50_000)
        let (categories, tags) = (Set(articles.map(\.category)).sorted(), Set(articles.flatMap(\.tags)).sorted())
        var pages: [Page] = [.shop(.home), .shop(.catalogue(nil))] + Metal.allCases.map { .shop(.catalogue($0)) } + [.shop(.charts), .news(.index), .shop(.reportingDuties)]
        pages += site.board.snapshot.products.map { .shop(.product(slug: $0.slug)) }
        pages += categories.map { .news(.category($0)) } + tags.map { .news(.tag($0)) } + [Page.shop(.sellBack)] + LegalPage.allCases.map { Page.shop(.legal($0)) }
        return Self.xml(Feeds.sitemap(pages: pages, articles: articles, base: site.baseURL), type: "application/xml")
    }

    func newsSitemap() async throws -> Response {
        let now = site.now()
        let recent = try await site.shop.news.published(now: now, limit: 1_000)
            .filter { ($0.publishAt ?? .distantPast) > now.addingTimeInterval(-2 * 86_400) }
        return Self.xml(Feeds.newsSitemap(recent, shop: site.config.name, base: site.baseURL), type: "application/xml")
    }

    static func name(_ context: TresorRequestContext) throws -> String {
        guard let raw = context.parameters.get("name"), let name = raw.removingPercentEncoding, !name.isEmpty else {
            throw PageError.notFound
        }
        return name
    }

    func index(_ request: Request, _ lang: Language, filter: Page?) async throws -> Response {
        let pageText = request.formQuery.first { $0.name == "seite" || $0.name == "page" }?.value ?? "1"
        guard let page = Int(pageText), (1...10_000).contains(page) else {
            throw PageError.badParameter(InvalidParameter(name: "seite", value: pageText))
        }
        let category: String? = if case .news(.category(let name)) = filter { name } else { nil }
        let tag: String? = if case .news(.tag(let name)) = filter { name } else { nil }
        // Keyed by path and page number only, so made-up query parameters cannot fill the cache.
        return try await site.cachedNewsPage(request, key: "\(request.uri.path)?\(page)", filter ?? .news(.index)) { context in
            let (articles, total) = try await site.shop.news.page(now: context.now, category: category, tag: tag, limit: Self.perPage,
                                                                  offset: (page - 1) * Self.perPage)
            if filter != nil && total == 0 { throw PageError.notFound }
            let pages = max(1, (total + Self.perPage - 1) / Self.perPage)
            guard page <= pages else { throw PageError.notFound }
            let heading = category.map { CustomerText.newsCategory(lang, $0) } ?? tag.map { CustomerText.newsTopic(lang, $0) }
                ?? CustomerText.newsTitle(lang)
            return NewsView.index(articles, heading: heading, page: page, pages: pages, context)
        }
    }

    func search(_ request: Request, _ lang: Language) async throws -> Response {
        let query = (request.formQuery.first { $0.name == "q" }?.value ?? "").trimmingCharacters(in: .whitespaces)
        // What someone looks for may contain any text, `<` too (it is shown escaped); not a page of it, nor control characters.
        guard TextInput.isLine(query, maxCharacters: 200) else {
            throw PageError.badParameter(InvalidParameter(name: "q", value: String(query.prefix(40))))
        }
        let now = site.now()
        let hits = query.isEmpty ? [] : try await site.shop.news.search(query, now: now)
        return try await site.html(request, NewsView.search(query, hits: hits, site.pageContext(request, .news(.search))))
    }

    func article(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        let slug = context.parameters.get("slug") ?? ""
        return try await site.cachedNewsPage(request, key: request.uri.path, .news(.article(slug: slug))) { page in
            guard let (article, related) = try await site.shop.news.article(slug: slug, now: page.now) else { throw PageError.notFound }
            let body = SafeMarkdown(ownHost: URL(string: site.baseURL)?.host).html(article.body)
            return NewsView.article(article, body: body, related: related, page)
        }
    }
}

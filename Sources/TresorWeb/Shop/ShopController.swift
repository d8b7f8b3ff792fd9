import Foundation
import Hummingbird
import TresorCore

/// Home, catalogue, product and the plain info pages, in German and under `/en` in English.
struct ShopController: Sendable {
    let site: SiteContext

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.shop(.home)) { request, _, lang in try await self.home(request, lang) }
        for metal in [nil] + Metal.allCases {
            group.get(.shop(.catalogue(metal))) { request, _, lang in try await self.catalogue(request, lang, metal: metal) }
        }
        group.get(.shop(.product(slug: ":slug"))) { request, context, lang in try await self.product(request, context, lang) }
        group.get(.shop(.productImage(name: ":name"))) { _, context, _ in
            // Named by the SHA-256 of its bytes: the same address never serves another picture, so caches keep it.
            guard let name = context.parameters.get("name"), let image = site.shop.catalogue.image(named: name) else { throw PageError.notFound }
            return Response(status: .ok, headers: [.contentType: image.contentType, .cacheControl: "public, max-age=31536000, immutable"],
                            body: .init(byteBuffer: ByteBuffer(bytes: image.bytes)))
        }
        group.get(.shop(.reportingDuties)) { request, _, _ in
            try await self.site.html(request, InfoPages.reportingDuties(self.site.pageContext(request, .shop(.reportingDuties))))
        }
        for page in LegalPage.allCases {
            group.get(.shop(.legal(page))) { request, _, lang in
                let text = try await self.site.shop.legal.text(page, lang)
                let html = LegalPageView.render(page, text: self.site.shop.legal.html(text), settings: self.site.shop.dealer.current,
                                                self.site.pageContext(request, .shop(.legal(page))))
                return try await self.site.html(request, html)
            }
        }
    }

    func home(_ request: Request, _ lang: Language) async throws -> Response {
        let jobs = try await site.jobBoard.open(site.careers, now: site.now())
        return try await site.cachedPage(request, .shop(.home)) { context, snapshot in HomePage.render(snapshot, jobs: jobs, context) }
    }

    func catalogue(_ request: Request, _ lang: Language, metal: Metal?) async throws -> Response {
        var query: CatalogueQuery
        do { query = try CatalogueQuery.parse(request.formQuery) } catch { throw PageError.badParameter(error) }
        if let metal {
            // On a metal's own page the metal is fixed by the address.
            if let asked = query.metal, asked != metal {
                throw PageError.badParameter(InvalidParameter(name: "metal", value: asked.code))
            }
            query.metal = metal
        }
        return try await site.cachedPage(request, .shop(.catalogue(metal))) { context, snapshot in
            let page = snapshot.query(query, now: context.now)
            return CatalogueView.render(page, query: query, metal: metal, mints: snapshot.mints(of: metal), context)
        }
    }

    func product(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        let slug = context.parameters.get("slug") ?? ""
        guard let product = site.board.snapshot.product(slug: slug) else { throw PageError.notFound }
        return try await site.cachedPage(request, .shop(.product(slug: product.slug))) { context, snapshot in
            ProductView.render(snapshot.priced(snapshot.product(slug: slug) ?? product, now: context.now), context)
        }
    }
}

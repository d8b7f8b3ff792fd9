import Foundation
import Hummingbird
import TresorCore
import TresorServices
import TresorStore

/// What controllers share: the price board, the database, the clock and how to frame a page.
struct SiteContext: Sendable {
    let board: PriceBoard
    let database: Database
    let shop: ShopConfig
    let now: @Sendable () -> Date
    let demoPrices: Bool
    let assets: Assets
    let orders: OrderDesk
    let quotes: QuoteDesk
    let bank: BankDetails
    let pages = PageCache()

    /// A shop page that depends only on the address and the price board, rendered once per tick.
    func cachedPage(_ request: Request, _ page: Page, render: (PageContext, CatalogueSnapshot) throws -> String) throws -> Response {
        let (snapshot, generation) = board.current
        let context = pageContext(request, page, snapshot: snapshot)
        var staleMetals = 0
        for (bit, metal) in Metal.allCases.enumerated() where !snapshot.isFresh(metal, now: context.now) { staleMetals |= 1 << bit }
        let body = try pages.page(request.uri.description, generation: generation, staleMetals: staleMetals) {
            try render(context, snapshot)
        }
        return Response(status: .ok, headers: HTMLResponse.headers, body: .init(byteBuffer: body))
    }

    func pageContext(_ request: Request, _ page: Page, snapshot: CatalogueSnapshot? = nil) -> PageContext {
        let now = now()
        let snapshot = snapshot ?? board.snapshot
        return PageContext(language: request.language, page: page, shop: shop, now: now,
                           staleFeed: snapshot.anyStale(now: now), demoPrices: demoPrices,
                           stylesheetPath: assets.stylesheet.path, scriptPath: assets.script.path)
    }
}

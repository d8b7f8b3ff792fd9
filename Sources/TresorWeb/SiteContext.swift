import Foundation
import Hummingbird
import NIOCore
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
    let accounts: CustomerAccounts
    let sessions: Sessions
    let secrets: SecretCache
    /// Cookies carry `Secure` when the shop's base URL is HTTPS.
    let secureCookies: Bool
    /// The shop's public address, e.g. `https://www.tresor.example`.
    let baseURL: String
    let pages = PageCache()

    /// A shop page that depends only on the address and the price board, rendered once per tick.
    /// `formToken` replaces the token placeholder of a cached form with this visitor's own.
    func cachedPage(_ request: Request, _ page: Page, formToken: String? = nil,
                    render: (PageContext, CatalogueSnapshot) throws -> String) throws -> Response {
        let (snapshot, generation) = board.current
        let context = pageContext(request, page, snapshot: snapshot)
        var staleMetals = 0
        for (bit, metal) in Metal.allCases.enumerated() where !snapshot.isFresh(metal, now: context.now) { staleMetals |= 1 << bit }
        var body = try pages.page(request.uri.description, generation: generation, staleMetals: staleMetals) {
            try render(context, snapshot)
        }
        if let formToken, let range = body.readableBytesView.firstRange(of: CSRF.placeholderBytes) {
            let start = range.lowerBound - body.readableBytesView.startIndex
            var filled = ByteBuffer()
            filled.reserveCapacity(body.readableBytes + formToken.utf8.count)
            filled.writeImmutableBuffer(body.getSlice(at: body.readerIndex, length: start) ?? ByteBuffer())
            filled.writeString(formToken)
            let after = start + CSRF.placeholderBytes.count
            filled.writeImmutableBuffer(body.getSlice(at: body.readerIndex + after, length: body.readableBytes - after) ?? ByteBuffer())
            body = filled
        }
        return Response(status: .ok, headers: HTMLResponse.headers, body: .init(byteBuffer: body))
    }

    func pageContext(_ request: Request, _ page: Page, snapshot: CatalogueSnapshot? = nil) -> PageContext {
        let now = now()
        let snapshot = snapshot ?? board.snapshot
        return PageContext(language: request.language, page: page, shop: shop, now: now,
                           staleFeed: snapshot.anyStale(now: now), demoPrices: demoPrices,
                           stylesheetPath: assets.stylesheet.path, scriptPath: assets.script.path, baseURL: baseURL)
    }
}

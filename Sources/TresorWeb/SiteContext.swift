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

    func pageContext(_ request: Request, _ page: Page) -> PageContext {
        let now = now()
        return PageContext(language: request.language, page: page, shop: shop, now: now,
                           staleFeed: board.snapshot.anyStale(now: now), demoPrices: demoPrices,
                           stylesheetPath: assets.stylesheet.path, scriptPath: assets.script.path)
    }
}

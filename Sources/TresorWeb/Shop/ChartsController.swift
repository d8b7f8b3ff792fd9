import Foundation
import Hummingbird
import TresorCore

/// The charts page: stored ticks per metal, downsampled in the database.
struct ChartsController: Sendable {
    let site: SiteContext

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.shop(.charts)) { request, _, _ in try await self.charts(request) }
    }

    func charts(_ request: Request) async throws -> Response {
        var range = ChartRange.day
        for (name, value) in request.formQuery where name == "range" {
            guard let parsed = ChartRange(rawValue: value) else {
                throw PageError.badParameter(InvalidParameter(name: "range", value: value))
            }
            range = parsed
        }
        let context = site.pageContext(request, .shop(.charts))
        let histories = try await site.shop.spot.history(range: range, now: context.now)
        return try await site.html(request, ChartsPage.render(range: range, histories: histories, demo: site.demoPrices, context))
    }
}

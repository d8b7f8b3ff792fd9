import Foundation
import Hummingbird
import TresorServices

/// The visitor's session and the account behind it, on the areas that use them (cart and checkout, orders, the
/// account): one lookup before the handler, none on the rest of the shop.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = TresorRequestContext
    let sessions: Sessions
    let now: @Sendable () -> Date

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let cookie = request.cookie(Visitor.sessionCookie), let found = try await sessions.visitor(cookie: cookie, now: now()) {
            context.visitor.session = found.session
            context.visitor.customer = found.customer
        }
        return try await next(request, context)
    }
}

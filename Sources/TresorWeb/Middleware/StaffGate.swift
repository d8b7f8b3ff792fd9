import Foundation
import Hummingbird
import TresorCore
import TresorServices

/// The one guard of the back office, on its route group: without a live session every page answers 303 to the
/// sign-in page; a member who must replace a one-time password goes to that form first; a role the permission
/// table does not allow for the page gets 403. Routes not in `BackOfficePage.all` are refused.
struct StaffGate: RouterMiddleware {
    typealias Context = TresorRequestContext
    let site: SiteContext
    let permissions: [String: StaffPermission]

    static let cookie = "tresor_staff"

    init(site: SiteContext) {
        self.site = site
        var permissions: [String: StaffPermission] = [:]
        for page in BackOfficePage.all {
            guard let permission = page.permission else { continue }
            for lang in Language.allCases { permissions[RouterPath(Page.backOffice(page).pattern(lang)).description] = permission }
        }
        self.permissions = permissions
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let lang = request.language
        guard let cookie = request.cookie(Self.cookie), let session = try await site.shop.staff.session(cookie: cookie, now: site.now()) else {
            let back = request.method == .get ? "?next=" + Escape.percent(request.uri.path) : ""
            return Response(status: .seeOther, headers: [.location: Page.backOffice(.login).path(lang) + back, .cacheControl: "no-store"])
        }
        let route = context.endpointPath ?? ""
        if session.mustChangePassword, route != Self.pattern(.password, lang), route != Self.pattern(.logout, lang) {
            return Response(status: .seeOther, headers: [.location: Page.backOffice(.password).path(lang), .cacheControl: "no-store"])
        }
        guard let permission = permissions[route], session.member.role.may(permission) else { throw PageError.forbidden }
        var context = context
        context.staff = session
        return try await next(request, context)
    }

    static func pattern(_ page: BackOfficePage, _ lang: Language) -> String { RouterPath(Page.backOffice(page).pattern(lang)).description }
}

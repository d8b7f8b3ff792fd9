import Foundation
import Hummingbird
import Logging
import OpenAPIHummingbird
import ServiceLifecycle
import TresorCore
import TresorServices

/// Builds the whole web application; `tresor serve` and the tests both start here.
/// `services` run beside the server (price feed, board refresh) and stop with it.
public func buildApplication(_ deps: WebDependencies, services: [any Service] = []) throws -> some ApplicationProtocol {
    let router = try buildRouter(deps)
    return Application(
        router: router,
        configuration: .init(address: .hostname(deps.config.host, port: deps.config.port), serverName: "Tresor"),
        services: services,
        logger: deps.logger
    )
}

/// The router with every route and middleware, for the application and for tests.
public func buildRouter(_ deps: WebDependencies) throws -> Router<TresorRequestContext> {
    let assets = try Assets.load()
    let site = SiteContext(deps, assets: assets, secureCookies: deps.config.baseURL.hasPrefix("https://"))
    // HEAD is answered like GET without the body, so monitors and link checkers see the real status.
    let router = Router(context: TresorRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: SecurityHeadersMiddleware(https: deps.config.baseURL.hasPrefix("https://")))
    router.add(middleware: ErrorPageMiddleware(site: site))
    // Who is asking, for every route: the client's address and the visitor's form-token nonce.
    router.add(middleware: WhoIsAsking(trustedProxies: deps.config.trustedProxies))
    router.add(middleware: APIMethodGuard(spec: String(buffer: APIHandler.spec)))

    router.get(RouterPath(assets.stylesheet.path)) { _, _ in assets.stylesheet.response() }
    router.get(RouterPath(assets.script.path)) { _, _ in assets.script.response() }
    router.get(RouterPath(assets.icon.path)) { _, _ in assets.icon.response() }
    router.get("/favicon.ico") { _, _ in assets.icon.response() }

    // One route group per area; each area's guards sit once on its group. Reading the shop needs no session,
    // so only the areas that use one look it up.
    let session = SessionMiddleware(sessions: deps.shop.sessions, now: deps.now)
    func area(session withSession: Bool = false, forms: [FormRule] = []) -> RouterGroup<TresorRequestContext> {
        let group = router.group()
        if withSession { group.add(middleware: session) }
        if !forms.isEmpty { group.add(middleware: FormGuard(forms, site: site)) }
        return group
    }

    let shop = area()
    ShopController(site: site).addRoutes(to: shop)
    ChartsController(site: site).addRoutes(to: shop)
    // A stream looks at this instance's board four times a second: a new price reaches the browser within a second.
    LiveController(site: site, pollInterval: .milliseconds(250)).addRoutes(to: shop)

    let cart = CartController(site: site)
    let checkout = CheckoutController(site: site, cart: cart)
    let buying = area(session: true, forms: cart.forms + checkout.forms)
    cart.addRoutes(to: buying)
    checkout.addRoutes(to: buying)
    OrderPagesController(site: site).addRoutes(to: area(session: true))
    let selling = SellBackController(site: site)
    selling.addRoutes(to: area(session: true, forms: selling.forms))

    let account = AccountController(site: site)
    account.addRoutes(to: area(session: true, forms: account.forms))
    let priceAlerts = PriceAlertsController(site: site)
    priceAlerts.addRoutes(to: area(session: true, forms: priceAlerts.forms))

    NewsController(site: site).addRoutes(to: area())
    let newsletter = NewsletterController(site: site)
    newsletter.addRoutes(to: area(forms: newsletter.forms))
    let careers = CareersController(site: site)
    careers.addRoutes(to: area(forms: careers.forms))
    let contact = ContactController(site: site)
    contact.addRoutes(to: area(forms: contact.forms))

    addBackOffice(to: router, site: site) { session, forms in area(session: session, forms: forms) }

    HealthController(site: site, metrics: deps.metrics, token: deps.config.metrics.token).addRoutes(to: area())
    let api = area()
    api.add(middleware: APIRequestGuard(bodyLimit: deps.config.apiBodyLimit))
    try APIHandler(site: site).addRoutes(to: api)
    return router
}

/// The metrics on a listener of their own (`TRESOR_METRICS_HOST`:`TRESOR_METRICS_PORT`), for a scraper on a private
/// network; nil when no port is configured. It serves `/metrics` and nothing else.
public func buildMetricsApplication(_ deps: WebDependencies) throws -> (any Service)? {
    guard let port = deps.config.metrics.port else { return nil }
    let assets = try Assets.load()
    let site = SiteContext(deps, assets: assets, secureCookies: false)
    let router = Router(context: TresorRequestContext.self)
    let health = HealthController(site: site, metrics: deps.metrics, token: "")
    router.get("/metrics") { _, _ in health.exposition() }
    return Application(router: router, configuration: .init(address: .hostname(deps.config.metrics.host, port: port), serverName: "Tresor"),
                       logger: deps.logger)
}

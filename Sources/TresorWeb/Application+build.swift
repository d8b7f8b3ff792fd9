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
    let site = SiteContext(shop: deps.shop, config: deps.config.shop, now: deps.now, demoPrices: deps.demoPrices, assets: assets,
                           bank: deps.config.bank, secureCookies: deps.config.baseURL.hasPrefix("https://"), baseURL: deps.config.baseURL,
                           applicationRetention: deps.config.careers.retentionMonths,
                           newsEdition: NewsEdition(recheck: deps.config.boardRefresh))
    // HEAD is answered like GET without the body, so monitors and link checkers see the real status.
    let router = Router(context: TresorRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorPageMiddleware(site: site))
    router.add(middleware: ClientAddressMiddleware(trustedProxies: deps.config.trustedProxies))

    router.get(RouterPath(assets.stylesheet.path)) { _, _ in assets.stylesheet.response() }
    router.get(RouterPath(assets.script.path)) { _, _ in assets.script.response() }
    ShopController(site: site).addRoutes(to: router)
    let cart = CartController(site: site)
    cart.addRoutes(to: router)
    CheckoutController(site: site, cart: cart).addRoutes(to: router)
    OrderPagesController(site: site).addRoutes(to: router)
    AccountController(site: site).addRoutes(to: router)
    NewsController(site: site).addRoutes(to: router)
    NewsletterController(site: site).addRoutes(to: router)
    CareersController(site: site).addRoutes(to: router)
    ContactController(site: site).addRoutes(to: router)
    ChartsController(site: site).addRoutes(to: router)
    LiveController(site: site, pollInterval: .seconds(1)).addRoutes(to: router)
    HealthController(site: site, metrics: deps.metrics).addRoutes(to: router)
    try APIHandler(site: site).addRoutes(to: router)
    return router
}

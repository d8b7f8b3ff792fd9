import Foundation
import Hummingbird
import NIOCore
import Synchronization
import TresorCore
import TresorServices

/// What controllers share: the shop's services, the clock and how to frame a page. A class: every controller, and
/// the API handler the generated code copies per request, holds one reference instead of a retain per field.
final class SiteContext: Sendable {
    let shop: Shop
    /// The configured shop; what the dealer changes in the back office is laid over it in `config`.
    let baseConfig: ShopConfig
    let now: @Sendable () -> Date
    let demoPrices: Bool
    let assets: Assets
    /// Cookies carry `Secure` when the shop's base URL is HTTPS.
    let secureCookies: Bool
    /// The shop's public address, e.g. `https://www.tresor.example`.
    let baseURL: String
    /// Months applications are kept; the form says so.
    let applicationRetention: Int
    /// The open positions for the home page's teaser, read at most once a minute.
    let jobBoard = JobBoard()
    /// The consent text the forms show; read from the database at the first sign-up and when it changed.
    let consent = ConsentCache()
    let csrf = CSRFSigner()
    /// How many uploads were parsed: only after their form's token was checked.
    let uploadsParsed: WorkCounter
    let pages = EditionCache<ShopEdition, TokenSlots>()
    let newsPages = EditionCache<NewsPageEdition, TokenSlots>()
    /// How often the news pages look for articles saved elsewhere.
    let newsEdition: NewsEdition

    init(_ deps: WebDependencies, assets: Assets, secureCookies: Bool) {
        shop = deps.shop
        baseConfig = deps.config.shop
        now = deps.now
        demoPrices = deps.demoPrices
        self.assets = assets
        self.secureCookies = secureCookies
        baseURL = deps.config.baseURL
        applicationRetention = deps.config.careers.retentionMonths
        newsEdition = NewsEdition(recheck: deps.config.boardRefresh)
        uploadsParsed = deps.uploadsParsed
    }

    /// The shop as pages show it now: the configuration with the dealer's current trust header, hotline and hours.
    var config: ShopConfig {
        var config = baseConfig
        let dealer = shop.dealer.current
        config.badges = dealer.trustBadges
        config.customers = dealer.customers
        config.hotline = dealer.hotline
        config.hoursDE = dealer.hoursDE
        config.hoursEN = dealer.hoursEN
        return config
    }

    /// The account customers pay to, as the dealer's settings name it now.
    var bank: BankDetails {
        let dealer = shop.dealer.current
        var bank = BankDetails()
        bank.holder = dealer.bankHolder
        bank.iban = dealer.iban
        bank.bic = dealer.bic
        return bank
    }

    var board: PriceBoard { shop.board }
    var orders: OrderDesk { shop.orders }
    var accounts: CustomerAccounts { shop.accounts }
    var sessions: Sessions { shop.sessions }
    var newsletter: NewsletterDesk { shop.newsletter }
    var careers: CareersDesk { shop.careers }
    var consultation: ConsultationDesk { shop.consultation }

    /// A shop page that depends only on the address and the price board, rendered once per tick. The
    /// forms on it (add to cart, newsletter) get this visitor's token in place of the placeholder; that needs
    /// only the nonce cookie, no database.
    func cachedPage(_ request: Request, _ page: Page,
                    render: (PageContext, CatalogueSnapshot) throws -> String) async throws -> Response {
        let (snapshot, generation) = board.current
        let context = pageContext(request, page, snapshot: snapshot)
        let edition = ShopEdition(board: BoardEdition(snapshot, generation: generation, now: context.now),
                                  consentVersion: context.consent.version, settingsVersion: shop.dealer.version)
        let slots = try await pages.value(request.uri.description, edition: edition) { TokenSlots(try render(context, snapshot)) }
        return try await serve(slots, request)
    }

    /// A news page under `key`, rendered once per edition of the published articles; the render reads the
    /// database, serving it from the cache does not.
    func cachedNewsPage(_ request: Request, key: String, _ page: Page,
                        render: (PageContext) async throws -> String) async throws -> Response {
        let context = pageContext(request, page)
        let edition = NewsPageEdition(articles: try await newsEdition.current(shop.news, now: context.now),
                                      staleFeed: context.staleFeed, consentVersion: context.consent.version,
                                      settingsVersion: shop.dealer.version)
        let slots = try await newsPages.value(key, edition: edition) { TokenSlots(try await render(context)) }
        return try await serve(slots, request)
    }

    /// A cached page with the visitor's form token in its slots, and the nonce cookie if they had none.
    private func serve(_ slots: TokenSlots, _ request: Request) async throws -> Response {
        var visitor = Visitor(nonce: request.cookie(Visitor.nonceCookie))
        let body = slots.filled(with: try await formToken(&visitor, form: CSRF.pageForm))
        var response = Response(status: .ok, headers: HTMLResponse.headers, body: .init(byteBuffer: body))
        for cookie in visitor.cookies { response.setCookie(cookie) }
        return response
    }

    func pageContext(_ request: Request, _ page: Page, snapshot: CatalogueSnapshot? = nil) -> PageContext {
        let now = now()
        let snapshot = snapshot ?? board.snapshot
        return PageContext(language: request.language, page: page, shop: config, now: now,
                           staleFeed: snapshot.anyStale(now: now), demoPrices: demoPrices, demoShop: shop.dealer.current.isDemo,
                           stylesheetPath: assets.stylesheet.path, scriptPath: assets.script.path, baseURL: baseURL,
                           consent: consent.current)
    }
}

/// Open positions kept in memory for a minute: the home page shows them without a query per view.
final class JobBoard: Sendable {
    private let cached = Mutex<(jobs: [JobPosting], loadedAt: Date)?>(nil)

    func open(_ desk: CareersDesk, now: Date) async throws -> [JobPosting] {
        if let current = cached.withLock({ $0 }), now.timeIntervalSince(current.loadedAt) < 60, current.loadedAt <= now {
            return current.jobs
        }
        let jobs = try await desk.openJobs(now: now)
        cached.withLock { $0 = (jobs, now) }
        return jobs
    }
}

/// The current consent statement, kept in memory: shown on every page, so it is not read per request.
final class ConsentCache: Sendable {
    private let statement = Mutex(ConsentStatement.first(validFrom: .distantPast))
    var current: ConsentStatement { statement.withLock { $0 } }
    func update(_ new: ConsentStatement) { statement.withLock { $0 = new } }
}

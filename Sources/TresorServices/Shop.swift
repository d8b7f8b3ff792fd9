import Foundation
import Logging
import ServiceLifecycle
import TresorCore
import TresorStore

/// What the shop's services run with; the configuration (`AppConfig`) fills it in. Defaults live where the
/// configuration declares them, not here.
public struct ShopSettings: Sendable {
    public var mail: MailSettings
    /// The first values of what the dealer changes in the back office (seller, bank, shipping, terms, trust header).
    public var dealer: DealerSettings
    /// Orders without an account per client address and per e-mail address and hour; 0: no limit.
    public var guestOrdersPerHour: Int
    /// Days after the due date before an unpaid bank-transfer order is cancelled by the shop.
    public var cancellationGraceDays: Int
    public var policy: FeedPolicy
    /// bcrypt cost of customer and staff passwords.
    public var passwordCost: Int
    public var links: ShopLinks
    /// Where staff notices of applications and call-back requests go.
    public var staffMailbox: String
    /// The folder CVs are kept in, outside any served path.
    public var applicationStorage: String
    /// The folder product photos are kept in, outside any served path (the shop serves them by name).
    public var productImageStorage: String
    public var applicationRetentionMonths: Int
    /// Days over which a customer's transactions count together, and the house threshold for non-cash payments.
    public var linkWindowDays = OrderDesk.standardLinkWindowDays
    public var houseThreshold = HouseThresholdRule.standard
    /// Name similarity (Jaro-Winkler, 0–1) from which a sanctions match is raised.
    public var sanctionsThreshold = SanctionScreen.standardThreshold
    /// The accountant's export: DATEV accounts, Beraternummer and Mandantennummer.
    public var datevAccounts = DatevAccounts()
    public var datevConsultant = 1001
    public var datevClient = 1

    public init(mail: MailSettings, dealer: DealerSettings, guestOrdersPerHour: Int, cancellationGraceDays: Int, policy: FeedPolicy, passwordCost: Int, links: ShopLinks, staffMailbox: String,
                applicationStorage: String, applicationRetentionMonths: Int, productImageStorage: String) {
        self.mail = mail
        self.dealer = dealer
        self.guestOrdersPerHour = guestOrdersPerHour
        self.cancellationGraceDays = cancellationGraceDays
        self.policy = policy
        self.passwordCost = passwordCost
        self.links = links
        self.staffMailbox = staffMailbox
        self.applicationStorage = applicationStorage
        self.productImageStorage = productImageStorage
        self.applicationRetentionMonths = applicationRetentionMonths
    }
}

/// The absolute addresses of the shop's pages that mails link to, in the reader's language; the web layer,
/// which owns the route table, builds them.
public struct ShopLinks: Sendable {
    public var account: AccountLinks
    public var newsletter: NewsletterLinks
    public var article: @Sendable (_ slug: String, _ language: Language) -> String

    public init(account: AccountLinks, newsletter: NewsletterLinks, article: @escaping @Sendable (String, Language) -> String) {
        self.account = account
        self.newsletter = newsletter
        self.article = article
    }
}

/// The shop's services over one database: what every page, API operation and command calls. Nothing outside
/// this module reaches the database; each method owns its transaction.
public struct Shop: Sendable {
    let database: Database
    public let settings: ShopSettings
    /// This instance's priced catalogue, rebuilt when ticks or products change.
    public let board: PriceBoard
    public let spot: SpotDesk
    public let dealer: DealerSettingsDesk
    public let stock: StockDesk
    public let catalogue: CatalogueDesk
    public let orders: OrderDesk
    public let payments: PaymentDesk
    public let accounts: CustomerAccounts
    public let sessions: Sessions
    public let news: NewsDesk
    public let newsletter: NewsletterDesk
    public let campaigns: CampaignDesk
    public let careers: CareersDesk
    public let consultation: ConsultationDesk
    public let staff: StaffDirectory
    public let audit: AuditTrail
    public let invoices: InvoiceArchive
    /// Suspicious-activity cases and their dossiers.
    public let cases: ComplianceCases
    /// The EU sanctions list and the matches screening found.
    public let sanctions: SanctionsDesk
    /// Buying back from customers: sell quotes, checks, credit notes, payouts.
    public let buybacks: BuybackDesk
    /// Customers' price alerts.
    public let alerts: PriceAlerts
    public let legal: LegalPagesDesk
    public let accounting: AccountingExport
    public let limits: RateLimits
    public let keys: ServerKeys
    let logger: Logger

    public init(database: Database, settings: ShopSettings, logger: Logger) {
        let dealer = DealerSettingsDesk(database: database, initial: settings.dealer, logger: logger)
        var settings = settings
        settings.mail.dealer = dealer
        self.dealer = dealer
        self.database = database
        self.settings = settings
        self.logger = logger
        board = PriceBoard(database: database, policy: settings.policy, logger: logger)
        spot = SpotDesk(database: database, policy: settings.policy, logger: logger)
        stock = StockDesk(database: database)
        catalogue = CatalogueDesk(database: database, board: board, imageStorage: settings.productImageStorage)
        var orders = OrderDesk(database: database, board: board, dealer: dealer, mail: settings.mail, logger: logger)
        orders.guestOrdersPerHour = settings.guestOrdersPerHour
        orders.cancellationGraceDays = settings.cancellationGraceDays
        orders.linkWindowDays = settings.linkWindowDays
        orders.compliance = ComplianceEngine.germany(houseThreshold: settings.houseThreshold)
        let sanctions = SanctionsDesk(database: database, threshold: settings.sanctionsThreshold)
        orders.sanctions = sanctions
        self.sanctions = sanctions
        self.orders = orders
        buybacks = BuybackDesk(orders: orders)
        alerts = PriceAlerts(database: database, board: board, mail: settings.mail)
        payments = PaymentDesk(orders: orders)
        var accounts = CustomerAccounts(database: database, cost: UInt8(settings.passwordCost), mail: settings.mail,
                                        links: settings.links.account)
        accounts.sanctions = sanctions
        self.accounts = accounts
        sessions = Sessions(database: database, board: board)
        news = NewsDesk(database: database)
        newsletter = NewsletterDesk(database: database, mail: settings.mail, links: settings.links.newsletter)
        campaigns = CampaignDesk(database: database, mail: settings.mail, links: settings.links.newsletter,
                                 articleLink: settings.links.article)
        careers = CareersDesk(database: database, mail: settings.mail, staffAddress: settings.staffMailbox,
                              storage: settings.applicationStorage, retentionMonths: settings.applicationRetentionMonths)
        consultation = ConsultationDesk(database: database, mail: settings.mail, staffAddress: settings.staffMailbox)
        staff = StaffDirectory(database: database, passwords: accounts.passwords, issuer: settings.mail.shopName)
        audit = AuditTrail(database: database)
        invoices = InvoiceArchive(database: database)
        cases = ComplianceCases(database: database)
        legal = LegalPagesDesk(database: database, dealer: dealer)
        accounting = AccountingExport(database: database, accounts: settings.datevAccounts, consultant: settings.datevConsultant,
                                      client: settings.datevClient)
        limits = RateLimits(database: database)
        keys = ServerKeys(database: database)
    }

    /// Opens the database at `location` (its client runs only while `storage` runs) and sets the services up.
    public static func open(_ location: DatabaseLocation, settings: ShopSettings, logger: Logger) async throws -> Shop {
        Shop(database: try await Database.open(location, logger: logger), settings: settings, logger: logger)
    }

    /// The database as a service: the first a service group starts and the last it stops.
    public var storage: any Service { database }

    /// Runs `body` while the database runs, then stops it: the lifetime of a command.
    public func whileRunning<T: Sendable>(_ body: (Shop) async throws -> T) async throws -> T {
        try await database.whileRunning { _ in try await body(self) }
    }

    /// Forgets expired sessions, request counters and failed logins now (`tresor serve` does it every ten minutes).
    public func sweep(now: Date) async throws {
        try await Housekeeping(database: database, now: { now }, logger: logger).sweep()
    }

    /// Returns once the database service runs (services started beside it wait for this).
    public func storageStarted() async { await database.started() }

    /// Applies pending migrations and then loads the dealer's settings as stored (every start and command does this
    /// before it works); returns the migrations' ids.
    @discardableResult
    public func migrate() async throws -> [String] {
        // Instances started together migrate one after the other: the second finds nothing left to do.
        try await database.exclusively(Self.startupKey) { try await migrateNow() }
    }

    /// Advisory-lock key of start-up work (migrations, demo data).
    static let startupKey: Int64 = 0x7472_6573_6f72_02  // "tresor" + 2

    func migrateNow() async throws -> [String] {
        let applied = try await Migrator().migrate(database)
        try await invoices.adoptEarlier()
        // Orders placed before transactions were linked get their keys, in batches, so the window finds them too.
        while try await database.transaction({ sql in try await LinkedTransactionRepository(sql).backfill(limit: 500) }) > 0 {}
        try await dealer.refresh()
        return applied
    }

    /// Whether the database answers (for readiness checks).
    public func databaseReachable() async -> Bool {
        await database.answers()
    }

    /// Whether a failed request failed because the database is away or its disk is full (the shop answers 503).
    public func storeTrouble(behind error: any Error) async -> StoreTrouble? {
        await database.trouble(behind: error)
    }

    /// Loads the demo catalogue, articles and jobs into an empty shop, and a year of labelled demo history for the
    /// demo feed.
    public func seedDemo(feed: (any PriceFeed)?, now: Date) async throws {
        try await database.exclusively(Self.startupKey) { try await seedDemoNow(feed: feed, now: now) }
    }

    func seedDemoNow(feed: (any PriceFeed)?, now: Date) async throws {
        let seeder = Seeder(database: database, logger: logger)
        try await seeder.seedCatalogueIfEmpty(now: now)
        try await seeder.seedArticlesIfEmpty(now: now)
        try await seeder.seedJobsIfEmpty(now: now)
        if let demo = feed as? DemoFeed { try await seeder.backfillDemoHistoryIfEmpty(feed: demo, now: now) }
    }

    /// One poll of the feed and a board built from it, before the first page is served.
    public func primePrices(feed: any PriceFeed, now: @escaping @Sendable () -> Date) async throws {
        await FeedService(feed: feed, desk: spot, board: board, now: now, logger: logger).pollOnce()
        try await board.refresh()
    }

    /// Loads the demo catalogue into an empty database (with `variants` generated vintages for load tests);
    /// returns how many products it loaded.
    public func seedCatalogue(now: Date, variants: Int = 0) async throws -> Int {
        try await Seeder(database: database, logger: logger).seedCatalogueIfEmpty(now: now, variants: variants)
    }

    /// Sends campaigns at `pace` through `transport`.
    public func campaignSender(transport: any MailTransport, pace: CampaignSender.Pace, now: @escaping @Sendable () -> Date) -> CampaignSender {
        CampaignSender(database: database, transport: transport, mail: settings.mail, links: settings.links.newsletter, pace: pace,
                       now: now, logger: logger)
    }

    /// Reads delivery reports from a Maildir.
    public func bounceReader(maildir: String, now: @escaping @Sendable () -> Date) -> BounceReader {
        BounceReader(database: database, maildir: maildir, now: now, logger: logger)
    }

    /// The work that runs beside the web server: the price feed, the board refresh, the outbox, overdue orders,
    /// scheduled articles, campaigns, the deletion of old applications and, with a Maildir, the bounces.
    public func backgroundJobs(feed: any PriceFeed, boardRefresh: Duration, transport: any MailTransport, pace: CampaignSender.Pace,
                               bounces: String?, now: @escaping @Sendable () -> Date) -> [any Service] {
        var jobs: [any Service] = [
            FeedService(feed: feed, desk: spot, board: board, now: now, logger: logger),
            BoardRefreshService(board: board, dealer: dealer, interval: boardRefresh, logger: logger),
            TickListener(database: database, board: board, logger: logger),
            Mailer(database: database, transport: transport, now: now, logger: logger),
            OverdueWatch(desk: orders, now: now, logger: logger),
            ScheduledPublisher(database: database, now: now, logger: logger),
            campaignSender(transport: transport, pace: pace, now: now),
            ApplicationCleanup(desk: careers, now: now, logger: logger),
            Housekeeping(database: database, now: now, logger: logger),
            PriceAlertWatch(alerts: alerts, now: now, logger: logger),
        ]
        if let bounces { jobs.append(bounceReader(maildir: bounces, now: now)) }
        return jobs
    }
}

import Foundation
import Logging
import TresorCore
import TresorServices

/// Everything an operator can set, read once at start-up; see docs/configuration.md.
public struct AppConfig: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var baseURL = "http://127.0.0.1:8080"
    public var dataDirectory = "tresor-data"
    public var database = DatabaseLocation.sqlite(path: "tresor-data/tresor.sqlite")
    public var feed = FeedConfig()
    public var policy = FeedPolicy()
    public var boardRefresh: Duration = .seconds(2)
    public var shop = ShopConfig()
    public var bank = BankDetails()
    /// The dealer as invoices name it.
    public var seller = Seller.demo
    /// How long a quote locks its prices.
    public var quoteLock: Duration = .seconds(DealerSettings.standard.quoteLockSeconds)
    /// Insured shipping fees by goods value, and from where shipping is free.
    public var shipping = ShippingTable.standard
    /// Where parcels go (`TRESOR_SHIPPING_COUNTRIES`) and whether the dealer is registered for the One-Stop-Shop
    /// (`TRESOR_VAT_OSS`): the first values of the back office's settings.
    public var shippingCountries = ["DE"]
    public var vatOSS = false
    /// Banking days an advance transfer may take.
    public var paymentDays = OrderDesk.standardPaymentDays
    /// Handling fee owed on top of the market loss when an unpaid order is cancelled.
    public var cancellationFee = OrderDesk.standardCancellationFee
    /// Orders without an account per client address and per e-mail address and hour; 0 switches the limit off.
    public var guestOrdersPerHour = OrderDesk.standardGuestOrdersPerHour
    /// Days after the due date before an unpaid bank-transfer order is cancelled and its stock returned.
    public var cancellationGraceDays = OrderDesk.standardCancellationGraceDays
    /// Days over which a customer's transactions count together (§10 Abs. 6a GwG).
    public var amlLinkDays = OrderDesk.standardLinkWindowDays
    /// The dealer's own identification threshold for payments other than cash.
    public var amlHouseThreshold = HouseThresholdRule.standard
    /// Name similarity (Jaro-Winkler) from which a possible sanctions match is raised.
    public var sanctionsThreshold = SanctionScreen.standardThreshold
    /// The accountant's DATEV export: accounts (SKR03 defaults), Beraternummer, Mandantennummer.
    public var datevAccounts = DatevAccounts()
    public var datevConsultant = 1001
    public var datevClient = 1
    public var mail = MailConfig()
    public var newsletter = NewsletterConfig()
    public var careers = CareersConfig()
    /// Addresses of the reverse proxies (nginx) whose `X-Forwarded-For` names the client.
    public var trustedProxies: Set<String> = []
    /// Who may read `/metrics`.
    public var metrics = MetricsConfig()
    /// The largest JSON body the API reads; anything larger is answered 413 before it is read.
    public var apiBodyLimit = 64 * 1024
    /// bcrypt cost of customer passwords (each step doubles the work; tests use 4).
    public var passwordCost = 12
    public var logLevel = "info"

    public init() {}
}

/// Which price feed runs and how.
public struct FeedConfig: Sendable {
    public enum Provider: String, Sendable, CaseIterable { case demo, manual, http }
    public var provider = Provider.demo
    public var interval: Duration = .seconds(5)
    public var demoSeed: UInt64 = 2026
    public var demoLevels: [Metal: Decimal] = [.gold: 3450, .silver: 43, .platinum: 1350, .palladium: 1200]
    public var httpURL: String?
    public var httpTimeout: Duration = .seconds(3)
    public var httpRetries = 2
    public init() {}
}

/// What the dealer shows in the header and footer.
public struct ShopConfig: Sendable {
    public typealias Badge = TrustBadge
    public var name = Seller.demoTradingName
    public var hotline = DealerSettings.standard.hotline
    public var customers = DealerSettings.standard.customers
    public var badges: [Badge] = DealerSettings.standard.trustBadges
    public var email = Seller.demo.email
    /// The hotline's opening hours, as the contact page shows them.
    public var hoursDE = DealerSettings.standard.hoursDE
    public var hoursEN = DealerSettings.standard.hoursEN
    public init() {}
}

/// Applications: who is told about them and how long they are kept.
public struct CareersConfig: Sendable {
    /// The staff mailbox for applications and call-back requests; empty means the shop's address.
    public var email = ""
    /// Applications are deleted this many months after they arrived.
    public var retentionMonths = 6
    public init() {}
}

/// Who may read the Prometheus metrics (they show order and login counts): a scraper with the bearer token on the
/// shop's port, or anyone on a separate listener meant for a private network; nobody when neither is set.
public struct MetricsConfig: Sendable {
    /// `Authorization: Bearer <token>` opens `/metrics` on the shop's port; empty: not served there.
    public var token = ""
    /// A listener of its own for `/metrics`; nil: none.
    public var port: Int?
    public var host = "127.0.0.1"
    public init() {}
}

/// The dealer's account that customers pay advance transfers into.
public struct BankDetails: Sendable {
    public var holder = Seller.demoBank.holder
    public var iban = Seller.demoBank.iban
    public var bic = Seller.demoBank.bic
    public init() {}
}

/// How mail leaves the shop.
public struct MailConfig: Sendable {
    public enum Transport: String, Sendable { case file, sendmail, smtp }
    public var transport = Transport.file
    /// For `file`: where `.eml` files go (default: `mail/` in the data directory).
    public var directory: String?
    /// For `sendmail`: the sendmail-compatible program (msmtp, Postfix).
    public var sendmailPath = "/usr/sbin/sendmail"
    /// For `smtp`: the relay, reached without TLS (a local Postfix, a relay on a private network).
    public var smtpHost = "127.0.0.1"
    public var smtpPort = 25
    /// The envelope sender (`Return-Path`), where delivery reports go; empty means the shop's address.
    public var envelopeFrom = ""
    public init() {}
}

/// How campaigns go out and where their bounces come back.
public struct NewsletterConfig: Sendable {
    /// Messages per second at most.
    public var rate = CampaignSender.Pace().rate
    /// Messages handed to the transport at the same time.
    public var parallel = CampaignSender.Pace().parallel
    /// The Maildir the envelope sender's mail is delivered to; delivery reports are read from it. nil: not read.
    public var bounceMaildir: String?
    public init() {}
}

extension AppConfig {
    /// What outgoing mail says about the shop.
    public var mailSettings: MailSettings {
        var settings = MailSettings()
        settings.shopName = shop.name
        settings.fromAddress = shop.email
        settings.domain = URL(string: baseURL)?.host ?? "localhost"
        settings.bankHolder = bank.holder
        settings.iban = bank.iban
        settings.bic = bank.bic
        settings.imprint = MailSettings.imprint(of: seller)
        let base = baseURL
        settings.orderPage = { number, token, language in base + Page.orders(.order(number: number)).path(language) + "?token=" + token }
        settings.sellOfferPage = { quoteID, language in base + Page.shop(.sellOffer(id: quoteID)).path(language) }
        return settings
    }

    /// The first values of the settings the dealer changes in the back office.
    public var dealerSettings: DealerSettings {
        var settings = DealerSettings(trustBadges: shop.badges, customers: shop.customers, hotline: shop.hotline, hoursDE: shop.hoursDE,
                                      hoursEN: shop.hoursEN, seller: seller, bankHolder: bank.holder, iban: bank.iban, bic: bank.bic,
                                      shipping: shipping, quoteLockSeconds: Int(quoteLock.components.seconds), paymentDays: paymentDays,
                                      cancellationFee: cancellationFee)
        settings.shippingCountries = shippingCountries
        settings.ossRegistered = vatOSS
        return settings
    }

    /// What the shop's services run with, from this configuration; links point at this shop's own pages.
    public var shopSettings: ShopSettings {
        let base = baseURL
        let account = AccountLinks(
            passwordReset: { token, language in base + Page.account(.newPassword).path(language) + "?token=" + token },
            verification: { token, language in base + Page.account(.verify).path(language) + "?token=" + token },
            login: { language in base + Page.account(.login).path(language) },
            forgotPassword: { language in base + Page.account(.forgotPassword).path(language) })
        let links = ShopLinks(account: account, newsletter: newsletterLinks,
                              article: { slug, language in base + Page.news(.article(slug: slug)).path(language) })
        var settings = ShopSettings(mail: mailSettings, dealer: dealerSettings, guestOrdersPerHour: guestOrdersPerHour,
                                    cancellationGraceDays: cancellationGraceDays, policy: policy, passwordCost: passwordCost, links: links,
                                    staffMailbox: careers.email.isEmpty ? shop.email : careers.email,
                                    applicationStorage: dataDirectory + "/applications", applicationRetentionMonths: careers.retentionMonths,
                                    productImageStorage: dataDirectory + "/product-images")
        settings.datevAccounts = datevAccounts
        settings.linkWindowDays = amlLinkDays
        settings.houseThreshold = amlHouseThreshold
        settings.sanctionsThreshold = sanctionsThreshold
        settings.datevConsultant = datevConsultant
        settings.datevClient = datevClient
        return settings
    }

    /// The shop's services over the configured database; its client runs while `storage` runs.
    public func openShop(logger: Logger) async throws -> Shop {
        if case .sqlite = database { try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true) }
        return try await Shop.open(database, settings: shopSettings, logger: logger)
    }

    /// How fast campaigns go out.
    public var campaignPace: CampaignSender.Pace { CampaignSender.Pace(rate: newsletter.rate, parallel: newsletter.parallel) }

    /// The transport mail leaves by.
    public var mailTransport: any MailTransport {
        switch mail.transport {
        case .file: FileTransport(directory: mail.directory ?? dataDirectory + "/mail")
        case .sendmail: SendmailTransport(program: mail.sendmailPath, arguments: ["-i", "-f", envelopeFrom])
        case .smtp: SMTPTransport(host: mail.smtpHost, port: mail.smtpPort, helo: mailSettings.domain, envelopeFrom: envelopeFrom,
                                  maxIdle: newsletter.parallel)
        }
    }

    /// Where delivery reports are to go.
    public var envelopeFrom: String { mail.envelopeFrom.isEmpty ? shop.email : mail.envelopeFrom }

    /// The newsletter's links, as the double opt-in and every campaign use them.
    public var newsletterLinks: NewsletterLinks {
        let base = baseURL
        return NewsletterLinks(
            confirm: { token, language in base + Page.newsletter(.confirm).path(language) + "?token=" + token },
            unsubscribe: { token, language in base + Page.newsletter(.unsubscribe).path(language) + "?token=" + token },
            listID: "<newsletter.\(URL(string: base)?.host ?? "localhost")>")
    }
}

import Configuration
import Foundation
import TresorCore

/// A configuration value that cannot be used; start-up stops with the key's name and why.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public var key: String
    public var problem: String
    public var description: String { "configuration \(key) (environment \(Self.environmentName(key))): \(problem)" }

    static func environmentName(_ key: String) -> String {
        key.uppercased().replacingOccurrences(of: ".", with: "_")
    }
}

extension AppConfig {
    /// Reads every key through the throwing getters: a malformed value stops start-up instead of silently
    /// falling back to a default (the defaults sit in the lowest provider instead).
    public static func load(from providers: [any ConfigProvider]) throws(ConfigurationError) -> AppConfig {
        let defaults = AppConfig()
        let reader = ConfigReader(providers: providers + [InMemoryProvider(name: "defaults", values: defaults.asValues())])
        var config = AppConfig()

        func string(_ key: String) throws(ConfigurationError) -> String {
            do { return try reader.requiredString(forKey: ConfigKey(key)).trimmingCharacters(in: .whitespaces) } catch {
                throw ConfigurationError(key: key, problem: "missing or not text")
            }
        }
        func int(_ key: String, _ range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
            let text = try string(key)
            guard let value = Int(text), range.contains(value) else {
                throw ConfigurationError(key: key, problem: "expected a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(text)\"")
            }
            return value
        }
        func decimal(_ key: String, above minimum: Decimal) throws(ConfigurationError) -> Decimal {
            let text = try string(key)
            guard let value = Decimal.strict(text), value > minimum else {
                throw ConfigurationError(key: key, problem: "expected a decimal number above \(minimum.plainString), got \"\(text)\"")
            }
            return value
        }
        func seconds(_ key: String, _ range: ClosedRange<Int>) throws(ConfigurationError) -> Duration {
            .seconds(try int(key, range))
        }

        config.host = try string("tresor.http.host")
        config.port = try int("tresor.http.port", 1...65_535)
        config.baseURL = try string("tresor.base.url")
        guard let base = URL(string: config.baseURL), base.scheme == "http" || base.scheme == "https", base.host != nil else {
            throw ConfigurationError(key: "tresor.base.url", problem: "expected an http(s) URL, got \"\(config.baseURL)\"")
        }
        if config.baseURL.hasSuffix("/") { config.baseURL.removeLast() }
        config.dataDirectory = try string("tresor.data.directory")
        let databaseText = (try? reader.requiredString(forKey: "tresor.database.url")) ?? ""
        do {
            config.database = try databaseText.isEmpty
                ? .sqlite(path: config.dataDirectory + "/tresor.sqlite") : DatabaseLocation(databaseText)
        } catch {
            throw ConfigurationError(key: "tresor.database.url", problem: error.description)
        }
        let provider = try string("tresor.feed.provider")
        guard let feedProvider = FeedConfig.Provider(rawValue: provider) else {
            throw ConfigurationError(key: "tresor.feed.provider", problem: "expected demo, manual or http, got \"\(provider)\"")
        }
        config.feed.provider = feedProvider
        config.feed.interval = try seconds("tresor.feed.interval.seconds", 1...3600)
        let seed = try string("tresor.feed.demo.seed")
        guard let seedValue = UInt64(seed) else {
            throw ConfigurationError(key: "tresor.feed.demo.seed", problem: "expected a whole number, got \"\(seed)\"")
        }
        config.feed.demoSeed = seedValue
        for metal in Metal.allCases {
            config.feed.demoLevels[metal] = try decimal("tresor.feed.demo.\(metal.code.lowercased())", above: 0)
        }
        let url = (try? reader.requiredString(forKey: "tresor.feed.http.url")) ?? ""
        if feedProvider == .http {
            guard let parsed = URL(string: url), parsed.scheme == "http" || parsed.scheme == "https" else {
                throw ConfigurationError(key: "tresor.feed.http.url", problem: "the http feed needs an http(s) URL, got \"\(url)\"")
            }
        }
        config.feed.httpURL = url.isEmpty ? nil : url
        config.feed.httpTimeout = try seconds("tresor.feed.http.timeout.seconds", 1...120)
        config.feed.httpRetries = try int("tresor.feed.http.retries", 0...10)
        config.policy = FeedPolicy(staleAfter: try seconds("tresor.feed.stale.seconds", 5...86_400 * 7),
                                   jumpLimitPercent: try decimal("tresor.feed.jump.percent", above: 0))
        config.boardRefresh = try seconds("tresor.board.refresh.seconds", 1...600)
        config.shop.name = try string("tresor.shop.name")
        config.shop.hotline = try string("tresor.shop.hotline")
        config.shop.email = try string("tresor.shop.email")
        config.shop.customers = try int("tresor.shop.customers", 0...100_000_000)
        let badges = try string("tresor.shop.badges")
        config.shop.badges = []
        for name in badges.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let badge = ShopConfig.Badge(rawValue: name) else {
                throw ConfigurationError(key: "tresor.shop.badges",
                                         problem: "unknown badge \"\(name)\"; known: hotline, customers, insured, noreporting")
            }
            config.shop.badges.append(badge)
        }
        config.bank.holder = try string("tresor.bank.holder")
        config.bank.iban = try string("tresor.bank.iban").replacingOccurrences(of: " ", with: "").uppercased()
        guard CreditorReference.isValidIBAN(config.bank.iban) else {
            throw ConfigurationError(key: "tresor.bank.iban", problem: "not a valid IBAN: \"\(config.bank.iban)\"")
        }
        config.bank.bic = try string("tresor.bank.bic")
        config.seller = Seller(legalName: try string("tresor.seller.name"), street: try string("tresor.seller.street"),
                               postalCode: try string("tresor.seller.postal.code"), city: try string("tresor.seller.city"),
                               country: try string("tresor.seller.country"), vatID: try string("tresor.seller.vat.id"),
                               taxNumber: try string("tresor.seller.tax.number"), register: try string("tresor.seller.register"),
                               managingDirectors: try string("tresor.seller.managing.directors"),
                               phone: config.shop.hotline, email: config.shop.email)
        guard !config.seller.legalName.isEmpty, !config.seller.street.isEmpty, !config.seller.city.isEmpty else {
            throw ConfigurationError(key: "tresor.seller.name", problem: "an invoice needs the seller's name, street and city")
        }
        guard !config.seller.vatID.isEmpty || !config.seller.taxNumber.isEmpty else {
            throw ConfigurationError(key: "tresor.seller.vat.id", problem: "an invoice needs a VAT id or a tax number (§14 Abs. 4 UStG)")
        }
        config.quoteLock = try seconds("tresor.quote.lock.seconds", 30...3600)
        config.paymentDays = try int("tresor.payment.days", 1...30)
        let fees = try string("tresor.shipping.fees")
        let freeFrom = try string("tresor.shipping.free.from")
        guard let shipping = ShippingTable(bands: fees, freeFrom: freeFrom) else {
            throw ConfigurationError(key: "tresor.shipping.fees", problem: "expected value:fee pairs in euros starting at 0, like "
                + "\"0:9.95,1000:19.95\", and a free-from value in euros or nothing; got \"\(fees)\" and \"\(freeFrom)\"")
        }
        config.shipping = shipping
        let countries = try string("tresor.shipping.countries").uppercased().split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !countries.isEmpty, Set(countries).count == countries.count, countries.allSatisfy(CustomerDetails.countries.contains) else {
            throw ConfigurationError(key: "tresor.shipping.countries", problem: "expected EU country codes separated by commas, e.g. DE,AT")
        }
        config.shippingCountries = countries
        switch try string("tresor.vat.oss").lowercased() {
        case "true", "yes", "1": config.vatOSS = true
        case "false", "no", "0": config.vatOSS = false
        default: throw ConfigurationError(key: "tresor.vat.oss", problem: "expected true or false")
        }
        let fee = try string("tresor.order.cancellation.fee")
        guard let cancellationFee = Money(decimalString: fee), cancellationFee >= .zero else {
            throw ConfigurationError(key: "tresor.order.cancellation.fee", problem: "expected euros like 25.00, got \"\(fee)\"")
        }
        config.cancellationFee = cancellationFee
        let house = try string("tresor.aml.house.threshold")
        guard let houseThreshold = Money(decimalString: house), houseThreshold > .zero else {
            throw ConfigurationError(key: "tresor.aml.house.threshold", problem: "expected euros like 10000.00, got \"\(house)\"")
        }
        config.amlHouseThreshold = houseThreshold
        config.amlLinkDays = try int("tresor.aml.link.days", 1...366)
        let similarity = try string("tresor.sanctions.threshold")
        guard let threshold = Double(similarity), (0.8...0.99).contains(threshold) else {
            throw ConfigurationError(key: "tresor.sanctions.threshold", problem: "expected a similarity from 0.80 to 0.99, got \"\(similarity)\"")
        }
        config.sanctionsThreshold = threshold
        let transport = try string("tresor.mail.transport")
        guard let mailTransport = MailConfig.Transport(rawValue: transport) else {
            throw ConfigurationError(key: "tresor.mail.transport", problem: "expected file, sendmail or smtp, got \"\(transport)\"")
        }
        config.mail.transport = mailTransport
        let mailDirectory = (try? reader.requiredString(forKey: "tresor.mail.directory")) ?? ""
        config.mail.directory = mailDirectory.isEmpty ? nil : mailDirectory
        config.mail.sendmailPath = try string("tresor.mail.sendmail")
        if mailTransport == .sendmail && !FileManager.default.isExecutableFile(atPath: config.mail.sendmailPath) {
            throw ConfigurationError(key: "tresor.mail.sendmail", problem: "\(config.mail.sendmailPath) is not an executable program")
        }
        config.mail.smtpHost = try string("tresor.mail.smtp.host")
        config.mail.smtpPort = try int("tresor.mail.smtp.port", 1...65_535)
        config.mail.envelopeFrom = (try? reader.requiredString(forKey: "tresor.mail.envelope.from"))?
            .trimmingCharacters(in: .whitespaces) ?? ""
        config.newsletter.rate = try int("tresor.newsletter.rate", 1...100_000)
        config.newsletter.parallel = try int("tresor.newsletter.parallel", 1...64)
        let bounces = (try? reader.requiredString(forKey: "tresor.newsletter.bounces"))?.trimmingCharacters(in: .whitespaces) ?? ""
        config.newsletter.bounceMaildir = bounces.isEmpty ? nil : bounces
        let proxies = (try? reader.requiredString(forKey: "tresor.http.trusted.proxies")) ?? ""
        config.trustedProxies = Set(proxies.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        for proxy in config.trustedProxies where !proxy.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }) {
            throw ConfigurationError(key: "tresor.http.trusted.proxies", problem: "expected IP addresses separated by commas, got \"\(proxy)\"")
        }
        config.shop.hoursDE = try string("tresor.shop.hours")
        config.shop.hoursEN = try string("tresor.shop.hours.en")
        config.careers.email = (try? reader.requiredString(forKey: "tresor.careers.email"))?.trimmingCharacters(in: .whitespaces) ?? ""
        config.careers.retentionMonths = try int("tresor.careers.retention.months", 1...36)
        config.passwordCost = try int("tresor.password.cost", 4...16)
        config.apiBodyLimit = try int("tresor.api.body.limit", 1024...16 * 1024 * 1024)
        config.guestOrdersPerHour = try int("tresor.guest.orders.per.hour", 0...100_000)
        config.metrics.token = (try? reader.requiredString(forKey: "tresor.metrics.token"))?.trimmingCharacters(in: .whitespaces) ?? ""
        let metricsPort = (try? reader.requiredString(forKey: "tresor.metrics.port"))?.trimmingCharacters(in: .whitespaces) ?? ""
        if !metricsPort.isEmpty {
            guard let port = Int(metricsPort), (1...65_535).contains(port) else {
                throw ConfigurationError(key: "tresor.metrics.port", problem: "expected a port from 1 to 65535 or nothing, got \"\(metricsPort)\"")
            }
            config.metrics.port = port
        }
        config.metrics.host = try string("tresor.metrics.host")
        config.cancellationGraceDays = try int("tresor.order.cancellation.grace.days", 0...365)
        config.datevConsultant = try int("tresor.datev.consultant", 1001...9_999_999)
        config.datevClient = try int("tresor.datev.client", 1...99_999)
        for (key, path) in [("debtors", \DatevAccounts.debtors), ("bank", \.bank), ("cash", \.cash), ("exempt", \.exemptInvestmentGold),
                            ("standard", \.standardRate), ("margin", \.marginScheme), ("oss", \.otherMemberState)] as [(String, WritableKeyPath<DatevAccounts, String>)] {
            let value = try string("tresor.datev.account.\(key)")
            guard (4...9).contains(value.count), value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw ConfigurationError(key: "tresor.datev.account.\(key)", problem: "expected an account number of 4 to 9 digits")
            }
            config.datevAccounts[keyPath: path] = value
        }
        config.logLevel = try string("tresor.log.level")
        guard ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(config.logLevel) else {
            throw ConfigurationError(key: "tresor.log.level", problem: "expected trace, debug, info, notice, warning, error or critical")
        }
        return config
    }

    /// A duration as the configuration writes it, in whole seconds.
    static func seconds(_ duration: Duration) -> String { String(duration.components.seconds) }

    /// The defaults as configuration values, the lowest layer: every one read off a default `AppConfig`, so each
    /// default is written once, where the setting is declared.
    func asValues() -> [AbsoluteConfigKey: ConfigValue] {
        var values: [String: String] = [
            "tresor.http.host": host, "tresor.http.port": String(port), "tresor.base.url": baseURL,
            "tresor.data.directory": dataDirectory, "tresor.database.url": "",
            "tresor.feed.provider": feed.provider.rawValue, "tresor.feed.interval.seconds": Self.seconds(feed.interval),
            "tresor.feed.demo.seed": String(feed.demoSeed), "tresor.feed.http.url": feed.httpURL ?? "",
            "tresor.feed.http.timeout.seconds": Self.seconds(feed.httpTimeout), "tresor.feed.http.retries": String(feed.httpRetries),
            "tresor.feed.stale.seconds": Self.seconds(policy.staleAfter), "tresor.feed.jump.percent": policy.jumpLimitPercent.plainString,
            "tresor.board.refresh.seconds": Self.seconds(boardRefresh), "tresor.shop.name": shop.name, "tresor.shop.hotline": shop.hotline,
            "tresor.shop.email": shop.email, "tresor.shop.customers": String(shop.customers),
            "tresor.shop.badges": shop.badges.map(\.rawValue).joined(separator: ","), "tresor.log.level": logLevel,
            "tresor.bank.holder": bank.holder, "tresor.bank.iban": bank.iban, "tresor.bank.bic": bank.bic,
            "tresor.quote.lock.seconds": Self.seconds(quoteLock), "tresor.payment.days": String(paymentDays),
            "tresor.order.cancellation.fee": cancellationFee.decimalString,
            "tresor.aml.house.threshold": amlHouseThreshold.decimalString, "tresor.aml.link.days": String(amlLinkDays),
            "tresor.sanctions.threshold": String(sanctionsThreshold),
            "tresor.seller.name": seller.legalName, "tresor.seller.street": seller.street,
            "tresor.seller.postal.code": seller.postalCode, "tresor.seller.city": seller.city, "tresor.seller.country": seller.country,
            "tresor.seller.vat.id": seller.vatID, "tresor.seller.tax.number": seller.taxNumber,
            "tresor.seller.register": seller.register, "tresor.seller.managing.directors": seller.managingDirectors,
            "tresor.password.cost": String(passwordCost), "tresor.api.body.limit": String(apiBodyLimit),
            "tresor.metrics.token": metrics.token, "tresor.metrics.port": metrics.port.map(String.init) ?? "", "tresor.metrics.host": metrics.host,
            "tresor.guest.orders.per.hour": String(guestOrdersPerHour), "tresor.order.cancellation.grace.days": String(cancellationGraceDays),
            "tresor.datev.consultant": String(datevConsultant), "tresor.datev.client": String(datevClient),
            "tresor.datev.account.debtors": datevAccounts.debtors, "tresor.datev.account.bank": datevAccounts.bank,
            "tresor.datev.account.cash": datevAccounts.cash, "tresor.datev.account.exempt": datevAccounts.exemptInvestmentGold,
            "tresor.datev.account.standard": datevAccounts.standardRate, "tresor.datev.account.margin": datevAccounts.marginScheme,
            "tresor.datev.account.oss": datevAccounts.otherMemberState,
            "tresor.shipping.countries": shippingCountries.joined(separator: ","), "tresor.vat.oss": vatOSS ? "true" : "false",
            "tresor.shipping.fees": shipping.bandsText, "tresor.shipping.free.from": shipping.freeFrom?.decimalString ?? "",
            "tresor.mail.transport": mail.transport.rawValue, "tresor.mail.directory": mail.directory ?? "", "tresor.mail.sendmail": mail.sendmailPath,
            "tresor.mail.smtp.host": mail.smtpHost, "tresor.mail.smtp.port": String(mail.smtpPort), "tresor.mail.envelope.from": mail.envelopeFrom,
            "tresor.newsletter.rate": String(newsletter.rate), "tresor.newsletter.parallel": String(newsletter.parallel),
            "tresor.newsletter.bounces": newsletter.bounceMaildir ?? "", "tresor.shop.hours": shop.hoursDE, "tresor.shop.hours.en": shop.hoursEN,
            "tresor.careers.email": careers.email, "tresor.http.trusted.proxies": trustedProxies.sorted().joined(separator: ","), "tresor.careers.retention.months": String(careers.retentionMonths),
        ]
        for (metal, level) in feed.demoLevels { values["tresor.feed.demo.\(metal.code.lowercased())"] = level.plainString }
        return Dictionary(uniqueKeysWithValues: values.map { (AbsoluteConfigKey(ConfigKey($0.key)), ConfigValue(.string($0.value), isSecret: false)) })
    }
}

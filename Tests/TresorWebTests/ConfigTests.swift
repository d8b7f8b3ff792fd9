import Configuration
import Foundation
import Testing
import TresorCore
import TresorServices
import TresorStore
@testable import TresorWeb

@Suite struct ConfigTests {
    func load(_ environment: [String: String]) throws(ConfigurationError) -> AppConfig {
        try AppConfig.load(from: [EnvironmentVariablesProvider(environmentVariables: environment)])
    }

    @Test func defaultsNeedNoConfiguration() throws {
        let config = try load([:])
        #expect(config.port == 8080)
        #expect(config.database == .sqlite(path: "tresor-data/tresor.sqlite"))
        #expect(config.feed.provider == .demo)
        #expect(config.policy.staleAfter == .seconds(120))
        #expect(config.policy.jumpLimitPercent == 3)
        #expect(config.shop.badges == ShopConfig.Badge.allCases)
        #expect(config.shipping == ShippingTable.standard)
        #expect(config.seller == Seller.demo)
        #expect(config.passwordCost == 12)
    }

    /// Each default is written once, where the setting is declared: the configuration's lowest layer is read off an
    /// `AppConfig`, so a changed declaration changes what start-up reads (no second copy of the number to forget).
    @Test func theDefaultsLayerIsReadOffTheSettings() throws {
        var changed = AppConfig()
        changed.quoteLock = .seconds(300)
        changed.feed.interval = .seconds(7)
        changed.feed.httpTimeout = .seconds(4)
        changed.policy.staleAfter = .seconds(90)
        changed.boardRefresh = .seconds(9)
        changed.paymentDays = 5
        changed.mail.envelopeFrom = "bounces@tresor.example"
        changed.trustedProxies = ["10.0.0.2", "10.0.0.1"]
        let loaded = try AppConfig.load(from: [InMemoryProvider(values: changed.asValues())])
        #expect(loaded.quoteLock == .seconds(300))
        #expect(loaded.feed.interval == .seconds(7))
        #expect(loaded.feed.httpTimeout == .seconds(4))
        #expect(loaded.policy.staleAfter == .seconds(90))
        #expect(loaded.boardRefresh == .seconds(9))
        #expect(loaded.paymentDays == 5)
        #expect(loaded.mail.envelopeFrom == "bounces@tresor.example")
        #expect(loaded.trustedProxies == ["10.0.0.1", "10.0.0.2"])
        // The services' own defaults are the same values, not copies of them.
        #expect(AppConfig().quoteLock == .seconds(Int(QuoteDesk().lockDuration)))
        #expect(AppConfig().cancellationFee == OrderDesk.standardCancellationFee)
    }

    @Test func environmentOverrides() throws {
        let config = try load(["TRESOR_DATABASE_URL": "postgres://tresor:secret@db:5432/shop", "TRESOR_HTTP_PORT": "9000",
                               "TRESOR_FEED_JUMP_PERCENT": "2.5", "TRESOR_SHOP_BADGES": "hotline, insured",
                               "TRESOR_FEED_DEMO_XAU": "2600.10", "TRESOR_SHIPPING_FEES": "0:12.50, 2000:24.90",
                               "TRESOR_SHIPPING_FREE_FROM": "", "TRESOR_SELLER_VAT_ID": "", "TRESOR_SELLER_TAX_NUMBER": "214/5678/0815"])
        #expect(config.database == .postgres(url: "postgres://tresor:secret@db:5432/shop"))
        #expect(config.port == 9000)
        #expect(config.policy.jumpLimitPercent == Decimal(string: "2.5"))
        #expect(config.shop.badges == [.hotline, .insured])
        #expect(config.feed.demoLevels[.gold] == Decimal(string: "2600.10"))
        // 12.50 € below 2,000 €, 24.90 € from there, never free.
        #expect(config.shipping.fee(goods: Money(cents: 199_999), method: .insured) == Money(cents: 1_250))
        #expect(config.shipping.fee(goods: Money(cents: 900_000), method: .insured) == Money(cents: 2_490))
        #expect(config.shipping.fee(goods: Money(cents: 900_000), method: .pickup) == .zero)
        #expect(config.seller.taxNumber == "214/5678/0815")
        let compliance = try load(["TRESOR_AML_HOUSE_THRESHOLD": "15000.00", "TRESOR_AML_LINK_DAYS": "90", "TRESOR_SANCTIONS_THRESHOLD": "0.85",
                                   "TRESOR_DATEV_ACCOUNT_OSS": "8321", "TRESOR_VAT_OSS": "true", "TRESOR_SHIPPING_COUNTRIES": "DE,AT"])
        #expect(compliance.amlHouseThreshold == Money(cents: 1_500_000) && compliance.amlLinkDays == 90 && compliance.sanctionsThreshold == 0.85)
        #expect(compliance.datevAccounts.otherMemberState == "8321" && compliance.vatOSS && compliance.shippingCountries == ["DE", "AT"])
        let settings = compliance.shopSettings
        #expect(settings.houseThreshold == Money(cents: 1_500_000) && settings.linkWindowDays == 90 && settings.sanctionsThreshold == 0.85)
    }

    @Test func malformedValuesNameTheirKey() {
        let cases: [([String: String], String)] = [
            (["TRESOR_HTTP_PORT": "80a"], "tresor.http.port"),
            (["TRESOR_HTTP_PORT": "70000"], "tresor.http.port"),
            (["TRESOR_FEED_PROVIDER": "bloomberg"], "tresor.feed.provider"),
            (["TRESOR_FEED_PROVIDER": "http"], "tresor.feed.http.url"),
            (["TRESOR_FEED_STALE_SECONDS": "0"], "tresor.feed.stale.seconds"),
            (["TRESOR_FEED_JUMP_PERCENT": "3%"], "tresor.feed.jump.percent"),
            (["TRESOR_DATABASE_URL": "mysql://x/y"], "tresor.database.url"),
            (["TRESOR_SHOP_BADGES": "hotline,free-lunch"], "tresor.shop.badges"),
            (["TRESOR_BASE_URL": "shop.example"], "tresor.base.url"),
            (["TRESOR_SHIPPING_FEES": "1000:19.95"], "tresor.shipping.fees"),  // nothing from 0
            (["TRESOR_SHIPPING_FEES": "0:9,95"], "tresor.shipping.fees"),
            (["TRESOR_SHIPPING_FREE_FROM": "lots"], "tresor.shipping.fees"),
            (["TRESOR_SELLER_VAT_ID": ""], "tresor.seller.vat.id"),  // and no tax number either
            (["TRESOR_PASSWORD_COST": "3"], "tresor.password.cost"),
            (["TRESOR_AML_HOUSE_THRESHOLD": "0"], "tresor.aml.house.threshold"),
            (["TRESOR_AML_LINK_DAYS": "0"], "tresor.aml.link.days"),
            (["TRESOR_SANCTIONS_THRESHOLD": "0.5"], "tresor.sanctions.threshold"),
            (["TRESOR_DATEV_ACCOUNT_OSS": "83"], "tresor.datev.account.oss"),
        ]
        for (environment, key) in cases {
            do {
                _ = try load(environment)
                Issue.record("\(environment) was accepted")
            } catch {
                #expect(error.key == key)
                #expect(error.description.contains(ConfigurationError.environmentName(key)))
            }
        }
    }
}

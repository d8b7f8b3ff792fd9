import Configuration
import Foundation
import Testing
import TresorCore
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
    }

    @Test func environmentOverrides() throws {
        let config = try load(["TRESOR_DATABASE_URL": "postgres://tresor:secret@db:5432/shop", "TRESOR_HTTP_PORT": "9000",
                               "TRESOR_FEED_JUMP_PERCENT": "2.5", "TRESOR_SHOP_BADGES": "hotline, insured",
                               "TRESOR_FEED_DEMO_XAU": "2600.10"])
        #expect(config.database == .postgres(url: "postgres://tresor:secret@db:5432/shop"))
        #expect(config.port == 9000)
        #expect(config.policy.jumpLimitPercent == Decimal(string: "2.5"))
        #expect(config.shop.badges == [.hotline, .insured])
        #expect(config.feed.demoLevels[.gold] == Decimal(string: "2600.10"))
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

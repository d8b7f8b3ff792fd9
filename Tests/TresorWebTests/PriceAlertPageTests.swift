import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TresorCore
import TresorServices
import TresorStore
import TresorTestSupport
@testable import TresorWeb

/// Price alerts on the account page: set, refused with a message, listed, deleted.
@Suite struct PriceAlertPageTests {
    @Test func aCustomerSetsAndDeletesAPriceAlert() async throws {
        try await ShopFixture.run { shop in
            var erika = WebVisitor()
            _ = try await erika.register(shop, CheckoutPageTests().address, password: "Goldbarren-1kg")
            let account = try await erika.get(shop, "/konto")
            #expect(account.body.contains("Preisalarme") && account.body.contains("Keine Preisalarme."))
            let token = try WebVisitor.token(account.body, action: "/konto/preisalarme")
            let refused = try await erika.post(shop, "/konto/preisalarme", [("_csrf", token), ("metal", "XAU"), ("direction", "below"), ("price", "viel")])
            #expect(refused.location == "/konto?done=alert-price#preisalarme")
            let set = try await erika.post(shop, "/konto/preisalarme", [("_csrf", token), ("metal", "XAU"), ("direction", "below"), ("price", "1.950,00")])
            #expect(set.location == "/konto?done=alert-set#preisalarme")
            let listed = try await erika.get(shop, "/konto?done=alert-set")
            #expect(listed.body.contains("Preisalarm gesetzt.") && listed.body.contains("höchstens 1.950,00\u{a0}€") && listed.body.contains("wartet"))
            let customer = try #require(try await shop.database.read { sql in try await CustomerRepository(sql).find(email: "erika@example.de") })
            let id = try #require(try await shop.shop.alerts.list(customerID: customer.customer.id).first?.id)
            let deleteToken = try WebVisitor.token(listed.body, action: "/konto/preisalarme/loeschen")
            let deleted = try await erika.post(shop, "/konto/preisalarme/loeschen", [("_csrf", deleteToken), ("id", id.uuidString.lowercased())])
            #expect(deleted.location == "/konto?done=alert-deleted#preisalarme")
            #expect(try await erika.post(shop, "/konto/preisalarme/loeschen", [("_csrf", deleteToken), ("id", id.uuidString.lowercased())]).status == .notFound)
            var stranger = WebVisitor()
            #expect(try await stranger.get(shop, "/konto").status == .seeOther)
        }
    }
}

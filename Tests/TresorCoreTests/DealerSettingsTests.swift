import Foundation
import Testing
import TresorCore

@Suite struct DealerSettingsTests {
    let settings = DealerSettings(trustBadges: TrustBadge.allCases, customers: 1_000, hotline: "0221 123456", hoursDE: "Mo–Fr 9–18 Uhr",
                                  hoursEN: "Mon–Fri 9–6", seller: .demo, bankHolder: "Tresor GmbH", iban: "DE89370400440532013000",
                                  bic: "COBADEFFXXX", shipping: .standard, quoteLockSeconds: 600, paymentDays: 7, cancellationFee: Money(cents: 2_500))

    /// ISO 13616 check digits: DE89 3704 0044 0532 0130 00 is the standard example; one digit changed breaks it.
    @Test func ibansAreChecked() {
        #expect(DealerSettings.isValidIBAN("DE89370400440532013000"))
        #expect(DealerSettings.isValidIBAN("DE89 3704 0044 0532 0130 00"))
        #expect(DealerSettings.isValidIBAN("GB82WEST12345698765432"))
        #expect(!DealerSettings.isValidIBAN("DE89370400440532013001"))
        #expect(!DealerSettings.isValidIBAN("DE8937040044053201300"))
        #expect(!DealerSettings.isValidIBAN("89DE370400440532013000"))
    }

    @Test func settingsAreCheckedFieldByField() throws {
        try settings.validate()
        var s = settings
        s.iban = "DE89370400440532013001"
        #expect(throws: InvalidParameter(name: "iban", value: "DE89370400440532013001")) { try s.validate() }
        s = settings
        s.bic = "COBA"
        #expect(throws: InvalidParameter(name: "bic", value: "COBA")) { try s.validate() }
        s = settings
        s.paymentDays = 0
        #expect(throws: InvalidParameter(name: "paymentDays", value: "0")) { try s.validate() }
        s = settings
        s.seller.vatID = ""
        s.seller.taxNumber = ""
        #expect(throws: InvalidParameter.self) { try s.validate() }  // an invoice needs one of them
        s = settings
        s.hotline = "0221\u{1B}[31m"
        #expect(throws: InvalidParameter.self) { try s.validate() }
    }

    @Test func changesNameOnlyWhatChangedAndTheTableRoundTrips() throws {
        var changed = settings
        changed.paymentDays = 10
        changed.cancellationFee = Money(cents: 3_000)
        let (before, after) = changed.changes(from: settings)
        #expect(before == ["paymentDays": "7", "cancellationFee": "25.00"] && after == ["paymentDays": "10", "cancellationFee": "30.00"])
        let data = try JSONEncoder().encode(settings)
        #expect(try JSONDecoder().decode(DealerSettings.self, from: data) == settings)
    }

    /// Parcels go to the configured countries (Germany only at first); settings stored before these existed read as
    /// Germany only and not registered for OSS; unknown or repeated codes are refused.
    @Test func shippingCountriesAndOSS() throws {
        #expect(settings.shippingCountries == ["DE"] && !settings.ossRegistered)
        #expect(settings.shipsTo("de") && !settings.shipsTo("AT"))
        var wider = settings
        wider.shippingCountries = ["DE", "AT", "FR"]
        wider.ossRegistered = true
        try wider.validate()
        #expect(wider.shipsTo("AT"))
        #expect(wider.changes(from: settings).after == ["shippingCountries": "DE,AT,FR", "ossRegistered": "yes"])
        let stored = try JSONDecoder().decode(DealerSettings.self, from: JSONEncoder().encode(wider))
        #expect(stored == wider)
        // The JSON of a version before shipping countries: the two keys are missing.
        var old = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(wider)) as? [String: Any])
        old["shippingCountries"] = nil
        old["ossRegistered"] = nil
        let earlier = try JSONDecoder().decode(DealerSettings.self, from: JSONSerialization.data(withJSONObject: old))
        #expect(earlier.shippingCountries == ["DE"] && !earlier.ossRegistered && earlier.iban == wider.iban)
        for countries in [[String](), ["DE", "DE"], ["CH"], ["de"]] {
            var bad = settings
            bad.shippingCountries = countries
            #expect(throws: InvalidParameter.self) { try bad.validate() }
        }
    }
}

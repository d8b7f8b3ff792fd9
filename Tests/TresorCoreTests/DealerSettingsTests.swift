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
}

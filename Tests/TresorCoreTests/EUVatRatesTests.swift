import Foundation
import Testing
@testable import TresorCore

/// The member states' standard rates, dated: the rate of the day in Berlin, changes taking effect at midnight.
@Suite struct EUVatRatesTests {
    let rates = EUVatRates.standard

    @Test func everyMemberStateHasItsRateOfTheDay() {
        #expect(rates.countries.count == 27 && rates.countries.contains("GR") && !rates.countries.contains("CH"))
        let today = CivilDate.berlinMidnight(2026, 11, 30)
        #expect(rates.percent("AT", on: today) == 20 && rates.percent("FR", on: today) == 20 && rates.percent("DE", on: today) == 19)
        #expect(rates.percent("HU", on: today) == 27 && rates.percent("LU", on: today) == 17)
        #expect(rates.percent("fi", on: today) == Decimal(string: "25.5"))
        #expect(rates.percent("CH", on: today) == nil && rates.percent("GB", on: today) == nil)
    }

    @Test func changesTakeEffectOnTheirDay() {
        // Estonia: 22 % until 30 June 2025, 24 % from 1 July 2025; Slovakia 20 → 23 % on 1 January 2025.
        #expect(rates.percent("EE", on: CivilDate.berlinMidnight(2025, 7, 1).addingTimeInterval(-1)) == 22)
        #expect(rates.percent("EE", on: CivilDate.berlinMidnight(2025, 7, 1)) == 24)
        #expect(rates.percent("SK", on: CivilDate.berlinMidnight(2024, 12, 31)) == 20)
        #expect(rates.percent("SK", on: CivilDate.berlinMidnight(2025, 1, 1)) == 23)
        #expect(rates.percent("LU", on: CivilDate.berlinMidnight(2023, 6, 1)) == 16)
    }
}

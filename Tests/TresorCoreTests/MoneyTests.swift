import Foundation
import Testing
@testable import TresorCore

@Suite struct MoneyTests {
    @Test func plainDecimalTextForMachines() {
        func fixed(_ text: String, _ scale: Int) -> String { Decimal(string: text)!.fixedString(scale: scale) }
        #expect(fixed("3450.124", 2) == "3450.12")
        #expect(fixed("3450.125", 2) == "3450.13")  // half-up
        #expect(fixed("-12.5", 2) == "-12.50")
        #expect(fixed("1e5", 2) == "100000.00")  // never exponent notation
        #expect(fixed("5E-7", 2) == "0.00")
        #expect(fixed("31.10350", 1) == "31.1")
        #expect(fixed("999.96", 0) == "1000")
        #expect(fixed("123456789012345678901234567890.125", 2) == "123456789012345678901234567890.13")
        #expect(Decimal(string: "31.1035")!.plainString == "31.1035")
        #expect(Decimal(string: "0.0000005")!.plainString == "0.0000005")
    }

    @Test func roundsHalfUpOnce() {
        #expect(Money.roundedHalfUp(euros: Decimal(string: "1.005")!) == Money(cents: 101))
        #expect(Money.roundedHalfUp(euros: Decimal(string: "1.00499999")!) == Money(cents: 100))
        #expect(Money.roundedHalfUp(euros: Decimal(string: "-1.005")!) == Money(cents: -101))
        #expect(Money.roundedHalfUp(euros: Decimal(string: "2587.5")!) == Money(cents: 258_750))
    }

    @Test func decimalStrings() {
        #expect(Money(cents: 258_750).decimalString == "2587.50")
        #expect(Money(cents: 5).decimalString == "0.05")
        #expect(Money(cents: -5).decimalString == "-0.05")
        #expect(Money(decimalString: "12.5") == Money(cents: 1_250))
        #expect(Money(decimalString: "12.505") == nil)
        #expect(Money(decimalString: "12abc") == nil)
        #expect(Money(decimalString: "") == nil)
    }

    @Test func strictDecimalParsing() {
        #expect(Decimal.strict("2501.30") == Decimal(string: "2501.3"))
        #expect(Decimal.strict("1e5") == nil)
        #expect(Decimal.strict("1.2.3") == nil)
        #expect(Decimal.strict("12.") == nil)
        #expect(Decimal.strict("-") == nil)
        #expect(Decimal.strict("NaN") == nil)
    }

    @Test func germanAndEnglishFormatting() {
        #expect(Format.money(Money(cents: 258_750), .de) == "2.587,50\u{a0}€")
        #expect(Format.money(Money(cents: 258_750), .en) == "€2,587.50")
        #expect(Format.money(Money(cents: 123_456_789), .de) == "1.234.567,89\u{a0}€")
        #expect(Format.money(Money(cents: 7), .en) == "€0.07")
        #expect(Format.money(Money(cents: -100), .de) == "-1,00\u{a0}€")
        #expect(Format.grams(Decimal(string: "31.103631")!, .de) == "31,1036\u{a0}g")
        #expect(Format.grams(1000, .en) == "1,000\u{a0}g")
        #expect(Format.percent(Decimal(string: "3.5")!, .de, signed: true) == "+3,50\u{a0}%")
        #expect(Format.percent(Decimal(string: "-0.125")!, .en) == "-0.13%")
    }

    @Test func berlinTime() {
        // 2025-06-17 04:02 UTC is 06:02 summer time in Berlin.
        let date = Date(timeIntervalSince1970: 1_750_132_920)
        #expect(Format.dateTime(date, .de) == "17.06.2025 06:02 Uhr")
        #expect(Format.dateTime(date, .en) == "17 Jun 2025, 06:02")
    }
}

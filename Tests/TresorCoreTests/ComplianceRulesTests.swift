import Foundation
import Testing
@testable import TresorCore

/// The anti-money-laundering rules with their dated thresholds, and how a customer's transactions are found together.
@Suite struct ComplianceRulesTests {
    let now = CivilDate.berlinMidnight(2026, 11, 27).addingTimeInterval(11 * 3600)
    let engine = ComplianceEngine.germany()

    func cents(_ value: Int64) -> Money { Money(cents: value) }

    func linked(total: Int64 = 0, cash: Int64 = 0) -> LinkedTotals {
        LinkedTotals(total: cents(total), cash: cents(cash), numbers: total == 0 ? [] : ["T-2026-000001"])
    }

    /// The smurf of the review: three cash orders of 1,994.40 € within a minute. The first is under 2,000 €; the
    /// second, with the first linked, is 3,988.80 € of cash and needs identification.
    @Test func linkedCashAddsUp() {
        let first = engine.evaluate(ComplianceInput(total: cents(199_440), payment: .cash, at: now))
        #expect(first.outcome == .allow)
        let second = engine.evaluate(ComplianceInput(total: cents(199_440), payment: .cash, at: now, linked: linked(total: 199_440, cash: 199_440)))
        #expect(second.outcome == .needsIdentification && second.rule == "GwG cash identification")
        #expect(second.explanation == "cash 3988.80 EUR (this 1994.40, linked 1994.40) ≥ 2000.00 EUR")
        // A linked bank transfer is no cash: 1,994.40 € cash stays under the cash rule.
        #expect(engine.evaluate(ComplianceInput(total: cents(199_440), payment: .cash, at: now, linked: linked(total: 500_000))).outcome == .allow)
    }

    /// The house threshold for other payments (10,000 € by default), alone or linked.
    @Test func houseThresholdForTransfers() {
        #expect(engine.evaluate(ComplianceInput(total: cents(999_999), payment: .bankTransfer, at: now)).outcome == .allow)
        #expect(engine.evaluate(ComplianceInput(total: cents(1_000_000), payment: .bankTransfer, at: now)).outcome == .needsIdentification)
        let split = engine.evaluate(ComplianceInput(total: cents(600_000), payment: .bankTransfer, at: now, linked: linked(total: 400_000)))
        #expect(split.outcome == .needsIdentification && split.rule == "house threshold")
        let higher = ComplianceEngine.germany(houseThreshold: cents(2_500_000))
        #expect(higher.evaluate(ComplianceInput(total: cents(1_000_000), payment: .bankTransfer, at: now)).outcome == .allow)
    }

    /// §25c Abs. 6 UStG: more than 15,000 € of investment gold keeps the buyer's identity; exactly 15,000 € does not.
    @Test func investmentGoldOverFifteenThousand() {
        let rule = InvestmentGoldRecordRule()
        #expect(rule.result(ComplianceInput(total: cents(1_500_000), payment: .bankTransfer, at: now, investmentGold: cents(1_500_000)))?.outcome
                == .allow)
        let over = rule.result(ComplianceInput(total: cents(1_500_001), payment: .bankTransfer, at: now, investmentGold: cents(1_500_001)))
        #expect(over?.outcome == .needsIdentification && over?.inputs["investmentGold"] == "15000.01")
        #expect(rule.result(ComplianceInput(total: cents(2_000_000), payment: .bankTransfer, at: now)) == nil)  // no gold in it
    }

    /// The AMLR's rules start on 10 July 2027 (Berlin): before, 12,000 € cash needs identification; from that day it
    /// is refused, and 10,000 € exactly (not above the cap) needs due diligence.
    @Test func theAMLRFromTenthJuly2027() {
        let eve = CivilDate.berlinMidnight(2027, 7, 10).addingTimeInterval(-1)
        let day = CivilDate.berlinMidnight(2027, 7, 10)
        #expect(engine.evaluate(ComplianceInput(total: cents(1_200_000), payment: .cash, at: eve)).outcome == .needsIdentification)
        let refused = engine.evaluate(ComplianceInput(total: cents(1_200_000), payment: .cash, at: day))
        #expect(refused.outcome == .refuse && refused.rule == "AMLR cash cap")
        #expect(refused.explanation == "cash 12000.00 EUR with linked > 10000.00 EUR")
        // Split into two: 6,000 € now with 6,000 € linked cash is refused just the same.
        #expect(engine.evaluate(ComplianceInput(total: cents(600_000), payment: .cash, at: day, linked: linked(total: 600_000, cash: 600_000))).outcome
                == .refuse)
        let atCap = engine.results(ComplianceInput(total: cents(1_000_000), payment: .cash, at: day))
        #expect(atCap.map(\.rule) == ["GwG cash identification", "AMLR occasional transaction", "AMLR cash cap"])
        #expect(atCap.map(\.outcome) == [.needsIdentification, .needsIdentification, .allow])
        #expect(engine.evaluate(ComplianceInput(total: cents(1_000_000), payment: .cash, at: day)).rule == "GwG cash identification; AMLR occasional transaction")
        // Transfers of 10,000 € need due diligence by law from that day on, whatever the house threshold.
        let relaxed = ComplianceEngine.germany(houseThreshold: cents(5_000_000))
        #expect(relaxed.evaluate(ComplianceInput(total: cents(1_000_000), payment: .bankTransfer, at: day)).outcome == .needsIdentification)
        #expect(relaxed.evaluate(ComplianceInput(total: cents(1_000_000), payment: .bankTransfer, at: eve)).outcome == .allow)
    }

    /// Names and addresses written differently are the same person; other people are not.
    @Test func linkKeysForgiveSpelling() {
        func key(_ name: String, _ street: String, _ code: String = "51147") -> String {
            LinkKeys.person(name: name, street: street, postalCode: code)
        }
        let erika = key("Erika Mustermann", "Heidestraße 17")
        #expect(erika == "erika mustermann|heidestr17|51147")
        for same in [key("MUSTERMANN, Erika", "Heidestr. 17"), key("erika  mustermann", "Heide-Straße 17"), key("Erika Mustermann", "heidestrasse 17 ")] {
            #expect(same == erika)
        }
        #expect(key("Jürgen Weiß", "Hauptstr. 1") == key("Juergen Weiss", "Hauptstrasse 1"))
        #expect(key("José Núñez", "Calle 5") == key("Jose Nunez", "calle 5"))
        #expect(key("Erika Mustermann", "Heidestraße 18") != erika)
        #expect(key("Erik Mustermann", "Heidestraße 17") != erika)
        let details = CustomerDetails(email: " Erika@Example.DE ", name: "Erika Mustermann", street: "Heidestraße 17", postalCode: "51147",
                                      city: "Köln", country: "DE")
        #expect(LinkKeys(customer: details, customerID: nil).email == "erika@example.de")
    }

    @Test func identityRecordsNeedEveryField() {
        let record = IdentityRecord(customerID: nil, fullName: "Erika Mustermann", birthDate: "1980-05-17", birthPlace: "Köln", nationality: "de",
                                    street: "Heidestraße 17", postalCode: "51147", city: "Köln", country: "DE", documentType: .idCard,
                                    documentNumber: "l01x00t47", issuingAuthority: "Stadt Köln", issuingCountry: "DE", expiresOn: "2031-03-01",
                                    ownAccount: true, politicallyExposed: false, checkedBy: "anna@tresor.example", checkedAt: now)
        #expect(throws: Never.self) { try record.validate(now: now) }
        #expect(record.nationality == "DE" && record.documentNumber == "L01X00T47")
        func refused(_ change: (inout IdentityRecord) -> Void) -> String? {
            var copy = record
            change(&copy)
            do { try copy.validate(now: now) } catch { return error.name }
            return nil
        }
        #expect(refused { $0.fullName = "" } == "fullName")
        #expect(refused { $0.birthPlace = " " } == "birthPlace")
        #expect(refused { $0.nationality = "Deutsch" } == "nationality")
        #expect(refused { $0.birthDate = "17.05.1980" } == "birthDate")
        #expect(refused { $0.birthDate = "2010-01-01" } == "birthDate")  // a minor
        #expect(refused { $0.expiresOn = "2026-11-26" } == "expiresOn")  // expired yesterday
        #expect(refused { $0.expiresOn = "2026-11-27" } == nil)  // valid through its last day
        #expect(refused { $0.issuingAuthority = "" } == "issuingAuthority")
        #expect(record.isValid(on: CivilDate.berlinMidnight(2031, 3, 1)) && !record.isValid(on: CivilDate.berlinMidnight(2031, 3, 2)))
    }

    @Test func documentCopiesAreCheckedByContent() throws {
        #expect(try IdentityDocumentCopy(bytes: [0xFF, 0xD8, 0xFF, 0xE0, 1, 2]).contentType == "image/jpeg")
        #expect(try IdentityDocumentCopy(bytes: Array("%PDF-1.7\n".utf8)).contentType == "application/pdf")
        #expect(throws: IdentityDocumentCopy.Problem.unknownFormat) { try IdentityDocumentCopy(bytes: Array("<html>".utf8)) }
        #expect(throws: IdentityDocumentCopy.Problem.empty) { try IdentityDocumentCopy(bytes: []) }
        #expect(throws: IdentityDocumentCopy.Problem.tooLarge) {
            try IdentityDocumentCopy(bytes: [0xFF, 0xD8, 0xFF] + [UInt8](repeating: 0, count: IdentityDocumentCopy.maxBytes))
        }
    }

    /// Kept five years from the end of the year the relationship ended: ended 30 Nov 2026 (or 31 Dec, late in Berlin),
    /// deletable from 1 Jan 2032.
    @Test func recordsAreKeptFiveYearsAfterTheYearEnds() {
        #expect(IdentityRetention.deletableFrom(relationshipEnded: now) == CivilDate.berlinMidnight(2032, 1, 1))
        let lateOnNewYearsEve = CivilDate.berlinMidnight(2027, 1, 1).addingTimeInterval(-60)
        #expect(IdentityRetention.deletableFrom(relationshipEnded: lateOnNewYearsEve) == CivilDate.berlinMidnight(2032, 1, 1))
    }

    /// The payer's name covers the customer's, in any order, with initials and joint accounts; anyone else is a
    /// third party.
    @Test func payerNamesAreComparedLikePeopleWriteThem() {
        for payer in ["Erika Mustermann", "MUSTERMANN ERIKA", "Mustermann, Erika", "E. Mustermann", "Erika und Max Mustermann",
                      "Erika Maria Mustermann"] {
            #expect(PayerCheck.matches(payer: payer, customer: "Erika Mustermann"), "\(payer)")
        }
        for payer in ["Max Mustermann", "Erika Schmidt", "Mustermann GmbH", "Erika", "", "Unbekannt GmbH"] {
            #expect(!PayerCheck.matches(payer: payer, customer: "Erika Mustermann"), "\(payer)")
        }
        #expect(PayerCheck.matches(payer: "Jürgen Müller", customer: "Juergen Mueller"))
        #expect(ComplianceCase.number(year: 2026, sequence: 7) == "V-2026-000007")
    }
}

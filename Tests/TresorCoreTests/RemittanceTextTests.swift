import Testing
import TresorCore

/// Remittance text as German banks deliver it: cut into `Ustrd` lines of 140 characters wherever the limit falls.
@Suite struct RemittanceTextTests {
    /// The text cut as a bank cuts it: 140 characters a line, between words or inside one.
    func cut(_ text: String, width: Int = 140) -> [String] {
        var lines: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            lines.append(String(rest.prefix(width)))
            rest = rest.dropFirst(width)
        }
        return lines
    }

    /// Filler of exactly `count` characters, words and spaces, so a reference lands where a test wants it.
    func words(_ count: Int) -> String {
        String(String(repeating: "Goldbarren und Silbermuenzen ", count: 10).prefix(count))
    }

    @Test func theReviewsTransferIsFound() {
        // The review's case: two lines, the reference ending the first; joined blindly it ran into "Vielen".
        #expect(RemittanceText.references(in: ["Bestellung RF87T2026000001", "Vielen Dank"]) == ["RF87T2026000001"])
    }

    @Test(arguments: [
        // Reference in the first, middle and last line; the cut inside it, before it and after it.
        ("RF87T2026000001 " + "x", 0),
        (" RF87T2026000001 Danke", 135),          // cut after "RF87"
        (" RF87T2026000001 Danke", 139),          // cut right before it
        (" RF87T2026000001", 140 + 130),          // in the middle of three lines, cut inside
        (" RF87T2026000001", 2 * 140 + 40),       // third line
        (" rf87 t202 6000 001 vielen Dank", 200),   // lower case, in groups, as typed from the invoice
        (" Bestellung T-2026-000001 Danke", 100),  // the order number instead of the reference
        (" Bestellnr. T 2026 000001", 125),        // the order number with spaces, cut inside
    ])
    func aReferenceIsFoundWhereverTheLineIsCut(_ text: String, at position: Int) {
        let lines = cut(words(position) + text + " " + words(60))
        #expect(RemittanceText.references(in: lines).first == "RF87T2026000001", "\(lines)")
    }

    @Test func textWithoutAReferenceHasNone() {
        #expect(RemittanceText.references(in: cut(words(300))).isEmpty)
        #expect(RemittanceText.references(in: ["Rechnung 4711", "RF87T2026000002"]).isEmpty)  // one digit off: check digits fail
        #expect(RemittanceText.references(in: [""]).isEmpty)
    }

    @Test func aStructuredReferenceComesFirst() {
        let entry = BankEntry(bankReference: "1", amount: Money(cents: 100), isCredit: true, bookingDate: nil, debtorName: nil,
                              remittance: "Bestellung RF33T2026000003\nVielen Dank", structuredReference: "rf60 t2026000002")
        #expect(entry.creditorReferences == ["RF60T2026000002", "RF33T2026000003"])
        #expect(entry.remittanceLines == ["Bestellung RF33T2026000003", "Vielen Dank"])
    }
}

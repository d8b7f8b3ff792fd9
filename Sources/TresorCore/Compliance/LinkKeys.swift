import Foundation

/// How a customer's transactions are found together (§10 Abs. 6a GwG: transactions that "appear to be linked"): by
/// account, by e-mail address, or by name and postal address written any way a careful smurf might write them.
/// Normalised: case, spacing, punctuation, diacritics and umlauts (ä as ae), ß as ss, "Straße"/"Str." as "str", and
/// the words of the name in any order.
public struct LinkKeys: Sendable, Hashable {
    public var customerID: UUID?
    /// `erika@example.de`
    public var email: String
    /// `erika mustermann|heidestr17|51147`
    public var person: String
    /// The account a buy-back is paid to (buy-backs to one IBAN are linked whoever names themselves).
    public var iban: String?

    public init(customer details: CustomerDetails, customerID: UUID?) {
        self.customerID = customerID
        email = details.email.trimmingCharacters(in: .whitespaces).lowercased()
        person = Self.person(name: details.name, street: details.street, postalCode: details.postalCode)
    }

    /// The name's words sorted, the street without spaces or punctuation, the postcode as written without spaces.
    public static func person(name: String, street: String, postalCode: String) -> String {
        let words = normalised(name).split(separator: " ").map(String.init).sorted().joined(separator: " ")
        var road = normalised(street)
        for long in ["strasse", "str "] { road = road.replacingOccurrences(of: long, with: "str") }
        road.removeAll { $0 == " " }
        let code = normalised(postalCode).filter { $0 != " " }
        return words + "|" + road + "|" + code
    }

    /// Lower case ASCII letters and digits, single spaces between words.
    public static func normalised(_ text: String) -> String {
        var folded = text.lowercased()
        for (umlaut, spelled) in [("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("ẞ", "ss")] {
            folded = folded.replacingOccurrences(of: umlaut, with: spelled)
        }
        folded = folded.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        let spaced = folded.unicodeScalars.map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? Character($0) : " " }
        return String(spaced).split(separator: " ").joined(separator: " ")
    }
}

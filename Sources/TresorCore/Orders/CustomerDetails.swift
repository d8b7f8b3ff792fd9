import Foundation

/// Who an order is for and where it goes, as the customer entered it.
public struct CustomerDetails: Sendable, Hashable, Codable {
    public var email: String
    public var name: String
    public var street: String
    public var postalCode: String
    public var city: String
    /// ISO 3166-1 alpha-2, e.g. `DE`.
    public var country: String

    public init(email: String, name: String, street: String, postalCode: String, city: String, country: String) {
        self.email = email.trimmingCharacters(in: .whitespaces)
        self.name = name.trimmingCharacters(in: .whitespaces)
        self.street = street.trimmingCharacters(in: .whitespaces)
        self.postalCode = postalCode.trimmingCharacters(in: .whitespaces)
        self.city = city.trimmingCharacters(in: .whitespaces)
        self.country = country.trimmingCharacters(in: .whitespaces).uppercased()
    }

    /// Countries the dealer ships to (EU member states); pickup customers may live anywhere in it too.
    public static let countries: Set<String> = ["DE", "AT", "BE", "BG", "CY", "CZ", "DK", "EE", "ES", "FI", "FR", "GR", "HR",
                                                 "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"]

    /// The first field that cannot be used, named as the API names it.
    public func validate() throws(InvalidParameter) {
        guard EmailAddress.isValid(email) else { throw InvalidParameter(name: "email", value: email) }
        for (field, value, limit) in [("name", name, 200), ("street", street, 200), ("city", city, 100)] {
            guard !value.isEmpty, TextInput.isPlainLine(value, maxCharacters: limit) else { throw InvalidParameter(name: field, value: value) }
        }
        // ASCII letters and digits only: "٥٠٦٦٧" (Arabic-Indic digits) is no German postcode, whatever `isNumber` says.
        let ascii = postalCode.unicodeScalars
        guard (3...10).contains(ascii.count),
              ascii.allSatisfy({ ("0"..."9").contains($0) || ("A"..."Z").contains($0) || ("a"..."z").contains($0) || $0 == " " || $0 == "-" }),
              country != "DE" || (ascii.count == 5 && ascii.allSatisfy { ("0"..."9").contains($0) }) else {
            throw InvalidParameter(name: "postalCode", value: postalCode)
        }
        guard Self.countries.contains(country) else { throw InvalidParameter(name: "country", value: country) }
    }
}

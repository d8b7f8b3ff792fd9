import Foundation

/// The dealer as an invoice must name it (§14 Abs. 4 UStG): full name and address, VAT id or tax number,
/// and what a GmbH must print on business letters (register court and number, managing directors).
public struct Seller: Sendable, Hashable, Codable {
    public var legalName: String
    public var street: String
    public var postalCode: String
    public var city: String
    public var country: String
    /// USt-IdNr, e.g. DE123456789.
    public var vatID: String
    /// Steuernummer from the tax office; printed too when set.
    public var taxNumber: String
    /// e.g. "Amtsgericht Köln, HRB 12345"
    public var register: String
    public var managingDirectors: String
    public var phone: String
    public var email: String

    public init(legalName: String, street: String, postalCode: String, city: String, country: String, vatID: String,
                taxNumber: String, register: String, managingDirectors: String, phone: String, email: String) {
        self.legalName = legalName
        self.street = street
        self.postalCode = postalCode
        self.city = city
        self.country = country
        self.vatID = vatID
        self.taxNumber = taxNumber
        self.register = register
        self.managingDirectors = managingDirectors
        self.phone = phone
        self.email = email
    }

    /// The demo dealer's trading name, shown in the header and on mails; a real one sets `TRESOR_SHOP_NAME`.
    public static let demoTradingName = "Tresor Edelmetalle"
    /// The demo dealer's bank account (a documentation IBAN); a real one sets `TRESOR_BANK_*`.
    public static let demoBank = (holder: "Tresor Edelmetalle GmbH", iban: "DE89370400440532013000", bic: "COBADEFFXXX")
    /// The shop's own domain in the demo, for Message-IDs.
    public static let demoDomain = "tresor.example"

    /// The demo dealer; a real one sets `TRESOR_SELLER_*`.
    public static let demo = Seller(legalName: "Tresor Edelmetalle GmbH", street: "Hohe Straße 1", postalCode: "50667",
                                    city: "Köln", country: "DE", vatID: "DE999999999", taxNumber: "",
                                    register: "Amtsgericht Köln, HRB 00000", managingDirectors: "Erika Beispiel",
                                    phone: "0800 100 200 3", email: "service@tresor.example")
}

extension Seller {
    /// Whether these are the demo dealer's details (its VAT ID is not a real one): pages and invoices then say so.
    public var isDemo: Bool { vatID == Seller.demo.vatID }
}

import Foundation

/// A promise in the shop's trust header.
public enum TrustBadge: String, Sendable, Hashable, Codable, CaseIterable {
    case hotline, customers, insured, noreporting
}

/// What the dealer changes in the back office without a restart: the trust header, hotline and hours, the seller
/// named on invoices, the bank account customers pay to, the shipping table, how long a quote holds, the days to pay
/// and the cancellation fee. The configuration gives the first values; from the first change on, the database's.
public struct DealerSettings: Sendable, Hashable, Codable {
    public var trustBadges: [TrustBadge]
    /// The number the "satisfied customers" badge shows.
    public var customers: Int
    public var hotline: String
    public var hoursDE: String
    public var hoursEN: String
    public var seller: Seller
    public var bankHolder: String
    public var iban: String
    public var bic: String
    public var shipping: ShippingTable
    public var quoteLockSeconds: Int
    /// Banking days a bank-transfer order has to be paid in.
    public var paymentDays: Int
    /// The fee named in the terms that an unpaid cancelled order owes besides the market loss.
    public var cancellationFee: Money
    /// The countries parcels go to (ISO 3166-1 alpha-2); pickup customers may live anywhere in the EU.
    public var shippingCountries: [String] = ["DE"]
    /// Registered for the One-Stop-Shop (§18j UStG): then goods at the standard rate sold to consumers in another
    /// member state carry that state's rate.
    public var ossRegistered = false

    public init(trustBadges: [TrustBadge], customers: Int, hotline: String, hoursDE: String, hoursEN: String, seller: Seller,
                bankHolder: String, iban: String, bic: String, shipping: ShippingTable, quoteLockSeconds: Int, paymentDays: Int,
                cancellationFee: Money) {
        self.trustBadges = trustBadges
        self.customers = customers
        self.hotline = hotline
        self.hoursDE = hoursDE
        self.hoursEN = hoursEN
        self.seller = seller
        self.bankHolder = bankHolder
        self.iban = iban
        self.bic = bic
        self.shipping = shipping
        self.quoteLockSeconds = quoteLockSeconds
        self.paymentDays = paymentDays
        self.cancellationFee = cancellationFee
    }

    enum CodingKeys: String, CodingKey {
        case trustBadges, customers, hotline, hoursDE, hoursEN, seller, bankHolder, iban, bic, shipping, quoteLockSeconds, paymentDays,
             cancellationFee, shippingCountries, ossRegistered
    }

    /// Settings stored before shipping countries and OSS existed read as Germany only, not registered.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(trustBadges: try c.decode([TrustBadge].self, forKey: .trustBadges), customers: try c.decode(Int.self, forKey: .customers),
                  hotline: try c.decode(String.self, forKey: .hotline), hoursDE: try c.decode(String.self, forKey: .hoursDE),
                  hoursEN: try c.decode(String.self, forKey: .hoursEN), seller: try c.decode(Seller.self, forKey: .seller),
                  bankHolder: try c.decode(String.self, forKey: .bankHolder), iban: try c.decode(String.self, forKey: .iban),
                  bic: try c.decode(String.self, forKey: .bic), shipping: try c.decode(ShippingTable.self, forKey: .shipping),
                  quoteLockSeconds: try c.decode(Int.self, forKey: .quoteLockSeconds), paymentDays: try c.decode(Int.self, forKey: .paymentDays),
                  cancellationFee: try c.decode(Money.self, forKey: .cancellationFee))
        shippingCountries = try c.decodeIfPresent([String].self, forKey: .shippingCountries) ?? ["DE"]
        ossRegistered = try c.decodeIfPresent(Bool.self, forKey: .ossRegistered) ?? false
    }

    /// Whether a parcel may go to `country`.
    public func shipsTo(_ country: String) -> Bool { shippingCountries.contains(country.uppercased()) }

    /// The first field that cannot be used, named as the back office's form names it.
    public func validate() throws(InvalidParameter) {
        let countries = shippingCountries.joined(separator: ",")
        guard !shippingCountries.isEmpty, shippingCountries.count <= 27, Set(shippingCountries).count == shippingCountries.count,
              shippingCountries.allSatisfy(CustomerDetails.countries.contains) else {
            throw InvalidParameter(name: "shippingCountries", value: countries)
        }
        let lines: [(String, String, Int)] = [
            ("hotline", hotline, 40), ("hoursDE", hoursDE, 120), ("hoursEN", hoursEN, 120), ("sellerName", seller.legalName, 120),
            ("sellerStreet", seller.street, 120), ("sellerPostalCode", seller.postalCode, 12), ("sellerCity", seller.city, 80),
            ("sellerCountry", seller.country, 2), ("sellerEmail", seller.email, 254), ("sellerPhone", seller.phone, 40),
            ("bankHolder", bankHolder, 70),
        ]
        for (field, value, limit) in lines {
            guard !value.trimmingCharacters(in: .whitespaces).isEmpty, value.count <= limit,
                  !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw InvalidParameter(name: field, value: value)
            }
        }
        // An invoice needs the seller's VAT id or tax number (§14 Abs. 4 Nr. 2 UStG).
        guard !seller.vatID.isEmpty || !seller.taxNumber.isEmpty else { throw InvalidParameter(name: "sellerVatID", value: seller.vatID) }
        guard EmailAddress.isValid(seller.email) else { throw InvalidParameter(name: "sellerEmail", value: seller.email) }
        guard Self.isValidIBAN(iban) else { throw InvalidParameter(name: "iban", value: iban) }
        guard bic.count == 8 || bic.count == 11, bic.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) else {
            throw InvalidParameter(name: "bic", value: bic)
        }
        guard (30...3600).contains(quoteLockSeconds) else { throw InvalidParameter(name: "quoteLockSeconds", value: String(quoteLockSeconds)) }
        guard (1...30).contains(paymentDays) else { throw InvalidParameter(name: "paymentDays", value: String(paymentDays)) }
        guard cancellationFee >= .zero, cancellationFee <= Money(cents: 100_000) else {
            throw InvalidParameter(name: "cancellationFee", value: cancellationFee.decimalString)
        }
        guard (0...10_000_000).contains(customers) else { throw InvalidParameter(name: "customers", value: String(customers)) }
    }

    /// ISO 13616: two letters, two check digits, up to 30 letters and digits; the number mod 97 is 1.
    public static func isValidIBAN(_ text: String) -> Bool {
        let iban = text.filter { $0 != " " }.uppercased()
        guard (15...34).contains(iban.count), iban.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }),
              iban.prefix(2).allSatisfy(\.isLetter), iban.dropFirst(2).prefix(2).allSatisfy(\.isNumber) else { return false }
        var remainder = 0
        for ch in iban.dropFirst(4) + iban.prefix(4) {
            let digits = ch.isNumber ? String(ch) : String(Int(ch.asciiValue! - 55))  // safe: ASCII checked above; A = 10
            for digit in digits { remainder = (remainder * 10 + Int(String(digit))!) % 97 }  // safe: digits only
        }
        return remainder == 1
    }

    /// The fields that differ from `old`, before and after, as the audit trail records them.
    public func changes(from old: DealerSettings) -> (before: [String: String], after: [String: String]) {
        let (a, b) = (old.fields, fields)
        let names = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }
        return (a.filter { names.contains($0.key) }, b.filter { names.contains($0.key) })
    }

    var fields: [String: String] {
        [
            "trustBadges": trustBadges.map(\.rawValue).joined(separator: ","), "customers": String(customers), "hotline": hotline,
            "hoursDE": hoursDE, "hoursEN": hoursEN, "sellerName": seller.legalName, "sellerStreet": seller.street,
            "sellerPostalCode": seller.postalCode, "sellerCity": seller.city, "sellerCountry": seller.country, "sellerVatID": seller.vatID,
            "sellerTaxNumber": seller.taxNumber, "sellerRegister": seller.register, "sellerDirectors": seller.managingDirectors,
            "sellerPhone": seller.phone, "sellerEmail": seller.email, "bankHolder": bankHolder, "iban": iban, "bic": bic,
            "shipping": shipping.bandsText + " free from " + (shipping.freeFrom?.decimalString ?? "-"),
            "quoteLockSeconds": String(quoteLockSeconds), "paymentDays": String(paymentDays), "cancellationFee": cancellationFee.decimalString,
            "shippingCountries": shippingCountries.joined(separator: ","), "ossRegistered": ossRegistered ? "yes" : "no",
        ]
    }
}

extension DealerSettings {
    /// Whether the seller or the bank account are still the demo ones: a shop must not go live with them unnoticed.
    public var isDemo: Bool { seller.isDemo || iban == Seller.demoBank.iban }
}

import Foundation

/// The identity documents accepted for identification (§12 Abs. 1 GwG: an official document with photo).
public enum IdentityDocumentType: String, Sendable, Hashable, Codable, CaseIterable {
    case idCard = "id_card"
    case passport
    case residencePermit = "residence_permit"
}

/// A copy of the identity document (§8 Abs. 2 GwG): a photo or scan, checked by its content, never served to the web.
public struct IdentityDocumentCopy: Sendable, Hashable {
    public var contentType: String
    public var bytes: [UInt8]

    public enum Problem: Error, Equatable, Sendable {
        case empty
        case tooLarge
        /// Not a JPEG, PNG or PDF by its first bytes, whatever its name says.
        case unknownFormat
    }

    public static let maxBytes = 10 * 1024 * 1024

    /// The copy, or why it cannot be kept.
    public init(bytes: [UInt8]) throws(Problem) {
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= Self.maxBytes else { throw .tooLarge }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            contentType = "image/jpeg"
        } else if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            contentType = "image/png"
        } else if bytes.starts(with: Array("%PDF-".utf8)) {
            contentType = "application/pdf"
        } else {
            throw .unknownFormat
        }
        self.bytes = bytes
    }
}

/// What is recorded when a customer is identified (§§ 8, 10–12 GwG): the person, the document that proved it, whether
/// they act on their own account (§10 Abs. 1 Nr. 2) and whether they are a politically exposed person (Nr. 4), who
/// checked it and when. Dates are calendar days, `1980-05-17`.
public struct IdentityRecord: Sendable, Hashable, Identifiable {
    public var id: UUID
    /// The customer account it belongs to, when the customer has one (a guest's record hangs on its orders).
    public var customerID: UUID?
    public var fullName: String
    public var birthDate: String
    public var birthPlace: String
    /// ISO 3166-1 alpha-2.
    public var nationality: String
    public var street: String
    public var postalCode: String
    public var city: String
    public var country: String
    public var documentType: IdentityDocumentType
    public var documentNumber: String
    public var issuingAuthority: String
    public var issuingCountry: String
    public var expiresOn: String
    public var ownAccount: Bool
    public var politicallyExposed: Bool
    public var checkedBy: String
    public var checkedAt: Date

    public init(id: UUID = UUID(), customerID: UUID?, fullName: String, birthDate: String, birthPlace: String, nationality: String,
                street: String, postalCode: String, city: String, country: String, documentType: IdentityDocumentType,
                documentNumber: String, issuingAuthority: String, issuingCountry: String, expiresOn: String, ownAccount: Bool,
                politicallyExposed: Bool, checkedBy: String, checkedAt: Date) {
        self.id = id
        self.customerID = customerID
        self.fullName = fullName.trimmingCharacters(in: .whitespaces)
        self.birthDate = birthDate.trimmingCharacters(in: .whitespaces)
        self.birthPlace = birthPlace.trimmingCharacters(in: .whitespaces)
        self.nationality = nationality.trimmingCharacters(in: .whitespaces).uppercased()
        self.street = street.trimmingCharacters(in: .whitespaces)
        self.postalCode = postalCode.trimmingCharacters(in: .whitespaces)
        self.city = city.trimmingCharacters(in: .whitespaces)
        self.country = country.trimmingCharacters(in: .whitespaces).uppercased()
        self.documentType = documentType
        self.documentNumber = documentNumber.trimmingCharacters(in: .whitespaces).uppercased()
        self.issuingAuthority = issuingAuthority.trimmingCharacters(in: .whitespaces)
        self.issuingCountry = issuingCountry.trimmingCharacters(in: .whitespaces).uppercased()
        self.expiresOn = expiresOn.trimmingCharacters(in: .whitespaces)
        self.ownAccount = ownAccount
        self.politicallyExposed = politicallyExposed
        self.checkedBy = checkedBy
        self.checkedAt = checkedAt
    }

    /// The first field that cannot be used, named as the forms and the command line name it. A document that has
    /// expired by `now` proves nothing; a birth date must lie in the past and make an adult.
    public func validate(now: Date) throws(InvalidParameter) {
        let lines: [(String, String, Int)] = [("fullName", fullName, 200), ("birthPlace", birthPlace, 100), ("street", street, 200),
                                              ("postalCode", postalCode, 12), ("city", city, 100), ("documentNumber", documentNumber, 40),
                                              ("issuingAuthority", issuingAuthority, 120)]
        for (field, value, limit) in lines where value.trimmingCharacters(in: .whitespaces).isEmpty || !TextInput.isLine(value, maxCharacters: limit) {
            throw InvalidParameter(name: field, value: value)
        }
        for (field, value) in [("nationality", nationality), ("country", country), ("issuingCountry", issuingCountry)]
        where value.count != 2 || !value.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) {
            throw InvalidParameter(name: field, value: value)
        }
        let today = BankingCalendar.berlinDay(of: now)
        guard let born = CivilDate.berlinDay(birthDate, years: 1900...2100), birthDate < today,
              let adult = Format.berlin.date(byAdding: .year, value: 18, to: born), adult <= now else {
            throw InvalidParameter(name: "birthDate", value: birthDate)
        }
        guard CivilDate.berlinDay(expiresOn) != nil, expiresOn >= today else { throw InvalidParameter(name: "expiresOn", value: expiresOn) }
    }

    /// Whether the document still proves the identity on `date` (valid through its expiry day).
    public func isValid(on date: Date) -> Bool { expiresOn >= BankingCalendar.berlinDay(of: date) }

    /// The name as sanctions screening and linking compare it.
    public var nameKey: String { LinkKeys.normalised(fullName) }
}

/// How long identification records are kept (§8 Abs. 4 GwG): five years from the end of the calendar year in which
/// the business relationship ended, then deleted; not before.
public enum IdentityRetention {
    /// The first moment the record may be deleted: 1 January, six years after the year the relationship ended.
    public static func deletableFrom(relationshipEnded: Date) -> Date {
        CivilDate.berlinMidnight(BankingCalendar.berlinYear(of: relationshipEnded) + 6, 1, 1)
    }
}

import Foundation
import TresorCore

/// An invented person's identity record and a document copy the checks accept, for tests that identify customers.
public enum TestIdentity {
    /// A PNG's signature and a little more: enough for `IdentityDocumentCopy`, not a real picture.
    public static let copy: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("IHDR test copy".utf8)

    public static func record(name: String = "Erika Mustermann", expires: String = "2031-03-01", ownAccount: Bool = true,
                              pep: Bool = false) -> IdentityRecord {
        IdentityRecord(customerID: nil, fullName: name, birthDate: "1980-05-17", birthPlace: "Köln", nationality: "DE",
                       street: "Heidestraße 17", postalCode: "51147", city: "Köln", country: "DE", documentType: .idCard,
                       documentNumber: "L01X00T47", issuingAuthority: "Stadt Köln", issuingCountry: "DE", expiresOn: expires,
                       ownAccount: ownAccount, politicallyExposed: pep, checkedBy: "", checkedAt: Date(timeIntervalSince1970: 0))
    }
}

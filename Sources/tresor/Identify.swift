import ArgumentParser
import Foundation
import TresorCore
import TresorServices

extension Orders {
    /// `tresor orders identify`: the identity document checked at the counter, recorded with its copy (§§ 8, 10–12 GwG).
    struct Identify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the customer's checked identity document for an order waiting for identification.",
            discussion: """
                Every field is required, with a copy of the document (JPEG, PNG or PDF), unless --record names a record the \
                customer's account already has whose document is still valid. --for-another or --pep put the order on \
                hold for compliance.
                """)
        @Argument(help: "Order number, e.g. T-2026-000123.") var number: String
        @Option(help: "E-mail of the staff member who checked the document (required, recorded).") var by: String
        @Option(help: "Reuse this identity record of the customer's account (its id).") var record: String?
        @Option(help: "Full name as in the document.") var name: String?
        @Option(help: "Date of birth, e.g. 1980-05-17.") var born: String?
        @Option(help: "Place of birth.") var birthplace: String?
        @Option(help: "Nationality (ISO country code, e.g. DE).") var nationality: String?
        @Option(help: "Street and number of the address.") var street: String?
        @Option(name: .customLong("postal-code"), help: "Postal code.") var postalCode: String?
        @Option(help: "City.") var city: String?
        @Option(help: "Country of the address (ISO code).") var country: String?
        @Option(help: "id_card, passport or residence_permit.") var document: String?
        @Option(name: .customLong("document-number"), help: "The document's number.") var documentNumber: String?
        @Option(help: "The authority that issued it, e.g. \"Stadt Köln\".") var authority: String?
        @Option(name: .customLong("issuing-country"), help: "The country that issued it (ISO code).") var issuingCountry: String?
        @Option(help: "The day the document expires, e.g. 2031-03-01.") var expires: String?
        @Option(help: "A copy of the document: a JPEG, PNG or PDF file.") var copy: String?
        @Flag(name: .customLong("for-another"), help: "The customer acts for someone else (not on their own account).") var forAnother = false
        @Flag(help: "The customer is a politically exposed person (or family member or close associate of one).") var pep = false

        func run() async throws {
            if let record {
                guard let id = UUID(uuidString: record) else { throw ValidationError("--record is not a record id: \(record)") }
                try await identify { desk, actor in try await desk.identify(number, recordID: id, by: actor, now: Date()) }
                return
            }
            let fields: [(String, String?)] = [("--name", name), ("--born", born), ("--birthplace", birthplace), ("--nationality", nationality),
                                               ("--street", street), ("--postal-code", postalCode), ("--city", city), ("--country", country),
                                               ("--document", document), ("--document-number", documentNumber), ("--authority", authority),
                                               ("--issuing-country", issuingCountry), ("--expires", expires), ("--copy", copy)]
            let missing = fields.filter { ($0.1 ?? "").trimmingCharacters(in: .whitespaces).isEmpty }.map(\.0)
            guard missing.isEmpty else { throw ValidationError("an identification needs " + missing.joined(separator: ", ")) }
            guard let type = IdentityDocumentType(rawValue: document ?? "") else {
                throw ValidationError("--document must be id_card, passport or residence_permit")
            }
            let bytes: [UInt8]
            do { bytes = Array(try Data(contentsOf: URL(fileURLWithPath: copy ?? ""))) } catch {
                throw ValidationError("cannot read the copy \(copy ?? ""): \(error.localizedDescription)")
            }
            let entered = IdentityRecord(customerID: nil, fullName: name ?? "", birthDate: born ?? "", birthPlace: birthplace ?? "",
                                         nationality: nationality ?? "", street: street ?? "", postalCode: postalCode ?? "", city: city ?? "",
                                         country: country ?? "", documentType: type, documentNumber: documentNumber ?? "",
                                         issuingAuthority: authority ?? "", issuingCountry: issuingCountry ?? "", expiresOn: expires ?? "",
                                         ownAccount: !forAnother, politicallyExposed: pep, checkedBy: by, checkedAt: Date())
            try await identify { desk, actor in try await desk.identify(number, record: entered, copy: bytes, by: actor, now: Date()) }
        }

        func identify(_ step: (OrderDesk, Actor) async throws -> Order) async throws {
            let order: Order
            do {
                order = try await Orders.withDesk { desk, shop in try await step(desk, try await Environment.staff(by, shop)) }
            } catch IdentificationProblem.invalid(let field) {
                throw ValidationError("\(field.name) cannot be used: \"\(field.value)\"")
            } catch IdentificationProblem.copy(let problem) {
                throw ValidationError("the copy cannot be kept: \(problem) (a JPEG, PNG or PDF of at most 10 MB)")
            } catch IdentificationProblem.recordUnusable {
                throw ValidationError("record \(record ?? "") is not a valid record of this order's customer")
            }
            print("\(order.number) is now \(order.status.rawValue).")
        }
    }

    struct Hold: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Hold an order for compliance review (a reason is required).")
        @OptionGroup var action: ActionArguments
        @Option(help: "Why (recorded).") var reason: String
        func run() async throws { try await action.apply(.hold(reason: reason)) }
    }

    struct Release: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Let an order compliance held continue.")
        @OptionGroup var action: ActionArguments
        func run() async throws { try await action.apply(.release) }
    }
}

import Foundation
import TresorCore
import TresorStore

/// What compliance files with the FIU through goAML (§43 GwG): the case, the parties, the transactions, the
/// compliance decisions and the notes, as JSON (`json`) and as a printable PDF (`pdf`). The transactions are the
/// case's order and every order linked to it (same account, e-mail address, or name and address).
public struct CaseDossier: Sendable, Codable, Equatable {
    public struct Party: Sendable, Codable, Equatable {
        /// `customer` (as ordered), `identified` (from an identity record), `payer` (a bank account holder).
        public var role: String
        public var name: String
        public var details: [String: String]
    }

    public struct Transaction: Sendable, Codable, Equatable {
        public var order: String
        public var placedAt: Date
        public var status: String
        public var payment: String
        public var shipping: String
        public var total: String
        public var lines: [String]
        /// Credits booked to the order: amount, the payer's name and the bank's reference.
        public var credits: [String]
    }

    public struct Decision: Sendable, Codable, Equatable {
        public var order: String
        public var at: Date
        public var rule: String
        public var outcome: String
        public var explanation: String
        public var inputs: [String: String]
    }

    public var caseNumber: String
    public var status: String
    public var subject: String
    public var reason: String
    public var openedBy: String
    public var openedAt: Date
    public var fiuReference: String?
    public var exportedAt: Date
    public var dealer: String
    public var parties: [Party]
    public var transactions: [Transaction]
    public var decisions: [Decision]
    public var notes: [CaseNote]

    public var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(self)) ?? Data()  // safe: strings, dates and arrays always encode
    }

    /// The same as an A4 document, in German, one section after the other.
    public var pdf: Data {
        var lines: [(String, Bool)] = [("Verdachtsfall \(caseNumber) – \(dealer)", true),
                                       ("Status: \(status)" + (fiuReference.map { ", FIU-Aktenzeichen \($0)" } ?? ""), false),
                                       ("Betrifft: \(subject)", false), ("Anlass: \(reason)", false),
                                       ("Eröffnet von \(openedBy) am \(Format.dateTime(openedAt, .de)); exportiert am \(Format.dateTime(exportedAt, .de))", false),
                                       ("", false), ("Beteiligte", true)]
        for party in parties {
            lines.append(("\(party.role): \(party.name)", false))
            lines += party.details.sorted { $0.key < $1.key }.map { ("    \($0.key): \($0.value)", false) }
        }
        lines += [("", false), ("Transaktionen", true)]
        for item in transactions {
            lines.append(("\(item.order) · \(Format.dateTime(item.placedAt, .de)) · \(item.status) · \(item.payment)/\(item.shipping) · \(item.total) EUR", false))
            lines += (item.lines + item.credits).map { ("    " + $0, false) }
        }
        lines += [("", false), ("Entscheidungen der Prüfregeln", true)]
        lines += decisions.map { ("\($0.order) · \(Format.dateTime($0.at, .de)) · \($0.rule) · \($0.outcome) · \($0.explanation)", false) }
        lines += [("", false), ("Vermerke", true)]
        lines += notes.map { ("\(Format.dateTime($0.at, .de)) \($0.by): \($0.text)", false) }
        var document = PDFDocument(title: "Verdachtsfall \(caseNumber)", created: exportedAt)
        var page = PDFDocument.Page()
        var y = 790.0
        for (text, bold) in lines {
            for part in text.isEmpty ? [""] : PDFDocument.wrap(text, width: 483, size: bold ? 11 : 9, bold: bold) {
                if y < 60 {
                    document.pages.append(page)
                    page = PDFDocument.Page()
                    y = 790
                }
                page.text(part, x: 56, y: y, size: bold ? 11 : 9, bold: bold)
                y -= bold ? 16 : 12
            }
        }
        document.pages.append(page)
        return document.rendered()
    }
}

extension ComplianceCases {
    /// The dossier of a case as it stands now (compliance only); the export itself is audited.
    public func dossier(_ number: String, dealer: String, by actor: Actor, now: Date) async throws -> CaseDossier {
        try await database.transaction { sql in
            guard let recorded = try await StaffDirectory.authorize(actor, .cases, in: sql) else { throw StaffProblem.unknown(actor.recorded) }
            let cases = CaseRepository(sql)
            guard let item = try await cases.find(number: number) else { throw CaseProblem.noSuchCase(number) }
            let orders = OrderRepository(sql)
            var related: [Order] = []
            if let orderNumber = item.orderNumber, let order = try await orders.find(number: orderNumber) {
                related = try await LinkedTransactionRepository(sql).orders(LinkKeys(customer: order.customer, customerID: order.customerID), limit: 200)
            } else if let customerID = item.customerID {
                related = try await orders.list(customerID: customerID, limit: 200)
            }
            var parties: [CaseDossier.Party] = []
            var transactions: [CaseDossier.Transaction] = []
            var decisions: [CaseDossier.Decision] = []
            for order in related {
                let c = order.customer
                let customer = CaseDossier.Party(role: "customer", name: c.name, details: ["email": c.email, "address": "\(c.street), \(c.postalCode) \(c.city), \(c.country)"])
                if !parties.contains(customer) { parties.append(customer) }
                if let record = try await IdentityRecordRepository(sql).record(orderID: order.id) {
                    let identified = CaseDossier.Party(role: "identified", name: record.fullName, details: [
                        "born": "\(record.birthDate), \(record.birthPlace)", "nationality": record.nationality,
                        "address": "\(record.street), \(record.postalCode) \(record.city), \(record.country)",
                        "document": "\(record.documentType.rawValue) \(record.documentNumber), \(record.issuingAuthority) (\(record.issuingCountry)), valid until \(record.expiresOn)",
                        "ownAccount": record.ownAccount ? "yes" : "no", "politicallyExposed": record.politicallyExposed ? "yes" : "no"])
                    if !parties.contains(identified) { parties.append(identified) }
                }
                let credits = try await BankEntryRepository(sql).all(orderNumber: order.number)
                for credit in credits {
                    let payer = CaseDossier.Party(role: "payer", name: credit.entry.debtorName ?? "?", details: [:])
                    if !parties.contains(payer) { parties.append(payer) }
                }
                transactions.append(CaseDossier.Transaction(
                    order: order.number, placedAt: order.createdAt, status: order.status.rawValue, payment: order.payment.rawValue,
                    shipping: order.shipping.rawValue, total: order.total.decimalString,
                    lines: order.lines.map { "\($0.quantity) × \($0.name) (\($0.sku)) à \($0.unitPrice.decimalString) EUR" },
                    credits: credits.map { "\($0.entry.amount.decimalString) EUR from \($0.entry.debtorName ?? "?") (\($0.entry.bankReference))" }))
                decisions += try await ComplianceResultRepository(sql).list(orderID: order.id).map {
                    CaseDossier.Decision(order: order.number, at: $0.at, rule: $0.result.rule, outcome: $0.result.outcome.rawValue,
                                         explanation: $0.result.explanation, inputs: $0.result.inputs)
                }
            }
            try await AuditRepository(sql).append(actor: recorded, action: "case.export", target: number, before: [:],
                                                  after: ["transactions": String(transactions.count)], at: now)
            return CaseDossier(caseNumber: item.number, status: item.status.rawValue, subject: item.subject, reason: item.reason,
                               openedBy: item.openedBy, openedAt: item.openedAt, fiuReference: item.fiuReference, exportedAt: now,
                               dealer: dealer, parties: parties, transactions: transactions, decisions: decisions,
                               notes: try await cases.notes(caseID: item.id))
        }
    }
}

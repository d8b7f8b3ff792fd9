import Crypto
import Foundation
import SQLKit
import TresorCore
import TresorStore

/// A piece checked by staff: its measured gross weight and whether it is taken.
public struct ItemCheck: Sendable, Hashable {
    public var position: Int
    public var measuredGrams: String
    public var approved: Bool
    public var note: String

    public init(position: Int, measuredGrams: String, approved: Bool, note: String = "") {
        self.position = position
        self.measuredGrams = measuredGrams
        self.approved = approved
        self.note = note
    }
}

/// A SEPA payout file as written: its message id, the buy-backs in it, the total and the XML.
public struct PayoutFile: Sendable {
    public var messageID: String
    public var numbers: [String]
    public var total: Money
    public var xml: Data
}

extension BuybackDesk {
    /// The goods arrived (warehouse).
    public func receive(_ number: String, by actor: Actor, now: Date) async throws -> Buyback {
        try await step(number, .fulfilOrders, by: actor, now: now, action: "receive", from: [.awaitingGoods]) { buyback, _, sql in
            try await BuybackRepository(sql).setStatus(id: buyback.id, .received, now: now)
            return ""
        }
    }

    /// Each piece weighed and checked: approved or rejected (a rejected one goes back). When the last piece is
    /// decided the approved ones go into stock, the credit note is issued and the payout is due; with none approved
    /// the buy-back is returned.
    public func check(_ number: String, _ checks: [ItemCheck], by actor: Actor, now: Date) async throws -> Buyback {
        try await step(number, .fulfilOrders, by: actor, now: now, action: "check", from: [.received]) { buyback, _, sql in
            var buyback = buyback
            let repository = BuybackRepository(sql)
            for check in checks {
                guard let index = buyback.items.firstIndex(where: { $0.position == check.position }), buyback.items[index].decision == .pending else {
                    throw BuybackProblem.illegal("piece \(check.position) is not waiting for a check")
                }
                guard let grams = Decimal(string: check.measuredGrams.replacingOccurrences(of: ",", with: ".")), grams > 0, grams < 100_000 else {
                    throw BuybackProblem.invalid(InvalidParameter(name: "grams", value: check.measuredGrams))
                }
                let note = check.note.trimmingCharacters(in: .whitespacesAndNewlines)
                guard check.approved || !note.isEmpty, TextInput.isLine(note, maxCharacters: 200) else {
                    throw BuybackProblem.invalid(InvalidParameter(name: "note", value: note))  // a rejection says why
                }
                buyback.items[index].measuredGrams = grams.plainString
                buyback.items[index].decision = check.approved ? .approved : .rejected
                buyback.items[index].note = note
                try await repository.setItem(buybackID: buyback.id, buyback.items[index])
            }
            let summary = checks.map { "\($0.position): \($0.approved ? "approved" : "rejected") \($0.measuredGrams) g \($0.note)" }
                .joined(separator: "; ")
            guard !buyback.items.contains(where: { $0.decision == .pending }) else { return summary }
            let outbox = MailOutboxRepository(sql, dialect: database.dialect)
            guard buyback.approvedTotal > .zero else {
                try await repository.setStatus(id: buyback.id, .returned, now: now)
                try await outbox.enqueue(BuybackMails.checked(buyback, note: nil, settings: orders.mail, now: now), now: now)
                return summary + "; nothing approved, the pieces go back"
            }
            let stock = StockRepository(sql, dialect: database.dialect)
            for item in buyback.items where item.decision == .approved { try await stock.giveBack(1, of: item.productID, now: now) }
            buyback.status = .checked
            let year = BankingCalendar.berlinYear(of: now)
            let note = CreditNote(number: CreditNote.number(year: year, sequence: try await CounterRepository(sql).next("credit-note-\(year)")),
                                  issuedAt: now, buyback: buyback, dealer: orders.dealer.current.seller)
            try await repository.store(note, pdf: CreditNotePDF.render(note, demo: orders.dealer.current.isDemo))
            try await repository.setCreditNote(id: buyback.id, number: note.number)
            try await repository.setStatus(id: buyback.id, .checked, now: now)
            try await outbox.enqueue(BuybackMails.checked(buyback, note: note, settings: orders.mail, now: now), now: now)
            return summary + "; credit note \(note.number) over \(note.total.decimalString) EUR"
        }
    }

    /// Called off before the goods arrived (or returned whole), with the reason.
    public func cancel(_ number: String, reason: String, by actor: Actor, now: Date) async throws -> Buyback {
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, TextInput.isLine(text, maxCharacters: 200) else { throw BuybackProblem.invalid(InvalidParameter(name: "reason", value: text)) }
        return try await step(number, .manageOrders, by: actor, now: now, action: "cancel", from: [.onHold, .awaitingGoods]) { buyback, _, sql in
            try await BuybackRepository(sql).setStatus(id: buyback.id, .cancelled, now: now)
            return text
        }
    }

    /// Compliance lets a held buy-back go on.
    public func release(_ number: String, by actor: Actor, now: Date) async throws -> Buyback {
        try await step(number, .identify, by: actor, now: now, action: "release", from: [.onHold]) { buyback, _, sql in
            try await BuybackRepository(sql).setStatus(id: buyback.id, .awaitingGoods, now: now)
            return ""
        }
    }

    /// Records the seller's checked identity document for the buy-back (as for sales).
    public func identify(_ number: String, record: IdentityRecord, copy: [UInt8], by actor: Actor, now: Date) async throws -> Buyback {
        do { try record.validate(now: now) } catch { throw IdentificationProblem.invalid(error) }
        let document: IdentityDocumentCopy
        do { document = try IdentityDocumentCopy(bytes: copy) } catch { throw IdentificationProblem.copy(error) }
        return try await step(number, .identify, by: actor, now: now, action: "identify",
                              from: [.onHold, .awaitingGoods, .received, .checked]) { buyback, recorded, sql in
            var record = record
            record.customerID = buyback.customerID
            record.checkedBy = recorded
            record.checkedAt = now
            try await IdentityRecordRepository(sql).insert(record, copy: document,
                                                           keepUntil: buyback.customerID == nil ? IdentityRetention.deletableFrom(relationshipEnded: now) : nil)
            try await BuybackRepository(sql).setIdentity(id: buyback.id, recordID: record.id)
            return "identified by \(record.documentType.rawValue) valid until \(record.expiresOn)"
        }
    }

    /// Pays a checked buy-back in cash at the counter: from €2,000 (alone or linked, §10 GwG), or whenever the rules
    /// asked for it, only to an identified seller.
    public func payCash(_ number: String, by actor: Actor, now: Date) async throws -> Buyback {
        try await step(number, .manageOrders, by: actor, now: now, action: "pay cash", from: [.checked]) { buyback, _, sql in
            guard buyback.payout == .cash else { throw BuybackProblem.illegal("paid by bank transfer in the SEPA file") }
            guard try await SanctionRepository(sql).open(references: [buyback.number]).isEmpty else {
                throw BuybackProblem.illegal("a possible sanctions match waits for compliance")
            }
            let repository = BuybackRepository(sql)
            let identified = try await repository.identityRecordID(id: buyback.id) != nil
            if !identified {
                if buyback.compliance.outcome == .needsIdentification {
                    throw BuybackProblem.illegal("identify the seller first: \(buyback.compliance.explanation)")
                }
                if let refusal = CashAtCounter.refusal(total: buyback.approvedTotal, identified: false, at: now) {
                    throw BuybackProblem.illegal(refusal)
                }
            }
            try await repository.markPaid(ids: [buyback.id], batch: nil, now: now)
            return "cash \(buyback.approvedTotal.decimalString) EUR paid out at the counter"
        }
    }

    /// Every checked bank payout not yet in a file (and not waiting for an identification the rules ask for), as one
    /// SEPA credit transfer from the dealer's account; each is marked paid with the file's message id, in the same
    /// transaction that stores the file. Nil when nothing is due.
    public func exportPayouts(by actor: Actor, now: Date) async throws -> PayoutFile? {
        try await database.transaction { sql in
            guard let recorded = try await StaffDirectory.authorize(actor, .payments, in: sql) else { throw StaffProblem.unknown(actor.recorded) }
            let repository = BuybackRepository(sql)
            var due: [Buyback] = []
            for buyback in try await repository.bankPayoutsDue(limit: 1_000) {
                let identified = try await repository.identityRecordID(id: buyback.id) != nil
                let screened = try await SanctionRepository(sql).open(references: [buyback.number]).isEmpty
                if screened && (identified || buyback.compliance.outcome != .needsIdentification) { due.append(buyback) }
            }
            guard !due.isEmpty else { return nil }
            let settings = orders.dealer.current
            let stamp = SEPACreditTransfer.timestamp(now).filter(\.isNumber)
            let messageID = "TRESOR-\(stamp)-\(try await CounterRepository(sql).next("payout-file"))"
            let transfer = SEPACreditTransfer(
                messageID: messageID, created: now, debtorName: settings.bankHolder, debtorIBAN: settings.iban, debtorBIC: settings.bic,
                executionDay: BankingCalendar.berlinDay(of: BankingCalendar().dueDate(after: now, bankingDays: 1)),
                payments: due.map { buyback in
                    SEPACreditTransfer.Payment(endToEndID: buyback.number, amount: buyback.approvedTotal, creditorName: buyback.accountHolder ?? buyback.seller.name,
                                               creditorIBAN: buyback.iban ?? "",
                                               remittance: "Ankauf \(buyback.number) Gutschrift \(buyback.creditNote ?? "")")
                })
            let xml = Data(transfer.xml.utf8)
            try await repository.markPaid(ids: due.map(\.id), batch: messageID, now: now)
            try await repository.recordBatch(messageID: messageID, by: recorded, payouts: due.count, total: transfer.total,
                                             sha256: Hex.encode(SHA256.hash(data: xml)), xml: transfer.xml, now: now)
            for buyback in due {
                try await repository.addEvent(buybackID: buyback.id, at: now, actor: recorded, action: "payout",
                                              note: "SEPA file \(messageID): \(buyback.approvedTotal.decimalString) EUR")
            }
            try await AuditRepository(sql).append(actor: recorded, action: "payouts.export", target: messageID, before: [:],
                                                  after: ["payouts": String(due.count), "total": transfer.total.decimalString], at: now)
            return PayoutFile(messageID: messageID, numbers: due.map(\.number), total: transfer.total, xml: xml)
        }
    }

    /// The credit note as issued: its data and the PDF.
    public func creditNote(_ number: String) async throws -> (note: CreditNote, pdf: Data)? {
        try await database.read { sql in try await BuybackRepository(sql).creditNote(number: number) }
    }

    /// One staff step on a buy-back: the role checked, the state checked under the row lock, the change, an event
    /// and an audit entry, all in one transaction.
    func step(_ number: String, _ permission: StaffPermission, by actor: Actor, now: Date, action: String, from: Set<BuybackStatus>,
              _ change: @Sendable (Buyback, String, any SQLDatabase) async throws -> String) async throws -> Buyback {
        try await database.transaction { sql in
            guard let recorded = try await StaffDirectory.authorize(actor, permission, in: sql) else { throw StaffProblem.unknown(actor.recorded) }
            let repository = BuybackRepository(sql)
            try await repository.lock(number: number)
            guard let buyback = try await repository.find(number: number) else { throw BuybackProblem.noSuchBuyback(number) }
            guard from.contains(buyback.status) else { throw BuybackProblem.illegal("cannot \(action) a buy-back that is \(buyback.status.rawValue)") }
            let note = try await change(buyback, recorded, sql)
            try await repository.addEvent(buybackID: buyback.id, at: now, actor: recorded, action: action, note: note)
            guard let changed = try await repository.find(number: number) else { throw BuybackProblem.noSuchBuyback(number) }
            try await AuditRepository(sql).append(actor: recorded, action: "buyback." + action.replacingOccurrences(of: " ", with: "-"), target: number,
                                                  before: ["status": buyback.status.rawValue], after: ["status": changed.status.rawValue, "note": note],
                                                  at: now)
            return changed
        }
    }
}

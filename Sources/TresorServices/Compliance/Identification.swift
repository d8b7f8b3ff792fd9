import Foundation
import SQLKit
import TresorCore
import TresorStore

/// Why an identification was not recorded.
public enum IdentificationProblem: Error, Equatable, Sendable {
    /// A required field is missing or unusable (named as the forms and the command line name it).
    case invalid(InvalidParameter)
    case copy(IdentityDocumentCopy.Problem)
    /// The record to reuse does not exist, belongs to another customer, or its document expired.
    case recordUnusable
}

extension OrderDesk {
    /// Records a checked identity for an order waiting for it (§§ 8, 10–12 GwG): the record with the document's copy,
    /// linked to the order, which then moves on. Someone acting for another or a politically exposed person puts
    /// the order on hold for compliance (§10 Abs. 1 Nr. 2 and 4, §15 GwG). All or nothing, audited.
    public func identify(_ number: String, record: IdentityRecord, copy: [UInt8], by actor: Actor, now: Date) async throws -> Order {
        do { try record.validate(now: now) } catch { throw IdentificationProblem.invalid(error) }
        let document: IdentityDocumentCopy
        do { document = try IdentityDocumentCopy(bytes: copy) } catch { throw IdentificationProblem.copy(error) }
        return try await database.transaction { sql in
            let order = try await waiting(number, in: sql)
            var record = record
            record.customerID = order.customerID
            record.checkedBy = actor.recorded
            record.checkedAt = now
            let records = IdentityRecordRepository(sql)
            try await records.insert(record, copy: document, keepUntil: nil)
            return try await identified(order, by: record, actor: actor, now: now, in: sql)
        }
    }

    /// Identifies an order with a record the customer's account already has, its document still valid.
    public func identify(_ number: String, recordID: UUID, by actor: Actor, now: Date) async throws -> Order {
        try await database.transaction { sql in
            let order = try await waiting(number, in: sql)
            guard let record = try await IdentityRecordRepository(sql).find(id: recordID), record.customerID != nil,
                  record.customerID == order.customerID, record.isValid(on: now) else { throw IdentificationProblem.recordUnusable }
            return try await identified(order, by: record, actor: actor, now: now, in: sql)
        }
    }

    /// The order, locked, if it waits for identification; refused otherwise, as the state machine says.
    func waiting(_ number: String, in sql: any SQLDatabase) async throws -> Order {
        let orders = OrderRepository(sql)
        try await orders.lock(number: number, dialect: database.dialect)
        guard let order = try await orders.find(number: number) else { throw OrderActionProblem.noSuchOrder(number) }
        guard order.status == .awaitingIdentification else {
            throw OrderActionProblem.illegal(IllegalTransition(from: order.status, action: OrderAction.identify.name,
                                                               reason: "the order does not wait for identification"))
        }
        return order
    }

    func identified(_ order: Order, by record: IdentityRecord, actor: Actor, now: Date, in sql: any SQLDatabase) async throws -> Order {
        // A guest's identification is an occasional transaction: kept five years after this year. An account's records
        // are kept while the account lasts (`IdentityRecordRepository.endRelationship`).
        let keepUntil = order.customerID == nil ? IdentityRetention.deletableFrom(relationshipEnded: now) : nil
        try await IdentityRecordRepository(sql).link(orderID: order.id, recordID: record.id, by: actor.recorded, at: now, keepUntil: keepUntil)
        // The identified person is screened with the birth date the document gives.
        let sanctioned = SanctionsDesk.result(try await sanctions.screen(record.fullName, birthDate: record.birthDate, as: .order,
                                                                         reference: order.number, now: now, in: sql).open)
        let review = [record.politicallyExposed ? "politically exposed person" : nil, record.ownAccount ? nil : "acts for another person",
                      sanctioned == nil ? nil : "possible sanctions match"].compactMap { $0 }
        let result = ComplianceRuleResult(
            rule: "GwG identification", outcome: review.isEmpty ? .allow : .hold,
            inputs: ["record": record.id.uuidString.lowercased(), "document": record.documentType.rawValue, "expiresOn": record.expiresOn,
                     "politicallyExposed": record.politicallyExposed ? "yes" : "no", "ownAccount": record.ownAccount ? "yes" : "no"],
            explanation: review.isEmpty ? "identified by \(record.documentType.rawValue) valid until \(record.expiresOn)"
                : "identified; compliance reviews: " + review.joined(separator: ", "))
        try await ComplianceResultRepository(sql).insert([result] + (sanctioned.map { [$0] } ?? []), orderID: order.id, at: now)
        try await StaffDirectory.audit(actor, "identity.record", order.number, after: ["record": record.id.uuidString.lowercased(),
                                                                                      "outcome": result.outcome.rawValue], now: now, in: sql)
        var moved = try await apply(.identify, to: order.number, by: actor, note: result.explanation, now: now, in: sql)
        if !review.isEmpty {
            moved = try await apply(.hold(reason: review.joined(separator: ", ")), to: order.number, by: actor, now: now, in: sql)
        }
        return moved
    }

    /// The rule results recorded for an order, oldest first (placement, identification, …).
    public func complianceResults(orderID: UUID) async throws -> [(result: ComplianceRuleResult, at: Date)] {
        try await database.read { sql in try await ComplianceResultRepository(sql).list(orderID: orderID) }
    }

    /// The copy of a record's document as it was uploaded.
    public func identityCopy(recordID: UUID) async throws -> (contentType: String, bytes: Data)? {
        try await database.read { sql in try await IdentityRecordRepository(sql).copy(id: recordID) }.map { ($0.contentType, $0.bytes) }
    }

    /// The identity record that identified an order.
    public func identityRecord(orderID: UUID) async throws -> IdentityRecord? {
        try await database.read { sql in try await IdentityRecordRepository(sql).record(orderID: orderID) }
    }
}

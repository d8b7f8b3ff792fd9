import Foundation
import SQLKit
import TresorCore
import TresorStore

/// Why a staff action on an order was not carried out.
public enum OrderActionProblem: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownStaff(String)
    case noSuchOrder(String)
    case illegal(IllegalTransition)

    public var description: String {
        switch self {
        case .unknownStaff(let email): "no active staff member \(email); add one with `tresor staff add`"
        case .noSuchOrder(let number): "no order \(number)"
        case .illegal(let transition): transition.description
        }
    }
}

extension OrderDesk {
    /// Carries out one action on an order in one transaction: checks the transition, changes the status, puts
    /// stock back when a cancelled order returns it, and records who did what and why. `actor` is an active staff
    /// member or the shop's own job; anyone else is refused. The command line calls this now; the back office
    /// will call the same. `onlyFrom` narrows the states the action may start from (checked under the row lock);
    /// `within` runs inside the same transaction after the change, to record what belongs with it.
    public func apply(_ action: OrderAction, to number: String, by actor: Actor, note: String = "", now: Date,
                      onlyFrom: Set<OrderStatus>? = nil,
                      within: (@Sendable (any SQLDatabase, Order) async throws -> Void)? = nil) async throws -> Order {
        try await database.transaction { sql in
            try await apply(action, to: number, by: actor, note: note, now: now, onlyFrom: onlyFrom, in: sql, within: within)
        }
    }

    /// The same, inside a transaction the caller holds (e.g. a bank-statement import that pays several orders).
    func apply(_ action: OrderAction, to number: String, by actor: Actor, note: String = "", now: Date,
               onlyFrom: Set<OrderStatus>? = nil, in sql: any SQLDatabase,
               within: (@Sendable (any SQLDatabase, Order) async throws -> Void)? = nil) async throws -> Order {
        let dialect = database.dialect
        guard let recorded = try await StaffDirectory.authorize(actor, action.permission, in: sql) else {
            throw OrderActionProblem.unknownStaff(actor.staffMember?.email ?? actor.recorded)
        }
        let orders = OrderRepository(sql)
        try await orders.lock(number: number, dialect: dialect)
        guard var order = try await orders.find(number: number) else { throw OrderActionProblem.noSuchOrder(number) }
        if let onlyFrom, !onlyFrom.contains(order.status) {
            throw OrderActionProblem.illegal(IllegalTransition(from: order.status, action: action.name,
                                                               reason: "the order changed meanwhile"))
        }
        var next: OrderStatus
        do throws(IllegalTransition) { next = try order.stateMachine.next(after: order.status, action) } catch {
            throw OrderActionProblem.illegal(error)
        }
        // A held order goes back where it stood when it was held (paid stays paid); one held at placement waits for
        // payment. Its refund on cancelling follows that state too.
        let beforeHold: OrderStatus? = order.status == .onHold
            ? try await orders.events(orderID: order.id).last { $0.to == .onHold }?.from : nil
        if action == .release, let beforeHold { next = beforeHold }
        if action == .release, beforeHold == nil,
           try await ComplianceResultRepository(sql).list(orderID: order.id).contains(where: { $0.result.outcome == .needsIdentification }),
           try await IdentityRecordRepository(sql).record(orderID: order.id)?.isValid(on: now) != true {
            // Held at placement and the rules also asked for identification: it still has to happen.
            next = .awaitingIdentification
        }
        if action == .identify || (action == .deliver && order.payment == .cash) {
            // Identified means a recorded identity whose document is still valid (§§ 11, 12 GwG), not a click.
            let identified = try await IdentityRecordRepository(sql).record(orderID: order.id)?.isValid(on: now) == true
            if action == .identify, !identified {
                throw OrderActionProblem.illegal(IllegalTransition(from: order.status, action: action.name,
                                                                   reason: "record the customer's identity document first (a valid one)"))
            }
            if action == .deliver, let refusal = CashAtCounter.refusal(total: order.total, identified: identified, at: now) {
                throw OrderActionProblem.illegal(IllegalTransition(from: order.status, action: action.name, reason: refusal))
            }
        }
        let returned: Bool = if case .returnShipment = action { true } else { false }
        if returned || (action.isCancel && OrderStateMachine.returnsStock(whenCancelledFrom: order.status)) {
            let stock = StockRepository(sql, dialect: dialect)
            for line in order.lines { try await stock.giveBack(line.quantity, of: line.productID, now: now) }
        }
        try await orders.setStatus(orderID: order.id, to: next, now: now)
        // Handing over a cash order is its payment: the event records the cash received and who took it.
        let cashNote = action == .deliver && order.payment == .cash ? "cash \(order.total.decimalString) EUR received at the counter" : ""
        let eventNote = [Self.note(for: action, extra: note), cashNote].filter { !$0.isEmpty }.joined(separator: "; ")
        try await orders.addEvent(orderID: order.id, at: now, actor: recorded, action: action.name, from: order.status,
                                  to: next, note: eventNote)
        try await StaffDirectory.audit(actor, "order." + action.name.replacingOccurrences(of: " ", with: "-"), number,
                                       before: ["status": order.status.rawValue],
                                       after: ["status": next.rawValue, "note": eventNote], now: now, in: sql)
        let before = order.status
        order.status = next
        if returned {
            // The parcel came back: the invoice is reversed by a cancellation invoice, the payment is owed back.
            _ = try await InvoiceIssue.cancellation(for: order, seller: seller, now: now, in: sql)
            try await RefundRepository(sql).record(orderID: order.id, amount: order.total, reason: Self.note(for: action, extra: ""),
                                                   by: recorded, now: now)
        } else if action.isCancel, OrderStateMachine.paidBeforeCancel(beforeHold ?? before) {
            try await RefundRepository(sql).record(orderID: order.id, amount: order.total, reason: Self.note(for: action, extra: ""),
                                                   by: recorded, now: now)
        }
        if OrderStateMachine.goodsLeave(next, shipping: order.shipping) {
            // The invoice is issued when the goods leave (§14 UStG: its date is the supply date), in this transaction.
            _ = try await InvoiceIssue.invoice(for: order, suppliedAt: now, seller: seller, now: now, in: sql)
        }
        if next == .paid {
            // Until the goods leave the customer has the order confirmation and, once paid, this receipt.
            if order.payment == .bankTransfer {
                try await MailOutboxRepository(sql, dialect: dialect)
                    .enqueue(OrderMails.paymentReceived(order, link: try await orderLink(order, sql: sql), settings: mail, now: now), now: now)
            }
        }
        try await within?(sql, order)
        return order
    }

    static func note(for action: OrderAction, extra: String) -> String {
        let detail: String = switch action {
        case .ship(let tracking): "tracking \(tracking)"
        case .cancel(let reason), .returnShipment(let reason), .hold(let reason): reason
        default: ""
        }
        return [detail, extra].filter { !$0.isEmpty }.joined(separator: "; ")
    }
}

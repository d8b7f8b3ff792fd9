import Foundation

/// The order life cycle: which action moves an order from which state to which, and why not otherwise.
///
/// awaiting_identification → awaiting_payment → paid → packed → shipped → delivered.
/// Pickup orders go packed → delivered; cash at pickup is paid at collection, so such an order may be
/// packed while awaiting payment and is paid when delivered (never marked paid on its own). overdue only from awaiting_payment, and an
/// overdue order may still be paid. on_hold from the compliance check at placement, or held by compliance before
/// the goods leave; released, it goes back where it stood. cancelled from
/// any state before shipped; returned from shipped when the parcel comes back.
public struct OrderStateMachine: Sendable {
    public var shipping: ShippingMethod
    public var payment: PaymentMethod

    public init(shipping: ShippingMethod, payment: PaymentMethod) {
        self.shipping = shipping
        self.payment = payment
    }

    /// The state after `action`, or why the action is refused.
    public func next(after status: OrderStatus, _ action: OrderAction) throws(IllegalTransition) -> OrderStatus {
        func refuse(_ reason: String) -> IllegalTransition {
            IllegalTransition(from: status, action: action.name, reason: reason)
        }
        let cashPickup = shipping == .pickup && payment == .cash
        switch (status, action) {
        case (.awaitingIdentification, .identify):
            return .awaitingPayment
        case (.awaitingPayment, .markPaid), (.overdue, .markPaid):
            // Cash changes hands only at the counter, with the goods: handing them over records it (§10 GwG checks
            // included). Marking a cash order paid without that would skip both.
            guard payment == .bankTransfer else { throw refuse("cash is paid at the counter when the goods are handed over (deliver)") }
            return .paid
        case (.awaitingPayment, .markOverdue):
            guard payment == .bankTransfer else { throw refuse("cash orders are paid at the counter, they have no due date") }
            return .overdue
        case (.paid, .pack):
            return .packed
        case (.awaitingPayment, .pack):
            guard cashPickup else { throw refuse("goods are packed only after payment (cash at pickup excepted)") }
            return .packed
        case (.packed, .ship(let tracking)):
            guard shipping == .insured else { throw refuse("pickup orders are handed over at the counter, not shipped") }
            guard !tracking.trimmingCharacters(in: .whitespaces).isEmpty else { throw refuse("a tracking number is required") }
            return .shipped
        case (.packed, .deliver):
            guard shipping == .pickup else { throw refuse("shipped orders are delivered by the carrier after shipping") }
            return .delivered
        case (.shipped, .deliver):
            return .delivered
        case (.onHold, .release):
            return .awaitingPayment
        case (.awaitingIdentification, .hold(let reason)), (.awaitingPayment, .hold(let reason)), (.overdue, .hold(let reason)),
             (.paid, .hold(let reason)), (.packed, .hold(let reason)):
            guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw refuse("a reason is required") }
            return .onHold
        case (.awaitingIdentification, .cancel(let reason)), (.awaitingPayment, .cancel(let reason)),
             (.onHold, .cancel(let reason)), (.paid, .cancel(let reason)), (.packed, .cancel(let reason)),
             (.overdue, .cancel(let reason)):
            guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw refuse("a reason is required") }
            return .cancelled
        case (.shipped, .returnShipment(let reason)):
            guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw refuse("a reason is required") }
            return .returned
        case (.shipped, .cancel), (.delivered, .cancel):
            throw refuse("the goods have left the vault; a parcel that comes back is recorded as returned")
        case (.returned, _):
            throw refuse("the parcel came back; the order is closed")
        case (.cancelled, _):
            throw refuse("the order is cancelled")
        case (.delivered, _):
            throw refuse("the order is complete")
        case (.awaitingIdentification, _):
            throw refuse("the customer's identity must be recorded first")
        case (.onHold, _):
            throw refuse("compliance holds the order")
        default:
            throw refuse("not a step from \(status.rawValue)")
        }
    }

    /// Whether reaching `status` is the moment the goods leave the dealer (shipped, or handed over at the counter):
    /// the supply, when the invoice is issued.
    public static func goodsLeave(_ status: OrderStatus, shipping: ShippingMethod) -> Bool {
        switch shipping {
        case .insured: status == .shipped
        case .pickup: status == .delivered
        }
    }

    /// Whether cancelling from `status` puts the goods back into stock (always, before they left).
    public static func returnsStock(whenCancelledFrom status: OrderStatus) -> Bool {
        status != .shipped && status != .delivered && status != .cancelled && status != .returned
    }

    /// Whether the customer had paid when the order was cancelled from `status` before the goods left: what they
    /// paid is owed back.
    public static func paidBeforeCancel(_ status: OrderStatus) -> Bool { status == .paid || status == .packed }
}

extension OrderAction {
    /// Whether this is a cancellation (whatever its reason).
    public var isCancel: Bool { if case .cancel = self { true } else { false } }

    /// A short verb for messages and event records.
    public var name: String {
        switch self {
        case .identify: "identify"
        case .markPaid: "mark paid"
        case .pack: "pack"
        case .ship: "ship"
        case .deliver: "deliver"
        case .markOverdue: "mark overdue"
        case .release: "release"
        case .hold: "hold"
        case .cancel: "cancel"
        case .returnShipment: "return"
        }
    }
}

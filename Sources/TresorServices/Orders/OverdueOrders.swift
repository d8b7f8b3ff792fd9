import Foundation
import Logging
import ServiceLifecycle
import SQLKit
import TresorCore
import TresorStore

extension OrderDesk {
    /// The job that marks orders overdue, as order histories name it.
    public static let overdueJob = Actor.system(job: "overdue-watch")

    /// Marks every bank-transfer order unpaid past its due date as overdue and queues its reminder, in one
    /// transaction per batch. Returns the numbers it marked.
    @discardableResult
    public func markOverdue(now: Date, limit: Int = 100) async throws -> [String] {
        let dialect = database.dialect
        let settings = mail
        return try await database.transaction { sql in
            let orders = OrderRepository(sql)
            var marked: [String] = []
            for number in try await orders.claimOverdue(now: now, dialect: dialect, limit: limit) {
                guard let order = try await orders.find(number: number),
                      let next = try? order.stateMachine.next(after: order.status, .markOverdue) else { continue }
                try await orders.setStatus(orderID: order.id, to: next, now: now)
                try await orders.addEvent(orderID: order.id, at: now, actor: Self.overdueJob.recorded, action: OrderAction.markOverdue.name,
                                          from: order.status, to: next, note: "due date passed, reminder sent")
                let reminder = OrderMails.reminder(order, link: try await orderLink(order, sql: sql), settings: settings, now: now)
                try await MailOutboxRepository(sql, dialect: dialect).enqueue(reminder, now: now)
                marked.append(number)
            }
            return marked
        }
    }

    /// The job that cancels unpaid orders after their grace, as order histories name it.
    public static let cancellationJob = Actor.system(job: "unpaid-cancellation")

    /// Cancels every bank-transfer order still unpaid `cancellationGraceDays` after its due date: the market loss is
    /// recorded, the stock goes back, the customer is told. An order that cannot be priced now (stale feed) waits
    /// for the next beat. Returns the numbers it cancelled.
    @discardableResult
    public func cancelUnpaidPastGrace(now: Date, limit: Int = 100) async throws -> [String] {
        let cutoff = now.addingTimeInterval(-Double(cancellationGraceDays) * 86_400)
        let numbers = try await database.read { sql in try await OrderRepository(sql).unpaid(dueBefore: cutoff, limit: limit) }
        guard !numbers.isEmpty else { return [] }
        try await board.refresh()
        var cancelled: [String] = []
        for number in numbers {
            do {
                let reason = "not paid \(cancellationGraceDays) days after the due date"
                let (order, _) = try await cancelUnpaid(number, by: Self.cancellationJob, reason: reason, snapshot: board.snapshot,
                                                        fee: cancellationFee, now: now) { sql, order in
                    let notice = OrderMails.cancelledUnpaid(order, graceDays: cancellationGraceDays, settings: mail, now: now)
                    try await MailOutboxRepository(sql, dialect: database.dialect).enqueue(notice, now: now)
                }
                cancelled.append(order.number)
            } catch let problem as OrderActionProblem {
                // Paid meanwhile, cancelled by staff, or no price now: nothing to do this time.
                logger.notice("unpaid order not cancelled", metadata: ["order": "\(number)", "reason": "\(problem)"])
            }
        }
        return cancelled
    }

    /// Cancels an order before it ships: an unpaid one with the market loss the customer owes recorded, any
    /// other with a plain cancellation (the state machine says which may be cancelled). The market loss is priced
    /// from the board, refreshed first so a command line run prices at the latest accepted ticks.
    public func cancel(_ number: String, reason: String, by actor: Actor, note: String = "",
                       now: Date) async throws -> (Order, marketLoss: Money?) {
        let status = try await database.read { sql in try await OrderRepository(sql).find(number: number)?.status }
        guard status == .overdue || status == .awaitingPayment else {
            return (try await apply(.cancel(reason: reason), to: number, by: actor, note: note, now: now), nil)
        }
        try await board.refresh()
        let (order, loss) = try await cancelUnpaid(number, by: actor, reason: reason, snapshot: board.snapshot, fee: cancellationFee,
                                                   now: now)
        return (order, loss)
    }

    /// What cancelling this unpaid order now would cost the customer (shown to staff before they confirm); nil when
    /// the order is not unpaid, or cannot be priced now (stale feed).
    public func marketLossIfCancelledNow(_ number: String, now: Date) async throws -> Money? {
        let current = try await database.read { sql in try await OrderRepository(sql).find(number: number) }
        guard let current, current.status == .overdue || current.status == .awaitingPayment else { return nil }
        try await board.refresh()
        return try? Self.marketLoss(current, snapshot: board.snapshot, fee: cancellationFee, now: now).loss
    }

    /// The market loss of an unpaid order at today's selling prices (`MarketLoss`), and the goods' value today
    /// without VAT. Each line is priced at the tier its quantity reaches, as when it was quoted, and with the VAT of
    /// the member state the order is taxed in, so both sides lose the same VAT.
    static func marketLoss(_ order: Order, snapshot: CatalogueSnapshot, fee: Money, now: Date) throws -> (loss: Money, valueToday: Money) {
        let calculator = PriceCalculator()
        var lines: [MarketLoss.Line] = []
        for line in order.lines {
            guard let product = snapshot.product(sku: line.sku), let tick = snapshot.ticks[product.metal],
                  snapshot.isFresh(product.metal, now: now) else {
                throw OrderActionProblem.illegal(IllegalTransition(from: order.status, action: "cancel unpaid",
                                                                   reason: "no current price for \(line.sku)"))
            }
            let unit = calculator.unitPrice(of: product, quantity: line.quantity, spotAsk: tick.ask, on: now, vatCountry: order.vatCountry)
            let today = VatBreakdown(lineTotal: unit * line.quantity, regime: line.vatRegime,
                                     ratePercent: calculator.rates.percent(line.vatRegime, in: order.vatCountry, on: now))
            lines.append(MarketLoss.Line(lockedNet: line.lineTotal - line.vat, todayNet: today.net))
        }
        return (MarketLoss.owed(lines, fee: fee), lines.reduce(Money.zero) { $0 + $1.todayNet })
    }

    /// Cancels an unpaid (overdue or awaiting payment) order and records the market loss the customer owes:
    /// per line the locked price minus today's selling price, without VAT, if positive, plus `fee` (`MarketLoss`).
    public func cancelUnpaid(_ number: String, by actor: Actor, reason: String, snapshot: CatalogueSnapshot,
                             fee: Money, now: Date,
                             within: (@Sendable (any SQLDatabase, Order) async throws -> Void)? = nil) async throws -> (Order, marketLoss: Money) {
        let current = try await database.read { sql in try await OrderRepository(sql).find(number: number) }
        guard let current else { throw OrderActionProblem.noSuchOrder(number) }
        guard current.status == .overdue || current.status == .awaitingPayment else {
            throw OrderActionProblem.illegal(IllegalTransition(from: current.status, action: "cancel unpaid",
                                                               reason: "only unpaid orders carry a market loss"))
        }
        let (loss, valueToday) = try Self.marketLoss(current, snapshot: snapshot, fee: fee, now: now)
        // The loss is recorded in the cancelling transaction: cancelled and owed, or neither.
        let order = try await apply(.cancel(reason: reason), to: number, by: actor,
                                    note: "market loss \(loss.decimalString) EUR (goods today \(valueToday.decimalString) EUR without VAT)",
                                    now: now, onlyFrom: [.overdue, .awaitingPayment]) { sql, order in
            try await OrderRepository(sql).setMarketLoss(orderID: order.id, loss, now: now)
            try await within?(sql, order)
        }
        return (order, loss)
    }
}

/// Looks for overdue orders every interval, and cancels those unpaid past their grace.
public struct OverdueWatch: Service {
    let desk: OrderDesk
    let interval: Duration
    let now: @Sendable () -> Date
    let logger: Logger

    public init(desk: OrderDesk, interval: Duration = .seconds(60), now: @escaping @Sendable () -> Date, logger: Logger) {
        self.desk = desk
        self.interval = interval
        self.now = now
        self.logger = logger
    }

    public func run() async throws {
        await repeating(every: interval, logger: logger, failure: "overdue check failed") {
            let marked = try await desk.markOverdue(now: now())
            if !marked.isEmpty { logger.notice("orders overdue", metadata: ["orders": "\(marked.joined(separator: ","))"]) }
            let cancelled = try await desk.cancelUnpaidPastGrace(now: now())
            if !cancelled.isEmpty { logger.notice("unpaid orders cancelled", metadata: ["orders": "\(cancelled.joined(separator: ","))"]) }
        }
    }
}

import Foundation
import Testing
@testable import TresorCore

@Suite struct OrderStateMachineTests {
    let bank = OrderStateMachine(shipping: .insured, payment: .bankTransfer)
    let cashPickup = OrderStateMachine(shipping: .pickup, payment: .cash)
    let bankPickup = OrderStateMachine(shipping: .pickup, payment: .bankTransfer)

    @Test func bankTransferShippedOrderRunsThrough() throws {
        var status = OrderStatus.awaitingIdentification
        for (action, expected) in [(OrderAction.identify, OrderStatus.awaitingPayment), (.markPaid, .paid), (.pack, .packed),
                                   (.ship(trackingNumber: "DHL 0034 1234"), .shipped), (.deliver, .delivered)] {
            status = try bank.next(after: status, action)
            #expect(status == expected)
        }
    }

    @Test func overdueOrdersMayStillBePaid() throws {
        #expect(try bank.next(after: .awaitingPayment, .markOverdue) == .overdue)
        #expect(try bank.next(after: .overdue, .markPaid) == .paid)
        #expect(throws: IllegalTransition.self) { try bank.next(after: .paid, .markOverdue) }
        #expect(throws: IllegalTransition.self) { try cashPickup.next(after: .awaitingPayment, .markOverdue) }
    }

    @Test func pickupGoesFromPackedToDelivered() throws {
        // Cash at pickup: packed before payment, paid at collection.
        #expect(try cashPickup.next(after: .awaitingPayment, .pack) == .packed)
        #expect(try cashPickup.next(after: .packed, .deliver) == .delivered)
        #expect(throws: IllegalTransition.self) { try cashPickup.next(after: .packed, .ship(trackingNumber: "X")) }
        // Bank transfer with pickup: paid first.
        #expect(throws: IllegalTransition.self) { try bankPickup.next(after: .awaitingPayment, .pack) }
        #expect(try bankPickup.next(after: .paid, .pack) == .packed)
        // Shipped orders are not handed over at the counter.
        #expect(throws: IllegalTransition.self) { try bank.next(after: .packed, .deliver) }
    }

    /// Cash is paid at the counter with the goods: a cash order is never marked paid on its own, and handing it over
    /// asks the identification rule again (2,628.89 € cash in 2026 needs it; 1,999.99 € does not; 5,000 € in 2019,
    /// under the €10,000 threshold then, did not).
    @Test func cashIsPaidAtTheCounterWithItsChecks() throws {
        #expect(throws: IllegalTransition.self) { try cashPickup.next(after: .awaitingPayment, .markPaid) }
        #expect(try bankPickup.next(after: .awaitingPayment, .markPaid) == .paid)
        let now = CivilDate.utcMidnight(2026, 11, 27)
        #expect(CashAtCounter.refusal(total: Money(cents: 262_889), identified: false, at: now)?.contains("§10 GwG") == true)
        #expect(CashAtCounter.refusal(total: Money(cents: 262_889), identified: true, at: now) == nil)
        #expect(CashAtCounter.refusal(total: Money(cents: 199_999), identified: false, at: now) == nil)
        #expect(CashAtCounter.refusal(total: Money(cents: 500_000), identified: false, at: CivilDate.utcMidnight(2019, 6, 1)) == nil)
    }

    @Test func onHoldOnlyReleasedOrCancelled() throws {
        #expect(try bank.next(after: .onHold, .release) == .awaitingPayment)
        #expect(try bank.next(after: .onHold, .cancel(reason: "sanctions hit")) == .cancelled)
        for action in [OrderAction.markPaid, .pack, .identify, .deliver, .markOverdue] {
            #expect(throws: IllegalTransition.self) { try bank.next(after: .onHold, action) }
        }
        #expect(throws: IllegalTransition.self) { try bank.next(after: .awaitingPayment, .release) }
    }

    @Test func cancelBeforeShippingOnlyAndWithAReason() throws {
        for status in [OrderStatus.awaitingIdentification, .awaitingPayment, .onHold, .paid, .packed, .overdue] {
            #expect(try bank.next(after: status, .cancel(reason: "customer asked")) == .cancelled)
            #expect(OrderStateMachine.returnsStock(whenCancelledFrom: status))
        }
        for status in [OrderStatus.shipped, .delivered, .cancelled] {
            #expect(throws: IllegalTransition.self) { try bank.next(after: status, .cancel(reason: "too late")) }
        }
        #expect(throws: IllegalTransition(from: .paid, action: "cancel", reason: "a reason is required")) {
            try bank.next(after: .paid, .cancel(reason: "  "))
        }
    }

    @Test func everyOtherPairIsRefused() {
        let legal: Set<String> = [
            "awaiting_identification identify", "awaiting_payment mark paid", "overdue mark paid", "awaiting_payment mark overdue",
            "paid pack", "packed ship", "shipped deliver", "on_hold release",
            "awaiting_identification cancel", "awaiting_payment cancel", "on_hold cancel", "paid cancel", "packed cancel",
            "overdue cancel",
        ]
        let actions: [OrderAction] = [.identify, .markPaid, .pack, .ship(trackingNumber: "T1"), .deliver, .markOverdue, .release,
                                      .cancel(reason: "r")]
        for status in OrderStatus.allCases {
            for action in actions {
                let allowed = legal.contains("\(status.rawValue) \(action.name)")
                let accepted = (try? bank.next(after: status, action)) != nil
                #expect(accepted == allowed, "\(status.rawValue) \(action.name)")
            }
        }
        #expect(throws: IllegalTransition.self) { try bank.next(after: .packed, .ship(trackingNumber: " ")) }
    }
}

@Suite struct BankingCalendarTests {
    let calendar = BankingCalendar()

    func berlin(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 12) -> Date {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "Europe/Berlin")!
        return c.date(from: DateComponents(year: y, month: m, day: d, hour: h))!
    }

    @Test func easterDates() {
        #expect(BankingCalendar.easterSunday(2026) == .init(month: 4, day: 5))
        #expect(BankingCalendar.easterSunday(2027) == .init(month: 3, day: 28))
        #expect(BankingCalendar.easterSunday(2024) == .init(month: 3, day: 31))
        let holidays = BankingCalendar.publicHolidays(2026)
        #expect(holidays.contains(.init(month: 4, day: 3)))  // Karfreitag
        #expect(holidays.contains(.init(month: 4, day: 6)))  // Ostermontag
        #expect(holidays.contains(.init(month: 5, day: 14)))  // Christi Himmelfahrt
        #expect(holidays.contains(.init(month: 5, day: 25)))  // Pfingstmontag
        #expect(holidays.count == 9)
    }

    @Test func dueDatesSkipWeekendsAndHolidays() {
        // Thursday 24 Dec 2026: 25 and 26 are holidays, 27 a Sunday → Mon 28, Tue 29, Wed 30.
        let due = calendar.dueDate(after: berlin(2026, 12, 24, 15), bankingDays: 3)
        #expect(due == berlin(2026, 12, 31, 0).addingTimeInterval(-1))
        // Friday 27 Nov 2026 → Mon 30 Nov, Tue 1 Dec, Wed 2 Dec.
        #expect(calendar.dueDate(after: berlin(2026, 11, 27), bankingDays: 3) == berlin(2026, 12, 3, 0).addingTimeInterval(-1))
        // Thursday before Easter 2026 (2 Apr): Good Friday and Easter Monday skipped → Tue 7, Wed 8, Thu 9.
        #expect(calendar.dueDate(after: berlin(2026, 4, 2), bankingDays: 3) == berlin(2026, 4, 10, 0).addingTimeInterval(-1))
        #expect(!calendar.isBankingDay(berlin(2026, 10, 3)))  // a Saturday and German Unity Day
        #expect(!calendar.isBankingDay(berlin(2027, 5, 6)))  // Ascension 2027
    }
}

@Suite struct ShippingAndLossTests {
    @Test func shippingFeeByValue() throws {
        let table = ShippingTable.standard
        #expect(table.fee(goods: Money(cents: 50_000), method: .insured) == Money(cents: 995))
        #expect(table.fee(goods: Money(cents: 100_000), method: .insured) == Money(cents: 1_995))
        #expect(table.fee(goods: Money(cents: 499_999), method: .insured) == Money(cents: 2_995))
        #expect(table.fee(goods: Money(cents: 500_000), method: .insured) == .zero)
        #expect(table.fee(goods: Money(cents: 50_000), method: .pickup) == .zero)
        #expect(throws: ShippingTable.Problem.firstBandNotZero) {
            try ShippingTable(bands: [.init(minimumValue: Money(cents: 1), fee: .zero)], freeFrom: nil)
        }
    }

    @Test func marketLossIsTheFallInNetValuePlusTheFee() {
        // A silver bar (19 %) locked at 2 × 397.99 € = 795.98 € (VAT 795.98 × 19/119 = 127.09 €, net 668.89 €); silver
        // fell 0.2 %: today 2 × 397.19 € = 794.38 € (VAT 126.83 €, net 667.55 €). Fallen by 1.34 €; with the 25.00 € fee
        // 26.34 €. (The old rule, locked price minus buy-back price, charged the spread and the VAT: 164.78 €.)
        let locked = VatBreakdown(lineTotal: Money(cents: 79_598), regime: .standard, ratePercent: 19)
        let today = VatBreakdown(lineTotal: Money(cents: 79_438), regime: .standard, ratePercent: 19)
        #expect(locked.net == Money(cents: 66_889) && today.net == Money(cents: 66_755))
        let silver = MarketLoss.Line(lockedNet: locked.net, todayNet: today.net)
        let fee = Money(cents: 2_500)
        #expect(MarketLoss.owed([silver], fee: fee) == Money(cents: 2_634))
        // Unchanged prices: the fee and nothing more.
        #expect(MarketLoss.owed([MarketLoss.Line(lockedNet: locked.net, todayNet: locked.net)], fee: fee) == fee)
        // A gold coin (exempt, net = gross) that rose from 2,601.17 to 2,613.17 € owes nothing and offsets nothing.
        let gold = MarketLoss.Line(lockedNet: Money(cents: 260_117), todayNet: Money(cents: 261_317))
        #expect(gold.fall == .zero)
        #expect(MarketLoss.owed([silver, gold], fee: fee) == Money(cents: 2_634))
        #expect(MarketLoss.owed([gold], fee: .zero) == .zero)
    }
}

@Suite struct ComplianceAndReferenceTests {
    let rule = CashIdentificationRule()
    let now = CivilDate.utcMidnight(2026, 11, 27)

    @Test func cashOfTwoThousandNeedsIdentification() {
        #expect(rule.evaluate(.init(total: Money(cents: 199_999), payment: .cash, at: now)).outcome == .allow)
        let decision = rule.evaluate(.init(total: Money(cents: 200_000), payment: .cash, at: now))
        #expect(decision.outcome == .needsIdentification)
        #expect(decision.explanation == "cash 2000.00 EUR ≥ 2000.00 EUR")
        #expect(rule.evaluate(.init(total: Money(cents: 5_000_000), payment: .bankTransfer, at: now)).outcome == .allow)
        // Before 2020 the threshold was 10,000 €.
        let in2019 = CivilDate.utcMidnight(2019, 6, 1)
        #expect(rule.evaluate(.init(total: Money(cents: 500_000), payment: .cash, at: in2019)).outcome == .allow)
    }

    @Test func numbersAndCreditorReferences() {
        #expect(OrderNumbers.order(year: 2026, sequence: 123) == "T-2026-000123")
        #expect(OrderNumbers.invoice(year: 2026, sequence: 45) == "R-2026-000045")
        // Check digits worked out by hand: T=29, R=27, F=15 → 2920260001232715 00 mod 97 = 7 → 98 − 7 = 91.
        #expect(CreditorReference.make(orderNumber: "T-2026-000123") == "RF91T2026000123")
        #expect(CreditorReference.isValid("RF18 5390 0754 7034"))  // the example of ISO 11649
        #expect(!CreditorReference.isValid("RF19539007547034"))
        #expect(!CreditorReference.isValid("RF91T2026000124"))  // one digit off
        #expect(CreditorReference.find(in: "Zahlung RF91 T202 6000 123 danke") == "RF91T2026000123")
        #expect(CreditorReference.find(in: "Bestellung T-2026-000123") == nil)
    }
}

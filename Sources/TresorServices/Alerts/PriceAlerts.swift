import Foundation
import Logging
import ServiceLifecycle
import TresorCore
import TresorStore

/// Why an alert was not set.
public enum PriceAlertProblem: Error, Equatable, Sendable {
    case invalidPrice(String)
    case tooMany
}

/// Customers' price alerts: set in the account, checked against each metal's current spot price, and mailed once
/// when met (the mail in the same transaction that marks the alert gone off, so on several instances only one mails).
public struct PriceAlerts: Sendable {
    let database: Database
    let board: PriceBoard
    let mail: MailSettings

    public init(database: Database, board: PriceBoard, mail: MailSettings) {
        self.database = database
        self.board = board
        self.mail = mail
    }

    /// A new alert; the price in euros per ounce as typed (`1950`, `1.950,50`, `1950.5`).
    @discardableResult
    public func create(customerID: UUID, metal: Metal, direction: PriceAlert.Direction, price text: String, now: Date) async throws -> PriceAlert {
        let typed = text.trimmingCharacters(in: .whitespaces)
        let normalised = typed.contains(",") ? typed.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".") : typed
        guard let price = Money(decimalString: normalised), price > .zero, price < Money(cents: 100_000_000) else {
            throw PriceAlertProblem.invalidPrice(String(text.prefix(40)))
        }
        let alert = PriceAlert(customerID: customerID, metal: metal, direction: direction, price: price, createdAt: now)
        try await database.transaction { sql in
            let alerts = PriceAlertRepository(sql)
            guard try await alerts.waitingCount(customerID: customerID) < PriceAlert.perCustomer else { throw PriceAlertProblem.tooMany }
            try await alerts.insert(alert)
        }
        return alert
    }

    public func list(customerID: UUID) async throws -> [PriceAlert] {
        try await database.read { sql in try await PriceAlertRepository(sql).list(customerID: customerID) }
    }

    @discardableResult
    public func delete(id: UUID, customerID: UUID) async throws -> Bool {
        try await database.transaction { sql in try await PriceAlertRepository(sql).delete(id: id, customerID: customerID) }
    }

    /// Mails every waiting alert the current (fresh) spot prices meet; returns how many went off.
    @discardableResult
    public func check(now: Date) async throws -> Int {
        let snapshot = board.snapshot
        var sent = 0
        for metal in Metal.allCases {
            guard let tick = snapshot.ticks[metal], snapshot.isFresh(metal, now: now) else { continue }
            let met = try await database.read { sql in try await PriceAlertRepository(sql).waiting(metal: metal, limit: 1_000) }
                .filter { $0.isMet(by: tick.ask) }
            for alert in met {
                let mailed = try await database.transaction { sql -> Bool in
                    guard let customer = try await CustomerRepository(sql).find(id: alert.customerID),
                          try await PriceAlertRepository(sql).trigger(id: alert.id, now: now) else { return false }
                    try await MailOutboxRepository(sql, dialect: database.dialect)
                        .enqueue(Self.mail(alert, customer: customer, ask: tick.ask, settings: mail, now: now), now: now)
                    return true
                }
                if mailed { sent += 1 }
            }
        }
        return sent
    }

    static func mail(_ alert: PriceAlert, customer: Customer, ask: Decimal, settings: MailSettings, now: Date) -> OutgoingMail {
        let language = customer.language
        let de = language == .de
        let metal = alert.metal.name(language)
        let spot = Format.money(Money.roundedHalfUp(euros: ask), language)
        let wanted = (alert.direction == .atOrBelow ? (de ? "höchstens " : "at most ") : (de ? "mindestens " : "at least "))
            + Format.money(alert.price, language)
        let subject = de ? "Preisalarm: \(metal) bei \(spot) je Unze" : "Price alert: \(metal) at \(spot) an ounce"
        let lines = [de ? "Guten Tag \(customer.details.name)," : "Hello \(customer.details.name),", "",
                     de ? "Ihr Preisalarm für \(metal) (\(wanted) je Feinunze) ist erreicht: Der Kurs steht bei \(spot) je Unze (\(Format.dateTime(now, language)))."
                        : "your price alert for \(metal) (\(wanted) an ounce) is met: the price is \(spot) an ounce (\(Format.dateTime(now, language))).",
                     de ? "Der Alarm ist damit erledigt; in Ihrem Kundenkonto können Sie einen neuen setzen. Preise sind noch kein Angebot."
                        : "The alert is done; you can set a new one in your account. Prices are not yet an offer.",
                     "", settings.shopName]
        return ShopMail.compose(to: .init(name: String(customer.details.name.prefix(60)), email: customer.details.email), subject: subject,
                                lines: lines, links: [], settings: settings, now: now)
    }
}

/// Checks the price alerts every `interval` (a minute by default).
public struct PriceAlertWatch: Service {
    let alerts: PriceAlerts
    let interval: Duration
    let now: @Sendable () -> Date
    let logger: Logger

    public init(alerts: PriceAlerts, interval: Duration = .seconds(60), now: @escaping @Sendable () -> Date, logger: Logger) {
        self.alerts = alerts
        self.interval = interval
        self.now = now
        self.logger = logger
    }

    public func run() async throws {
        await repeating(every: interval, logger: logger, failure: "price alerts failed") { try await alerts.check(now: now()) }
    }
}

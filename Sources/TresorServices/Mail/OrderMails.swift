import Foundation
import TresorCore
import TresorStore

/// Who sends the shop's mail and what a customer needs to pay.
public struct MailSettings: Sendable {
    // The demo dealer's, until the configuration (`AppConfig.mailSettings`) fills in the real one.
    public var shopName = Seller.demoTradingName
    public var fromAddress = Seller.demo.email
    /// Right-hand side of Message-IDs.
    public var domain = Seller.demoDomain
    /// The dealer's settings as they are now; when set, the bank account and the imprint come from them, so a change
    /// in the back office reaches every mail at once (the values below are the configuration's, for tools and tests).
    public var dealer: DealerSettingsDesk?
    var configuredBankHolder = Seller.demoBank.holder
    var configuredIBAN = Seller.demoBank.iban
    var configuredBIC = Seller.demoBank.bic
    var configuredImprint: [String] = MailSettings.imprint(of: .demo)
    public var bankHolder: String {
        get { dealer?.current.bankHolder ?? configuredBankHolder }
        set { configuredBankHolder = newValue }
    }
    public var iban: String {
        get { dealer?.current.iban ?? configuredIBAN }
        set { configuredIBAN = newValue }
    }
    public var bic: String {
        get { dealer?.current.bic ?? configuredBIC }
        set { configuredBIC = newValue }
    }
    /// Who sends, as the imprint at the foot of every newsletter (§5 DDG): name, address, register, directors.
    public var imprint: [String] {
        get { dealer.map { MailSettings.imprint(of: $0.current.seller) } ?? configuredImprint }
        set { configuredImprint = newValue }
    }
    /// The absolute address of an order's page for its number, access token and language; without it the
    /// mails carry no link.
    public var orderPage: (@Sendable (_ number: String, _ token: String, _ language: TresorCore.Language) -> String)?
    /// The absolute address of a sell offer's page (the buy-back's status and credit note) for its quote id.
    public var sellOfferPage: (@Sendable (_ quoteID: String, _ language: TresorCore.Language) -> String)?
    public init() {}

    public static func imprint(of seller: Seller) -> [String] {
        ["\(seller.legalName), \(seller.street), \(seller.postalCode) \(seller.city)",
         [seller.register, seller.managingDirectors.isEmpty ? "" : "Geschäftsführung: " + seller.managingDirectors,
          seller.vatID.isEmpty ? "" : "USt-IdNr. " + seller.vatID].filter { !$0.isEmpty }.joined(separator: " · ")]
    }
}

/// The order confirmation: number, amount, lines, bank details, payment reference and due date, in the
/// customer's language. It carries no advertising.
public enum OrderMails {
    public static func confirmation(_ order: Order, link: String? = nil, terms: LegalText? = nil, settings: MailSettings,
                                    now: Date) -> OutgoingMail {
        let language = order.language
        let de = language == .de
        let subject = de ? "Ihre Bestellung \(order.number) bei \(settings.shopName)"
                         : "Your order \(order.number) at \(settings.shopName)"
        var text = [greeting(order, de), "",
                    de ? "vielen Dank für Ihre Bestellung \(order.number)." : "thank you for your order \(order.number).", ""]
        for line in order.lines {
            text.append("\(line.quantity) × \(line.name): \(Format.money(line.lineTotal, language))")
        }
        text.append((de ? "Versand: " : "Shipping: ") + Format.money(order.shippingFee, language))
        text.append((de ? "Gesamtbetrag: " : "Total: ") + Format.money(order.total, language))
        text.append("")
        if order.payment == .bankTransfer {
            text += [de ? "Bitte überweisen Sie den Gesamtbetrag an:" : "Please transfer the total to:",
                     "\(settings.bankHolder)", "IBAN \(settings.iban)", "BIC \(settings.bic)",
                     (de ? "Verwendungszweck: " : "Payment reference: ") + order.paymentReference]
            if let due = order.dueAt { text.append((de ? "Zahlbar bis: " : "Due by: ") + Format.dateTime(due, language)) }
        } else {
            text.append(de ? "Sie bezahlen bar bei Abholung; bitte bringen Sie einen gültigen Ausweis mit."
                           : "You pay cash at pickup; please bring a valid identity document.")
        }
        text += ["", de ? "Ihre Preise sind verbindlich festgeschrieben." : "Your prices are locked."]
        text += online(link, de)
        // What the law asks a confirmation to carry on a durable medium (§312f Abs. 2 BGB, Art. 246a EGBGB): the
        // seller's identity and address, the exclusion of the right of withdrawal, and the terms.
        text += ["", de ? "Ihr Vertragspartner:" : "Your contracting party:"] + settings.imprint
        text += ["", de ? "Kein Widerrufsrecht: Für Edelmetalle, deren Preis von Schwankungen auf dem Finanzmarkt abhängt, besteht kein Widerrufsrecht (§ 312g Abs. 2 Nr. 8 BGB)."
                        : "No right of withdrawal: there is none for precious metals whose price depends on fluctuations in the financial market (§ 312g(2) no. 8 BGB)."]
        if let terms {
            text += ["", (de ? "Unsere Allgemeinen Geschäftsbedingungen" : "Our terms and conditions")
                        + (terms.version > 0 ? (de ? " (Fassung \(terms.version))" : " (version \(terms.version))") : "") + ":", ""]
            text += terms.markdown.components(separatedBy: "\n")
        }
        text += ["", settings.shopName]
        return mail(order, subject: subject, lines: text, link: link, settings: settings, now: now)
    }

    /// The payment reminder for an overdue order.
    public static func reminder(_ order: Order, link: String? = nil, settings: MailSettings, now: Date) -> OutgoingMail {
        let language = order.language
        let de = language == .de
        let subject = de ? "Zahlungserinnerung zu Ihrer Bestellung \(order.number)" : "Payment reminder for your order \(order.number)"
        let text = [
            greeting(order, de), "",
            de ? "zu Ihrer Bestellung \(order.number) ist bis heute keine Zahlung eingegangen."
               : "we have not yet received payment for your order \(order.number).",
            (de ? "Offener Betrag: " : "Amount due: ") + Format.money(order.total, language), "",
            settings.bankHolder, "IBAN \(settings.iban)", "BIC \(settings.bic)",
            (de ? "Verwendungszweck: " : "Payment reference: ") + order.paymentReference, "",
            de ? "Bleibt die Zahlung aus, können wir die Bestellung stornieren; Sie tragen dann einen Kursverlust zuzüglich Bearbeitungsgebühr."
               : "If payment does not arrive we may cancel the order; you then owe any fall in the metal price plus a handling fee.",
        ] + online(link, de) + ["", settings.shopName]
        return mail(order, subject: subject, lines: text, link: link, settings: settings, now: now)
    }

    /// Sent when the transfer arrived: the order is paid and will be packed.
    public static func paymentReceived(_ order: Order, link: String? = nil, settings: MailSettings, now: Date) -> OutgoingMail {
        let language = order.language
        let de = language == .de
        let subject = de ? "Zahlungseingang zu Ihrer Bestellung \(order.number)" : "Payment received for your order \(order.number)"
        let text = [
            greeting(order, de), "",
            de ? "Ihre Zahlung über \(Format.money(order.total, language)) zur Bestellung \(order.number) ist eingegangen."
               : "your payment of \(Format.money(order.total, language)) for order \(order.number) has arrived.",
            order.shipping == .pickup
                ? (de ? "Wir bereiten Ihre Ware zur Abholung vor und melden uns, sobald sie bereitliegt."
                      : "We are preparing your goods for pickup and will let you know when they are ready.")
                : (de ? "Wir verpacken Ihre Ware jetzt und versenden sie versichert; die Sendungsnummer folgt."
                      : "We are now packing your goods and will ship them insured; the tracking number follows."),
        ] + online(link, de, invoice: true) + ["", settings.shopName]
        return mail(order, subject: subject, lines: text, link: link, settings: settings, now: now)
    }

    /// Sent when the shop cancelled an order that stayed unpaid past its due date and the grace after it.
    public static func cancelledUnpaid(_ order: Order, graceDays: Int, settings: MailSettings, now: Date) -> OutgoingMail {
        let de = order.language == .de
        let subject = de ? "Stornierung Ihrer Bestellung \(order.number)" : "Your order \(order.number) is cancelled"
        let text = [
            greeting(order, de), "",
            de ? "zu Ihrer Bestellung \(order.number) ist bis \(graceDays) Tage nach dem Zahlungsziel keine Zahlung eingegangen."
               : "we have received no payment for your order \(order.number) within \(graceDays) days after it was due.",
            de ? "Wir haben die Bestellung deshalb storniert; die reservierte Ware ist wieder freigegeben."
               : "We have therefore cancelled the order; the goods reserved for it are released.",
            de ? "Bitte überweisen Sie jetzt nichts mehr auf diese Bestellung." : "Please do not transfer anything for this order now.",
            "", settings.shopName,
        ]
        return mail(order, subject: subject, lines: text, link: nil, settings: settings, now: now)
    }

    /// The most of the name the orderer typed that a mail repeats: a mail to an address nobody has confirmed
    /// carries nothing else they chose, and not much of that.
    static let nameLength = 60

    static func greeting(_ order: Order, _ de: Bool) -> String {
        let name = String(order.customer.name.prefix(nameLength))
        return de ? "Guten Tag \(name)," : "Hello \(name),"
    }

    /// The link to the order's page (status, bank details, invoice), if the shop has one.
    static func online(_ link: String?, _ de: Bool, invoice: Bool = false) -> [String] {
        guard let link else { return [] }
        let label = invoice ? (de ? "Ihre Rechnung und den Stand Ihrer Bestellung finden Sie hier:" : "Your invoice and order status are here:")
                            : (de ? "Ihre Bestellung online:" : "Your order online:")
        return ["", label, link]
    }

    static func mail(_ order: Order, subject: String, lines text: [String], link: String?, settings: MailSettings,
                     now: Date) -> OutgoingMail {
        ShopMail.compose(to: .init(name: String(order.customer.name.prefix(nameLength)), email: order.customer.email), subject: subject,
                         lines: text,
                         links: link.map { [$0] } ?? [], settings: settings, now: now)
    }
}

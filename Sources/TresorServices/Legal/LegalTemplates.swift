import TresorCore

/// The texts the shop ships with: templates written for the demo dealer, each marked as one the dealer's lawyer must
/// check before going live. Staff replace them in the back office. The imprint's fixed facts (name, address,
/// register, VAT ID, contact) and the shipping table come from the settings, not from these texts.
enum LegalTemplates {
    static let notice = (de: "> **Muster – vor Verwendung anwaltlich prüfen lassen.** Dieser Text ist eine Vorlage des Demo-Shops, keine Rechtsberatung.",
                         en: "> **Template – have it checked by a lawyer before use.** This text is a template of the demo shop, not legal advice.")

    static func text(_ page: LegalPage, _ language: Language) -> String {
        let de = language == .de
        let body: String = switch page {
        case .imprint: de ? imprintDE : imprintEN
        case .privacy: de ? privacyDE : privacyEN
        case .terms: de ? termsDE : termsEN
        case .withdrawal: de ? withdrawalDE : withdrawalEN
        case .shipping: de ? shippingDE : shippingEN
        case .about: de ? aboutDE : aboutEN
        }
        return (de ? notice.de : notice.en) + "\n\n" + body
    }

    static let imprintDE = """
        ## Aufsicht und Berufsrecht

        Der Handel mit Edelmetallen bedarf keiner besonderen Erlaubnis. Für die Aufsicht nach dem Geldwäschegesetz
        (§ 50 Nr. 9 GwG) ist die Behörde des Landes zuständig, in dem der Händler seinen Sitz hat (im Muster: die
        Bezirksregierung Düsseldorf).

        ## Streitbeilegung

        Wir sind nicht verpflichtet und nicht bereit, an Streitbeilegungsverfahren vor einer
        Verbraucherschlichtungsstelle teilzunehmen (§ 36 VSBG).
        """
    static let imprintEN = """
        ## Supervision

        Trading in precious metals needs no special licence. Supervision under the Anti-Money Laundering Act (§ 50
        no. 9 GwG) lies with the authority of the federal state where the dealer is established (in this template:
        the Bezirksregierung Düsseldorf).

        ## Dispute resolution

        We are neither obliged nor willing to take part in dispute resolution before a consumer arbitration board
        (§ 36 VSBG).
        """

    static let privacyDE = """
        ## Verantwortlicher

        Verantwortlich für die Verarbeitung Ihrer Daten ist der im Impressum genannte Händler.

        ## Welche Daten wir wofür verarbeiten

        - **Bestellungen** (Name, Anschrift, E-Mail, Bestellinhalt, Zahlungen): zur Erfüllung des Vertrags
          (Art. 6 Abs. 1 lit. b DSGVO). Rechnungen und Buchungsbelege bewahren wir zehn Jahre auf (§ 147 AO, § 14b UStG).
        - **Identifizierung** nach dem Geldwäschegesetz (Ausweisdaten, Kopie des Dokuments): zur Erfüllung unserer
          rechtlichen Pflicht (Art. 6 Abs. 1 lit. c DSGVO, §§ 10–12 GwG); Aufbewahrung fünf Jahre ab Ende des
          Kalenderjahres, in dem die Geschäftsbeziehung endet (§ 8 Abs. 4 GwG).
        - **Kundenkonto**: solange Sie es führen.
        - **Newsletter** (E-Mail, Zeitpunkte und Adresse von Anmeldung und Bestätigung): nur mit Ihrer Einwilligung
          (Art. 6 Abs. 1 lit. a DSGVO), jederzeit widerruflich über den Abmeldelink in jeder E-Mail.
        - **Bewerbungen**: zur Entscheidung über das Beschäftigungsverhältnis (§ 26 BDSG); Löschung nach Ablauf der
          angegebenen Frist.
        - **Server-Protokolle**: IP-Adresse und Zeitpunkt zum Schutz vor Missbrauch (Art. 6 Abs. 1 lit. f DSGVO),
          kurzzeitig.

        Wir setzen nur technisch notwendige Cookies (Sitzung, Warenkorb, Schutz vor gefälschten Formularen) und
        keine Analyse- oder Werbedienste.

        ## Ihre Rechte

        Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung,
        Datenübertragbarkeit und Widerspruch sowie das Recht, sich bei einer Datenschutz-Aufsichtsbehörde zu
        beschweren. Schreiben Sie uns an die im Impressum genannte Adresse.
        """
    static let privacyEN = """
        ## Controller

        The dealer named in the imprint is responsible for processing your data.

        ## What we process and why

        - **Orders** (name, address, e-mail, what you ordered, payments): to perform the contract (Art. 6(1)(b)
          GDPR). Invoices and accounting records are kept for ten years (§ 147 AO, § 14b UStG).
        - **Identification** under the Anti-Money Laundering Act (identity document data and a copy): to meet our
          legal obligation (Art. 6(1)(c) GDPR, §§ 10–12 GwG); kept for five years from the end of the calendar year
          in which the business relationship ends (§ 8(4) GwG).
        - **Customer account**: as long as you keep it.
        - **Newsletter** (e-mail, times and addresses of sign-up and confirmation): only with your consent
          (Art. 6(1)(a) GDPR), which you can withdraw at any time through the link in every e-mail.
        - **Job applications**: to decide on employment (§ 26 BDSG); deleted after the period stated.
        - **Server logs**: IP address and time, to protect against abuse (Art. 6(1)(f) GDPR), briefly.

        We set only technically necessary cookies (session, cart, protection against forged forms) and use no
        analytics or advertising services.

        ## Your rights

        You have the right of access, rectification, erasure, restriction, data portability and objection, and the
        right to complain to a data protection supervisory authority. Write to us at the address in the imprint.
        """

    static let termsDE = """
        ## 1. Geltung

        Diese Bedingungen gelten für Käufe von Edelmetallen über diesen Shop. Vertragssprache ist Deutsch.

        ## 2. Preise und Vertragsschluss

        Die angezeigten Preise folgen laufend dem Marktpreis (Spotkurs) und sind noch kein verbindliches Angebot.
        Im Bestellvorgang sichern wir Ihnen die Preise für die angezeigte Frist zu; mit „Zahlungspflichtig bestellen“
        geben Sie ein verbindliches Angebot ab, das wir mit der Bestellbestätigung annehmen. Alle Preise enthalten
        die gesetzliche Umsatzsteuer, soweit sie anfällt (Anlagegold ist nach § 25c UStG steuerfrei), zuzüglich
        Versandkosten laut Versandseite.

        ## 3. Zahlung

        Sie zahlen per Vorkasse-Überweisung innerhalb der in der Bestellbestätigung genannten Frist, bei Abholung
        auch bar. Bargeschäfte ab 2.000 € erfordern eine Identifizierung nach dem Geldwäschegesetz.

        ## 4. Kein Widerrufsrecht

        Für Edelmetalle, deren Preis von Schwankungen auf dem Finanzmarkt abhängt, besteht kein Widerrufsrecht
        (§ 312g Abs. 2 Nr. 8 BGB); siehe die Widerrufsbelehrung.

        ## 5. Zahlungsverzug und Stornierung

        Zahlen Sie nicht fristgerecht, können wir nach einer Nachfrist vom Vertrag zurücktreten. Sie ersetzen uns
        dann den Kursverlust, den wir tatsächlich erleiden: für jede Position den vereinbarten Preis abzüglich des
        Verkaufspreises desselben Produkts in derselben Mengenstaffel am Tag der Stornierung, jeweils ohne
        Umsatzsteuer, soweit dieser niedriger ist, zuzüglich einer Bearbeitungsgebühr von 25,00 €. Ihnen bleibt der
        Nachweis, dass uns kein oder ein geringerer Schaden entstanden ist.

        ## 6. Lieferung und Gefahrübergang

        Wir versenden versichert an die angegebene Adresse in Deutschland oder übergeben die Ware bei Abholung
        gegen Vorlage eines Ausweises. Die Rechnung erhalten Sie, wenn die Ware unser Haus verlässt.

        ## 7. Eigentumsvorbehalt

        Die Ware bleibt bis zur vollständigen Bezahlung unser Eigentum.
        """
    static let termsEN = """
        ## 1. Scope

        These terms apply to purchases of precious metals in this shop. The language of the contract is German; this
        English version is for information.

        ## 2. Prices and contract

        Prices follow the market (spot) price continuously and are not yet a binding offer. At checkout we lock the
        prices for the time shown; with "Order with obligation to pay" you make a binding offer, which we accept with
        the order confirmation. Prices include VAT where it applies (investment gold is exempt under § 25c UStG),
        plus shipping as shown on the shipping page.

        ## 3. Payment

        You pay by bank transfer in advance within the period stated in the order confirmation, or in cash at
        pickup. Cash transactions of €2,000 or more require identification under the Anti-Money Laundering Act.

        ## 4. No right of withdrawal

        There is no right of withdrawal for precious metals whose price depends on fluctuations in the financial
        market (§ 312g(2) no. 8 BGB); see the withdrawal information.

        ## 5. Late payment and cancellation

        If you do not pay in time, we may withdraw from the contract after a further period. You then compensate the
        market loss we actually suffer: for each line, the agreed price minus the selling price of the same product
        in the same quantity tier on the day of cancellation, both without VAT, where that is lower, plus a handling
        fee of €25.00. You may show that we suffered no loss or a smaller one.

        ## 6. Delivery

        We ship insured to the address given in Germany, or hand the goods over at pickup against an identity
        document. You receive the invoice when the goods leave us.

        ## 7. Retention of title

        The goods remain our property until paid in full.
        """

    static let withdrawalDE = """
        ## Kein Widerrufsrecht für Edelmetalle

        Das gesetzliche Widerrufsrecht bei Fernabsatzverträgen besteht nicht bei Verträgen zur Lieferung von Waren,
        deren Preis von Schwankungen auf dem Finanzmarkt abhängt, auf die der Unternehmer keinen Einfluss hat und
        die innerhalb der Widerrufsfrist auftreten können (§ 312g Abs. 2 Nr. 8 BGB). Das gilt für Anlagemünzen und
        Barren aus Gold, Silber, Platin und Palladium, deren Preis wir laufend aus dem Marktpreis berechnen. Sie
        bestätigen diesen Ausschluss vor der Bestellung.

        ## Andere Waren

        Für Waren, deren Preis nicht vom Finanzmarkt abhängt (etwa Zubehör wie Münzkapseln oder Etuis), haben
        Verbraucher ein Widerrufsrecht von vierzehn Tagen ab Erhalt der Ware. Um es auszuüben, genügt eine
        eindeutige Erklärung an die im Impressum genannte Adresse oder E-Mail; wir erstatten alle Zahlungen
        einschließlich der Standardversandkosten binnen vierzehn Tagen nach Eingang des Widerrufs. Sie tragen die
        Kosten der Rücksendung.
        """
    static let withdrawalEN = """
        ## No right of withdrawal for precious metals

        The statutory right of withdrawal for distance contracts does not apply to goods whose price depends on
        fluctuations in the financial market which the trader cannot control and which may occur within the
        withdrawal period (§ 312g(2) no. 8 BGB). This covers bullion coins and bars of gold, silver, platinum and
        palladium, whose price we derive continuously from the market price. You confirm this exclusion before
        ordering.

        ## Other goods

        For goods whose price does not depend on the financial market (such as accessories like coin capsules or
        cases), consumers have a right of withdrawal of fourteen days from receipt. A clear statement to the address
        or e-mail in the imprint is enough; we refund all payments including standard shipping within fourteen days
        of receiving it. You bear the cost of returning the goods.
        """

    static let shippingDE = """
        Jede Sendung ist bis zur Übergabe an Sie voll versichert und wird neutral verpackt. Die Zustellung erfolgt
        nur an die angegebene Adresse gegen Unterschrift, nicht an Packstationen.

        Sie können Ihre Bestellung auch kostenlos in unserem Ladengeschäft abholen (Adresse im Impressum); bringen
        Sie dazu einen gültigen Ausweis mit.
        """
    static let shippingEN = """
        Every parcel is fully insured until it is handed to you and packed without any sign of its contents. It is
        delivered only to the address given, against signature, never to parcel lockers.

        You can also collect your order free of charge at our shop (address in the imprint); bring a valid identity
        document.
        """

    static let aboutDE = """
        Tresor Edelmetalle ist ein Demo-Händler: ein Beispiel dafür, wie ein Edelmetallhändler mit Tresor arbeitet.
        Die Preise folgen einem simulierten Kurs, Bestellungen werden nicht ausgeliefert.

        Ein echter Händler beschreibt hier, wer er ist, seit wann er handelt, wo man ihn findet und wer die Kundinnen
        und Kunden berät.
        """
    static let aboutEN = """
        Tresor Edelmetalle is a demo dealer: an example of how a precious-metals dealer works with Tresor. Prices
        follow a simulated market, orders are not delivered.

        A real dealer says here who they are, how long they have traded, where to find them and who advises their
        customers.
        """
}

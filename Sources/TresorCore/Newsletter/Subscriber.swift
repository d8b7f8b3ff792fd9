import Foundation

/// The consent text a sign-up form shows, versioned: the proof names the exact version and text.
public struct ConsentStatement: Sendable, Hashable, Codable {
    public var version: Int
    public var textDE: String
    public var textEN: String
    public var validFrom: Date

    public init(version: Int, textDE: String, textEN: String, validFrom: Date) {
        self.version = version
        self.textDE = textDE
        self.textEN = textEN
        self.validFrom = validFrom
    }

    public func text(_ language: Language) -> String { language == .de ? textDE : textEN }

    /// The statement the shop starts with.
    public static func first(validFrom: Date) -> ConsentStatement {
        ConsentStatement(
            version: 1,
            textDE: "Ja, ich möchte den Tresor-Newsletter mit Marktberichten und Angeboten per E-Mail erhalten. "
                + "Meine Einwilligung kann ich jederzeit über den Abmeldelink in jeder E-Mail widerrufen.",
            textEN: "Yes, I would like to receive the Tresor newsletter with market reports and offers by e-mail. "
                + "I can withdraw my consent at any time with the unsubscribe link in every e-mail.",
            validFrom: validFrom)
    }
}

/// Where a newsletter address stands. Only `confirmed` addresses receive newsletters.
public enum SubscriberStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case pending
    case confirmed
    case unsubscribed
    /// A delivery report said the address does not exist (status 5.x.x): suppressed until it signs up again.
    case bounced
    /// Erased on request (GDPR Art. 17): only a keyed hash of the address and the dates of consent remain.
    case erased

    /// A new double opt-in may start from here.
    public var mayResubscribe: Bool { self == .unsubscribed || self == .bounced }
}

/// Everything that proves a consent (UWG §7, GDPR Art. 7): who, when, from where, which text, which mail.
public struct ConsentProof: Sendable, Hashable, Codable {
    public var email: String
    public var status: SubscriberStatus
    public var language: Language
    public var consentVersion: Int
    public var consentText: String
    public var signupAt: Date
    public var signupIP: String
    public var signupUserAgent: String
    public var signupSource: String
    public var confirmationMail: String
    public var confirmedAt: Date?
    public var confirmIP: String?
    public var unsubscribedAt: Date?
    public struct Event: Sendable, Hashable, Codable {
        public var at: Date
        public var kind: String
        public var detail: String
        public init(at: Date, kind: String, detail: String) {
            self.at = at
            self.kind = kind
            self.detail = detail
        }
    }
    public var events: [Event]

    public init(email: String, status: SubscriberStatus, language: Language, consentVersion: Int, consentText: String, signupAt: Date,
                signupIP: String, signupUserAgent: String, signupSource: String, confirmationMail: String, confirmedAt: Date?,
                confirmIP: String?, unsubscribedAt: Date?, events: [Event]) {
        self.email = email
        self.status = status
        self.language = language
        self.consentVersion = consentVersion
        self.consentText = consentText
        self.signupAt = signupAt
        self.signupIP = signupIP
        self.signupUserAgent = signupUserAgent
        self.signupSource = signupSource
        self.confirmationMail = confirmationMail
        self.confirmedAt = confirmedAt
        self.confirmIP = confirmIP
        self.unsubscribedAt = unsubscribedAt
        self.events = events
    }
}

import Foundation

/// When a customer would like to be called, in the hotline's hours.
public enum CallbackWindow: String, Sendable, Codable, CaseIterable, Hashable {
    case morning = "09-12"
    case midday = "12-15"
    case afternoon = "15-18"
}

/// What the call is to be about, so the right colleague calls.
public enum CallbackTopic: String, Sendable, Codable, CaseIterable, Hashable {
    case buying
    case sellingBack = "selling-back"
    case storage
    case other
}

/// Where a request stands in the staff queue.
public enum CallbackStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case open
    case called
    case closed
}

/// A request to be called back by the dealer's advisers.
public struct CallbackRequest: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var name: String
    public var phone: String
    public var window: CallbackWindow
    public var topic: CallbackTopic
    public var language: Language
    /// The consent text the form showed: the customer agreed to be called about this request.
    public var consentText: String
    public var status: CallbackStatus
    public var requestedAt: Date

    public init(id: UUID = UUID(), name: String, phone: String, window: CallbackWindow, topic: CallbackTopic, language: Language,
                consentText: String, status: CallbackStatus = .open, requestedAt: Date) {
        self.id = id
        self.name = name
        self.phone = phone
        self.window = window
        self.topic = topic
        self.language = language
        self.consentText = consentText
        self.status = status
        self.requestedAt = requestedAt
    }

    /// A request from form values, or every field that is wrong by its form name.
    public static func from(name: String, phone: String, window: String, topic: String, consented: Bool, language: Language,
                            consentText: String, now: Date) -> Result<CallbackRequest, FieldErrors> {
        var wrong: [String] = []
        let name = name.trimmingCharacters(in: .whitespaces), phone = phone.trimmingCharacters(in: .whitespaces)
        if name.isEmpty || !TextInput.isPlainLine(name, maxCharacters: 120) { wrong.append("name") }
        if !isPhoneNumber(phone) { wrong.append("phone") }
        let chosenWindow = CallbackWindow(rawValue: window), chosenTopic = CallbackTopic(rawValue: topic)
        if chosenWindow == nil { wrong.append("window") }
        if chosenTopic == nil { wrong.append("topic") }
        if !consented { wrong.append("consent") }
        guard wrong.isEmpty, let chosenWindow, let chosenTopic else { return .failure(FieldErrors(fields: wrong)) }
        return .success(CallbackRequest(name: name, phone: phone, window: chosenWindow, topic: chosenTopic, language: language,
                                        consentText: consentText, requestedAt: now))
    }

    /// `+49 221 123456`, `0221 / 12 34 56`, `(0221) 123-456`: 6 to 15 digits with the usual separators.
    public static func isPhoneNumber(_ text: String) -> Bool {
        let digits = text.filter(\.isASCII).filter(\.isNumber).count
        return (6...15).contains(digits) && text.count <= 30
            && text.allSatisfy { ($0.isASCII && $0.isNumber) || " +-/().".contains($0) }
            && !text.dropFirst().contains("+")
    }
}

/// The fields of a form that are wrong, by name.
public struct FieldErrors: Error, Equatable, Sendable {
    public var fields: [String]
    public init(fields: [String]) { self.fields = fields }
}

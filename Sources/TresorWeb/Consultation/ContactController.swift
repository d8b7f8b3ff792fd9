import Foundation
import Hummingbird
import Plot
import TresorCore
import TresorServices

/// The contact page with hotline and hours, and the call-back form into the staff queue.
struct ContactController: Sendable {
    let site: SiteContext
    static let requestsPerHour = 5

    /// The call-back form: the shared page token, a robot trap, a limit per address.
    var forms: [FormRule] {
        [FormRule(.consultation(.contact), token: CSRF.pageForm,
                  limit: RequestLimit(bucket: "callback", count: Self.requestsPerHour, window: 3600, message: { CareersText.tooMany($0) }),
                  honeypot: { request, _ in try await self.sent(request, request.language) })]
    }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.consultation(.contact)) { request, _, _ in try await self.render(request, CallbackEntry()) }
        group.post(.consultation(.contact)) { request, context, lang in try await self.requestCallback(request, context, lang) }
    }

    func render(_ request: Request, _ entry: CallbackEntry, status: HTTPResponse.Status = .ok) async throws -> Response {
        try await site.html(request, ContactView.page(entry: entry, site.pageContext(request, .consultation(.contact))), status: status)
    }

    func sent(_ request: Request, _ lang: Language) async throws -> Response {
        let context = site.pageContext(request, .consultation(.contact))
        let main: Node<HTML.BodyContext> = .group(.h1(.text(CareersText.callbackSentTitle(lang))), .p(.text(CareersText.callbackSent(lang))))
        return try await site.html(request, Layout.render(context, title: CareersText.callbackSentTitle(lang), main: main))
    }

    func requestCallback(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        let form = context.form
        var entry = CallbackEntry(name: form["name"], phone: form["phone"], window: form["window"], topic: form["topic"],
                                  consented: form["consent"] == "1")
        let (ip, now) = (context.client, site.now())
        let consentText = CareersText.callbackConsent(lang, site.config.name)
        switch CallbackRequest.from(name: entry.name, phone: entry.phone, window: entry.window, topic: entry.topic,
                                    consented: entry.consented, language: lang, consentText: consentText, now: now) {
        case .failure(let wrong):
            entry.problems = FieldProblems(messages: Dictionary(uniqueKeysWithValues: wrong.fields.map { ($0, Self.message($0, lang)) }))
            entry.notice = [CareersText.fieldWrong(lang)]
            return try await render(request, entry, status: .unprocessableContent)
        case .success(let callback):
            try await site.consultation.request(callback, ip: ip, now: now)
            return try await sent(request, lang)
        }
    }

    static func message(_ field: String, _ lang: Language) -> String {
        switch field {
        case "name": CustomerText.fieldProblem(lang, CustomerText.fieldName(lang))
        case "phone": CustomerText.fieldProblem(lang, CareersText.fieldPhone(lang))
        case "window": CustomerText.fieldProblem(lang, CareersText.fieldWindow(lang))
        case "topic": CustomerText.fieldProblem(lang, CareersText.fieldTopic(lang))
        default: CareersText.callbackConsentMissing(lang)
        }
    }
}

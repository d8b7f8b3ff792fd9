import Foundation
import Hummingbird
import Plot
import TresorCore
import TresorServices

/// Newsletter sign-up (the form in every footer and under every article), confirmation and withdrawal.
struct NewsletterController: Sendable {
    let site: SiteContext

    func addRoutes(to router: Router<TresorRequestContext>) {
        for lang in Language.allCases {
            router.post(RouterPath(Page.newsletter(.signup).pattern(lang))) { request, context in
                try await self.signUp(request, lang, ip: Self.ip(context))
            }
            router.get(RouterPath(Page.newsletter(.confirm).pattern(lang))) { request, context in
                try await self.confirm(request, lang, ip: Self.ip(context))
            }
            router.get(RouterPath(Page.newsletter(.unsubscribe).pattern(lang))) { request, _ in try await self.askUnsubscribe(request, lang) }
            router.post(RouterPath(Page.newsletter(.unsubscribe).pattern(lang))) { request, _ in try await self.unsubscribe(request, lang) }
        }
    }

    /// The client's address for the proof and the rate limit (`X-Forwarded-For` only from trusted proxies).
    static func ip(_ context: TresorRequestContext) -> String { APIAuth.clientAddress }

    func message(_ request: Request, _ page: Page, title: String, text: String, status: HTTPResponse.Status = .ok,
                 extra: Node<HTML.BodyContext> = .empty) async throws -> Response {
        let context = site.pageContext(request, page)
        let main: Node<HTML.BodyContext> = .group(.h1(.text(title)), .p(.text(text)), extra)
        return try await site.html(request, Layout.render(context, title: title, main: main), status: status)
    }

    func signUp(_ request: Request, _ lang: Language, ip: String) async throws -> Response {
        let (form, _) = try await site.submission(request, form: CSRF.pageForm)
        let sent = CustomerText.newsletterSent(lang)
        // A filled-in honeypot is a robot: it gets the neutral answer, nothing is stored or sent.
        guard form["website"].isEmpty else {
            return try await message(request, .newsletter(.signup), title: CustomerText.newsletterSentTitle(lang), text: sent)
        }
        let now = site.now()
        let allowed = try await site.shop.limits.allow("newsletter:" + ip, limit: APIHandler.signUpsPerWindow,
                                                       window: APIHandler.signUpWindow, now: now)
        guard allowed else {
            return try await message(request, .newsletter(.signup), title: Text.errorBadRequestTitle(lang),
                                     text: CustomerText.newsletterTooMany(lang), status: .tooManyRequests)
        }
        do {
            try await site.newsletter.signUp(email: form["email"], consentVersion: Int(form["consentVersion"]) ?? 0,
                                             source: form["source"], ip: ip,
                                             userAgent: request.headers[.userAgent] ?? "", language: lang, now: site.now())
        } catch NewsletterProblem.invalidEmail {
            return try await message(request, .newsletter(.signup), title: Text.errorBadRequestTitle(lang),
                                     text: CustomerText.newsletterInvalidEmail(lang), status: .unprocessableContent)
        } catch NewsletterProblem.staleConsent {
            site.consent.update(try await site.newsletter.currentStatement(now: site.now()))
            return try await message(request, .newsletter(.signup), title: Text.errorBadRequestTitle(lang),
                                     text: CustomerText.newsletterStale(lang), status: .unprocessableContent)
        }
        return try await message(request, .newsletter(.signup), title: CustomerText.newsletterSentTitle(lang), text: sent)
    }

    func confirm(_ request: Request, _ lang: Language, ip: String) async throws -> Response {
        let token = request.formQuery.first { $0.name == "token" }?.value ?? ""
        do {
            _ = try await site.newsletter.confirm(token: token, ip: ip, now: site.now())
        } catch NewsletterProblem.invalidLink {
            return try await message(request, .newsletter(.confirm), title: CustomerText.newsletterConfirmedTitle(lang),
                                     text: CustomerText.newsletterInvalidLink(lang), status: .badRequest)
        }
        return try await message(request, .newsletter(.confirm), title: CustomerText.newsletterConfirmedTitle(lang),
                                 text: CustomerText.newsletterConfirmed(lang))
    }

    /// A link opened (perhaps by a mail scanner) only asks; the button, or the mail client's RFC 8058
    /// one-click POST, unsubscribes.
    func askUnsubscribe(_ request: Request, _ lang: Language) async throws -> Response {
        let token = request.formQuery.first { $0.name == "token" }?.value ?? ""
        let button: Node<HTML.BodyContext> = .form(
            .attr("method", "post"), .attr("action", Page.newsletter(.unsubscribe).path(lang) + "?token=" + Escape.percent(token)),
            .button(.attr("type", "submit"), .attr("class", "button"), .text(CustomerText.newsletterUnsubscribeButton(lang))))
        return try await message(request, .newsletter(.unsubscribe), title: CustomerText.newsletterUnsubscribeTitle(lang),
                                 text: CustomerText.newsletterUnsubscribeAsk(lang), extra: button)
    }

    /// Needs no form token: the token in the address is the authority, and the one-click POST comes from the
    /// recipient's mail provider without cookies (RFC 8058).
    func unsubscribe(_ request: Request, _ lang: Language) async throws -> Response {
        let token = request.formQuery.first { $0.name == "token" }?.value ?? ""
        let form = try await FormData.read(request)
        let how = form["List-Unsubscribe"] == "One-Click" ? "one-click (RFC 8058)" : "unsubscribe page"
        do { _ = try await site.newsletter.unsubscribe(token: token, how: how, now: site.now()) } catch NewsletterProblem.invalidLink {
            return try await message(request, .newsletter(.unsubscribe), title: CustomerText.newsletterUnsubscribeTitle(lang),
                                     text: CustomerText.newsletterInvalidLink(lang), status: .badRequest)
        }
        return try await message(request, .newsletter(.unsubscribe), title: CustomerText.newsletterUnsubscribeTitle(lang),
                                 text: CustomerText.newsletterUnsubscribed(lang))
    }
}

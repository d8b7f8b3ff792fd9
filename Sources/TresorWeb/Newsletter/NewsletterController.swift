import Foundation
import Hummingbird
import Plot
import TresorCore
import TresorServices

/// Newsletter sign-up (the form in every footer and under every article), confirmation and withdrawal.
struct NewsletterController: Sendable {
    let site: SiteContext

    /// Sign-ups from one address per window, on the web and in the API together.
    static let signUps = (count: 5, window: TimeInterval(600))
    static let signUpLimit = RequestLimit(bucket: "newsletter", count: signUps.count, window: signUps.window,
                                          message: { CustomerText.newsletterTooMany($0) })

    /// The sign-up form in every footer (the shared page token, a robot trap, a limit per address) and the
    /// unsubscribe button, whose authority is the token in its address.
    var forms: [FormRule] {
        [FormRule(.newsletter(.signup), token: CSRF.pageForm, limit: Self.signUpLimit,
                  honeypot: { request, _ in try await self.sent(request, request.language) }),
         FormRule(.newsletter(.confirm), token: nil), FormRule(.newsletter(.unsubscribe), token: nil)]
    }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.post(.newsletter(.signup)) { request, context, lang in try await self.signUp(request, context, lang) }
        group.get(.newsletter(.confirm)) { request, _, lang in try await self.askConfirm(request, lang) }
        group.post(.newsletter(.confirm)) { request, context, lang in try await self.confirm(request, context, lang) }
        group.get(.newsletter(.unsubscribe)) { request, _, lang in try await self.askUnsubscribe(request, lang) }
        group.post(.newsletter(.unsubscribe)) { request, context, lang in try await self.unsubscribe(request, context, lang) }
    }

    /// The neutral answer: the same whether the address is new, signed up already, or a robot's.
    func sent(_ request: Request, _ lang: Language) async throws -> Response {
        try await message(request, .newsletter(.signup), title: CustomerText.newsletterSentTitle(lang), text: CustomerText.newsletterSent(lang))
    }

    func message(_ request: Request, _ page: Page, title: String, text: String, status: HTTPResponse.Status = .ok,
                 extra: Node<HTML.BodyContext> = .empty) async throws -> Response {
        let context = site.pageContext(request, page)
        let main: Node<HTML.BodyContext> = .group(.h1(.text(title)), .p(.text(text)), extra)
        return try await site.html(request, Layout.render(context, title: title, main: main), status: status)
    }

    func signUp(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        let (form, ip) = (context.form, context.client)
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
        return try await sent(request, lang)
    }

    /// The link in the confirmation mail only asks (mail scanners open links); the button confirms. A forged or
    /// expired link is refused here already.
    func askConfirm(_ request: Request, _ lang: Language) async throws -> Response {
        let token = request.query("token")
        do { try await site.newsletter.checkConfirmation(token: token, now: site.now()) } catch NewsletterProblem.invalidLink {
            return try await message(request, .newsletter(.confirm), title: CustomerText.newsletterConfirmTitle(lang),
                                     text: CustomerText.newsletterInvalidLink(lang), status: .badRequest)
        }
        return try await message(request, .newsletter(.confirm), title: CustomerText.newsletterConfirmTitle(lang),
                                 text: CustomerText.newsletterConfirmAsk(lang),
                                 extra: Self.tokenButton(.confirm, token: token, label: CustomerText.newsletterConfirmButton(lang), lang))
    }

    /// Needs no form token, like unsubscribing: the signed token in the address is the authority.
    func confirm(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        do {
            _ = try await site.newsletter.confirm(token: request.query("token"), ip: context.client, now: site.now())
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
        return try await message(request, .newsletter(.unsubscribe), title: CustomerText.newsletterUnsubscribeTitle(lang),
                                 text: CustomerText.newsletterUnsubscribeAsk(lang),
                                 extra: Self.tokenButton(.unsubscribe, token: token, label: CustomerText.newsletterUnsubscribeButton(lang), lang))
    }

    /// The one button of a page opened from a mail's link: it posts the link's token back to the same page.
    static func tokenButton(_ page: NewsletterPage, token: String, label: String, _ lang: Language) -> Node<HTML.BodyContext> {
        .form(.attr("method", "post"), .attr("action", Page.newsletter(page).path(lang) + "?token=" + Escape.percent(token)),
              .button(.attr("type", "submit"), .attr("class", "button"), .text(label)))
    }

    /// Needs no form token: the token in the address is the authority, and the one-click POST comes from the
    /// recipient's mail provider without cookies (RFC 8058).
    func unsubscribe(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        let how = context.form["List-Unsubscribe"] == "One-Click" ? "one-click (RFC 8058)" : "unsubscribe page"
        do { _ = try await site.newsletter.unsubscribe(token: request.query("token"), how: how, now: site.now()) } catch NewsletterProblem.invalidLink {
            return try await message(request, .newsletter(.unsubscribe), title: CustomerText.newsletterUnsubscribeTitle(lang),
                                     text: CustomerText.newsletterInvalidLink(lang), status: .badRequest)
        }
        return try await message(request, .newsletter(.unsubscribe), title: CustomerText.newsletterUnsubscribeTitle(lang),
                                 text: CustomerText.newsletterUnsubscribed(lang))
    }
}

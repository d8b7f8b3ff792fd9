import Foundation
import Hummingbird
import TresorCore
import TresorServices

/// Signing staff in and out, the password form, and the dashboard they land on.
struct StaffSignInController: Sendable {
    let site: SiteContext

    /// The sign-in form's token name; every other back-office form carries `BackOfficeForms.token`.
    static let loginForm = "staff-login"

    /// The sign-in form is guarded on its own group (it needs no session); the failures count in the service.
    var loginForms: [FormRule] { [FormRule(.backOffice(.login), token: Self.loginForm)] }

    var forms: [FormRule] {
        [BackOfficePage.password, .logout, .logoutEverywhere].map { FormRule(.backOffice($0), token: BackOfficeForms.token) }
    }

    func addLoginRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.backOffice(.login)) { request, context, lang in try await self.loginPage(request, context, lang) }
        group.post(.backOffice(.login)) { request, context, lang in try await self.signIn(request, context, lang) }
    }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.backOffice(.dashboard)) { request, context, lang in try await self.dashboard(request, context, lang) }
        group.get(.backOffice(.password)) { request, context, lang in try await self.passwordPage(request, context, lang, problem: nil) }
        group.post(.backOffice(.password)) { request, context, lang in try await self.changePassword(request, context, lang) }
        group.post(.backOffice(.logout)) { _, context, lang in try await self.signOut(context, lang, everywhere: false) }
        group.post(.backOffice(.logoutEverywhere)) { _, context, lang in try await self.signOut(context, lang, everywhere: true) }
    }

    func loginPage(_ request: Request, _ context: TresorRequestContext, _ lang: Language, email: String = "", problem: String? = nil,
                   status: HTTPResponse.Status = .ok) async throws -> Response {
        var visitor = context.visitor
        var frame = try await site.backOfficeFrame(.login, lang, context, &visitor, form: Self.loginForm)
        frame.session = nil
        let next = BackOfficeForms.safeNext(context.submission == nil ? request.query("next") : context.form["next"], lang)
        return site.backOfficePage(StaffLoginView.login(frame, email: email, next: next, problem: problem), visitor, status: status)
    }

    func signIn(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        let form = context.form
        let started: (cookie: String, StaffSession)
        do {
            started = try await site.shop.staff.signIn(email: form["email"], password: form["password"], code: form["code"],
                                                       from: context.client, now: site.now())
        } catch StaffSignInProblem.tooManyAttempts(let seconds) {
            return try await loginPage(request, context, lang, email: form["email"], problem: BackOfficeText.loginWait(lang, String(seconds)),
                                       status: .tooManyRequests)
        } catch StaffSignInProblem.wrongCredentials {
            return try await loginPage(request, context, lang, email: form["email"], problem: BackOfficeText.loginFailed(lang),
                                       status: .unauthorized)
        }
        var visitor = context.visitor
        visitor.cookies.append(site.staffCookie(started.cookie))
        let next = started.1.mustChangePassword ? Page.backOffice(.password).path(lang) : BackOfficeForms.safeNext(form["next"], lang)
        return site.redirect(next, visitor)
    }

    func dashboard(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        var visitor = context.visitor
        var frame = try await site.backOfficeFrame(.dashboard, lang, context, &visitor)
        frame.notice = BackOfficeForms.notice(request.query("done"), lang)
        let now = site.now()
        return site.backOfficePage(StaffLoginView.dashboard(frame, try await site.shop.dashboard(now: now), now: now), visitor)
    }

    func passwordPage(_ request: Request, _ context: TresorRequestContext, _ lang: Language, problem: String?,
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        var visitor = context.visitor
        let frame = try await site.backOfficeFrame(.password, lang, context, &visitor)
        let first = context.staff?.mustChangePassword ?? false
        return site.backOfficePage(StaffLoginView.password(frame, first: first, problem: problem), visitor, status: status)
    }

    func changePassword(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        let form = context.form
        guard form["new"] == form["repeat"] else {
            return try await passwordPage(request, context, lang, problem: BackOfficeText.passwordMismatch(lang), status: .unprocessableContent)
        }
        do {
            try await site.shop.staff.changePassword(session, current: session.mustChangePassword ? nil : form["current"], new: form["new"],
                                                     now: site.now())
        } catch let problem as StaffSignInProblem {
            let message: BackOfficeText = switch problem {
            case .unusablePassword(.tooShort): .passwordTooShort
            case .unusablePassword(.tooLong): .passwordTooLong
            case .unusablePassword(.personal): .passwordPersonal
            case .unusablePassword(.common): .passwordCommon
            default: .passwordWrongCurrent
            }
            return try await passwordPage(request, context, lang, problem: message(lang), status: .unprocessableContent)
        }
        return site.redirect(Page.backOffice(.dashboard).path(lang) + "?done=password", context.visitor)
    }

    func signOut(_ context: TresorRequestContext, _ lang: Language, everywhere: Bool) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        if everywhere { try await site.shop.staff.signOutEverywhere(session, now: site.now()) } else {
            try await site.shop.staff.signOut(session, now: site.now())
        }
        var visitor = context.visitor
        visitor.cookies.append(site.staffCookie("", maxAge: 0))
        return site.redirect(Page.backOffice(.login).path(lang), visitor)
    }
}

/// What the back office's pages share: the token of their forms, the cookie, the frame, the answers.
enum BackOfficeForms {
    /// The token name of every form behind the sign-in.
    static let token = "backoffice"

    /// After sign-in, only a back-office path of this shop is followed (see `AccountController.safeNext`).
    static func safeNext(_ next: String, _ lang: Language) -> String {
        let fallback = Page.backOffice(.dashboard).path(lang)
        let safe = AccountController.safeNext(next, lang)
        return safe.hasPrefix("/backoffice") || safe.hasPrefix("/en/backoffice") ? safe : fallback
    }

    /// The page number a list's address asks for (1 without one); anything but a positive number is a 400 page.
    static func page(_ request: Request) throws -> Int {
        let text = request.query("page")
        guard !text.isEmpty else { return 1 }
        guard let number = Int(text), number >= 1 else { throw PageError.badParameter(InvalidParameter(name: "page", value: text)) }
        return number
    }

    /// Confirmations named in the address after a redirect; only these known ones are shown, nothing typed is echoed.
    static func notice(_ key: String, _ lang: Language) -> String? {
        switch key {
        case "password": BackOfficeText.passwordChanged(lang)
        default: nil
        }
    }
}

extension SiteContext {
    /// The frame of a back-office page, with a token for its forms (the visitor gets a nonce cookie if they had none).
    func backOfficeFrame(_ page: BackOfficePage, _ lang: Language, _ context: TresorRequestContext, _ visitor: inout Visitor,
                         form: String = BackOfficeForms.token) async throws -> BackOfficeFrame {
        BackOfficeFrame(lang: lang, page: page, session: context.staff, token: try await formToken(&visitor, form: form),
                        stylesheetPath: assets.stylesheet.path, shopName: config.name)
    }

    /// A back-office page: its frame (with the token of its forms and an optional confirmation) handed to `render`.
    func backOffice(_ page: BackOfficePage, _ lang: Language, _ context: TresorRequestContext, notice: String? = nil,
                    status: HTTPResponse.Status = .ok, _ render: (BackOfficeFrame) throws -> String) async throws -> Response {
        var visitor = context.visitor
        var frame = try await backOfficeFrame(page, lang, context, &visitor)
        frame.notice = notice
        return backOfficePage(try render(frame), visitor, status: status)
    }

    /// A back-office page: never cached, never framed, with the visitor's new cookies.
    func backOfficePage(_ html: String, _ visitor: Visitor, status: HTTPResponse.Status = .ok) -> Response {
        var response = Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                                body: .init(byteBuffer: ByteBuffer(string: html)))
        for cookie in visitor.cookies { response.setCookie(cookie) }
        return response
    }

    /// The back-office session cookie: `HttpOnly`, `SameSite=Strict` (no other site can make the browser send it),
    /// `Secure` over HTTPS; it lives as long as the browser, the session itself ends after 30 idle minutes.
    func staffCookie(_ value: String, maxAge: Int? = nil) -> SetCookie {
        SetCookie(StaffGate.cookie, value, maxAge: maxAge, secure: secureCookies, sameSite: "Strict")
    }
}

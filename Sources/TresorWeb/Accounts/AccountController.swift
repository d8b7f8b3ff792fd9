import Foundation
import Hummingbird
import TresorCore
import TresorServices

/// Register, log in and out, the account overview, details and password, and the password reset by link.
/// Its area's guards (`forms`) check every form before a handler runs; the visitor's session is in the context.
struct AccountController: Sendable {
    let site: SiteContext

    /// The account's forms and the guards in front of them.
    var forms: [FormRule] {
        // Password guessing is slowed with a growing wait per client address and per account, in
        // `CustomerAccounts.logIn`, before any password is hashed.
        [FormRule(.account(.login), token: "login"),
         FormRule(.account(.logout), token: "logout"),
         FormRule(.account(.register), token: "register",
                  limit: RequestLimit(bucket: "register", count: 10, window: 3600, message: { CareersText.tooMany($0) })),
         FormRule(.account(.verify), token: "verify"),
         FormRule(.account(.details), token: "details"),
         FormRule(.account(.password), token: "password"),
         // At most 5 reset mails per address and hour: the form must not become a way to flood a mailbox.
         FormRule(.account(.forgotPassword), token: "forgot",
                  limit: RequestLimit(bucket: "reset", count: 5, window: 3600, message: { CareersText.tooMany($0) })),
         FormRule(.account(.newPassword), token: "reset",
                  limit: RequestLimit(bucket: "reset-use", count: 20, window: 3600, message: { CareersText.tooMany($0) }))]
    }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.account(.overview)) { request, context, lang in try await self.overview(request, context, lang) }
        group.get(.account(.login)) { request, context, lang in try await self.loginPage(request, context, lang) }
        group.post(.account(.login)) { request, context, lang in try await self.logIn(request, context, lang) }
        group.post(.account(.logout)) { _, context, lang in try await self.logOut(context, lang) }
        group.get(.account(.register)) { request, context, lang in try await self.registerPage(request, context) }
        group.post(.account(.register)) { request, context, lang in try await self.register(request, context, lang) }
        group.get(.account(.verify)) { request, context, _ in try await self.verifyPage(request, context) }
        group.post(.account(.verify)) { request, context, lang in try await self.verify(request, context, lang) }
        group.get(.account(.details)) { request, context, lang in try await self.detailsPage(request, context, lang) }
        group.post(.account(.details)) { request, context, lang in try await self.saveDetails(request, context, lang) }
        group.post(.account(.password)) { request, context, lang in try await self.changePassword(request, context, lang) }
        group.get(.account(.forgotPassword)) { request, context, _ in try await self.forgotPage(request, context, sent: false) }
        group.post(.account(.forgotPassword)) { request, context, lang in try await self.requestReset(request, context, lang) }
        group.get(.account(.newPassword)) { request, context, _ in try await self.newPasswordPage(request, context) }
        group.post(.account(.newPassword)) { request, context, lang in try await self.resetPassword(request, context, lang) }
    }

    /// Only a path of the shop is followed after login, so a link cannot send the customer to another site: no
    /// second slash at its start (`//evil.example` is another host), no backslash, no whitespace or control
    /// character (browsers drop a tab, so `/<TAB>/evil.example` becomes `//evil.example`).
    static func safeNext(_ next: String, _ lang: Language) -> String {
        let local = next.hasPrefix("/") && !next.dropFirst().hasPrefix("/")
            && next.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F && $0 != "\\" && !$0.properties.isWhitespace
                && !(0x80...0x9F).contains($0.value) }
        return local ? next : Page.account(.overview).path(lang)
    }

    /// Where a visitor who is not logged in goes instead of an account page.
    func toLogin(_ page: AccountPage, _ visitor: Visitor, _ lang: Language) -> Response {
        site.redirect(Page.account(.login).path(lang) + "?next=" + Escape.percent(Page.account(page).path(lang)), visitor)
    }

    func overview(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        var visitor = context.visitor
        guard let customer = visitor.customer else { return toLogin(.overview, visitor, lang) }
        let (orders, invoices) = try await site.orders.account(customerID: customer.id)
        let page = site.pageContext(request, .account(.overview))
        let holdings = Holding.of(orders, site.board.snapshot, now: page.now)
        let token = try await site.formToken(&visitor, form: "logout")
        let alerts = PriceAlertsView.section(try await site.shop.alerts.list(customerID: customer.id),
                                             token: try await site.formToken(&visitor, form: "alerts"),
                                             notice: PriceAlertsView.notice(request.query("done"), lang), lang)
        return try await site.page(AccountView.overview(customer, orders: orders, invoices: invoices, holdings: holdings, logoutToken: token,
                                                        alerts: alerts, page), visitor)
    }

    func loginPage(_ request: Request, _ context: TresorRequestContext, _ lang: Language, email: String = "", next: String? = nil,
                   problems: [String] = [], confirmations: [String] = [], status: HTTPResponse.Status = .ok) async throws -> Response {
        var visitor = context.visitor
        let token = try await site.formToken(&visitor, form: "login")
        let next = next ?? request.formQuery.first { $0.name == "next" }?.value ?? Page.account(.overview).path(lang)
        return try await site.page(AccountView.login(email: email, next: Self.safeNext(next, lang), token: token, problems: problems,
                                                     confirmations: confirmations, site.pageContext(request, .account(.login))),
                                   visitor, status: status)
    }

    func logIn(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        let form = context.form
        var visitor = context.visitor
        let customer: Customer
        do {
            customer = try await site.accounts.logIn(email: form["email"], password: form["password"], from: context.client,
                                                     now: site.now())
        } catch AccountProblem.wrongCredentials {
            return try await loginPage(request, context, lang, email: form["email"], next: form["next"],
                                       problems: [CustomerText.loginFailed(lang)], status: .unprocessableContent)
        } catch AccountProblem.tooManyAttempts(let seconds) {
            var page = try await loginPage(request, context, lang, email: form["email"], next: form["next"],
                                           problems: [CustomerText.loginWait(lang, String(seconds))], status: .tooManyRequests)
            page.headers[.retryAfter] = String(seconds)
            return page
        } catch AccountProblem.unverified {
            return try await loginPage(request, context, lang, email: form["email"], next: form["next"],
                                       problems: [CustomerText.loginUnverified(lang)], status: .forbidden)
        } catch AccountProblem.disabled {
            return try await loginPage(request, context, lang, email: form["email"], next: form["next"],
                                       problems: [CustomerText.loginDisabled(lang)], status: .forbidden)
        }
        try await startSession(for: customer, &visitor)
        return site.redirect(Self.safeNext(form["next"], lang), visitor)
    }

    /// A fresh session for the customer, replacing (and merging the cart of) the one the visitor had.
    func startSession(for customer: Customer, _ visitor: inout Visitor) async throws {
        let (cookie, session) = try await site.sessions.logIn(customer, replacing: visitor.session, now: site.now())
        visitor.session = session
        visitor.customer = customer
        visitor.cookies.append(site.cookie(Visitor.sessionCookie, cookie, maxAge: Int(Sessions.lifetime)))
    }

    func logOut(_ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        var visitor = context.visitor
        if let session = visitor.session { try await site.sessions.end(session) }
        visitor.cookies.append(site.cookie(Visitor.sessionCookie, "", maxAge: 0))
        return site.redirect(Page.shop(.home).path(lang), visitor)
    }

    func registerPage(_ request: Request, _ context: TresorRequestContext, details: CustomerDetails? = nil,
                      problems: FieldProblems = FieldProblems(), messages: [String] = [],
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        var visitor = context.visitor
        let token = try await site.formToken(&visitor, form: "register")
        return try await site.page(AccountView.register(details, token: token, problems: problems, messages: messages,
                                                        site.pageContext(request, .account(.register))), visitor, status: status)
    }

    /// The same answer for every address (a mail goes to it), so the form never tells whether it has an account.
    func register(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        let form = context.form
        let details = CustomerDetails(form: form)
        do {
            try await site.accounts.signUp(details, password: form["password"], language: lang, now: site.now())
        } catch let problem as AccountProblem {
            let (problems, messages) = Self.describe(problem, lang)
            return try await registerPage(request, context, details: details, problems: problems, messages: messages,
                                          status: .unprocessableContent)
        }
        return try await site.page(AccountView.registered(site.pageContext(request, .account(.register))), context.visitor)
    }

    func verifyPage(_ request: Request, _ context: TresorRequestContext) async throws -> Response {
        var visitor = context.visitor
        let token = request.query("token")
        let valid = (try? await site.accounts.checkVerification(token: token, now: site.now())) != nil
        let formToken = try await site.formToken(&visitor, form: "verify")
        return try await site.page(AccountView.verify(resetToken: token, formToken: formToken, valid: valid,
                                                      site.pageContext(request, .account(.verify))), visitor, status: valid ? .ok : .badRequest)
    }

    /// The button on the confirmation page: the address is confirmed and the customer logged in.
    func verify(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        var visitor = context.visitor
        let customer: Customer
        do { customer = try await site.accounts.verify(token: context.form["token"], now: site.now()) } catch AccountProblem.verificationLinkInvalid {
            return try await verifyPage(request, context)
        }
        try await startSession(for: customer, &visitor)
        return site.redirect(Page.account(.overview).path(lang), visitor)
    }

    static func describe(_ problem: AccountProblem, _ lang: Language) -> (FieldProblems, [String]) {
        switch problem {
        case .invalid(let parameter): (FieldProblems.details(parameter, lang), [])
        case .unusablePassword: (FieldProblems(messages: ["password": CustomerText.passwordUnusable(lang)]), [])
        case .emailTaken: (FieldProblems(messages: ["email": CustomerText.emailTaken(lang)]), [])
        case .wrongCurrentPassword: (FieldProblems(messages: ["current": CustomerText.wrongCurrent(lang)]), [])
        case .wrongCredentials: (FieldProblems(), [CustomerText.loginFailed(lang)])
        case .tooManyAttempts(let seconds): (FieldProblems(), [CustomerText.loginWait(lang, String(seconds))])
        case .unverified: (FieldProblems(), [CustomerText.loginUnverified(lang)])
        case .disabled: (FieldProblems(), [CustomerText.loginDisabled(lang)])
        case .verificationLinkInvalid: (FieldProblems(), [CustomerText.verifyInvalid(lang)])
        case .resetLinkInvalid: (FieldProblems(), [CustomerText.resetInvalid(lang)])
        }
    }

    /// `customer` is the account as just saved, when it was; otherwise the visitor's.
    func detailsPage(_ request: Request, _ context: TresorRequestContext, _ lang: Language, customer saved: Customer? = nil,
                     details: CustomerDetails? = nil, problems: FieldProblems = FieldProblems(), messages: [String] = [],
                     confirmations: [String] = [], status: HTTPResponse.Status = .ok) async throws -> Response {
        var visitor = context.visitor
        guard let customer = saved ?? visitor.customer else { return toLogin(.details, visitor, lang) }
        let detailsToken = try await site.formToken(&visitor, form: "details")
        let passwordToken = try await site.formToken(&visitor, form: "password")
        return try await site.page(AccountView.details(details ?? customer.details, detailsToken: detailsToken, passwordToken: passwordToken,
                                                       problems: problems, messages: messages, confirmations: confirmations,
                                                       site.pageContext(request, .account(.details))), visitor, status: status)
    }

    func saveDetails(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard var customer = context.visitor.customer else { return site.redirect(Page.account(.login).path(lang), context.visitor) }
        customer.details = CustomerDetails(form: context.form)
        customer.language = lang
        let saved: Customer
        do {
            saved = try await site.accounts.update(customer, currentPassword: context.form["currentForEmail"], now: site.now())
        } catch AccountProblem.wrongCurrentPassword {
            return try await detailsPage(request, context, lang, details: customer.details,
                                         problems: FieldProblems(messages: ["currentForEmail": CustomerText.wrongCurrent(lang)]),
                                         status: .unprocessableContent)
        } catch let problem as AccountProblem {
            let (problems, messages) = Self.describe(problem, lang)
            return try await detailsPage(request, context, lang, details: customer.details, problems: problems, messages: messages,
                                         status: .unprocessableContent)
        }
        return try await detailsPage(request, context, lang, customer: saved, confirmations: [CustomerText.saved(lang)])
    }

    func changePassword(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        let form = context.form
        var visitor = context.visitor
        guard let customer = visitor.customer else { return site.redirect(Page.account(.login).path(lang), visitor) }
        do {
            try await site.accounts.changePassword(customerID: customer.id, current: form["current"], new: form["password"], now: site.now())
        } catch let problem as AccountProblem {
            let (problems, messages) = Self.describe(problem, lang)
            return try await detailsPage(request, context, lang, problems: problems, messages: messages, status: .unprocessableContent)
        }
        // Every session ended with the change, this one too: log in again with the new password.
        visitor.cookies.append(site.cookie(Visitor.sessionCookie, "", maxAge: 0))
        visitor.session = nil
        let token = try await site.formToken(&visitor, form: "login")
        return try await site.page(AccountView.login(email: customer.details.email, next: Page.account(.overview).path(lang), token: token,
                                                     problems: [], confirmations: [CustomerText.passwordChanged(lang)],
                                                     site.pageContext(request, .account(.login))), visitor)
    }

    func forgotPage(_ request: Request, _ context: TresorRequestContext, sent: Bool, problems: FieldProblems = FieldProblems(),
                    status: HTTPResponse.Status = .ok) async throws -> Response {
        var visitor = context.visitor
        let token = try await site.formToken(&visitor, form: "forgot")
        let page = AccountView.forgot(token: token, sent: sent, problems: problems, site.pageContext(request, .account(.forgotPassword)))
        return try await site.page(page, visitor, status: status)
    }

    /// The same answer whether or not the address has an account; only what is no e-mail address is refused.
    func requestReset(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        do {
            try await site.accounts.requestReset(email: context.form["email"], now: site.now())
        } catch let problem as AccountProblem {
            return try await forgotPage(request, context, sent: false, problems: Self.describe(problem, lang).0, status: .unprocessableContent)
        }
        return try await forgotPage(request, context, sent: true)
    }

    func newPasswordPage(_ request: Request, _ context: TresorRequestContext, problems: [String] = [],
                         status: HTTPResponse.Status = .ok) async throws -> Response {
        var visitor = context.visitor
        let token = try await site.formToken(&visitor, form: "reset")
        return try await site.page(AccountView.newPassword(resetToken: request.query("token"), token: token, problems: problems,
                                                           site.pageContext(request, .account(.newPassword))), visitor, status: status)
    }

    func resetPassword(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        let form = context.form
        var visitor = context.visitor
        let customer: Customer
        do {
            customer = try await site.accounts.resetPassword(token: form["token"], new: form["password"], now: site.now())
        } catch let problem as AccountProblem {
            let (problems, messages) = Self.describe(problem, lang)
            return try await newPasswordPage(request, context, problems: messages + problems.messages.values.sorted(),
                                             status: .unprocessableContent)
        }
        try await startSession(for: customer, &visitor)
        return site.redirect(Page.account(.overview).path(lang), visitor)
    }
}

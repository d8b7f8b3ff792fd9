import Foundation
import Hummingbird
import TresorCore
import TresorServices

/// Register, log in and out, the account overview, details and password, and the password reset by link.
struct AccountController: Sendable {
    let site: SiteContext

    func addRoutes(to router: Router<TresorRequestContext>) {
        for lang in Language.allCases {
            router.get(RouterPath(Page.account(.overview).pattern(lang))) { request, _ in try await self.overview(request, lang) }
            router.get(RouterPath(Page.account(.login).pattern(lang))) { request, _ in try await self.loginPage(request, lang) }
            router.post(RouterPath(Page.account(.login).pattern(lang))) { request, _ in try await self.logIn(request, lang) }
            router.post(RouterPath(Page.account(.logout).pattern(lang))) { request, _ in try await self.logOut(request, lang) }
            router.get(RouterPath(Page.account(.register).pattern(lang))) { request, _ in try await self.registerPage(request, lang) }
            router.post(RouterPath(Page.account(.register).pattern(lang))) { request, _ in try await self.register(request, lang) }
            router.get(RouterPath(Page.account(.details).pattern(lang))) { request, _ in try await self.detailsPage(request, lang) }
            router.post(RouterPath(Page.account(.details).pattern(lang))) { request, _ in try await self.saveDetails(request, lang) }
            router.post(RouterPath(Page.account(.password).pattern(lang))) { request, _ in try await self.changePassword(request, lang) }
            router.get(RouterPath(Page.account(.forgotPassword).pattern(lang))) { request, _ in try await self.forgotPage(request, lang, sent: false) }
            router.post(RouterPath(Page.account(.forgotPassword).pattern(lang))) { request, _ in try await self.requestReset(request, lang) }
            router.get(RouterPath(Page.account(.newPassword).pattern(lang))) { request, _ in try await self.newPasswordPage(request, lang) }
            router.post(RouterPath(Page.account(.newPassword).pattern(lang))) { request, _ in try await self.resetPassword(request, lang) }
        }
    }

    /// Only local paths are followed after login, so a link cannot send the customer to another site.
    static func safeNext(_ next: String, _ lang: Language) -> String {
        next.hasPrefix("/") && !next.hasPrefix("//") && !next.contains("\\") ? next : Page.account(.overview).path(lang)
    }

    func overview(_ request: Request, _ lang: Language) async throws -> Response {
        var visitor = try await site.visitor(request)
        guard let customer = visitor.customer else {
            return site.redirect(Page.account(.login).path(lang) + "?next=" + Escape.percent(Page.account(.overview).path(lang)), visitor)
        }
        let (orders, invoices) = try await site.orders.account(customerID: customer.id)
        let context = site.pageContext(request, .account(.overview))
        let holdings = Holding.of(orders, site.board.snapshot, now: context.now)
        let token = try await site.formToken(&visitor, form: "logout")
        return try await site.page(AccountView.overview(customer, orders: orders, invoices: invoices, holdings: holdings, logoutToken: token, context),
                         visitor)
    }

    func loginPage(_ request: Request, _ lang: Language, email: String = "", next: String? = nil, problems: [String] = [],
                   confirmations: [String] = [], status: HTTPResponse.Status = .ok) async throws -> Response {
        var visitor = try await site.visitor(request)
        let token = try await site.formToken(&visitor, form: "login")
        let next = next ?? request.formQuery.first { $0.name == "next" }?.value ?? Page.account(.overview).path(lang)
        return try await site.page(AccountView.login(email: email, next: Self.safeNext(next, lang), token: token, problems: problems,
                                           confirmations: confirmations, site.pageContext(request, .account(.login))),
                         visitor, status: status)
    }

    /// Password guessing is slowed per client address and per account; counted before bcrypt runs, so a
    /// flood of attempts costs the shop a database row each, not a hash.
    static let loginAttempts = (perAddress: 20, perAccount: 10, window: TimeInterval(600))

    func logIn(_ request: Request, _ lang: Language) async throws -> Response {
        var (form, visitor) = try await site.submission(request, form: "login")
        let (ip, account, now) = (APIAuth.clientAddress, form["email"].trimmingCharacters(in: .whitespaces).lowercased(), site.now())
        let limits = site.shop.limits
        let byAddress = try await limits.allow("login-ip:" + ip, limit: Self.loginAttempts.perAddress, window: Self.loginAttempts.window,
                                               now: now)
        let byAccount = try await limits.allow("login-account:" + account, limit: Self.loginAttempts.perAccount,
                                               window: Self.loginAttempts.window, now: now)
        let allowed = byAddress && byAccount
        guard allowed else {
            return try await loginPage(request, lang, email: form["email"], next: form["next"], problems: [CustomerText.loginTooMany(lang)],
                                       status: .tooManyRequests)
        }
        let customer: Customer
        do { customer = try await site.accounts.logIn(email: form["email"], password: form["password"]) } catch AccountProblem.wrongCredentials {
            return try await loginPage(request, lang, email: form["email"], next: form["next"], problems: [CustomerText.loginFailed(lang)],
                                       status: .unprocessableContent)
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

    func logOut(_ request: Request, _ lang: Language) async throws -> Response {
        var (_, visitor) = try await site.submission(request, form: "logout")
        if let session = visitor.session { try await site.sessions.end(session) }
        visitor.cookies.append(site.cookie(Visitor.sessionCookie, "", maxAge: 0))
        return site.redirect(Page.shop(.home).path(lang), visitor)
    }

    func registerPage(_ request: Request, _ lang: Language, details: CustomerDetails? = nil, problems: FieldProblems = FieldProblems(),
                      messages: [String] = [], status: HTTPResponse.Status = .ok) async throws -> Response {
        var visitor = try await site.visitor(request)
        let token = try await site.formToken(&visitor, form: "register")
        return try await site.page(AccountView.register(details, token: token, problems: problems, messages: messages,
                                              site.pageContext(request, .account(.register))), visitor, status: status)
    }

    func register(_ request: Request, _ lang: Language) async throws -> Response {
        var (form, visitor) = try await site.submission(request, form: "register")
        let details = CustomerDetails(form: form)
        let customer: Customer
        do {
            customer = try await site.accounts.register(details, password: form["password"], language: lang, now: site.now())
        } catch let problem as AccountProblem {
            let (problems, messages) = Self.describe(problem, lang)
            return try await registerPage(request, lang, details: details, problems: problems, messages: messages,
                                          status: .unprocessableContent)
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
        case .resetLinkInvalid: (FieldProblems(), [CustomerText.resetInvalid(lang)])
        }
    }

    func detailsPage(_ request: Request, _ lang: Language, details: CustomerDetails? = nil, problems: FieldProblems = FieldProblems(),
                     messages: [String] = [], confirmations: [String] = [], status: HTTPResponse.Status = .ok) async throws -> Response {
        var visitor = try await site.visitor(request)
        guard let customer = visitor.customer else {
            return site.redirect(Page.account(.login).path(lang) + "?next=" + Escape.percent(Page.account(.details).path(lang)), visitor)
        }
        let detailsToken = try await site.formToken(&visitor, form: "details")
        let passwordToken = try await site.formToken(&visitor, form: "password")
        return try await site.page(AccountView.details(details ?? customer.details, detailsToken: detailsToken, passwordToken: passwordToken,
                                             problems: problems, messages: messages, confirmations: confirmations,
                                             site.pageContext(request, .account(.details))), visitor, status: status)
    }

    func saveDetails(_ request: Request, _ lang: Language) async throws -> Response {
        let (form, visitor) = try await site.submission(request, form: "details")
        guard var customer = visitor.customer else { return site.redirect(Page.account(.login).path(lang), visitor) }
        customer.details = CustomerDetails(form: form)
        customer.language = lang
        do { _ = try await site.accounts.update(customer, now: site.now()) } catch let problem as AccountProblem {
            let (problems, messages) = Self.describe(problem, lang)
            return try await detailsPage(request, lang, details: customer.details, problems: problems, messages: messages,
                                         status: .unprocessableContent)
        }
        return try await detailsPage(request, lang, confirmations: [CustomerText.saved(lang)])
    }

    func changePassword(_ request: Request, _ lang: Language) async throws -> Response {
        var (form, visitor) = try await site.submission(request, form: "password")
        guard let customer = visitor.customer else { return site.redirect(Page.account(.login).path(lang), visitor) }
        do {
            try await site.accounts.changePassword(customerID: customer.id, current: form["current"], new: form["password"], now: site.now())
        } catch let problem as AccountProblem {
            let (problems, messages) = Self.describe(problem, lang)
            return try await detailsPage(request, lang, problems: problems, messages: messages, status: .unprocessableContent)
        }
        // Every session ended with the change, this one too: log in again with the new password.
        visitor.cookies.append(site.cookie(Visitor.sessionCookie, "", maxAge: 0))
        visitor.session = nil
        let token = try await site.formToken(&visitor, form: "login")
        return try await site.page(AccountView.login(email: customer.details.email, next: Page.account(.overview).path(lang), token: token, problems: [],
                                           confirmations: [CustomerText.passwordChanged(lang)], site.pageContext(request, .account(.login))), visitor)
    }

    func forgotPage(_ request: Request, _ lang: Language, sent: Bool) async throws -> Response {
        var visitor = try await site.visitor(request)
        let token = try await site.formToken(&visitor, form: "forgot")
        return try await site.page(AccountView.forgot(token: token, sent: sent, site.pageContext(request, .account(.forgotPassword))), visitor)
    }

    /// The same answer whether or not the address has an account.
    func requestReset(_ request: Request, _ lang: Language) async throws -> Response {
        let (form, _) = try await site.submission(request, form: "forgot")
        // At most 5 reset mails per address and hour: the form must not become a way to flood a mailbox.
        let now = site.now()
        let allowed = try await site.shop.limits.allow("reset:" + APIAuth.clientAddress, limit: 5, window: 3600, now: now)
        guard allowed else { throw HTTPError(.tooManyRequests, message: CareersText.tooMany(lang)) }
        try await site.accounts.requestReset(email: form["email"], now: now)
        return try await forgotPage(request, lang, sent: true)
    }

    func newPasswordPage(_ request: Request, _ lang: Language, problems: [String] = [],
                         status: HTTPResponse.Status = .ok) async throws -> Response {
        var visitor = try await site.visitor(request)
        let token = try await site.formToken(&visitor, form: "reset")
        let reset = request.formQuery.first { $0.name == "token" }?.value ?? ""
        return try await site.page(AccountView.newPassword(resetToken: reset, token: token, problems: problems,
                                                 site.pageContext(request, .account(.newPassword))), visitor, status: status)
    }

    func resetPassword(_ request: Request, _ lang: Language) async throws -> Response {
        var (form, visitor) = try await site.submission(request, form: "reset")
        let customer: Customer
        do { customer = try await site.accounts.resetPassword(token: form["token"], new: form["password"], now: site.now()) } catch let problem as AccountProblem {
            let (problems, messages) = Self.describe(problem, lang)
            return try await newPasswordPage(request, lang, problems: messages + problems.messages.values.sorted(),
                                             status: .unprocessableContent)
        }
        try await startSession(for: customer, &visitor)
        return site.redirect(Page.account(.overview).path(lang), visitor)
    }
}

import Foundation
import Hummingbird
import Plot
import TresorCore
import TresorServices

/// Staff records in the back office (owner only): the list with roles, and adding, resetting, a new API token and
/// disabling, each through `StaffDirectory` like the command line. What is shown once (a one-time password, the
/// enrolment URI, a token) is shown on the answer page itself, never put in an address or stored.
struct StaffController: Sendable {
    let site: SiteContext

    var forms: [FormRule] {
        [BackOfficePage.staffAdd, .staffReset(email: ":email"), .staffToken(email: ":email"), .staffDisable(email: ":email")]
            .map { FormRule(.backOffice($0), token: BackOfficeForms.token) }
    }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.backOffice(.staff)) { request, context, lang in try await self.page(context, lang, number: try BackOfficeForms.page(request)) }
        group.post(.backOffice(.staffAdd)) { _, context, lang in try await self.add(context, lang) }
        group.post(.backOffice(.staffReset(email: ":email"))) { _, context, lang in try await self.change(context, lang, .reset) }
        group.post(.backOffice(.staffToken(email: ":email"))) { _, context, lang in try await self.change(context, lang, .token) }
        group.post(.backOffice(.staffDisable(email: ":email"))) { _, context, lang in try await self.change(context, lang, .disable) }
    }

    enum Change { case reset, token, disable }

    func page(_ context: TresorRequestContext, _ lang: Language, number: Int = 1, shown: StaffView.Shown? = nil, notice: String? = nil,
              problem: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let staff = try await site.shop.staff.list(page: number)
        return try await site.backOffice(.staff, lang, context, notice: notice, status: status) {
            StaffView.page($0, staff: staff, shown: shown, problem: problem)
        }
    }

    func add(_ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        let form = context.form
        guard let role = StaffRole(rawValue: form["role"]) else {
            return try await page(context, lang, problem: BackOfficeText.staffInvalid(lang), status: .unprocessableContent)
        }
        do {
            let enrolment = try await site.shop.staff.add(email: form["email"], name: form["name"], role: role, by: .staff(session.member),
                                                          now: site.now())
            return try await page(context, lang, shown: StaffView.Shown(enrolment: enrolment))
        } catch StaffProblem.exists {
            return try await page(context, lang, problem: BackOfficeText.staffExists(lang), status: .unprocessableContent)
        } catch StaffProblem.invalid {
            return try await page(context, lang, problem: BackOfficeText.staffInvalid(lang), status: .unprocessableContent)
        }
    }

    func change(_ context: TresorRequestContext, _ lang: Language, _ change: Change) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        guard let email = context.parameters.get("email")?.removingPercentEncoding, email.count <= 254 else { throw PageError.notFound }
        let (actor, now) = (Actor.staff(session.member), site.now())
        do {
            switch change {
            case .reset:
                return try await page(context, lang, shown: StaffView.Shown(enrolment: try await site.shop.staff.reset(email: email, by: actor, now: now)))
            case .token:
                let token = try await site.shop.staff.renewToken(email: email, by: actor, now: now)
                return try await page(context, lang, shown: StaffView.Shown(email: email.lowercased(), token: token))
            case .disable:
                try await site.shop.staff.disable(email: email, by: actor, now: now)
                return try await page(context, lang, notice: BackOfficeText.staffDisabled(lang, email.lowercased()))
            }
        } catch StaffProblem.unknown {
            return try await page(context, lang, problem: BackOfficeText.staffUnknown(lang), status: .unprocessableContent)
        } catch StaffProblem.ownAccess {
            return try await page(context, lang, problem: BackOfficeText.staffOwn(lang), status: .unprocessableContent)
        }
    }
}

enum StaffView {
    /// Credentials to show this once.
    struct Shown: Sendable {
        var email: String
        var oneTimePassword: String?
        var enrolmentURI: String?
        var token: String?

        init(enrolment: StaffEnrolment) {
            email = enrolment.member.email
            oneTimePassword = enrolment.oneTimePassword
            enrolmentURI = enrolment.enrolmentURI
            token = enrolment.apiToken
        }

        init(email: String, token: String) {
            self.email = email
            self.token = token
        }
    }

    static func page(_ frame: BackOfficeFrame, staff: ListPage<StaffRecord>, shown: Shown?, problem: String?) -> String {
        let lang = frame.lang
        let own = frame.session?.member.email
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(BackOfficeText.menuStaff(lang))),
            Forms.notices(problem.map { [$0] } ?? []),
            .if(shown != nil, credentials(shown, lang)),
            .table(.attr("class", "bo-table"),
                   .thead(.tr(.th(.text(BackOfficeText.fieldEmail(lang))), .th(.text(BackOfficeText.staffName(lang))),
                              .th(.text(BackOfficeText.staffRole(lang))), .th(.text(BackOfficeText.colStatus(lang))), .th())),
                   .tbody(.forEach(staff.entries) { record in
                       let (member, disabledAt, disabledBy) = (record.member, record.disabledAt, record.disabledBy)
                       return .tr(.td(.text(member.email)), .td(.text(member.name)), .td(.text(member.role.rawValue)),
                           .td(.text(disabledAt.map { BackOfficeText.staffDisabledOn(lang, Format.date($0, lang), disabledBy ?? "?") }
                                     ?? BackOfficeText.staffActive(lang))),
                           .td(.if(disabledAt == nil && member.email != own, .group(
                               BackOfficeLayout.form(.staffReset(email: member.email), frame, Forms.submit(BackOfficeText.staffReset(lang), class: "button secondary")),
                               BackOfficeLayout.form(.staffToken(email: member.email), frame, Forms.submit(BackOfficeText.staffToken(lang), class: "button secondary")),
                               BackOfficeLayout.form(.staffDisable(email: member.email), frame, Forms.submit(BackOfficeText.staffDisable(lang), class: "button danger"))))))
                   })),
            BackOfficeLayout.pager(staff, lang, .staff),
            .h2(.text(BackOfficeText.staffAdd(lang))),
            BackOfficeLayout.form(.staffAdd, frame, class: "form filters",
                                  Forms.field(BackOfficeText.fieldEmail(lang), name: "email", value: "", type: "email", autocomplete: "off",
                                              problems: FieldProblems()),
                                  Forms.field(BackOfficeText.staffName(lang), name: "name", value: "", autocomplete: "off", problems: FieldProblems()),
                                  .div(.attr("class", "field"), .label(.attr("for", "f-role"), .text(BackOfficeText.staffRole(lang))),
                                       .select(.attr("id", "f-role"), .attr("name", "role"),
                                               .forEach(StaffRole.allCases) { .choice($0.rawValue, $0.rawValue) })),
                                  Forms.submit(BackOfficeText.staffAdd(lang)))
        )
        return BackOfficeLayout.render(frame, title: BackOfficeText.menuStaff(lang), main: main)
    }

    static func credentials(_ shown: Shown?, _ lang: Language) -> Node<HTML.BodyContext> {
        guard let shown else { return .empty }
        return .div(.attr("class", "notice ok"), .attr("role", "status"),
                    .p(.strong(.text(BackOfficeText.staffShownOnce(lang, shown.email)))),
                    .dl(.attr("class", "facts"),
                        .if(shown.oneTimePassword != nil, .group(.dt(.text(BackOfficeText.staffOneTime(lang))),
                                                                 .dd(.code(.text(shown.oneTimePassword ?? ""))))),
                        .if(shown.enrolmentURI != nil, .group(.dt(.text(BackOfficeText.staffEnrolment(lang))),
                                                              .dd(.code(.text(shown.enrolmentURI ?? ""))))),
                        .if(shown.token != nil, .group(.dt(.text("API token")), .dd(.code(.text(shown.token ?? "")))))))
    }
}

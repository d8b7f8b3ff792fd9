import Foundation
import Hummingbird
import Plot
import TresorCore
import TresorServices

/// Newsletter campaigns (editors, owner): the list, a draft written in Markdown or a digest of the new articles, one
/// campaign with its text as it will read, its progress and history, a test send, scheduling and calling it off.
struct CampaignsController: Sendable {
    let site: SiteContext

    var forms: [FormRule] {
        [FormRule(.backOffice(.campaignDraft), token: BackOfficeForms.token, bodyLimit: 256 * 1024),
         FormRule(.backOffice(.campaignDigest), token: BackOfficeForms.token)]
            + BackOfficePage.CampaignStep.allCases.map { FormRule(.backOffice(.campaignStep(id: ":id", $0)), token: BackOfficeForms.token) }
    }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.backOffice(.campaigns)) { request, context, lang in try await self.list(context, lang, page: try BackOfficeForms.page(request)) }
        group.post(.backOffice(.campaignDraft)) { _, context, lang in try await self.draft(context, lang, digest: false) }
        group.post(.backOffice(.campaignDigest)) { _, context, lang in try await self.draft(context, lang, digest: true) }
        group.get(.backOffice(.campaign(id: ":id"))) { request, context, lang in
            let notice: ContentDeskText? = ["tested": .campaignTested, "scheduled": .campaignScheduled, "cancelled": .campaignCancelled][request.query("done")]
            return try await self.show(try Self.id(context), context, lang, notice: notice?(lang))
        }
        for step in BackOfficePage.CampaignStep.allCases {
            group.post(.backOffice(.campaignStep(id: ":id", step))) { _, context, lang in try await self.take(step, context, lang) }
        }
    }

    static func id(_ context: TresorRequestContext) throws -> UUID {
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw PageError.notFound }
        return id
    }

    func list(_ context: TresorRequestContext, _ lang: Language, page: Int = 1, problem: String? = nil, status: HTTPResponse.Status = .ok,
              subject: String = "", body: String = "") async throws -> Response {
        let campaigns = try await site.shop.campaigns.list(page: page)
        return try await site.backOffice(.campaigns, lang, context, status: status) {
            CampaignsView.list($0, campaigns: campaigns, problem: problem, subject: subject, body: body)
        }
    }

    func draft(_ context: TresorRequestContext, _ lang: Language, digest: Bool) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        let (actor, now) = (Actor.staff(session.member), site.now())
        let form = context.form
        do {
            let campaign = digest ? try await site.shop.campaigns.draftDigest(language: lang, by: actor, now: now)
                : try await site.shop.campaigns.draft(subject: form["subject"], body: form["body"].replacingOccurrences(of: "\r\n", with: "\n"),
                                                      by: actor, now: now)
            return site.redirect(Page.backOffice(.campaign(id: campaign.id.uuidString.lowercased())).path(lang), context.visitor)
        } catch is InvalidParameter {
            return try await list(context, lang, problem: ContentDeskText.campaignInvalid(lang), status: .unprocessableContent,
                                  subject: form["subject"], body: form["body"])
        } catch CampaignProblem.nothingToDigest {
            return try await list(context, lang, problem: ContentDeskText.campaignNoDigest(lang), status: .unprocessableContent)
        }
    }

    func show(_ id: UUID, _ context: TresorRequestContext, _ lang: Language, notice: String? = nil, problem: String? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let (campaign, progress) = try await site.shop.campaigns.campaign(id: id) else { throw PageError.notFound }
        let history = try await site.shop.campaigns.history(id: id)
        let html = SafeMarkdown(ownHost: URL(string: site.baseURL)?.host).html(campaign.body)
        return try await site.backOffice(.campaign(id: id.uuidString.lowercased()), lang, context, notice: notice, status: status) {
            CampaignsView.campaign($0, campaign: campaign, progress: progress, history: history, html: html, problem: problem)
        }
    }

    func take(_ step: BackOfficePage.CampaignStep, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        let id = try Self.id(context)
        let (actor, now) = (Actor.staff(session.member), site.now())
        let form = context.form
        do {
            switch step {
            case .test: try await site.shop.campaigns.testSend(id: id, to: form["email"], by: actor, now: now)
            case .schedule:
                let text = form["at"]
                guard text.isEmpty || BerlinTime.parse(text) != nil else {
                    return try await show(id, context, lang, problem: ContentDeskText.articleInvalid(lang, "at"), status: .unprocessableContent)
                }
                try await site.shop.campaigns.schedule(id: id, at: BerlinTime.parse(text) ?? now, by: actor, now: now)
            case .cancel: try await site.shop.campaigns.cancel(id: id, by: actor, now: now)
            }
        } catch CampaignProblem.notFound {
            throw PageError.notFound
        } catch CampaignProblem.notDraft {
            return try await show(id, context, lang, problem: ContentDeskText.campaignNotDraft(lang), status: .conflict)
        } catch CampaignProblem.notRunning {
            return try await show(id, context, lang, problem: ContentDeskText.campaignNotRunning(lang), status: .conflict)
        } catch is InvalidParameter {
            return try await show(id, context, lang, problem: ContentDeskText.articleInvalid(lang, BackOfficeText.fieldEmail(lang)),
                                  status: .unprocessableContent)
        }
        let done = switch step {
        case .test: "tested"
        case .schedule: "scheduled"
        case .cancel: "cancelled"
        }
        return site.redirect(Page.backOffice(.campaign(id: id.uuidString.lowercased())).path(lang) + "?done=" + done, context.visitor)
    }
}

enum CampaignsView {
    static func list(_ frame: BackOfficeFrame, campaigns page: ListPage<Campaign>, problem: String?, subject: String, body: String) -> String {
        let campaigns = page.entries
        let lang = frame.lang
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(BackOfficeText.menuCampaigns(lang))),
            Forms.notices(problem.map { [$0] } ?? []),
            .table(.attr("class", "bo-table"),
                   .tbody(.forEach(campaigns) { campaign in
                       .tr(.td(.a(.attr("href", Page.backOffice(.campaign(id: campaign.id.uuidString.lowercased())).path(lang)), .text(campaign.subject))),
                           .td(.text(campaign.kind.rawValue)), .td(.text(campaign.status.rawValue)),
                           .td(.text(Format.dateTime(campaign.sendAt ?? campaign.createdAt, lang))))
                   })),
            BackOfficeLayout.pager(page, lang, .campaigns),
            BackOfficeLayout.form(.campaignDigest, frame, Forms.submit(ContentDeskText.campaignDigestButton(lang), class: "button secondary")),
            .h2(.text(ContentDeskText.campaignDraftButton(lang))),
            BackOfficeLayout.form(.campaignDraft, frame, class: "form",
                                  Forms.field(ContentDeskText.campaignSubject(lang), name: "subject", value: subject, autocomplete: "off",
                                              problems: FieldProblems()),
                                  .div(.attr("class", "field"), .label(.attr("for", "f-body"), .text(ContentDeskText.campaignBody(lang))),
                                       .textarea(.attr("id", "f-body"), .attr("name", "body"), .attr("rows", "16"), .text(body))),
                                  Forms.submit(ContentDeskText.campaignDraftButton(lang)))
        )
        return BackOfficeLayout.render(frame, title: BackOfficeText.menuCampaigns(lang), main: main)
    }

    static func campaign(_ frame: BackOfficeFrame, campaign: Campaign, progress: CampaignProgress,
                         history: [(at: Date, actor: String, action: String, detail: String)], html: String, problem: String?) -> String {
        let lang = frame.lang
        let id = campaign.id.uuidString.lowercased()
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(campaign.subject)),
            Forms.notices(problem.map { [$0] } ?? []),
            BackOfficeLayout.facts([
                (BackOfficeText.colStatus(lang), campaign.status.rawValue), (ContentDeskText.campaignKind(lang), campaign.kind.rawValue),
                (ContentDeskText.campaignScheduleAt(lang), campaign.sendAt.map { Format.dateTime($0, lang) } ?? "–"),
                (ContentDeskText.campaignProgress(lang), progress.counts.keys.sorted { $0.rawValue < $1.rawValue }
                    .map { "\($0.rawValue): \(progress[$0])" }.joined(separator: ", ")),
            ]),
            // The campaign's text as sanitised Markdown output, the one `.raw` a view may use.
            .section(.attr("class", "article-preview"), .raw(html)),
            .div(.attr("class", "steps"),
                 BackOfficeLayout.form(.campaignStep(id: id, .test), frame, class: "form",
                                       Forms.field(ContentDeskText.campaignTestTo(lang), name: "email", value: frame.session?.member.email ?? "",
                                                   type: "email", autocomplete: "off", problems: FieldProblems()),
                                       Forms.submit(ContentDeskText.campaignTestButton(lang), class: "button secondary")),
                 .if(campaign.status == .draft, BackOfficeLayout.form(.campaignStep(id: id, .schedule), frame, class: "form",
                                       Forms.field(ContentDeskText.campaignScheduleAt(lang), name: "at", value: "", type: "datetime-local",
                                                   autocomplete: "off", problems: FieldProblems(), required: false),
                                       Forms.submit(ContentDeskText.campaignScheduleButton(lang)))),
                 .if(campaign.status == .scheduled || campaign.status == .sending, BackOfficeLayout.form(.campaignStep(id: id, .cancel), frame,
                                       class: "form", Forms.submit(ContentDeskText.campaignCancelButton(lang), class: "button danger")))),
            .h2(.text(BackOfficeText.orderEvents(lang))),
            .table(.attr("class", "bo-table"),
                   .tbody(.forEach(history) { event in
                       .tr(.td(.text(Format.dateTime(event.at, lang))), .td(.text(event.actor)), .td(.text(event.action)), .td(.text(event.detail)))
                   }))
        )
        return BackOfficeLayout.render(frame, title: campaign.subject, main: main)
    }
}

/// Subscribers (editors, owner): look an address up and open the printable proof of its consent.
struct SubscribersController: Sendable {
    let site: SiteContext

    var forms: [FormRule] { [] }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.backOffice(.subscribers)) { request, context, lang in try await self.lookup(request.query("email"), context, lang) }
        group.get(.backOffice(.subscriberProof)) { request, context, _ in try await self.proof(request.query("email"), context) }
    }

    func lookup(_ email: String, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        let address = String(email.trimmingCharacters(in: .whitespaces).prefix(254))
        let proof = address.isEmpty ? nil : try await site.newsletter.proof(email: address)
        let erased = address.isEmpty || proof != nil ? [] : try await site.newsletter.erasedRecords(email: address)
        var visitor = context.visitor
        let frame = try await site.backOfficeFrame(.subscribers, lang, context, &visitor)
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(BackOfficeText.menuSubscribers(lang))),
            .form(.attr("method", "get"), .attr("action", Page.backOffice(.subscribers).path(lang)), .attr("class", "filters"),
                  Forms.field(ContentDeskText.subscriberLookup(lang), name: "email", value: address, type: "email", autocomplete: "off",
                              problems: FieldProblems()),
                  Forms.submit(BackOfficeText.filterApply(lang))),
            .if(!address.isEmpty && proof == nil && erased.isEmpty, .p(.text(ContentDeskText.subscriberNone(lang)))),
            .if(!erased.isEmpty, .p(.text(ContentDeskText.subscriberErased(lang)))),
            .if(proof != nil, .group(
                BackOfficeLayout.facts([
                    (BackOfficeText.fieldEmail(lang), proof?.email ?? ""), (BackOfficeText.colStatus(lang), proof?.status.rawValue ?? ""),
                    (BackOfficeText.colPlaced(lang), proof.map { Format.dateTime($0.signupAt, lang) } ?? ""),
                ]),
                .p(.a(.attr("href", Page.backOffice(.subscriberProof).path(lang) + Escape.query([("email", address)])),
                      .text(ContentDeskText.subscriberProofLink(lang))))))
        )
        return site.backOfficePage(BackOfficeLayout.render(frame, title: BackOfficeText.menuSubscribers(lang), main: main), visitor)
    }

    func proof(_ email: String, _ context: TresorRequestContext) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        guard !email.isEmpty, let proof = try await site.newsletter.proof(email: email, by: .staff(session.member), now: site.now()) else {
            throw PageError.notFound
        }
        return site.backOfficePage(ConsentProofPage.render(proof, shop: site.config.name, printedAt: site.now()), Visitor())
    }
}

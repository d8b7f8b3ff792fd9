import Foundation
import Hummingbird
import Plot
import TresorCore
import TresorServices

/// Job postings and applications (editors, owner): close a posting, read an application, download its CV (each
/// download on the audit trail).
struct JobsController: Sendable {
    let site: SiteContext

    var forms: [FormRule] {
        [FormRule(.backOffice(.jobClose(slug: ":slug")), token: BackOfficeForms.token),
         FormRule(.backOffice(.jobSave), token: BackOfficeForms.token, bodyLimit: 128 * 1024)]
    }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.backOffice(.jobs)) { request, context, lang in try await self.page(context, lang, number: try BackOfficeForms.page(request)) }
        group.post(.backOffice(.jobClose(slug: ":slug"))) { _, context, lang in try await self.close(context, lang) }
        group.get(.backOffice(.applicationCV(id: ":id"))) { _, context, _ in try await self.cv(context) }
        group.get(.backOffice(.jobNew)) { _, context, lang in try await self.editor(JobDraft(), isNew: true, context, lang) }
        group.get(.backOffice(.jobEdit(slug: ":slug"))) { request, context, lang in
            guard let slug = context.parameters.get("slug"), let job = try await site.careers.job(slug: slug) else { throw PageError.notFound }
            return try await self.editor(JobDraft(job), isNew: false, context, lang,
                                         notice: request.query("done") == "saved" ? ContentDeskText.jobSaved(lang) : nil)
        }
        group.post(.backOffice(.jobSave)) { _, context, lang in try await self.save(context, lang) }
    }

    func page(_ context: TresorRequestContext, _ lang: Language, number: Int = 1, notice: String? = nil) async throws -> Response {
        let (jobs, applications) = (try await site.careers.allJobs(), try await site.careers.applications(page: number))
        return try await site.backOffice(.jobs, lang, context, notice: notice) { JobsView.page($0, jobs: jobs, applications: applications) }
    }

    func editor(_ draft: JobDraft, isNew: Bool, _ context: TresorRequestContext, _ lang: Language, notice: String? = nil,
                problem: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        try await site.backOffice(isNew ? .jobNew : .jobEdit(slug: draft.slug), lang, context, notice: notice, status: status) {
            JobsView.editor($0, draft: draft, isNew: isNew, problem: problem)
        }
    }

    func save(_ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        let draft = JobDraft(form: context.form)
        let isNew = context.form["new"] == "1"
        let existing = try await site.careers.job(slug: draft.slug)
        if isNew, existing != nil {
            return try await editor(draft, isNew: true, context, lang, problem: ContentDeskText.jobExists(lang), status: .unprocessableContent)
        }
        do {
            var job = try draft.job(now: site.now())
            job.id = existing?.id ?? job.id
            job.publishedAt = existing?.publishedAt ?? job.publishedAt
            try await site.careers.save(job, by: .staff(session.member), now: site.now())
        } catch let problem as InvalidParameter {
            return try await editor(draft, isNew: isNew, context, lang, problem: ContentDeskText.jobInvalid(lang, problem.name),
                                    status: .unprocessableContent)
        }
        return site.redirect(Page.backOffice(.jobEdit(slug: draft.slug)).path(lang) + "?done=saved", context.visitor)
    }

    func close(_ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        guard let slug = context.parameters.get("slug"), slug.count <= 120 else { throw PageError.notFound }
        guard try await site.careers.close(slug: slug, by: .staff(session.member), now: site.now()) else { throw PageError.notFound }
        return try await page(context, lang, notice: ContentDeskText.jobClosedNow(lang))
    }

    func cv(_ context: TresorRequestContext) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)),
              let data = try await site.careers.cv(applicationID: id, by: .staff(session.member), now: site.now()) else { throw PageError.notFound }
        // Downloaded, never shown inline: a PDF from outside is not rendered in the back office's origin.
        return Response(status: .ok, headers: [.contentType: "application/pdf", .cacheControl: "no-store",
                                               .contentDisposition: "attachment; filename=\"cv-\(id.uuidString.lowercased()).pdf\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

enum JobsView {
    static func page(_ frame: BackOfficeFrame, jobs: [JobPosting], applications page: ListPage<JobApplication>) -> String {
        let applications = page.entries
        let lang = frame.lang
        let titles = Dictionary(jobs.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(BackOfficeText.menuJobs(lang))),
            .h2(.text(ContentDeskText.jobsPostings(lang))),
            .p(.a(.attr("class", "button"), .attr("href", Page.backOffice(.jobNew).path(lang)), .text(ContentDeskText.jobNew(lang)))),
            .table(.attr("class", "bo-table"),
                   .tbody(.forEach(jobs) { job in
                       .tr(.td(.a(.attr("href", Page.backOffice(.jobEdit(slug: job.slug)).path(lang)), .text(job.title))), .td(.text(job.location)),
                           .td(.text(job.status == .published ? ContentDeskText.jobOpen(lang) : ContentDeskText.jobClosed(lang))),
                           .td(.if(job.status == .published, BackOfficeLayout.form(.jobClose(slug: job.slug), frame,
                                                                              Forms.submit(ContentDeskText.jobClose(lang), class: "button secondary")))))
                   })),
            .h2(.text(ContentDeskText.jobsApplications(lang))),
            applications.isEmpty ? .p(.text(ContentDeskText.jobsNoApplications(lang))) : .table(
                .attr("class", "bo-table"),
                .thead(.tr(.th(.text(BackOfficeText.colWhen(lang))), .th(.text(BackOfficeText.staffName(lang))), .th(.text(BackOfficeText.fieldEmail(lang))),
                           .th(.text(ContentDeskText.jobsPostings(lang))), .th(.text(ContentDeskText.applicationMessage(lang))), .th())),
                .tbody(.forEach(applications) { application in
                    .tr(.td(.text(Format.dateTime(application.receivedAt, lang))), .td(.text(application.name)), .td(.text(application.email)),
                        .td(.text(titles[application.jobID] ?? "–")), .td(.text(application.message)),
                        .td(.a(.attr("href", Page.backOffice(.applicationCV(id: application.id.uuidString.lowercased())).path(lang)),
                               .text(ContentDeskText.applicationCV(lang)))))
                })),
            BackOfficeLayout.pager(page, lang, .jobs)
        )
        return BackOfficeLayout.render(frame, title: BackOfficeText.menuJobs(lang), main: main)
    }
}

extension JobsView {
    static func editor(_ frame: BackOfficeFrame, draft: JobDraft, isNew: Bool, problem: String?) -> String {
        let lang = frame.lang
        let none = FieldProblems()
        let title = isNew ? ContentDeskText.jobNew(lang) : ContentDeskText.jobEdit(lang)
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(title)),
            Forms.notices(problem.map { [$0] } ?? []),
            BackOfficeLayout.form(.jobSave, frame, class: "form",
                                  Forms.hidden("new", isNew ? "1" : "0"),
                                  isNew ? Forms.field(ContentDeskText.articleSlug(lang), name: "slug", value: draft.slug, autocomplete: "off", problems: none)
                                        : Forms.hidden("slug", draft.slug),
                                  Forms.field(ContentDeskText.jobTitle(lang), name: "title", value: draft.title, autocomplete: "off", problems: none),
                                  .div(.attr("class", "field-row"),
                                       Forms.field(ContentDeskText.jobLocation(lang), name: "location", value: draft.location, autocomplete: "off",
                                                   problems: none),
                                       .div(.attr("class", "field"), .label(.attr("for", "f-type"), .text(ContentDeskText.jobType(lang))),
                                            .select(.attr("id", "f-type"), .attr("name", "type"),
                                                    .forEach(EmploymentType.allCases) { .choice($0.rawValue, $0.rawValue, selected: $0.rawValue == draft.type) })),
                                       .div(.attr("class", "field"), .label(.attr("for", "f-status"), .text(ContentDeskText.jobStatus(lang))),
                                            .select(.attr("id", "f-status"), .attr("name", "status"),
                                                    .forEach(JobStatus.allCases) { .choice($0.rawValue, $0.rawValue, selected: $0.rawValue == draft.status) }))),
                                  Forms.field(ContentDeskText.jobClosesAt(lang), name: "closesAt", value: draft.closesAt, type: "datetime-local",
                                              autocomplete: "off", problems: none, required: false),
                                  .div(.attr("class", "field"), .label(.attr("for", "f-description"), .text(ContentDeskText.jobDescription(lang))),
                                       .textarea(.attr("id", "f-description"), .attr("name", "description"), .attr("rows", "16"), .text(draft.description))),
                                  Forms.submit(ContentDeskText.jobSave(lang)))
        )
        return BackOfficeLayout.render(frame, title: title, main: main)
    }
}

/// The posting form as typed.
struct JobDraft: Sendable {
    var slug = "", title = "", location = "", type = EmploymentType.fullTime.rawValue, status = JobStatus.published.rawValue
    var closesAt = "", description = ""

    init() {}

    init(_ job: JobPosting) {
        slug = job.slug
        title = job.title
        location = job.location
        type = job.employmentType.rawValue
        status = job.status.rawValue
        closesAt = job.closesAt.map(BerlinTime.field) ?? ""
        description = job.description
    }

    init(form: FormData) {
        slug = form["slug"].trimmingCharacters(in: .whitespaces)
        title = form["title"].trimmingCharacters(in: .whitespaces)
        location = form["location"].trimmingCharacters(in: .whitespaces)
        type = form["type"]
        status = form["status"]
        closesAt = form["closesAt"]
        description = form["description"].replacingOccurrences(of: "\r\n", with: "\n")
    }

    func job(now: Date) throws(InvalidParameter) -> JobPosting {
        guard let type = EmploymentType(rawValue: type) else { throw InvalidParameter(name: "type", value: type) }
        guard let status = JobStatus(rawValue: status) else { throw InvalidParameter(name: "status", value: status) }
        var closes: Date?
        if !closesAt.isEmpty {
            guard let parsed = BerlinTime.parse(closesAt) else { throw InvalidParameter(name: "closesAt", value: closesAt) }
            closes = parsed
        }
        let job = JobPosting(slug: slug, title: title, location: location, employmentType: type, description: description, status: status,
                             publishedAt: now, closesAt: closes, updatedAt: now)
        try job.validate()
        return job
    }
}

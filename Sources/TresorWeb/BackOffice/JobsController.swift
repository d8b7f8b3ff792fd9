import Foundation
import Hummingbird
import Plot
import TresorCore
import TresorServices

/// Job postings and applications (editors, owner): close a posting, read an application, download its CV (each
/// download on the audit trail).
struct JobsController: Sendable {
    let site: SiteContext

    var forms: [FormRule] { [FormRule(.backOffice(.jobClose(slug: ":slug")), token: BackOfficeForms.token)] }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.backOffice(.jobs)) { _, context, lang in try await self.page(context, lang) }
        group.post(.backOffice(.jobClose(slug: ":slug"))) { _, context, lang in try await self.close(context, lang) }
        group.get(.backOffice(.applicationCV(id: ":id"))) { _, context, _ in try await self.cv(context) }
    }

    func page(_ context: TresorRequestContext, _ lang: Language, notice: String? = nil) async throws -> Response {
        let (jobs, applications) = (try await site.careers.allJobs(), try await site.careers.applications())
        return try await site.backOffice(.jobs, lang, context, notice: notice) { JobsView.page($0, jobs: jobs, applications: applications) }
    }

    func close(_ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        guard let slug = context.parameters.get("slug"), slug.count <= 120 else { throw PageError.notFound }
        guard try await site.careers.close(slug: slug, by: .staff(session.member), now: site.now()) else { throw PageError.notFound }
        return try await page(context, lang, notice: BackOfficeText.jobClosedNow(lang))
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
    static func page(_ frame: BackOfficeFrame, jobs: [JobPosting], applications: [JobApplication]) -> String {
        let lang = frame.lang
        let titles = Dictionary(jobs.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(BackOfficeText.menuJobs(lang))),
            .h2(.text(BackOfficeText.jobsPostings(lang))),
            .table(.attr("class", "bo-table"),
                   .tbody(.forEach(jobs) { job in
                       .tr(.td(.a(.attr("href", Page.careers(.job(slug: job.slug)).path(lang)), .text(job.title))), .td(.text(job.location)),
                           .td(.text(job.status == .published ? BackOfficeText.jobOpen(lang) : BackOfficeText.jobClosed(lang))),
                           .td(.if(job.status == .published, BackOfficeLayout.form(.jobClose(slug: job.slug), frame,
                                                                              Forms.submit(BackOfficeText.jobClose(lang), class: "button secondary")))))
                   })),
            .h2(.text(BackOfficeText.jobsApplications(lang))),
            applications.isEmpty ? .p(.text(BackOfficeText.jobsNoApplications(lang))) : .table(
                .attr("class", "bo-table"),
                .thead(.tr(.th(.text(BackOfficeText.colWhen(lang))), .th(.text(BackOfficeText.staffName(lang))), .th(.text(BackOfficeText.fieldEmail(lang))),
                           .th(.text(BackOfficeText.jobsPostings(lang))), .th(.text(BackOfficeText.applicationMessage(lang))), .th())),
                .tbody(.forEach(applications) { application in
                    .tr(.td(.text(Format.dateTime(application.receivedAt, lang))), .td(.text(application.name)), .td(.text(application.email)),
                        .td(.text(titles[application.jobID] ?? "–")), .td(.text(application.message)),
                        .td(.a(.attr("href", Page.backOffice(.applicationCV(id: application.id.uuidString.lowercased())).path(lang)),
                               .text(BackOfficeText.applicationCV(lang)))))
                }))
        )
        return BackOfficeLayout.render(frame, title: BackOfficeText.menuJobs(lang), main: main)
    }
}

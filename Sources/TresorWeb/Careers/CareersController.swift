import Foundation
import Hummingbird
import Plot
import TresorCore
import TresorServices

/// "Offene Stellen", job pages and applications with a CV upload.
struct CareersController: Sendable {
    let site: SiteContext
    /// The CV may be 10 MB; the rest of the form and the multipart framing get a little room on top. Only this
    /// route reads that much; every other form stops at `FormData.limit`.
    static let uploadLimit = CVDocument.maximumSize + 256 * 1024
    static let applicationsPerHour = 10

    /// The application form: a file, so its token is in the address and checked before the upload is read; a
    /// robot trap and a limit per address.
    var forms: [FormRule] {
        [FormRule(.careers(.job(slug: ":slug")), token: CSRF.pageForm,
                  limit: RequestLimit(bucket: "apply", count: Self.applicationsPerHour, window: 3600, message: { CareersText.tooMany($0) }),
                  bodyLimit: Self.uploadLimit, multipart: true,
                  honeypot: { request, context in try await self.robot(request, context, request.language) })]
    }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.careers(.list)) { request, _, lang in try await self.list(request, lang) }
        group.get(.careers(.job(slug: ":slug"))) { request, context, _ in try await self.job(request, context) }
        group.post(.careers(.job(slug: ":slug"))) { request, context, lang in try await self.apply(request, context, lang) }
    }

    func list(_ request: Request, _ lang: Language) async throws -> Response {
        let jobs = try await site.careers.openJobs(now: site.now())
        return try await site.html(request, CareersView.list(jobs, site.pageContext(request, .careers(.list))))
    }

    func job(_ request: Request, _ context: TresorRequestContext) async throws -> Response {
        guard let job = try await site.careers.job(slug: context.parameters.get("slug") ?? "") else { throw PageError.notFound }
        return try await render(request, job, entry: ApplicationEntry())
    }

    func render(_ request: Request, _ job: JobPosting, entry: ApplicationEntry, status: HTTPResponse.Status = .ok) async throws -> Response {
        let description = SafeMarkdown(ownHost: URL(string: site.baseURL)?.host).html(job.description)
        let page = CareersView.job(job, description: description, open: job.isOpen(at: site.now()), entry: entry,
                                   retentionMonths: site.applicationRetention, site.pageContext(request, .careers(.job(slug: job.slug))))
        return try await site.html(request, page, status: status)
    }

    func thanks(_ request: Request, _ job: JobPosting, _ lang: Language) async throws -> Response {
        let context = site.pageContext(request, .careers(.job(slug: job.slug)))
        let main: Node<HTML.BodyContext> = .group(.h1(.text(CareersText.appliedTitle(lang))), .p(.text(CareersText.applied(lang))),
                                                  .p(.a(.attr("href", Page.careers(.list).path(lang)), .text(CareersText.careersAll(lang)))))
        return try await site.html(request, Layout.render(context, title: CareersText.appliedTitle(lang), main: main))
    }

    /// A robot that filled the hidden field is thanked like an applicant; nothing is kept, nobody mailed.
    func robot(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let job = try await site.careers.job(slug: context.parameters.get("slug") ?? "") else { throw PageError.notFound }
        return try await thanks(request, job, lang)
    }

    func apply(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let job = try await site.careers.job(slug: context.parameters.get("slug") ?? "") else { throw PageError.notFound }
        let form = context.form
        var entry = ApplicationEntry(name: form["name"], email: form["email"], message: form["message"])
        do {
            try await site.careers.apply(to: job, name: entry.name, email: entry.email, message: entry.message,
                                         cv: context.files["cv"]?.bytes ?? [], ip: context.client, language: lang, now: site.now())
        } catch ApplicationProblem.fields(let wrong) {
            entry.problems = FieldProblems(messages: Dictionary(uniqueKeysWithValues: wrong.map { ($0, Self.message($0, lang)) }))
            entry.notice = [CareersText.fieldWrong(lang)]
            return try await render(request, job, entry: entry, status: .unprocessableContent)
        } catch ApplicationProblem.cv(let problem) {
            let message: String = switch problem {
            case .missing: CareersText.cvMissing(lang)
            case .tooLarge: CareersText.cvTooLarge(lang)
            case .notPDF: CareersText.cvNotPDF(lang)
            }
            entry.problems = FieldProblems(messages: ["cv": message])
            entry.notice = [message]
            return try await render(request, job, entry: entry, status: .unprocessableContent)
        } catch ApplicationProblem.jobNotOpen {
            return try await render(request, job, entry: entry, status: .conflict)
        }
        return try await thanks(request, job, lang)
    }

    static func message(_ field: String, _ lang: Language) -> String {
        let label = switch field {
        case "name": CustomerText.fieldName(lang)
        case "email": CustomerText.fieldEmail(lang)
        default: CareersText.fieldMessage(lang)
        }
        return CustomerText.fieldProblem(lang, label)
    }
}

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

    func addRoutes(to router: Router<TresorRequestContext>) {
        for lang in Language.allCases {
            router.get(RouterPath(Page.careers(.list).pattern(lang))) { request, _ in try await self.list(request, lang) }
            let job = Page.careers(.job(slug: ":slug")).pattern(lang)
            router.get(RouterPath(job)) { request, context in try await self.job(request, context, lang) }
            router.post(RouterPath(job)) { request, context in try await self.apply(request, context, lang) }
        }
    }

    func list(_ request: Request, _ lang: Language) async throws -> Response {
        let jobs = try await site.careers.openJobs(now: site.now())
        return try await site.html(request, CareersView.list(jobs, site.pageContext(request, .careers(.list))))
    }

    func job(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
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

    func apply(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let job = try await site.careers.job(slug: context.parameters.get("slug") ?? "") else { throw PageError.notFound }
        let form = try await MultipartForm.read(request, limit: Self.uploadLimit)
        try await site.checkForm(form.fields, try await site.visitor(request), name: CSRF.pageForm)
        // A filled-in honeypot is a robot: thanked, nothing kept, nobody mailed.
        guard form.fields["website"].isEmpty else { return try await thanks(request, job, lang) }
        var entry = ApplicationEntry(name: form.fields["name"], email: form.fields["email"], message: form.fields["message"])
        let ip = APIAuth.clientAddress
        let now = site.now()
        let allowed = try await site.shop.limits.allow("apply:" + ip, limit: Self.applicationsPerHour, window: 3600, now: now)
        guard allowed else {
            entry.notice = [CareersText.tooMany(lang)]
            return try await render(request, job, entry: entry, status: .tooManyRequests)
        }
        do {
            try await site.careers.apply(to: job, name: entry.name, email: entry.email, message: entry.message,
                                         cv: form.files["cv"]?.bytes ?? [], ip: ip, language: lang, now: now)
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

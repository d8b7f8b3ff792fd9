import Foundation
import Plot
import TresorCore
import TresorServices

/// What the application form shows again after a refused submission.
struct ApplicationEntry: Sendable {
    var name = ""
    var email = ""
    var message = ""
    var problems = FieldProblems()
    var notice: [String] = []
}

/// "Offene Stellen", one page per job with its JobPosting JSON-LD and the application form, and the teaser.
enum CareersView {
    static func list(_ jobs: [JobPosting], _ context: PageContext) -> String {
        let lang = context.language
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(CareersText.careersTitle(lang))),
            .p(.attr("class", "lead"), .text(CareersText.careersLead(lang))),
            jobs.isEmpty ? .p(.text(CareersText.careersNone(lang, context.shop.email)))
                : .ul(.attr("class", "jobs"), .forEach(jobs) { job in
                    .li(.a(.attr("href", Page.careers(.job(slug: job.slug)).path(lang)), .text(job.title)),
                        .small(.text(" " + meta(job, lang))))
                }))
        return Layout.render(context, title: CareersText.careersTitle(lang), main: main)
    }

    static func meta(_ job: JobPosting, _ lang: Language) -> String {
        "\(job.location) · \(CareersText.employment(job.employmentType)(lang))"
    }

    /// The teaser for the home page: the newest open positions, linked.
    static func teaser(_ jobs: [JobPosting], _ lang: Language) -> Node<HTML.BodyContext> {
        guard !jobs.isEmpty else { return .empty }
        return .section(.attr("class", "jobs-teaser"),
                        .h2(.text(CareersText.careersTeaser(lang))),
                        .ul(.forEach(jobs.prefix(3)) { job in
                            .li(.a(.attr("href", Page.careers(.job(slug: job.slug)).path(lang)), .text(job.title)),
                                .small(.text(" " + meta(job, lang))))
                        }),
                        .p(.a(.attr("href", Page.careers(.list).path(lang)), .text(CareersText.careersAll(lang)))))
    }

    static func job(_ job: JobPosting, description: String, open: Bool, entry: ApplicationEntry, retentionMonths: Int,
                    _ context: PageContext) -> String {
        let lang = context.language
        let page = Page.careers(.job(slug: job.slug))
        let main: Node<HTML.BodyContext> = .article(
            .attr("class", "job"),
            .header(.p(.attr("class", "news-meta"), .text(meta(job, lang) + " · "
                                                           + CareersText.jobPosted(lang, Format.date(job.publishedAt, lang)))),
                    .h1(.text(job.title))),
            .div(.attr("class", "prose"), .raw(description)),
            open ? applicationForm(page, entry: entry, retentionMonths: retentionMonths, lang)
                 : .p(.attr("class", "notice"), .text(CareersText.jobClosed(lang))))
        let head: [Node<HTML.HeadContext>] = [.script(.attr("type", "application/ld+json"),
                                                      .raw(StructuredData.json(posting(job, description: description, context))))]
        return Layout.render(context, title: job.title, description: meta(job, lang), head: head, main: main)
    }

    static func applicationForm(_ page: Page, entry: ApplicationEntry, retentionMonths: Int, _ lang: Language) -> Node<HTML.BodyContext> {
        let problems = entry.problems
        return .section(
            .attr("class", "apply"), .attr("id", "bewerben"),
            .h2(.text(CareersText.jobApply(lang))),
            .p(.text(CareersText.jobApplyLead(lang, String(retentionMonths)))),
            Forms.notices(entry.notice),
            // A file upload carries its token in the address: the shop checks it before it reads a byte of the file.
            .form(.attr("method", "post"), .attr("action", page.path(lang) + "?_csrf=" + CSRF.placeholder + "#bewerben"),
                  .attr("class", "form"), .attr("enctype", "multipart/form-data"),
                  Forms.field(CustomerText.fieldName(lang), name: "name", value: entry.name, autocomplete: "name", problems: problems),
                  Forms.field(CustomerText.fieldEmail(lang), name: "email", value: entry.email, type: "email", autocomplete: "email",
                              problems: problems),
                  .div(.attr("class", problems["message"] == nil ? "field" : "field invalid"),
                       .label(.attr("for", "f-message"), .text(CareersText.fieldMessage(lang))),
                       .textarea(.attr("id", "f-message"), .attr("name", "message"), .attr("rows", "6"), .attr("maxlength", "5000"),
                                 .text(entry.message)),
                       .if(problems["message"] != nil, .p(.attr("class", "field-message"), .text(problems["message"] ?? "")))),
                  .div(.attr("class", problems["cv"] == nil ? "field" : "field invalid"),
                       .label(.attr("for", "f-cv"), .text(CareersText.fieldCV(lang))),
                       .input(.attr("id", "f-cv"), .attr("name", "cv"), .attr("type", "file"), .attr("accept", "application/pdf,.pdf"),
                              .flag("required", true)),
                       .small(.text(CareersText.cvHint(lang))),
                       .if(problems["cv"] != nil, .p(.attr("class", "field-message"), .text(problems["cv"] ?? "")))),
                  Layout.honeypot(lang),
                  Forms.submit(CareersText.applySend(lang))))
    }

    struct Posting: Encodable {
        struct Organization: Encodable {
            var type = "Organization"
            var name: String
            var sameAs: String
            enum CodingKeys: String, CodingKey { case type = "@type", name, sameAs }
        }
        struct Place: Encodable {
            struct Address: Encodable {
                var type = "PostalAddress"
                var addressLocality: String
                var addressCountry = "DE"
                enum CodingKeys: String, CodingKey { case type = "@type", addressLocality, addressCountry }
            }
            var type = "Place"
            var address: Address
            enum CodingKeys: String, CodingKey { case type = "@type", address }
        }
        var context = "https://schema.org"
        var type = "JobPosting"
        var title: String
        var description: String
        var datePosted: String
        var validThrough: String?
        var employmentType: String
        var hiringOrganization: Organization
        var jobLocation: Place
        var url: String
        enum CodingKeys: String, CodingKey {
            case context = "@context", type = "@type", title, description, datePosted, validThrough, employmentType,
                 hiringOrganization, jobLocation, url
        }
    }

    static func posting(_ job: JobPosting, description: String, _ context: PageContext) -> Posting {
        let iso = ISO8601DateFormatter()
        return Posting(title: job.title, description: description, datePosted: iso.string(from: job.publishedAt),
                       validThrough: job.closesAt.map { iso.string(from: $0) }, employmentType: job.employmentType.rawValue,
                       hiringOrganization: .init(name: context.shop.name, sameAs: context.baseURL),
                       jobLocation: .init(address: .init(addressLocality: job.location)),
                       url: context.baseURL + Page.careers(.job(slug: job.slug)).path(context.language))
    }
}

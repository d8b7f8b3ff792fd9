import Foundation
import Hummingbird
import Plot
import TresorCore
import TresorServices

/// The news desk in the back office (editors, owner): every article with its status, an editor with a Markdown
/// preview rendered exactly as readers will see it, saving as a new version (draft, scheduled or published), and
/// the versions with a restore.
struct ArticlesController: Sendable {
    let site: SiteContext

    var forms: [FormRule] {
        [FormRule(.backOffice(.articleSave), token: BackOfficeForms.token, bodyLimit: 256 * 1024),
         FormRule(.backOffice(.articleRestore(slug: ":slug", version: ":version")), token: BackOfficeForms.token)]
    }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.backOffice(.articles)) { request, context, lang in try await self.list(try BackOfficeForms.page(request), context, lang) }
        group.get(.backOffice(.articleNew)) { _, context, lang in
            try await self.editor(ArticleDraft.empty(now: site.now()), isNew: true, context, lang)
        }
        group.get(.backOffice(.articleEdit(slug: ":slug"))) { request, context, lang in
            guard let slug = context.parameters.get("slug"), let (article, _) = try await site.shop.news.current(slug: slug) else {
                throw PageError.notFound
            }
            let notice: String? = request.query("saved").isEmpty ? nil : ContentDeskText.articleSaved(lang, request.query("saved"))
            return try await self.editor(ArticleDraft(article), isNew: false, context, lang, notice: notice)
        }
        group.post(.backOffice(.articleSave)) { _, context, lang in try await self.save(context, lang) }
        group.post(.backOffice(.articleRestore(slug: ":slug", version: ":version"))) { _, context, lang in try await self.restore(context, lang) }
    }

    func list(_ page: Int, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        let articles = try await site.shop.news.all(page: page)
        return try await site.backOffice(.articles, lang, context) { ArticlesView.list($0, articles: articles) }
    }

    func editor(_ draft: ArticleDraft, isNew: Bool, _ context: TresorRequestContext, _ lang: Language, preview: String? = nil,
                notice: String? = nil, problem: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let revisions = isNew ? [] : (try await site.shop.news.revisions(slug: draft.slug) ?? [])
        return try await site.backOffice(isNew ? .articleNew : .articleEdit(slug: draft.slug), lang, context, notice: notice, status: status) {
            ArticlesView.editor($0, draft: draft, isNew: isNew, revisions: revisions, preview: preview, problem: problem)
        }
    }

    func save(_ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        let form = context.form
        var draft = ArticleDraft(form: form)
        let isNew = form["new"] == "1"
        let now = site.now()
        let article: TresorCore.Article
        do {
            article = try draft.article(now: now)
        } catch {
            return try await editor(draft, isNew: isNew, context, lang, problem: ContentDeskText.articleInvalid(lang, error.name),
                                    status: .unprocessableContent)
        }
        let existing = try await site.shop.news.current(slug: article.slug)
        if isNew, existing != nil {
            return try await editor(draft, isNew: true, context, lang, problem: ContentDeskText.articleExists(lang), status: .unprocessableContent)
        }
        if form["intent"] == "preview" {
            let html = SafeMarkdown(ownHost: URL(string: site.baseURL)?.host).html(article.body)
            return try await editor(draft, isNew: isNew, context, lang, preview: html)
        }
        draft.id = existing?.article.id
        let report = try await site.shop.news.save([article], by: .staff(session.member), now: now)
        guard report.unchanged.isEmpty, let saved = try await site.shop.news.current(slug: article.slug) else {
            return try await editor(draft, isNew: false, context, lang, notice: ContentDeskText.articleUnchanged(lang))
        }
        return site.redirect(Page.backOffice(.articleEdit(slug: article.slug)).path(lang) + "?saved=" + String(saved.version), context.visitor)
    }

    func restore(_ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        guard let slug = context.parameters.get("slug"), let version = context.parameters.get("version").flatMap(Int.init) else {
            throw PageError.notFound
        }
        do {
            let restored = try await site.shop.news.restore(slug: slug, version: version, by: .staff(session.member), now: site.now())
            return site.redirect(Page.backOffice(.articleEdit(slug: slug)).path(lang) + "?saved=" + String(restored), context.visitor)
        } catch NewsProblem.noSuchVersion {
            throw PageError.notFound
        }
    }
}

/// The editor's fields as typed, kept as text so a refused form comes back as it was sent.
struct ArticleDraft: Sendable {
    var id: UUID?
    var slug = "", title = "", teaser = "", body = "", author = "", category = "", tags = "", status = "draft", publishAt = ""

    static func empty(now: Date) -> ArticleDraft {
        ArticleDraft(publishAt: BerlinTime.field(now))
    }

    init(id: UUID? = nil, publishAt: String = "") {
        self.id = id
        self.publishAt = publishAt
    }

    init(_ article: TresorCore.Article) {
        id = article.id
        slug = article.slug
        title = article.title
        teaser = article.teaser
        body = article.body
        author = article.author
        category = article.category
        tags = article.tags.joined(separator: ", ")
        status = article.status.rawValue
        publishAt = article.publishAt.map(BerlinTime.field) ?? ""
    }

    init(form: FormData) {
        slug = form["slug"].trimmingCharacters(in: .whitespaces)
        title = form["title"].trimmingCharacters(in: .whitespaces)
        teaser = form["teaser"].trimmingCharacters(in: .whitespaces)
        body = form["body"].replacingOccurrences(of: "\r\n", with: "\n")
        author = form["author"].trimmingCharacters(in: .whitespaces)
        category = form["category"].trimmingCharacters(in: .whitespaces)
        tags = form["tags"]
        status = form["status"]
        publishAt = form["publishAt"]
    }

    /// The article these fields make, checked as the import checks files.
    func article(now: Date) throws(InvalidParameter) -> TresorCore.Article {
        guard let status = ArticleStatus(rawValue: status) else { throw InvalidParameter(name: "status", value: status) }
        var when: Date?
        if !publishAt.isEmpty {
            guard let parsed = BerlinTime.parse(publishAt) else { throw InvalidParameter(name: "publishAt", value: publishAt) }
            when = parsed
        }
        if status != .draft, when == nil { when = now }
        let tagList = tags.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        let article = TresorCore.Article(id: id ?? UUID(), slug: slug, title: title, teaser: teaser, body: body, author: author, category: category,
                              tags: tagList, status: status, publishAt: when, updatedAt: now)
        try article.validate()
        return article
    }
}

/// `datetime-local` fields in Berlin time (`2026-11-30T18:00`).
enum BerlinTime {
    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin") ?? .gmt
        return calendar
    }

    static func field(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let two = { (n: Int?) in String(format: "%02d", n ?? 0) }
        return "\(c.year ?? 2000)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute))"
    }

    static func parse(_ text: String) -> Date? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "T" || $0 == ":" }).map { Int($0) }
        guard parts.count == 5, parts.allSatisfy({ $0 != nil }), (2000...2100).contains(parts[0] ?? 0) else { return nil }
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4])
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }
}

enum ArticlesView {
    static func statusName(_ status: ArticleStatus, _ lang: Language) -> String {
        switch status {
        case .draft: ContentDeskText.statusDraft(lang)
        case .scheduled: ContentDeskText.statusScheduled(lang)
        case .published: ContentDeskText.statusPublished(lang)
        }
    }

    static func list(_ frame: BackOfficeFrame, articles: ListPage<(article: TresorCore.Article, version: Int)>) -> String {
        let lang = frame.lang
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(BackOfficeText.menuArticles(lang))),
            .p(.a(.attr("class", "button"), .attr("href", Page.backOffice(.articleNew).path(lang)), .text(ContentDeskText.articleNew(lang)))),
            .table(.attr("class", "bo-table"),
                   .thead(.tr(.th(.text(ContentDeskText.articleTitle(lang))), .th(.text(ContentDeskText.articleStatus(lang))),
                              .th(.text(ContentDeskText.articlePublishAt(lang))), .th(.text(ContentDeskText.articleVersion(lang))))),
                   .tbody(.forEach(articles.entries) { article, version in
                       .tr(.td(.a(.attr("href", Page.backOffice(.articleEdit(slug: article.slug)).path(lang)), .text(article.title))),
                           .td(.text(statusName(article.status, lang))),
                           .td(.text(article.publishAt.map { Format.dateTime($0, lang) } ?? "–")), .td(.text(String(version))))
                   })),
            BackOfficeLayout.pager(articles, lang, .articles)
        )
        return BackOfficeLayout.render(frame, title: BackOfficeText.menuArticles(lang), main: main)
    }

    static func editor(_ frame: BackOfficeFrame, draft: ArticleDraft, isNew: Bool, revisions: [ArticleRevision], preview: String?,
                       problem: String?) -> String {
        let lang = frame.lang
        let none = FieldProblems()
        let text = { (label: ContentDeskText, name: String, value: String) in
            Forms.field(label(lang), name: name, value: value, autocomplete: "off", problems: none)
        }
        let title = isNew ? ContentDeskText.articleNew(lang) : ContentDeskText.articleEdit(lang)
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(title)),
            Forms.notices(problem.map { [$0] } ?? []),
            BackOfficeLayout.form(.articleSave, frame, class: "form",
                                  Forms.hidden("new", isNew ? "1" : "0"),
                                  isNew ? text(.articleSlug, "slug", draft.slug) : Forms.hidden("slug", draft.slug),
                                  text(.articleTitle, "title", draft.title),
                                  text(.articleTeaser, "teaser", draft.teaser),
                                  .div(.attr("class", "field-row"), text(.articleAuthor, "author", draft.author),
                                       text(.articleCategory, "category", draft.category)),
                                  Forms.field(ContentDeskText.articleTags(lang), name: "tags", value: draft.tags, autocomplete: "off", problems: none,
                                              required: false),
                                  .div(.attr("class", "field-row"),
                                       .div(.attr("class", "field"), .label(.attr("for", "f-status"), .text(ContentDeskText.articleStatus(lang))),
                                            .select(.attr("id", "f-status"), .attr("name", "status"),
                                                    .forEach(ArticleStatus.allCases) { .choice($0.rawValue, statusName($0, lang), selected: $0.rawValue == draft.status) })),
                                       Forms.field(ContentDeskText.articlePublishAt(lang), name: "publishAt", value: draft.publishAt,
                                                   type: "datetime-local", autocomplete: "off", problems: none, required: false,
                                                   hint: ContentDeskText.articleScheduleHint(lang))),
                                  .div(.attr("class", "field"), .label(.attr("for", "f-body"), .text(ContentDeskText.articleBody(lang))),
                                       .textarea(.attr("id", "f-body"), .attr("name", "body"), .attr("rows", "24"), .text(draft.body))),
                                  .button(.attr("type", "submit"), .attr("name", "intent"), .attr("value", "preview"), .attr("class", "button secondary"),
                                          .text(ContentDeskText.articlePreview(lang))),
                                  .button(.attr("type", "submit"), .attr("name", "intent"), .attr("value", "save"), .attr("class", "button"),
                                          .text(ContentDeskText.articleSave(lang)))),
            // The preview is the sanitised Markdown output, the one `.raw` a view may use.
            .if(preview != nil, .section(.attr("class", "article-preview"), .h2(.text(ContentDeskText.articlePreview(lang))),
                                         .h1(.text(draft.title)), .p(.attr("class", "teaser"), .text(draft.teaser)), .raw(preview ?? ""))),
            .if(!revisions.isEmpty, .group(
                .h2(.text(ContentDeskText.articleRevisions(lang))),
                .table(.attr("class", "bo-table"),
                       .tbody(.forEach(revisions.reversed()) { revision in
                           .tr(.td(.text(String(revision.version))), .td(.text(Format.dateTime(revision.savedAt, lang))), .td(.text(revision.savedBy)),
                               .td(.text(revision.article.title)), .td(.text(statusName(revision.article.status, lang))),
                               .td(.if(revision.version != revisions.last?.version,
                                       BackOfficeLayout.form(.articleRestore(slug: draft.slug, version: String(revision.version)), frame,
                                                             Forms.submit(ContentDeskText.articleRestore(lang), class: "button secondary")))))
                       }))))
        )
        return BackOfficeLayout.render(frame, title: title, main: main)
    }
}

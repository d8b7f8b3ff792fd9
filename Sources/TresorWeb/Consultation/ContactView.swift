import Foundation
import Plot
import TresorCore
import TresorServices

/// What the call-back form shows again after a refused submission.
struct CallbackEntry: Sendable {
    var name = ""
    var phone = ""
    var window = ""
    var topic = ""
    var consented = false
    var problems = FieldProblems()
    var notice: [String] = []
}

/// The contact page: hotline, opening hours, e-mail and the call-back form.
enum ContactView {
    static func page(entry: CallbackEntry, _ context: PageContext) -> String {
        let lang = context.language
        let shop = context.shop
        let problems = entry.problems
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(CareersText.contactTitle(lang))),
            .p(.attr("class", "lead"), .text(CareersText.contactLead(lang))),
            .element(named: "dl", nodes: [
                .element(named: "dt", text: CareersText.hotline(lang)),
                .element(named: "dd", nodes: [.a(.attr("href", "tel:" + shop.hotline.filter { $0.isNumber || $0 == "+" }),
                                                 .text(shop.hotline))]),
                .element(named: "dt", text: CareersText.hours(lang)),
                .element(named: "dd", text: lang == .de ? shop.hoursDE : shop.hoursEN),
                .element(named: "dt", text: CareersText.writeUs(lang)),
                .element(named: "dd", nodes: [.a(.attr("href", "mailto:" + shop.email), .text(shop.email))]),
            ]),
            .section(
                .attr("class", "callback"), .attr("id", "rueckruf"),
                .h2(.text(CareersText.callbackTitle(lang))),
                .p(.text(CareersText.callbackLead(lang))),
                Forms.notices(entry.notice),
                .form(.attr("method", "post"), .attr("action", Page.consultation(.contact).path(lang) + "#rueckruf"), .attr("class", "form"),
                      Forms.hidden("_csrf", CSRF.placeholder),
                      Forms.field(CustomerText.fieldName(lang), name: "name", value: entry.name, autocomplete: "name", problems: problems),
                      Forms.field(CareersText.fieldPhone(lang), name: "phone", value: entry.phone, type: "tel", autocomplete: "tel",
                                  problems: problems),
                      choices(CareersText.fieldWindow(lang), name: "window", selected: entry.window, problems: problems,
                              CallbackWindow.allCases.map { ($0.rawValue, windowLabel($0, lang)) }),
                      choices(CareersText.fieldTopic(lang), name: "topic", selected: entry.topic, problems: problems,
                              CallbackTopic.allCases.map { ($0.rawValue, CareersText.topic($0)(lang)) }),
                      Forms.checkbox("consent", CareersText.callbackConsent(lang, shop.name), checked: entry.consented,
                                     invalid: problems["consent"] != nil),
                      .if(problems["consent"] != nil, .p(.attr("class", "field-message"), .text(problems["consent"] ?? ""))),
                      Layout.honeypot(lang),
                      Forms.submit(CareersText.callbackSend(lang)))))
        return Layout.render(context, title: CareersText.contactTitle(lang), main: main)
    }

    /// `09-12` → `9–12 Uhr` / `9 am – 12 pm`.
    static func windowLabel(_ window: CallbackWindow, _ lang: Language) -> String {
        let hours = window.rawValue.split(separator: "-").compactMap { Int($0) }
        guard hours.count == 2 else { return window.rawValue }
        if lang == .de { return "\(hours[0])–\(hours[1]) Uhr" }
        func english(_ hour: Int) -> String { hour < 12 ? "\(hour) am" : hour == 12 ? "12 pm" : "\(hour - 12) pm" }
        return english(hours[0]) + " – " + english(hours[1])
    }

    static func choices(_ legend: String, name: String, selected: String, problems: FieldProblems,
                        _ options: [(value: String, label: String)]) -> Node<HTML.FormContext> {
        .element(named: "fieldset", nodes: [
            .attr("class", problems[name] == nil ? "choices" : "choices invalid"),
            .element(named: "legend", text: legend),
            .forEach(options) { option in Forms.radio(name, option.value, option.label, checked: option.value == selected) },
            .if(problems[name] != nil, .p(.attr("class", "field-message"), .text(problems[name] ?? ""))),
        ])
    }
}

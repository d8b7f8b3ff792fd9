import Plot
import TresorCore
import TresorServices

/// Form parts every customer form uses: the token, labelled fields with their message, radios, checkboxes.
enum Forms {
    /// A POST form to `page` carrying the visitor's token for it.
    static func post(_ page: Page, _ lang: Language, token: String, class className: String = "form",
                     _ content: Node<HTML.FormContext>...) -> Node<HTML.BodyContext> {
        .form(.attr("method", "post"), .attr("action", page.path(lang)), .attr("class", className),
              .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", token)),
              .group(content))
    }

    /// Fields under a legend.
    static func fieldset(_ legend: String, _ content: Node<HTML.FormContext>...) -> Node<HTML.FormContext> {
        .element(named: "fieldset", nodes: [.element(named: "legend", text: legend)] + content)
    }

    static func hidden(_ name: String, _ value: String) -> Node<HTML.FormContext> {
        .input(.attr("type", "hidden"), .attr("name", name), .attr("value", value))
    }

    /// A labelled input; a field named in `problems` is marked invalid and says what to fix.
    static func field(_ label: String, name: String, value: String, type: String = "text", autocomplete: String,
                      problems: FieldProblems, required: Bool = true, hint: String? = nil) -> Node<HTML.FormContext> {
        let message = problems[name]
        return .div(.attr("class", message == nil ? "field" : "field invalid"),
                    .label(.attr("for", "f-" + name), .text(label)),
                    .input(.attr("id", "f-" + name), .attr("name", name), .attr("type", type), .attr("value", value),
                           .attr("autocomplete", autocomplete), .flag("required", required),
                           message == nil ? .empty : .attr("aria-invalid", "true"),
                           message == nil ? .empty : .attr("aria-describedby", "m-" + name)),
                    .if(hint != nil, .small(.text(hint ?? ""))),
                    .if(message != nil, .p(.attr("class", "field-message"), .attr("id", "m-" + name), .text(message ?? ""))))
    }

    static func radio(_ name: String, _ value: String, _ label: String, checked: Bool) -> Node<HTML.FormContext> {
        .label(.attr("class", "choice"),
               .input(.attr("type", "radio"), .attr("name", name), .attr("value", value), .flag("checked", checked)),
               .text(" " + label))
    }

    static func checkbox(_ name: String, _ label: String, checked: Bool, invalid: Bool) -> Node<HTML.FormContext> {
        .label(.attr("class", invalid ? "choice invalid" : "choice"),
               .input(.attr("type", "checkbox"), .attr("name", name), .attr("value", "1"), .flag("checked", checked)),
               .text(" " + label))
    }

    static func submit(_ label: String, class className: String = "button") -> Node<HTML.FormContext> {
        .button(.attr("type", "submit"), .attr("class", className), .text(label))
    }

    /// Messages at the top of a form: problems in red, confirmations in green.
    static func notices(_ problems: [String], _ confirmations: [String] = []) -> Node<HTML.BodyContext> {
        .group(
            .if(!problems.isEmpty, .div(.attr("class", "notice problem"), .attr("role", "alert"),
                                        .forEach(problems) { .p(.text($0)) })),
            .if(!confirmations.isEmpty, .div(.attr("class", "notice ok"), .attr("role", "status"),
                                             .forEach(confirmations) { .p(.text($0)) }))
        )
    }

    /// The address fields of registration, account details and checkout.
    static func address(_ details: CustomerDetails?, _ lang: Language, problems: FieldProblems,
                        email: Bool = true) -> Node<HTML.FormContext> {
        let d = details
        return .group(
            email ? field(CustomerText.fieldEmail(lang), name: "email", value: d?.email ?? "", type: "email",
                          autocomplete: "email", problems: problems) : .empty,
            field(CustomerText.fieldName(lang), name: "name", value: d?.name ?? "", autocomplete: "name", problems: problems),
            field(CustomerText.fieldStreet(lang), name: "street", value: d?.street ?? "", autocomplete: "street-address",
                  problems: problems),
            .div(.attr("class", "field-row"),
                 field(CustomerText.fieldPostalCode(lang), name: "postalCode", value: d?.postalCode ?? "", autocomplete: "postal-code",
                       problems: problems),
                 field(CustomerText.fieldCity(lang), name: "city", value: d?.city ?? "", autocomplete: "address-level2",
                       problems: problems)),
            field(CustomerText.fieldCountry(lang), name: "country", value: d?.country ?? "DE", autocomplete: "country",
                  problems: problems)
        )
    }
}

/// Messages per field name, shown beside the field.
struct FieldProblems: Sendable {
    var messages: [String: String] = [:]
    subscript(_ name: String) -> String? { messages[name] }
    var isEmpty: Bool { messages.isEmpty }

    /// The domain's verdict on customer details, as a message next to the field it names.
    static func details(_ problem: InvalidParameter, _ lang: Language) -> FieldProblems {
        let label: CustomerText = switch problem.name {
        case "email": .fieldEmail
        case "name": .fieldName
        case "street": .fieldStreet
        case "postalCode": .fieldPostalCode
        case "city": .fieldCity
        default: .fieldCountry
        }
        return FieldProblems(messages: [problem.name: CustomerText.fieldProblem(lang, label(lang))])
    }
}

extension CustomerDetails {
    /// The address fields of a submitted form.
    init(form: FormData) {
        self.init(email: form["email"], name: form["name"], street: form["street"], postalCode: form["postalCode"],
                  city: form["city"], country: form["country"])
    }
}

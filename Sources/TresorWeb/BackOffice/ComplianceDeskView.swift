import Foundation
import Plot
import TresorCore
import TresorServices

/// The order page's compliance part: every rule's result, the identity record that identified the order (its copy
/// only for those who may identify), and the identification form with the document's upload.
enum ComplianceDeskView {
    static func results(_ results: [(result: ComplianceRuleResult, at: Date)], _ lang: Language) -> Node<HTML.BodyContext> {
        .table(.attr("class", "bo-table compliance-results"),
               .thead(.tr(.th(.text(BackOfficeText.colWhen(lang))), .th(.text(ComplianceDeskText.rule(lang))),
                          .th(.text(ComplianceDeskText.outcome(lang))), .th(.text(ComplianceDeskText.reason(lang))))),
               .tbody(.forEach(results) { entry in
                   .tr(.td(.text(Format.dateTime(entry.at, lang))), .td(.text(entry.result.rule)),
                       .td(.attr("class", entry.result.outcome == ComplianceOutcome.allow ? "good" : "bad"), .text(entry.result.outcome.rawValue)),
                       .td(.text(entry.result.explanation)))
               }))
    }

    static func record(_ record: IdentityRecord?, number: String, mayIdentify: Bool, _ lang: Language) -> Node<HTML.BodyContext> {
        guard let record else { return .p(.text(ComplianceDeskText.noRecord(lang))) }
        let yes = { (flag: Bool) in flag ? ComplianceDeskText.yes(lang) : ComplianceDeskText.no(lang) }
        return .group(
            BackOfficeLayout.facts([
                (ComplianceDeskText.fullName(lang), record.fullName),
                (ComplianceDeskText.born(lang), record.birthDate + ", " + record.birthPlace + " (" + record.nationality + ")"),
                (ComplianceDeskText.document(lang), documentName(record.documentType, lang) + " " + record.documentNumber + " · "
                    + record.issuingAuthority + " (" + record.issuingCountry + ")"),
                (ComplianceDeskText.expires(lang), record.expiresOn),
                (ComplianceDeskText.ownAccount(lang), yes(record.ownAccount)),
                (ComplianceDeskText.pep(lang), yes(record.politicallyExposed)),
                (ComplianceDeskText.checked(lang), record.checkedBy + ", " + Format.dateTime(record.checkedAt, lang)),
            ]),
            .if(mayIdentify, .p(.a(.attr("href", Page.backOffice(.identityCopy(number: number)).path(lang)),
                                   .text(ComplianceDeskText.copyLink(lang)))))
        )
    }

    static func documentName(_ type: IdentityDocumentType, _ lang: Language) -> String {
        switch type {
        case .idCard: ComplianceDeskText.idCard(lang)
        case .passport: ComplianceDeskText.passport(lang)
        case .residencePermit: ComplianceDeskText.residencePermit(lang)
        }
    }

    /// Every field the law asks for (§11 Abs. 4, §12 GwG), the questions of §10 Abs. 1 Nr. 2 and 4, and the copy
    /// (§8 Abs. 2), prefilled with the order's name and address.
    static func identifyForm(_ order: Order, _ frame: BackOfficeFrame) -> Node<HTML.BodyContext> {
        let lang = frame.lang
        let c = order.customer
        func field(_ name: String, _ label: ComplianceDeskText, _ value: String = "", type: String = "text") -> Node<HTML.FormContext> {
            .div(.attr("class", "field"), .label(.attr("for", "f-id-" + name), .text(label(lang))),
                 .input(.attr("id", "f-id-" + name), .attr("name", name), .attr("type", type), .attr("value", value),
                        .attr("maxlength", "200"), .flag("required", true)))
        }
        func question(_ name: String, _ label: ComplianceDeskText) -> Node<HTML.FormContext> {
            .div(.attr("class", "field"), .label(.attr("for", "f-id-" + name), .text(label(lang))),
                 .select(.attr("id", "f-id-" + name), .attr("name", name), .flag("required", true),
                         .choice("", "–"), .choice("yes", ComplianceDeskText.yes(lang)), .choice("no", ComplianceDeskText.no(lang))))
        }
        let action = Page.backOffice(.orderStep(number: order.number, .identify)).path(lang) + "?_csrf=" + Escape.percent(frame.token)
        return .form(.attr("method", "post"), .attr("enctype", "multipart/form-data"), .attr("class", "form step step-identify"),
                     .attr("action", action),
                     .p(.text(ComplianceDeskText.identifyLead(lang))),
                     field("fullName", .fullName, c.name), field("birthDate", .birthDate, type: "date"), field("birthPlace", .birthPlace),
                     field("nationality", .nationality, "DE"), field("street", .street, c.street),
                     field("postalCode", .postalCode, c.postalCode), field("city", .city, c.city),
                     field("country", .country, c.country),
                     .div(.attr("class", "field"), .label(.attr("for", "f-id-documentType"), .text(ComplianceDeskText.document(lang))),
                          .select(.attr("id", "f-id-documentType"), .attr("name", "documentType"),
                                  .forEach(IdentityDocumentType.allCases) { .choice($0.rawValue, documentName($0, lang)) })),
                     field("documentNumber", .documentNumber), field("issuingAuthority", .issuingAuthority),
                     field("issuingCountry", .issuingCountry, "DE"), field("expiresOn", .expires, type: "date"),
                     question("ownAccount", .ownAccount), question("pep", .pep),
                     .div(.attr("class", "field"), .label(.attr("for", "f-id-copy"), .text(ComplianceDeskText.copy(lang))),
                          .input(.attr("id", "f-id-copy"), .attr("name", "copy"), .attr("type", "file"),
                                 .attr("accept", "image/jpeg,image/png,application/pdf"), .flag("required", true))),
                     Forms.submit(BackOfficeText.stepIdentify(lang)))
    }
}

enum ComplianceDeskText: Wording {
    case rule, outcome, reason, noRecord, yes, no, fullName, born, birthDate, birthPlace, nationality, street, postalCode, city, country
    case document, documentNumber, issuingAuthority, issuingCountry, expires, ownAccount, pep, checked, copy, copyLink, identifyLead
    case idCard, passport, residencePermit, identityTitle, fieldProblem, copyProblem, holdReason

    var pair: (String, String) {
        switch self {
        case .rule: ("Regel", "Rule")
        case .outcome: ("Ergebnis", "Outcome")
        case .reason: ("Begründung", "Reason")
        case .noRecord: ("Noch keine Identifizierung.", "Not identified yet.")
        case .yes: ("ja", "yes")
        case .no: ("nein", "no")
        case .fullName: ("Vollständiger Name", "Full name")
        case .born: ("Geboren", "Born")
        case .birthDate: ("Geburtsdatum", "Date of birth")
        case .birthPlace: ("Geburtsort", "Place of birth")
        case .nationality: ("Staatsangehörigkeit (z. B. DE)", "Nationality (e.g. DE)")
        case .street: ("Straße und Hausnummer", "Street and number")
        case .postalCode: ("PLZ", "Postal code")
        case .city: ("Ort", "City")
        case .country: ("Land (z. B. DE)", "Country (e.g. DE)")
        case .document: ("Ausweisdokument", "Identity document")
        case .documentNumber: ("Dokumentnummer", "Document number")
        case .issuingAuthority: ("Ausstellende Behörde", "Issuing authority")
        case .issuingCountry: ("Ausstellender Staat (z. B. DE)", "Issuing country (e.g. DE)")
        case .expires: ("Gültig bis", "Valid until")
        case .ownAccount: ("Handelt auf eigene Rechnung (§ 10 Abs. 1 Nr. 2 GwG)", "Acts on own account (§ 10(1) no. 2 GwG)")
        case .pep: ("Politisch exponierte Person (§ 10 Abs. 1 Nr. 4 GwG)", "Politically exposed person (§ 10(1) no. 4 GwG)")
        case .checked: ("Geprüft von", "Checked by")
        case .copy: ("Kopie des Dokuments (JPEG, PNG oder PDF, höchstens 10 MB)", "Copy of the document (JPEG, PNG or PDF, at most 10 MB)")
        case .copyLink: ("Kopie des Ausweisdokuments öffnen", "Open the copy of the identity document")
        case .identifyLead: ("Das Originaldokument prüfen, alle Angaben erfassen und eine Kopie hochladen (§§ 8, 11, 12 GwG).",
                             "Check the original document, record every detail and upload a copy (§§ 8, 11, 12 GwG).")
        case .idCard: ("Personalausweis", "Identity card")
        case .passport: ("Reisepass", "Passport")
        case .residencePermit: ("Aufenthaltstitel", "Residence permit")
        case .identityTitle: ("Identifizierung", "Identification")
        case .fieldProblem: ("Die Identifizierung wurde nicht gespeichert: „%@“ fehlt oder ist nicht verwendbar (Ausweis abgelaufen?).",
                             "The identification was not saved: \"%@\" is missing or cannot be used (document expired?).")
        case .copyProblem: ("Die Kopie muss ein JPEG, PNG oder PDF von höchstens 10 MB sein.", "The copy must be a JPEG, PNG or PDF of at most 10 MB.")
        case .holdReason: ("Grund (wird protokolliert)", "Reason (recorded)")
        }
    }
}

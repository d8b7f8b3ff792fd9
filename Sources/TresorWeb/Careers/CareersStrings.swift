import TresorCore

/// The sentences of the careers and contact pages, German first.
enum CareersText: Wording {
    case careersTitle, careersLead, careersNone, careersTeaser, careersAll, jobClosed, jobPosted, jobApply, jobApplyLead,
         fieldMessage, fieldCV, cvHint, applySend, appliedTitle, applied, cvMissing, cvTooLarge, cvNotPDF, tooMany,
         fieldWrong
    case contactTitle, contactLead, hotline, hours, callbackTitle, callbackLead, fieldPhone, fieldWindow, fieldTopic,
         callbackConsent, callbackSend, callbackSentTitle, callbackSent, callbackConsentMissing, writeUs
    case typeFullTime, typePartTime, typeTemporary, typeIntern, typeOther
    case topicBuying, topicSellingBack, topicStorage, topicOther

    var pair: (String, String) {
        switch self {
        case .careersTitle: ("Offene Stellen", "Open positions")
        case .careersLead: ("#TeamGold: Wir handeln seit Jahren mit Edelmetallen und suchen Menschen, die mit Sorgfalt und Freude dabei sind.",
                            "#TeamGold: we have traded precious metals for years and look for people who bring care and joy to it.")
        case .careersNone: ("Zurzeit ist keine Stelle offen. Initiativbewerbungen schicken Sie gern an %@.",
                            "No position is open at the moment. Unsolicited applications are welcome at %@.")
        case .careersTeaser: ("#TeamGold – wir stellen ein", "#TeamGold – we are hiring")
        case .careersAll: ("Alle offenen Stellen", "All open positions")
        case .jobClosed: ("Diese Stelle ist besetzt oder nicht mehr ausgeschrieben.", "This position is filled or no longer advertised.")
        case .jobPosted: ("Ausgeschrieben am %@", "Posted on %@")
        case .jobApply: ("Jetzt bewerben", "Apply now")
        case .jobApplyLead: ("Lebenslauf als PDF (höchstens 10 MB). Wir löschen Bewerbungen spätestens %@ Monate nach Eingang.",
                             "CV as a PDF (at most 10 MB). We delete applications at the latest %@ months after they arrive.")
        case .fieldMessage: ("Ihre Nachricht (freiwillig)", "Your message (optional)")
        case .fieldCV: ("Lebenslauf (PDF)", "CV (PDF)")
        case .cvHint: ("Nur PDF, höchstens 10 MB", "PDF only, at most 10 MB")
        case .applySend: ("Bewerbung absenden", "Send application")
        case .appliedTitle: ("Vielen Dank für Ihre Bewerbung", "Thank you for your application")
        case .applied: ("Ihre Unterlagen sind eingegangen; eine Bestätigung ist per E-Mail unterwegs.",
                        "Your documents have arrived; a confirmation is on its way by e-mail.")
        case .cvMissing: ("Bitte laden Sie Ihren Lebenslauf als PDF hoch.", "Please upload your CV as a PDF.")
        case .cvTooLarge: ("Der Lebenslauf ist größer als 10 MB.", "The CV is larger than 10 MB.")
        case .cvNotPDF: ("Der Lebenslauf ist keine PDF-Datei.", "The CV is not a PDF file.")
        case .tooMany: ("Zu viele Anfragen von Ihrer Adresse. Bitte versuchen Sie es später erneut.",
                        "Too many requests from your address. Please try again later.")
        case .fieldWrong: ("Bitte prüfen Sie die markierten Felder.", "Please check the marked fields.")
        case .contactTitle: ("Kontakt und Beratung", "Contact and advice")
        case .contactLead: ("Unsere Edelmetallberater helfen Ihnen bei Kauf, Verkauf und Lagerung – am Telefon oder per Rückruf.",
                            "Our precious-metal advisers help with buying, selling and storage – on the phone or by call-back.")
        case .hotline: ("Hotline (kostenfrei)", "Hotline (free of charge)")
        case .hours: ("Erreichbar", "Open")
        case .callbackTitle: ("Rückruf vereinbaren", "Request a call-back")
        case .callbackLead: ("Nennen Sie uns Ihre Nummer und eine passende Zeit; ein Berater ruft Sie am nächsten Werktag an.",
                             "Leave your number and a convenient time; an adviser calls you on the next working day.")
        case .fieldPhone: ("Telefonnummer", "Phone number")
        case .fieldWindow: ("Wann dürfen wir anrufen?", "When may we call?")
        case .fieldTopic: ("Worum geht es?", "What is it about?")
        case .callbackConsent: ("Ich bin einverstanden, dass %@ mich zu diesem Anliegen unter der angegebenen Nummer anruft. "
                                + "Meine Angaben werden nur dafür verwendet und nach Erledigung gelöscht.",
                                "I agree that %@ calls me about this request at the number given. "
                                + "My details are used only for this and deleted once it is done.")
        case .callbackSend: ("Rückruf anfordern", "Request call-back")
        case .callbackSentTitle: ("Wir rufen Sie an", "We will call you")
        case .callbackSent: ("Ihr Rückrufwunsch ist bei uns eingegangen.", "Your call-back request has arrived.")
        case .callbackConsentMissing: ("Bitte stimmen Sie dem Rückruf zu.", "Please agree to the call-back.")
        case .writeUs: ("E-Mail", "E-mail")
        case .typeFullTime: ("Vollzeit", "Full-time")
        case .typePartTime: ("Teilzeit", "Part-time")
        case .typeTemporary: ("Befristet", "Temporary")
        case .typeIntern: ("Praktikum", "Internship")
        case .typeOther: ("Sonstige", "Other")
        case .topicBuying: ("Kauf von Münzen und Barren", "Buying coins and bars")
        case .topicSellingBack: ("Verkauf an uns (Ankauf)", "Selling to us")
        case .topicStorage: ("Lagerung und Versicherung", "Storage and insurance")
        case .topicOther: ("Etwas anderes", "Something else")
        }
    }

    static func employment(_ type: EmploymentType) -> CareersText {
        switch type {
        case .fullTime: .typeFullTime
        case .partTime: .typePartTime
        case .temporary: .typeTemporary
        case .intern: .typeIntern
        case .other: .typeOther
        }
    }

    static func topic(_ topic: CallbackTopic) -> CareersText {
        switch topic {
        case .buying: .topicBuying
        case .sellingBack: .topicSellingBack
        case .storage: .topicStorage
        case .other: .topicOther
        }
    }
}

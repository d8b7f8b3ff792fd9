import TresorCore

/// The sentences of the back office's content desks (articles, newsletter, jobs and applications, call-backs), German first.
enum ContentDeskText: Wording {
    case applicationCV, applicationMessage, articleAuthor, articleBody, articleCategory, articleEdit, articleExists,
         articleInvalid, articleNew, articlePreview, articlePublishAt, articleRestore, articleRestored,
         articleRevisions, articleSave, articleSaved, articleScheduleHint, articleSlug, articleStatus, articleTags,
         articleTeaser, articleTitle, articleUnchanged, articleVersion, callbackCalled, callbackClose, callbackMarked,
         callbackPhone, callbackStatusCalled, callbackStatusClosed, callbackStatusOpen, callbackTopic, callbackWindow,
         callbacksNone, campaignBody, campaignCancelButton, campaignCancelled, campaignDigestButton,
         campaignDraftButton, campaignInvalid, campaignKind, campaignNoDigest, campaignNotDraft, campaignNotRunning,
         campaignProgress, campaignScheduleAt, campaignScheduleButton, campaignScheduled, campaignSubject,
         campaignTestButton, campaignTestTo, campaignTested, jobClose, jobClosed, jobClosedNow, jobClosesAt,
         jobDescription, jobEdit, jobExists, jobInvalid, jobLocation, jobNew, jobOpen, jobSave, jobSaved, jobStatus,
         jobTitle, jobType, jobsApplications, jobsNoApplications, jobsPostings, statusDraft, statusPublished,
         statusScheduled, subscriberErased, subscriberLookup, subscriberNone, subscriberProofLink

    var pair: (String, String) {
        switch self {
        case .articleNew: ("Neuer Artikel", "New article")
        case .articleEdit: ("Artikel bearbeiten", "Edit article")
        case .articleSlug: ("Adresse (Kleinbuchstaben, Ziffern, Bindestriche)", "Address (lower-case letters, digits, hyphens)")
        case .articleTitle: ("Titel", "Title")
        case .articleTeaser: ("Anreißer", "Teaser")
        case .articleBody: ("Text (Markdown)", "Text (Markdown)")
        case .articleAuthor: ("Autor", "Author")
        case .articleCategory: ("Kategorie", "Category")
        case .articleTags: ("Themen (durch Kommas getrennt)", "Topics (separated by commas)")
        case .articleStatus: ("Status", "Status")
        case .articlePublishAt: ("Veröffentlichen am (Berliner Zeit)", "Publish at (Berlin time)")
        case .articlePreview: ("Vorschau", "Preview")
        case .articleSave: ("Als neue Fassung speichern", "Save as a new version")
        case .articleSaved: ("Gespeichert als Fassung %@.", "Saved as version %@.")
        case .articleUnchanged: ("Nichts geändert; keine neue Fassung.", "Nothing changed; no new version.")
        case .articleInvalid: ("Bitte prüfen Sie das Feld „%@“.", "Please check the field “%@”.")
        case .articleRevisions: ("Fassungen", "Versions")
        case .articleRestore: ("Wiederherstellen", "Restore")
        case .articleRestored: ("Fassung %@ ist wieder aktuell (als neue Fassung).", "Version %@ is current again (as a new version).")
        case .articleVersion: ("Fassung", "Version")
        case .articleExists: ("Unter dieser Adresse gibt es schon einen Artikel.", "An article exists at this address already.")
        case .statusDraft: ("Entwurf", "Draft")
        case .statusScheduled: ("Geplant", "Scheduled")
        case .statusPublished: ("Veröffentlicht", "Published")
        case .articleScheduleHint: ("Geplante Artikel erscheinen zur angegebenen Zeit von selbst.",
                                    "Scheduled articles appear by themselves at the given time.")
        case .campaignSubject: ("Betreff", "Subject")
        case .campaignBody: ("Text (Markdown)", "Text (Markdown)")
        case .campaignDraftButton: ("Entwurf anlegen", "Create a draft")
        case .campaignDigestButton: ("Überblick der neuen Artikel als Entwurf", "Draft a digest of the new articles")
        case .campaignNoDigest: ("Seit dem letzten Überblick ist kein Artikel erschienen.", "No article has appeared since the last digest.")
        case .campaignInvalid: ("Bitte Betreff (bis 200 Zeichen) und Text angeben.", "Please give a subject (up to 200 characters) and a text.")
        case .campaignTestTo: ("Testversand an", "Test send to")
        case .campaignTestButton: ("Test senden", "Send a test")
        case .campaignScheduleAt: ("Versenden am (Berliner Zeit; leer: sofort)", "Send at (Berlin time; empty: now)")
        case .campaignScheduleButton: ("Einplanen", "Schedule")
        case .campaignCancelButton: ("Anhalten", "Call off")
        case .campaignTested: ("Der Test ist unterwegs.", "The test is on its way.")
        case .campaignScheduled: ("Eingeplant.", "Scheduled.")
        case .campaignCancelled: ("Angehalten; der Rest der Warteschlange entfällt.", "Called off; the rest of the queue is dropped.")
        case .campaignNotDraft: ("Nur ein Entwurf lässt sich einplanen.", "Only a draft can be scheduled.")
        case .campaignNotRunning: ("Weder eingeplant noch im Versand: nichts anzuhalten.", "Neither scheduled nor sending: nothing to call off.")
        case .campaignProgress: ("Empfänger", "Recipients")
        case .campaignKind: ("Art", "Kind")
        case .subscriberLookup: ("E-Mail-Adresse eines Abonnenten", "A subscriber's e-mail address")
        case .subscriberNone: ("Keine Einwilligung zu dieser Adresse gespeichert.", "No consent is stored for this address.")
        case .subscriberErased: ("Auf Wunsch gelöscht; erhalten sind nur die Zeitpunkte der Einwilligung.",
                                 "Erased on request; only the times of the consent are kept.")
        case .subscriberProofLink: ("Nachweis der Einwilligung (zum Drucken)", "Proof of consent (to print)")
        case .callbacksNone: ("Keine Rückrufwünsche in dieser Ansicht.", "No call-back requests in this view.")
        case .callbackMarked: ("Der Rückrufwunsch wurde aktualisiert.", "The call-back request has been updated.")
        case .callbackCalled: ("Angerufen", "Called")
        case .callbackClose: ("Erledigt", "Done")
        case .callbackPhone: ("Telefon", "Phone")
        case .callbackWindow: ("Zeitfenster", "Time window")
        case .callbackTopic: ("Thema", "Topic")
        case .callbackStatusOpen: ("offen", "open")
        case .callbackStatusCalled: ("angerufen", "called")
        case .callbackStatusClosed: ("erledigt", "done")
        case .jobNew: ("Neue Stellenanzeige", "New job posting")
        case .jobEdit: ("Stellenanzeige bearbeiten", "Edit job posting")
        case .jobTitle: ("Titel", "Title")
        case .jobLocation: ("Ort", "Location")
        case .jobType: ("Anstellung", "Employment")
        case .jobDescription: ("Beschreibung (Markdown)", "Description (Markdown)")
        case .jobClosesAt: ("Bewerbungsschluss (Berliner Zeit, optional)", "Closing time (Berlin time, optional)")
        case .jobStatus: ("Status", "Status")
        case .jobSave: ("Speichern", "Save")
        case .jobSaved: ("Die Stellenanzeige ist gespeichert.", "The posting is saved.")
        case .jobInvalid: ("Bitte prüfen Sie das Feld „%@“.", "Please check the field “%@”.")
        case .jobExists: ("Unter dieser Adresse gibt es schon eine Anzeige.", "A posting exists at this address already.")
        case .jobsPostings: ("Stellenanzeigen", "Job postings")
        case .jobsApplications: ("Bewerbungen", "Applications")
        case .jobsNoApplications: ("Keine Bewerbungen.", "No applications.")
        case .jobOpen: ("offen", "open")
        case .jobClosed: ("geschlossen", "closed")
        case .jobClose: ("Anzeige schließen", "Close the posting")
        case .jobClosedNow: ("Die Anzeige ist geschlossen; ihre Seite bleibt, das Formular nicht.",
                             "The posting is closed; its page stays, the form goes.")
        case .applicationCV: ("Lebenslauf (PDF)", "CV (PDF)")
        case .applicationMessage: ("Nachricht", "Message")
        }
    }
}

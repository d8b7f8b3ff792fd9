import TresorCore

/// The back office's sentences for the legal pages' editor, German first.
enum LegalDeskText: Wording {
    case title, lead, version, template, edit, text, save, saved, empty, tooLong, versions, restore, preview

    var pair: (String, String) {
        switch self {
        case .title: ("Rechtstexte", "Legal pages")
        case .lead: ("Impressum, Datenschutz, AGB, Widerruf, Versand und „Über uns“. Jede Speicherung ist eine neue Version; ältere lassen sich wiederherstellen. Die Angaben des Händlers im Impressum und die Versandkosten kommen aus den Einstellungen.",
                          "Imprint, privacy, terms, withdrawal, shipping and about. Every save is a new version; earlier ones can be restored. The dealer's details in the imprint and the shipping costs come from the settings.")
        case .version: ("Version %@ vom %@ (%@)", "Version %@ of %@ (%@)")
        case .template: ("Mustertext des Shops (noch nicht bearbeitet)", "The shop's template (not edited yet)")
        case .edit: ("Bearbeiten", "Edit")
        case .text: ("Text (Markdown)", "Text (Markdown)")
        case .save: ("Als neue Version speichern", "Save as a new version")
        case .saved: ("Version %@ gespeichert.", "Version %@ saved.")
        case .empty: ("Der Text ist leer.", "The text is empty.")
        case .tooLong: ("Der Text ist zu lang (höchstens 60.000 Zeichen).", "The text is too long (60,000 characters at most).")
        case .versions: ("Versionen", "Versions")
        case .restore: ("Wiederherstellen", "Restore")
        case .preview: ("So sieht die Seite jetzt aus", "The page as it reads now")
        }
    }
}

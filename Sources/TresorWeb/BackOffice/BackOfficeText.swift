import TresorCore

/// The back office's sentences, German first.
enum BackOfficeText: Wording {
    case title, menuDashboard, menuOrders, menuAudit, signedInAs, signOut, signOutEverywhere, signedOutEverywhere
    case loginTitle, loginLead, fieldEmail, fieldPassword, fieldCode, codeHint, loginButton, loginFailed, loginWait
    case passwordTitle, passwordFirstLead, passwordLead, fieldCurrent, fieldNew, fieldRepeat, passwordSave, passwordChanged,
         passwordMismatch, passwordTooShort, passwordTooLong, passwordCommon, passwordPersonal, passwordWrongCurrent
    case dashboardTitle, ordersToday, revenueToday, waitingPayment, overdue, unmatchedEntries, waitingIdentification, onHold,
         feedTitle, feedNone, feedStale, feedFresh, heldTicks, paidToShip, packedToShip
    case ordersTitle, filterStatus, filterPayment, filterShipping, filterFrom, filterUntil, filterText, filterApply, filterAny,
         noOrders, pageNext, pagePrevious, pageNumber, colNumber, colPlaced, colCustomer, colStatus, colPayment, colShipping, colTotal
    case orderTitle, orderCustomer, orderLines, orderCompliance, orderEvents, orderSteps, orderNoSteps, orderInvoice, orderNoInvoice, orderCancellationInvoice, menuPages, stepReturn, returnRefused, returnUndeliverable, returnLead,
         refundsTitle, refundsNone, settingsCountries, settingsCountriesHint, settingsOSS, datevTitle, datevDownload, datevBadPeriod, refundPaidButton, refundNote, refundDone, refundGone, orderRefund, refundOpen, refundPaidOn,
         orderPackingSlip, colSku, colProduct, colQuantity, colUnit, colLine, colWhen, colWho, colWhat, colNote, shippingFee,
         paymentReference, dueDate
    case stepMarkPaid, stepIdentify, stepPack, stepShip, stepDeliver, stepCancel, stepRelease, fieldNote, fieldTracking, fieldReason,
         cancelLoss, cancelNoLoss, cancelConfirm, stepDone, stepRefused, trackingMissing, reasonMissing, confirmMissing, stepHold
    case slipTitle, slipShipTo, slipPickup, slipPacked
    case menuArticles
    case menuCampaigns, menuSubscribers
    case menuProducts, productNew, productEdit, productSku, productSlug, productName, productMetal, productForm, productGrossGrams,
         productFineness, productMint, productYear, productLegalTender, productMarginScheme, productTiers, productTierFrom,
         productTierPercent, productTierFixed, productBuybackPercent, productBuybackFixed, productFeatured, productDescriptionDE,
         productDescriptionEN, productPreview, productSave, productSaved, productInvalid, productPremiumInvalid, productSlugTaken,
         productPublish, productWithdraw, productPublished, productWithdrawn, productNoPrice, productVat, productBuyback,
         productPremiumOverSpot, productFrom, productNewLead, productImage, productImageUpload, productImageInvalid, productImageFirst,
         productImageRemove
    case menuSettings, settingsLead, settingsTrust, settingsContact, settingsSeller, settingsBank, settingsTerms, settingsSave, settingsSaved,
         settingsInvalid, settingsCustomers, settingsHotline, settingsHoursDE, settingsHoursEN, settingsSellerName, settingsStreet,
         settingsPostalCode, settingsCity, settingsCountry, settingsVatID, settingsTaxNumber, settingsRegister, settingsDirectors,
         settingsPhone, settingsEmail, settingsHolder, settingsShipping, settingsShippingHint, settingsFreeFrom, settingsQuoteLock,
         settingsPaymentDays, settingsFee, badgeHotline, badgeCustomers, badgeInsured, badgeNoReporting
    case menuSpot, menuPayments, menuStock, menuStaff, menuCustomers, menuCallbacks, menuJobs, menuCases, menuSanctions, menuBuybacks
    case customersSearch, customersNone, customerSince, customerOpen, customerClosed, customerClosedShort, customerClose, customerCloseLead, customerClosedNow,
         customerOrders, customerNoOrders
    case spotEntered, spotHeld, spotConfirmed, spotRejected, spotInvalid, spotGone, spotNoneHeld, spotMetal, spotChange, spotSource, spotConfirm,
         spotReject, spotEnterTitle, spotEnterLead, spotEnterButton
    case paymentsUpload, paymentsFile, paymentsImport, paymentsNoFile, paymentsBadFile, paymentsImported, paymentsNone, paymentsReference,
         paymentsDebtor, paymentsRemittance, paymentsReason, paymentsAssign, paymentsDismiss, paymentsAssignedPaid, paymentsAssignedPart,
         paymentsDismissed, paymentsNoteRequired, paymentsNoOrder, paymentsNotPayable, paymentsGone
    case stockInvalid, stockCounted, stockCount, stockSave
    case staffInvalid, staffExists, staffUnknown, staffOwn, staffDisabled, staffName, staffRole, staffActive, staffDisabledOn, staffReset,
         staffToken, staffDisable, staffAdd, staffShownOnce, staffOneTime, staffEnrolment
    case auditTitle, auditLead, filterActor, filterAction, filterTarget, colSequence, colBefore, colAfter, auditEmpty, auditOlder

    var pair: (String, String) {
        switch self {
        case .title: ("Backoffice", "Back office")
        case .menuDashboard: ("Übersicht", "Dashboard")
        case .menuOrders: ("Bestellungen", "Orders")
        case .menuAudit: ("Prüfprotokoll", "Audit trail")
        case .signedInAs: ("Angemeldet als %@ (%@)", "Signed in as %@ (%@)")
        case .signOut: ("Abmelden", "Sign out")
        case .signOutEverywhere: ("Überall abmelden", "Sign out everywhere")
        case .signedOutEverywhere: ("Alle Sitzungen wurden beendet.", "Every session has been ended.")
        case .loginTitle: ("Anmeldung für Mitarbeiter", "Staff sign-in")
        case .loginLead: ("Melden Sie sich mit Ihrer E-Mail-Adresse, Ihrem Passwort und dem Code Ihrer Authenticator-App an.",
                          "Sign in with your e-mail address, your password and the code from your authenticator app.")
        case .fieldEmail: ("E-Mail-Adresse", "E-mail address")
        case .fieldPassword: ("Passwort", "Password")
        case .fieldCode: ("Code (6 Ziffern)", "Code (6 digits)")
        case .codeHint: ("Für Inhaber und Compliance immer nötig, für andere Rollen, wenn eingerichtet.",
                         "Always required for owner and compliance; for other roles when enrolled.")
        case .loginButton: ("Anmelden", "Sign in")
        case .loginFailed: ("E-Mail-Adresse, Passwort oder Code stimmen nicht.", "E-mail address, password or code are not right.")
        case .loginWait: ("Zu viele Fehlversuche. Bitte warten Sie %@ Sekunden.", "Too many failed attempts. Please wait %@ seconds.")
        case .passwordTitle: ("Passwort ändern", "Change password")
        case .passwordFirstLead: ("Sie haben sich mit einem Einmal-Passwort angemeldet. Wählen Sie jetzt Ihr eigenes.",
                                  "You signed in with a one-time password. Choose your own now.")
        case .passwordLead: ("Andere Sitzungen werden danach beendet.", "Your other sessions end afterwards.")
        case .fieldCurrent: ("Aktuelles Passwort", "Current password")
        case .fieldNew: ("Neues Passwort (mindestens 12 Zeichen)", "New password (at least 12 characters)")
        case .fieldRepeat: ("Neues Passwort wiederholen", "Repeat the new password")
        case .passwordSave: ("Passwort speichern", "Save password")
        case .passwordChanged: ("Ihr Passwort wurde geändert.", "Your password has been changed.")
        case .passwordMismatch: ("Die beiden Passwörter stimmen nicht überein.", "The two passwords differ.")
        case .passwordTooShort: ("Das Passwort braucht mindestens 12 Zeichen.", "The password needs at least 12 characters.")
        case .passwordTooLong: ("Das Passwort ist länger als 72 Bytes.", "The password is longer than 72 bytes.")
        case .passwordCommon: ("Dieses Passwort ist zu leicht zu erraten.", "This password is too easy to guess.")
        case .passwordPersonal: ("Das Passwort darf nicht Ihren Namen oder Ihre E-Mail-Adresse enthalten.",
                                 "The password must not contain your name or e-mail address.")
        case .passwordWrongCurrent: ("Das aktuelle Passwort stimmt nicht.", "The current password is not right.")
        case .dashboardTitle: ("Übersicht", "Dashboard")
        case .ordersToday: ("Bestellungen heute", "Orders today")
        case .revenueToday: ("Umsatz heute", "Revenue today")
        case .waitingPayment: ("Warten auf Zahlung", "Waiting for payment")
        case .overdue: ("Überfällig", "Overdue")
        case .unmatchedEntries: ("Nicht zugeordnete Buchungen", "Unmatched bank entries")
        case .waitingIdentification: ("Warten auf Identifizierung", "Waiting for identification")
        case .onHold: ("Angehalten (Compliance)", "On hold (compliance)")
        case .paidToShip: ("Bezahlt, zu verpacken", "Paid, to pack")
        case .packedToShip: ("Verpackt, zu versenden", "Packed, to ship")
        case .feedTitle: ("Kursversorgung", "Price feed")
        case .feedNone: ("noch kein Kurs", "no price yet")
        case .feedStale: ("veraltet", "stale")
        case .feedFresh: ("aktuell", "fresh")
        case .heldTicks: ("Zurückgehaltene Kurse", "Held prices")
        case .ordersTitle: ("Bestellungen", "Orders")
        case .filterStatus: ("Status", "Status")
        case .filterPayment: ("Zahlung", "Payment")
        case .filterShipping: ("Versand", "Shipping")
        case .filterFrom: ("Von", "From")
        case .filterUntil: ("Bis", "Until")
        case .filterText: ("Suche (Nummer, Name, E-Mail, Verwendungszweck)", "Search (number, name, e-mail, payment reference)")
        case .filterApply: ("Filtern", "Filter")
        case .filterAny: ("alle", "any")
        case .noOrders: ("Keine Bestellungen für diese Auswahl.", "No orders for this selection.")
        case .pageNext: ("Weiter", "Next")
        case .pagePrevious: ("Zurück", "Previous")
        case .pageNumber: ("Seite %@", "Page %@")
        case .colNumber: ("Nummer", "Number")
        case .colPlaced: ("Bestellt", "Placed")
        case .colCustomer: ("Kunde", "Customer")
        case .colStatus: ("Status", "Status")
        case .colPayment: ("Zahlung", "Payment")
        case .colShipping: ("Versand", "Shipping")
        case .colTotal: ("Summe", "Total")
        case .orderTitle: ("Bestellung %@", "Order %@")
        case .orderCustomer: ("Kunde", "Customer")
        case .orderLines: ("Positionen", "Lines")
        case .orderCompliance: ("Compliance-Entscheidung", "Compliance decision")
        case .orderEvents: ("Verlauf", "History")
        case .orderSteps: ("Nächste Schritte", "Next steps")
        case .orderNoSteps: ("Für diese Bestellung ist kein Schritt möglich, den Ihre Rolle ausführen darf.",
                             "No step is possible for this order that your role may take.")
        case .orderInvoice: ("Rechnung %@", "Invoice %@")
        case .orderNoInvoice: ("Noch keine Rechnung: sie entsteht, wenn die Ware das Haus verlässt (Versand oder Übergabe).",
                                "No invoice yet: it is issued when the goods leave (shipping or hand-over).")
        case .orderCancellationInvoice: ("Stornorechnung %@", "Cancellation invoice %@")
        case .orderPackingSlip: ("Lieferschein drucken", "Print packing slip")
        case .colSku: ("Artikelnr.", "SKU")
        case .colProduct: ("Produkt", "Product")
        case .colQuantity: ("Menge", "Quantity")
        case .colUnit: ("Stückpreis", "Unit price")
        case .colLine: ("Summe", "Line total")
        case .colWhen: ("Wann", "When")
        case .colWho: ("Wer", "Who")
        case .colWhat: ("Was", "What")
        case .colNote: ("Notiz", "Note")
        case .shippingFee: ("Versand", "Shipping")
        case .paymentReference: ("Verwendungszweck", "Payment reference")
        case .dueDate: ("Fällig", "Due")
        case .stepMarkPaid: ("Als bezahlt markieren", "Mark paid")
        case .stepIdentify: ("Identifizierung erfasst", "Identity recorded")
        case .stepPack: ("Verpackt", "Packed")
        case .stepShip: ("Versendet", "Shipped")
        case .stepDeliver: ("Zugestellt / übergeben", "Delivered / handed over")
        case .stepCancel: ("Stornieren", "Cancel")
        case .menuPages: ("Rechtstexte", "Legal pages")
        case .stepReturn: ("Rücksendung erfassen (Sendung zurück)", "Record the returned parcel")
        case .returnRefused: ("Annahme verweigert", "Delivery refused")
        case .returnUndeliverable: ("Unzustellbar", "Undeliverable")
        case .returnLead: ("Die Ware geht zurück in den Bestand, eine Stornorechnung hebt die Rechnung auf, der bezahlte Betrag wird als Erstattung vermerkt.",
                           "The goods go back into stock, a cancellation invoice reverses the invoice, the amount paid is recorded as a refund.")
        case .refundsTitle: ("Offene Erstattungen", "Refunds to pay out")
        case .settingsCountries: ("Versandländer", "Countries shipped to")
        case .settingsCountriesHint: ("EU-Ländercodes, durch Kommas getrennt, z. B. DE,AT,FR; Abholung ist aus der ganzen EU möglich.",
                                      "EU country codes separated by commas, e.g. DE,AT,FR; pickup is open to the whole EU.")
        case .settingsOSS: ("Für das One-Stop-Shop-Verfahren (OSS, § 18j UStG) registriert", "Registered for the One-Stop-Shop (OSS, § 18j UStG)")
        case .datevTitle: ("Export für die Buchhaltung (DATEV)", "Export for the accountant (DATEV)")
        case .datevDownload: ("Buchungsstapel herunterladen", "Download the booking batch")
        case .datevBadPeriod: ("Bitte einen Zeitraum von höchstens 400 Tagen wählen, das Ende nicht vor dem Anfang.",
                               "Please choose a period of at most 400 days, its end not before its start.")
        case .refundsNone: ("Keine offenen Erstattungen.", "No refunds to pay out.")
        case .refundPaidButton: ("Erstattung überwiesen", "Refund transferred")
        case .refundNote: ("Überweisung (Referenz)", "Transfer (reference)")
        case .refundDone: ("Erstattung für %@ als überwiesen vermerkt.", "Refund for %@ recorded as transferred.")
        case .refundGone: ("Für diese Bestellung ist keine Erstattung offen.", "This order has no refund to pay out.")
        case .orderRefund: ("Erstattung: %@ (%@)", "Refund: %@ (%@)")
        case .refundOpen: ("offen", "to pay out")
        case .refundPaidOn: ("überwiesen am %@", "transferred on %@")
        case .stepRelease: ("Freigeben", "Release")
        case .stepHold: ("Zur Prüfung anhalten", "Hold for review")
        case .fieldNote: ("Notiz (optional)", "Note (optional)")
        case .fieldTracking: ("Sendungsnummer", "Tracking number")
        case .fieldReason: ("Grund", "Reason")
        case .cancelLoss: ("Storniert man jetzt, schuldet der Kunde einen Marktverlust von %@ (einschließlich Gebühr).",
                           "Cancelled now, the customer owes a market loss of %@ (fee included).")
        case .cancelNoLoss: ("Für diese Bestellung fällt kein Marktverlust an.", "This order carries no market loss.")
        case .cancelConfirm: ("Ich habe den Marktverlust geprüft und storniere.", "I have checked the market loss and cancel.")
        case .stepDone: ("Erledigt: %@.", "Done: %@.")
        case .stepRefused: ("Nicht möglich: %@", "Not possible: %@")
        case .trackingMissing: ("Bitte die Sendungsnummer angeben.", "Please give the tracking number.")
        case .reasonMissing: ("Bitte einen Grund angeben.", "Please give a reason.")
        case .confirmMissing: ("Bitte bestätigen Sie den Marktverlust.", "Please confirm the market loss.")
        case .slipTitle: ("Lieferschein %@", "Packing slip %@")
        case .slipShipTo: ("Lieferanschrift", "Ship to")
        case .slipPickup: ("Abholung im Ladengeschäft", "Pickup at the counter")
        case .slipPacked: ("Verpackt von: ____________  Geprüft von: ____________", "Packed by: ____________  Checked by: ____________")
        case .menuArticles: ("Artikel", "Articles")
        case .menuCampaigns: ("Newsletter", "Newsletter")
        case .menuSubscribers: ("Abonnenten", "Subscribers")
        case .menuCallbacks: ("Rückrufe", "Call-backs")
        case .menuCases: ("Verdachtsfälle", "Cases")
        case .menuSanctions: ("Sanktionsliste", "Sanctions")
        case .menuBuybacks: ("Ankäufe", "Buy-backs")
        case .menuJobs: ("Stellen", "Jobs")
        case .menuCustomers: ("Kunden", "Customers")
        case .customersSearch: ("Suche (Name oder E-Mail)", "Search (name or e-mail)")
        case .customersNone: ("Keine Kundenkonten für diese Suche.", "No customer accounts for this search.")
        case .customerSince: ("Konto seit", "Account since")
        case .customerOpen: ("offen", "open")
        case .customerClosed: ("geschlossen am %@ von %@", "closed on %@ by %@")
        case .customerClosedShort: ("geschlossen am %@", "closed on %@")
        case .customerClose: ("Konto schließen", "Close the account")
        case .customerCloseLead: ("Das Konto kann sich dann nicht mehr anmelden und kein Passwort zurücksetzen; Bestellungen und Rechnungen bleiben.",
                                  "The account can then neither log in nor reset its password; orders and invoices stay.")
        case .customerClosedNow: ("Das Kundenkonto ist geschlossen.", "The customer account is closed.")
        case .customerOrders: ("Bestellungen des Kunden", "The customer's orders")
        case .customerNoOrders: ("Noch keine Bestellungen mit diesem Konto.", "No orders with this account yet.")
        case .menuProducts: ("Produkte", "Products")
        case .productNew: ("Neues Produkt", "New product")
        case .productEdit: ("Produkt bearbeiten", "Edit product")
        case .productSku: ("Artikelnummer (Großbuchstaben, Ziffern, Bindestriche)", "SKU (capitals, digits, hyphens)")
        case .productSlug: ("Adresse (Kleinbuchstaben, Ziffern, Bindestriche)", "Address (lower-case letters, digits, hyphens)")
        case .productName: ("Name", "Name")
        case .productMetal: ("Metall", "Metal")
        case .productForm: ("Form", "Form")
        case .productGrossGrams: ("Raugewicht (g)", "Gross weight (g)")
        case .productFineness: ("Feinheit (‰)", "Fineness (‰)")
        case .productMint: ("Prägestätte / Hersteller", "Mint / refiner")
        case .productYear: ("Jahrgang (optional)", "Year (optional)")
        case .productLegalTender: ("Gesetzliches Zahlungsmittel", "Legal tender")
        case .productMarginScheme: ("Differenzbesteuert (§ 25a, nur Münzen aus privater Hand)", "Margin scheme (§25a, only coins from private sellers)")
        case .productTiers: ("Aufschlag nach Menge (auf den Netto-Metallwert)", "Premium by quantity (on the net metal value)")
        case .productTierFrom: ("ab Stück", "from pieces")
        case .productTierPercent: ("Aufschlag %", "Premium %")
        case .productTierFixed: ("fest €", "fixed €")
        case .productBuybackPercent: ("Ankauf: Abschlag %", "Buy-back: discount %")
        case .productBuybackFixed: ("Ankauf: Abschlag fest €", "Buy-back: fixed discount €")
        case .productFeatured: ("Auf der Startseite zeigen", "Show on the home page")
        case .productDescriptionDE: ("Beschreibung (Deutsch)", "Description (German)")
        case .productDescriptionEN: ("Beschreibung (Englisch)", "Description (English)")
        case .productPreview: ("Preise zum aktuellen Kurs ansehen", "See the prices at the current spot")
        case .productSave: ("Speichern", "Save")
        case .productSaved: ("Gespeichert.", "Saved.")
        case .productInvalid: ("Bitte prüfen Sie das Feld „%@“.", "Please check the field “%@”.")
        case .productPremiumInvalid: ("Die Staffel braucht eine Stufe ab 1 Stück, keine Menge doppelt, keine negativen Aufschläge, einen Ankaufsabschlag unter 100 %.",
                                      "The tiers need one from 1 piece, no quantity twice, no negative premium, a buy-back discount below 100 %.")
        case .productSlugTaken: ("Ein anderes Produkt hat diese Adresse.", "Another product has this address.")
        case .productPublish: ("Im Shop zeigen", "Publish")
        case .productWithdraw: ("Aus dem Shop nehmen", "Withdraw")
        case .productPublished: ("im Shop", "listed")
        case .productWithdrawn: ("nicht im Shop", "not listed")
        case .productNoPrice: ("Für dieses Metall liegt kein aktueller Kurs vor.", "There is no current price for this metal.")
        case .productVat: ("Umsatzsteuer", "VAT")
        case .productBuyback: ("Ankaufspreis", "Buy-back price")
        case .productPremiumOverSpot: ("Aufschlag über Spot", "Premium over spot")
        case .productFrom: ("ab %@ Stück", "from %@ pieces")
        case .productImage: ("Produktbild (PNG, JPEG oder WebP, bis 2 MB)", "Product photo (PNG, JPEG or WebP, up to 2 MB)")
        case .productImageUpload: ("Bild hinzufügen", "Add the photo")
        case .productImageFirst: ("Als erstes zeigen", "Show first")
        case .productImageRemove: ("Entfernen", "Remove")
        case .productImageInvalid: ("Das ist kein PNG-, JPEG- oder WebP-Bild bis 2 MB.", "This is no PNG, JPEG or WebP picture of up to 2 MB.")
        case .productNewLead: ("Ein neues Produkt beginnt ohne Bestand und nicht im Shop: erst zählen, dann zeigen.",
                               "A new product starts without stock and unlisted: count it in, then publish it.")
        case .menuSettings: ("Einstellungen", "Settings")
        case .settingsLead: ("Änderungen gelten sofort, auf allen Instanzen binnen Sekunden, und stehen im Prüfprotokoll.",
                             "Changes apply at once, on every instance within seconds, and are on the audit trail.")
        case .settingsTrust: ("Vertrauensleiste", "Trust header")
        case .settingsContact: ("Beratung", "Consultation")
        case .settingsSeller: ("Verkäufer auf Rechnungen", "Seller on invoices")
        case .settingsBank: ("Bankverbindung für Überweisungen", "Bank account for transfers")
        case .settingsTerms: ("Versand und Bedingungen", "Shipping and terms")
        case .settingsSave: ("Einstellungen speichern", "Save the settings")
        case .settingsSaved: ("Die Einstellungen sind gespeichert.", "The settings are saved.")
        case .settingsInvalid: ("Bitte prüfen Sie das Feld „%@“.", "Please check the field “%@”.")
        case .settingsCustomers: ("Zufriedene Kunden (Zahl in der Leiste)", "Satisfied customers (number in the header)")
        case .settingsHotline: ("Hotline", "Hotline")
        case .settingsHoursDE: ("Erreichbarkeit (Deutsch)", "Hours (German)")
        case .settingsHoursEN: ("Erreichbarkeit (Englisch)", "Hours (English)")
        case .settingsSellerName: ("Firma mit Rechtsform", "Legal name")
        case .settingsStreet: ("Straße und Hausnummer", "Street")
        case .settingsPostalCode: ("PLZ", "Postcode")
        case .settingsCity: ("Ort", "City")
        case .settingsCountry: ("Land (ISO, z. B. DE)", "Country (ISO, e.g. DE)")
        case .settingsVatID: ("USt-IdNr.", "VAT ID")
        case .settingsTaxNumber: ("Steuernummer", "Tax number")
        case .settingsRegister: ("Registergericht und Nummer", "Register court and number")
        case .settingsDirectors: ("Geschäftsführung", "Managing directors")
        case .settingsPhone: ("Telefon", "Phone")
        case .settingsEmail: ("E-Mail", "E-mail")
        case .settingsHolder: ("Kontoinhaber", "Account holder")
        case .settingsShipping: ("Versandkosten nach Warenwert", "Shipping fee by goods value")
        case .settingsShippingHint: ("ab Warenwert:Gebühr in Euro, durch Kommas getrennt, beginnend bei 0, z. B. 0:9.95,1000:19.95",
                                     "from goods value:fee in euros, separated by commas, starting at 0, e.g. 0:9.95,1000:19.95")
        case .settingsFreeFrom: ("Versandkostenfrei ab (Euro, leer: nie)", "Free shipping from (euros, empty: never)")
        case .settingsQuoteLock: ("Preisbindung des Angebots (Sekunden, 30–3600)", "Quote lock (seconds, 30–3600)")
        case .settingsPaymentDays: ("Zahlungsziel (Bankarbeitstage, 1–30)", "Days to pay (banking days, 1–30)")
        case .settingsFee: ("Stornogebühr laut AGB (Euro)", "Cancellation fee under the terms (euros)")
        case .badgeHotline: ("Kostenlose Beratung (Hotline)", "Free consultation (hotline)")
        case .badgeCustomers: ("Zufriedene Kunden", "Satisfied customers")
        case .badgeInsured: ("Versicherter Versand", "Insured shipping")
        case .badgeNoReporting: ("Keine Meldepflicht – was gilt?", "No reporting duty – what applies?")
        case .menuSpot: ("Kurse", "Prices")
        case .menuPayments: ("Zahlungen", "Payments")
        case .menuStock: ("Bestand", "Stock")
        case .menuStaff: ("Mitarbeiter", "Staff")
        case .spotEntered: ("Der Kurs wurde übernommen.", "The price has been taken.")
        case .spotHeld: ("Der Kurs springt weiter als erlaubt und wartet unten auf eine Entscheidung.",
                         "The price jumps further than allowed and waits below for a decision.")
        case .spotConfirmed: ("Der zurückgehaltene Kurs wurde bestätigt.", "The held price has been confirmed.")
        case .spotRejected: ("Der zurückgehaltene Kurs wurde verworfen.", "The held price has been rejected.")
        case .spotInvalid: ("Bitte einen Kurs in Euro je Feinunze angeben (Geld nicht über Brief).",
                            "Please give a price in euros per troy ounce (bid not above ask).")
        case .spotGone: ("Dieser Kurs wartet nicht mehr auf eine Entscheidung.", "This price no longer waits for a decision.")
        case .spotNoneHeld: ("Keine Kurse zurückgehalten.", "No prices held.")
        case .spotMetal: ("Metall", "Metal")
        case .spotChange: ("Sprung", "Jump")
        case .spotSource: ("Quelle", "Source")
        case .spotConfirm: ("Bestätigen", "Confirm")
        case .spotReject: ("Verwerfen", "Reject")
        case .spotEnterTitle: ("Kurs von Hand eingeben", "Enter a price by hand")
        case .spotEnterLead: ("Ein Sprung über die Grenze wird zurückgehalten wie ein Kurs des Feeds.",
                              "A jump beyond the limit is held like a price from the feed.")
        case .spotEnterButton: ("Kurs übernehmen", "Take the price")
        case .paymentsUpload: ("Kontoauszug einlesen (camt.053)", "Import a bank statement (camt.053)")
        case .paymentsFile: ("Datei (XML)", "File (XML)")
        case .paymentsImport: ("Einlesen", "Import")
        case .paymentsNoFile: ("Bitte eine camt.053-Datei wählen.", "Please choose a camt.053 file.")
        case .paymentsBadFile: ("Die Datei ist kein lesbarer camt.053-Kontoauszug; nichts wurde eingelesen.",
                                "The file is not a readable camt.053 statement; nothing was imported.")
        case .paymentsImported: ("%@ Buchungen gelesen: %@ Bestellungen bezahlt, %@ warten auf Zuordnung, %@ waren schon eingelesen.",
                                 "%@ entries read: %@ orders paid, %@ wait for a decision, %@ were imported before.")
        case .paymentsNone: ("Keine Buchung wartet auf Zuordnung.", "No entry waits for a decision.")
        case .paymentsReference: ("Bankreferenz", "Bank reference")
        case .paymentsDebtor: ("Auftraggeber", "Payer")
        case .paymentsRemittance: ("Verwendungszweck", "Remittance")
        case .paymentsReason: ("Nicht zugeordnet, weil", "Not matched because")
        case .paymentsAssign: ("Der Bestellung zuordnen", "Assign to the order")
        case .paymentsDismiss: ("Verwerfen (mit Grund)", "Dismiss (with a reason)")
        case .paymentsAssignedPaid: ("Zugeordnet: Bestellung %@ ist bezahlt.", "Assigned: order %@ is paid.")
        case .paymentsAssignedPart: ("Zugeordnet zu %@; es fehlen noch %@.", "Assigned to %@; %@ are still due.")
        case .paymentsDismissed: ("Die Buchung wurde verworfen.", "The entry has been dismissed.")
        case .paymentsNoteRequired: ("Bitte einen Grund angeben.", "Please give a reason.")
        case .paymentsNoOrder: ("Keine Bestellung %@.", "No order %@.")
        case .paymentsNotPayable: ("Bestellung %@ ist %@ und nimmt keine Zahlung an.", "Order %@ is %@ and takes no payment.")
        case .paymentsGone: ("Diese Buchung wartet nicht mehr auf eine Entscheidung.", "This entry no longer waits for a decision.")
        case .stockInvalid: ("Bitte einen Bestand von 0 bis %@ angeben.", "Please give a stock level from 0 to %@.")
        case .stockCounted: ("%@: Bestand %@ (%@), mit Grund vermerkt.", "%@: stock %@ (%@), recorded with its reason.")
        case .stockCount: ("Gezählt", "Counted")
        case .stockSave: ("Speichern", "Save")
        case .staffInvalid: ("Bitte E-Mail-Adresse, Name und Rolle angeben.", "Please give e-mail address, name and role.")
        case .staffExists: ("Diese E-Mail-Adresse gehört schon einem Mitarbeiter (auch einem früheren).",
                            "This e-mail address belongs to a staff member already (or a former one).")
        case .staffUnknown: ("Kein aktiver Mitarbeiter mit dieser E-Mail-Adresse.", "No active staff member with this e-mail address.")
        case .staffOwn: ("Den eigenen Zugang beendet ein anderer Inhaber.", "Another owner ends one's own access.")
        case .staffDisabled: ("Der Zugang von %@ ist beendet; Sitzungen und API-Token gelten nicht mehr.",
                              "The access of %@ has ended; sessions and API token no longer work.")
        case .staffName: ("Name", "Name")
        case .staffRole: ("Rolle", "Role")
        case .staffActive: ("aktiv", "active")
        case .staffDisabledOn: ("beendet am %@ von %@", "ended on %@ by %@")
        case .staffReset: ("Neues Einmal-Passwort", "New one-time password")
        case .staffToken: ("Neues API-Token", "New API token")
        case .staffDisable: ("Zugang beenden", "End access")
        case .staffAdd: ("Mitarbeiter hinzufügen", "Add a staff member")
        case .staffShownOnce: ("Nur jetzt sichtbar, für %@: geben Sie es sicher weiter.", "Shown only now, for %@: pass it on safely.")
        case .staffOneTime: ("Einmal-Passwort", "One-time password")
        case .staffEnrolment: ("Zwei-Faktor-Einrichtung (in die Authenticator-App)", "Two-factor enrolment (into the authenticator app)")
        case .auditTitle: ("Prüfprotokoll", "Audit trail")
        case .auditLead: ("Jede Aktion von Mitarbeitern und Aufträgen des Shops, verkettet mit SHA-256. Prüfen: tresor audit verify.",
                          "Every action by staff and the shop's jobs, chained with SHA-256. Check with: tresor audit verify.")
        case .filterActor: ("Wer (E-Mail)", "Who (e-mail)")
        case .filterAction: ("Aktion (Anfang, z. B. order.)", "Action (start, e.g. order.)")
        case .filterTarget: ("Betrifft", "Target")
        case .colSequence: ("Nr.", "No.")
        case .colBefore: ("Vorher", "Before")
        case .colAfter: ("Nachher", "After")
        case .auditEmpty: ("Keine Einträge für diese Auswahl.", "No entries for this selection.")
        case .auditOlder: ("Ältere Einträge", "Older entries")
        }
    }
}

extension BackOfficeText {
    /// The button of an order step's form.
    static func step(_ step: BackOfficePage.OrderStep) -> BackOfficeText {
        switch step {
        case .markPaid: .stepMarkPaid
        case .identify: .stepIdentify
        case .pack: .stepPack
        case .ship: .stepShip
        case .deliver: .stepDeliver
        case .cancel: .stepCancel
        case .release: .stepRelease
        case .hold: .stepHold
        case .returnShipment: .stepReturn
        }
    }
}

import TresorCore

/// The sentences of the cart, the checkout, the order pages and the account, German first.
enum CustomerText: Wording {
    case menuCart, menuAccount
    case cartTitle, cartEmpty, cartItem, cartQuantity, cartUnitPrice, cartLineTotal, cartUpdate, cartRemove, cartGoods,
         cartToCheckout, cartAdd, cartPricesMove, cartFewLeft, cartOutOfStock, cartUnavailable, cartContinue
    case checkoutTitle, checkoutAddress, checkoutGuest, checkoutLogin, fieldEmail, fieldName, fieldStreet, fieldPostalCode,
         fieldCity, fieldCountry, shippingTitle, shippingInsured, shippingInsuredFree, shippingPickup, paymentTitle,
         paymentTransfer, paymentCash, checkoutContinue, fieldProblem, cashOnlyAtPickup, notShippedTo, stepAddress, stepReview,
         vatCountryChanged, reviewVatCountry, cashRefused
    case reviewTitle, quoteLocked, quoteExpired, quoteFresh, reviewShipping, reviewTotal, reviewVat, reviewDeliverTo,
         reviewPayment, reviewChange, confirmNoWithdrawal, confirmTerms, termsRead, placeOrder, confirmMissing, stockShort, pricesStale,
         quoteGone
    case orderTitle, orderThanks, orderStatus, orderPayTo, orderHolder, orderReference, orderDue, orderCash, orderMailSent,
         orderInvoice, orderCancellationInvoice, orderLines, orderAmount, orderIdentification, orderHeld
    case statusAwaitingIdentification, statusAwaitingPayment, statusOnHold, statusPaid, statusPacked, statusShipped,
         statusDelivered, statusOverdue, statusCancelled, statusReturned
    case accountTitle, loginTitle, fieldPassword, loginButton, loginFailed, registerTitle, registerLead, registerButton,
         passwordHint, passwordUnusable, emailTaken, logoutButton, ordersTitle, noOrders, holdingsTitle, holdingsNote,
         holdingsTotal, detailsTitle, saveButton, saved, passwordTitle, currentPassword, newPasswordField, wrongCurrent,
         passwordChanged, forgotTitle, forgotLead, forgotSend, forgotSent, newPasswordTitle, resetInvalid, noAccount,
         forgotLink, colOrder, colDate, colStatus, colTotal, colInvoice, colProduct, colQuantity, colValue, greeting
    case newsletterEmail, newsletterButton, newsletterSentTitle, newsletterSent, newsletterInvalidEmail, newsletterStale,
         newsletterConfirmedTitle, newsletterConfirmed, newsletterInvalidLink, newsletterUnsubscribeTitle, newsletterUnsubscribeAsk,
         newsletterUnsubscribeButton, newsletterUnsubscribed, newsletterWebsite, newsletterTooMany, loginTooMany,
         newsletterConfirmTitle, newsletterConfirmAsk, newsletterConfirmButton, guestOrdersTooMany,
         registerSentTitle, registerSent, verifyTitle, verifyAsk, verifyButton, verifyInvalid, loginUnverified, loginDisabled, loginWait,
         currentPasswordForEmail
    case newsSearch, newsSearchButton, newsSearchResults, newsSearchNone,
         newsTitle, newsLead, newsEmpty, newsRelated, newsBy, newsCategory, newsTopic, newsTopics, newsReadMore
    var pair: (String, String) {
        switch self {
        case .menuCart: ("Warenkorb", "Cart")
        case .menuAccount: ("Konto", "Account")
        case .cartTitle: ("Warenkorb", "Cart")
        case .cartEmpty: ("Ihr Warenkorb ist leer.", "Your cart is empty.")
        case .cartItem: ("Artikel", "Item")
        case .cartQuantity: ("Menge", "Quantity")
        case .cartUnitPrice: ("Stückpreis", "Unit price")
        case .cartLineTotal: ("Summe", "Total")
        case .cartUpdate: ("Mengen aktualisieren", "Update quantities")
        case .cartRemove: ("Entfernen", "Remove")
        case .cartGoods: ("Warenwert", "Goods")
        case .cartToCheckout: ("Zur Kasse", "Checkout")
        case .cartAdd: ("In den Warenkorb", "Add to cart")
        case .cartPricesMove: ("Die Preise folgen dem Kurs und der Staffel Ihrer Menge. Verbindlich werden sie mit dem Angebot an der Kasse.",
                               "Prices follow the metal price and the tier your quantity reaches. They become binding with the quote at checkout.")
        case .cartFewLeft: ("Nur noch %@ Stück auf Lager.", "Only %@ left in stock.")
        case .cartOutOfStock: ("Derzeit nicht auf Lager.", "Currently out of stock.")
        case .cartUnavailable: ("Dieses Produkt gibt es nicht mehr.", "This product is no longer available.")
        case .cartContinue: ("Weiter einkaufen", "Continue shopping")
        case .checkoutTitle: ("Kasse", "Checkout")
        case .checkoutAddress: ("Rechnungs- und Lieferadresse", "Billing and delivery address")
        case .checkoutGuest: ("Sie bestellen als Gast. Schon Kunde?", "You are ordering as a guest. Already a customer?")
        case .checkoutLogin: ("Anmelden", "Log in")
        case .fieldEmail: ("E-Mail", "E-mail")
        case .fieldName: ("Vor- und Nachname", "Full name")
        case .fieldStreet: ("Straße und Hausnummer", "Street and number")
        case .fieldPostalCode: ("PLZ", "Postcode")
        case .fieldCity: ("Ort", "City")
        case .fieldCountry: ("Land (z. B. DE)", "Country (e.g. DE)")
        case .shippingTitle: ("Versand", "Shipping")
        case .shippingInsured: ("Versicherter Versand: %@", "Insured shipping: %@")
        case .shippingInsuredFree: ("Versicherter Versand: kostenlos", "Insured shipping: free")
        case .shippingPickup: ("Abholung am Schalter: kostenlos", "Pickup at the counter: free")
        case .paymentTitle: ("Zahlung", "Payment")
        case .paymentTransfer: ("Vorkasse per Überweisung", "Bank transfer in advance")
        case .paymentCash: ("Barzahlung bei Abholung (ab 2.000 € mit Ausweis)", "Cash at pickup (identity document from €2,000)")
        case .checkoutContinue: ("Weiter zur Prüfung", "Continue to review")
        case .fieldProblem: ("Bitte prüfen Sie „%@“.", "Please check \"%@\".")
        case .cashOnlyAtPickup: ("Barzahlung ist nur bei Abholung möglich.", "Cash is only possible at pickup.")
        case .notShippedTo: ("Wir versenden nicht nach %@; Sie können Ihre Bestellung bei uns abholen.",
                             "We do not ship to %@; you can collect your order from us.")
        case .cashRefused: ("Barzahlungen über 10.000 € sind nach der EU-Geldwäscheverordnung nicht erlaubt (auch nicht in mehreren Teilen); bitte wählen Sie die Überweisung.",
                            "Cash payments above €10,000 are not allowed under the EU anti-money-laundering regulation (not in parts either); please choose bank transfer.")
        case .vatCountryChanged: ("Die Mehrwertsteuer Ihrer Lieferung hat sich geändert; bitte bestätigen Sie Ihre Angaben für neue Preise.",
                                  "The VAT on your delivery has changed; please confirm your details for new prices.")
        case .reviewVatCountry: ("Lieferung nach %@: Silber, Platin und Palladium (außer differenzbesteuerten Münzen) tragen die Mehrwertsteuer des Lieferlands (One-Stop-Shop, § 3c UStG).",
                                 "Delivery to %@: silver, platinum and palladium (except margin-scheme coins) carry the VAT of the country of delivery (One-Stop-Shop).")
        case .stepAddress: ("1. Adresse, Versand, Zahlung", "1. Address, shipping, payment")
        case .stepReview: ("2. Prüfen und bestellen", "2. Review and order")
        case .reviewTitle: ("Bestellung prüfen", "Review your order")
        case .quoteLocked: ("Ihre Preise sind fest für", "Your prices are locked for")
        case .quoteExpired: ("Ihr Angebot ist abgelaufen. Die Kurse können sich geändert haben; fordern Sie ein neues Angebot an.",
                             "Your quote has expired. Prices may have moved; ask for a fresh quote.")
        case .quoteFresh: ("Neues Angebot anfordern", "Get a fresh quote")
        case .reviewShipping: ("Versand", "Shipping")
        case .reviewTotal: ("Gesamtbetrag", "Total")
        case .reviewVat: ("darin enthaltene Umsatzsteuer", "of which VAT")
        case .reviewDeliverTo: ("Lieferung an", "Deliver to")
        case .reviewPayment: ("Zahlung", "Payment")
        case .reviewChange: ("Ändern", "Change")
        case .confirmNoWithdrawal: ("Mir ist bekannt, dass bei Edelmetallen, deren Preis von Schwankungen auf dem Finanzmarkt abhängt, kein Widerrufsrecht besteht (§ 312g Abs. 2 Nr. 8 BGB).",
                                    "I understand that there is no right of withdrawal for precious metals whose price depends on fluctuations in the financial market (§ 312g (2) no. 8 BGB).")
        case .confirmTerms: ("Ich akzeptiere die Allgemeinen Geschäftsbedingungen.", "I accept the terms and conditions.")
        case .termsRead: ("Bitte lesen Sie vor der Bestellung:", "Please read before ordering:")
        case .placeOrder: ("Zahlungspflichtig bestellen", "Place order with obligation to pay")
        case .confirmMissing: ("Bitte bestätigen Sie beides, um zu bestellen.", "Please confirm both to order.")
        case .stockShort: ("Von „%@“ ist nicht mehr genug auf Lager. Bitte passen Sie die Menge an.",
                           "There is no longer enough of \"%@\" in stock. Please change the quantity.")
        case .pricesStale: ("Die Kurse sind gerade nicht aktuell; wir können kein Angebot machen. Bitte versuchen Sie es gleich noch einmal.",
                            "Prices are not current right now, so we cannot quote. Please try again in a moment.")
        case .quoteGone: ("Dieses Angebot wurde bereits bestellt.", "This quote has already been ordered.")
        case .orderTitle: ("Bestellung %@", "Order %@")
        case .orderThanks: ("Vielen Dank für Ihre Bestellung. Ihre Preise sind verbindlich festgeschrieben.",
                            "Thank you for your order. Your prices are locked.")
        case .orderStatus: ("Status", "Status")
        case .orderPayTo: ("Bitte überweisen Sie %@ bis %@ an:", "Please transfer %@ by %@ to:")
        case .orderHolder: ("Kontoinhaber", "Account holder")
        case .orderReference: ("Verwendungszweck", "Payment reference")
        case .orderDue: ("Zahlbar bis", "Due by")
        case .orderCash: ("Sie bezahlen bar bei Abholung; bitte bringen Sie einen gültigen Ausweis mit.",
                          "You pay cash at pickup; please bring a valid identity document.")
        case .orderMailSent: ("Eine Bestätigung ist an %@ unterwegs.", "A confirmation is on its way to %@.")
        case .orderInvoice: ("Rechnung %@", "Invoice %@")
        case .orderCancellationInvoice: ("Stornorechnung %@ (die Sendung kam zurück; der bezahlte Betrag wird erstattet)",
                                         "Cancellation invoice %@ (the parcel came back; the amount paid is refunded)")
        case .orderLines: ("Positionen", "Items")
        case .orderAmount: ("Betrag", "Amount")
        case .orderIdentification: ("Vor der Übergabe prüfen wir Ihren Ausweis (Geldwäschegesetz).",
                                    "We check your identity document before handing over the goods (anti-money-laundering law).")
        case .orderHeld: ("Ihre Bestellung wird geprüft; wir melden uns.", "Your order is being reviewed; we will be in touch.")
        case .statusAwaitingIdentification: ("wartet auf Identifizierung", "awaiting identification")
        case .statusAwaitingPayment: ("wartet auf Zahlung", "awaiting payment")
        case .statusOnHold: ("in Prüfung", "on hold")
        case .statusPaid: ("bezahlt", "paid")
        case .statusPacked: ("verpackt", "packed")
        case .statusShipped: ("versandt", "shipped")
        case .statusDelivered: ("zugestellt", "delivered")
        case .statusOverdue: ("Zahlung überfällig", "payment overdue")
        case .statusCancelled: ("storniert", "cancelled")
        case .statusReturned: ("zurückgesandt", "returned")
        case .accountTitle: ("Mein Konto", "My account")
        case .loginTitle: ("Anmelden", "Log in")
        case .fieldPassword: ("Passwort", "Password")
        case .loginButton: ("Anmelden", "Log in")
        case .loginFailed: ("E-Mail oder Passwort ist falsch.", "E-mail or password is wrong.")
        case .registerTitle: ("Konto eröffnen", "Open an account")
        case .registerLead: ("Mit einem Konto sehen Sie Ihre Bestellungen, Rechnungen und Ihren Bestand.",
                             "With an account you see your orders, invoices and holdings.")
        case .registerButton: ("Konto eröffnen", "Open account")
        case .passwordHint: ("Mindestens 10 Zeichen.", "At least 10 characters.")
        case .passwordUnusable: ("Das Passwort braucht mindestens 10 Zeichen (höchstens 72 Byte).",
                                 "The password needs at least 10 characters (at most 72 bytes).")
        case .emailTaken: ("Für diese E-Mail gibt es schon ein Konto.", "There is already an account for this e-mail.")
        case .logoutButton: ("Abmelden", "Log out")
        case .ordersTitle: ("Meine Bestellungen", "My orders")
        case .noOrders: ("Noch keine Bestellungen.", "No orders yet.")
        case .holdingsTitle: ("Mein Bestand", "My holdings")
        case .holdingsNote: ("Bezahlte Bestellungen, bewertet zu heutigen Ankaufspreisen.", "Paid orders, valued at today's buy-back prices.")
        case .holdingsTotal: ("Gesamtwert", "Total value")
        case .detailsTitle: ("Meine Daten", "My details")
        case .saveButton: ("Speichern", "Save")
        case .saved: ("Gespeichert.", "Saved.")
        case .passwordTitle: ("Passwort ändern", "Change password")
        case .currentPassword: ("Bisheriges Passwort", "Current password")
        case .newPasswordField: ("Neues Passwort", "New password")
        case .wrongCurrent: ("Das bisherige Passwort stimmt nicht.", "The current password is wrong.")
        case .passwordChanged: ("Ihr Passwort ist geändert. Bitte melden Sie sich neu an.", "Your password is changed. Please log in again.")
        case .forgotTitle: ("Passwort vergessen", "Forgot password")
        case .forgotLead: ("Wir senden Ihnen einen Link, mit dem Sie ein neues Passwort vergeben.", "We send you a link to choose a new password.")
        case .forgotSend: ("Link senden", "Send link")
        case .forgotSent: ("Wenn es ein Konto mit dieser E-Mail gibt, ist ein Link unterwegs. Er gilt eine Stunde.",
                           "If there is an account with this e-mail, a link is on its way. It works for one hour.")
        case .newPasswordTitle: ("Neues Passwort", "New password")
        case .resetInvalid: ("Dieser Link ist abgelaufen oder wurde schon benutzt.", "This link has expired or was used already.")
        case .noAccount: ("Noch kein Konto?", "No account yet?")
        case .forgotLink: ("Passwort vergessen?", "Forgot your password?")
        case .colOrder: ("Bestellung", "Order")
        case .colDate: ("Datum", "Date")
        case .colStatus: ("Status", "Status")
        case .colTotal: ("Betrag", "Amount")
        case .colInvoice: ("Rechnung", "Invoice")
        case .colProduct: ("Produkt", "Product")
        case .colQuantity: ("Stück", "Pieces")
        case .colValue: ("Wert", "Value")
        case .greeting: ("Guten Tag, %@.", "Hello, %@.")
        case .newsletterEmail: ("Ihre E-Mail-Adresse", "Your e-mail address")
        case .newsletterButton: ("Newsletter abonnieren", "Subscribe")
        case .newsletterSentTitle: ("Fast geschafft", "Almost done")
        case .newsletterSent: ("Wir haben Ihnen eine E-Mail geschickt. Bitte bestätigen Sie Ihre Anmeldung mit dem Link darin.",
                               "We have sent you an e-mail. Please confirm your sign-up with the link in it.")
        case .newsletterInvalidEmail: ("Bitte geben Sie eine gültige E-Mail-Adresse an.", "Please enter a valid e-mail address.")
        case .newsletterStale: ("Der Einwilligungstext hat sich geändert. Bitte lesen Sie ihn und melden Sie sich erneut an.",
                                "The consent text has changed. Please read it and sign up again.")
        case .newsletterConfirmedTitle: ("Anmeldung bestätigt", "Sign-up confirmed")
        case .newsletterConfirmed: ("Danke! Sie erhalten ab jetzt unseren Newsletter.", "Thank you! You will now receive our newsletter.")
        case .newsletterInvalidLink: ("Dieser Link ist ungültig oder abgelaufen. Melden Sie sich gern erneut an.",
                                      "This link is invalid or has expired. You are welcome to sign up again.")
        case .newsletterUnsubscribeTitle: ("Newsletter abbestellen", "Unsubscribe")
        case .registerSentTitle: ("Bitte sehen Sie in Ihr Postfach", "Please check your inbox")
        case .registerSent: ("Wir haben Ihnen eine E-Mail geschickt. Mit dem Link darin bestätigen Sie Ihre Adresse; danach können Sie sich anmelden.",
                             "We have sent you an e-mail. Confirm your address with the link in it; then you can log in.")
        case .verifyTitle: ("Kundenkonto bestätigen", "Confirm your account")
        case .verifyAsk: ("Bitte bestätigen Sie mit einem Klick Ihre E-Mail-Adresse; danach sind Sie angemeldet.",
                          "Please confirm your e-mail address with one click; you are logged in afterwards.")
        case .verifyButton: ("Konto bestätigen", "Confirm account")
        case .verifyInvalid: ("Dieser Link ist ungültig, abgelaufen oder schon benutzt. Melden Sie sich an oder registrieren Sie sich erneut.",
                              "This link is invalid, expired or used already. Log in, or register again.")
        case .loginDisabled: ("Dieses Kundenkonto ist geschlossen. Bitte wenden Sie sich an uns.",
                              "This customer account is closed. Please contact us.")
        case .loginUnverified: ("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse mit dem Link, den wir Ihnen geschickt haben.",
                                "Please confirm your e-mail address first, with the link we sent you.")
        case .loginWait: ("Zu viele Anmeldeversuche. Bitte warten Sie %@ Sekunden oder setzen Sie Ihr Passwort zurück.",
                          "Too many login attempts. Please wait %@ seconds or reset your password.")
        case .currentPasswordForEmail: ("Aktuelles Passwort (nur nötig, wenn Sie die E-Mail-Adresse ändern)",
                                        "Current password (needed only if you change the e-mail address)")
        case .guestOrdersTooMany: ("Ohne Kundenkonto sind nur wenige Bestellungen je Stunde möglich. Bitte melden Sie sich an oder versuchen Sie es später erneut.",
                                   "Without an account only a few orders per hour are possible. Please log in or try again later.")
        case .newsletterConfirmTitle: ("Newsletter-Anmeldung bestätigen", "Confirm your newsletter sign-up")
        case .newsletterConfirmAsk: ("Bitte bestätigen Sie mit einem Klick, dass Sie unseren Newsletter erhalten möchten.",
                                     "Please confirm with one click that you want to receive our newsletter.")
        case .newsletterConfirmButton: ("Anmeldung bestätigen", "Confirm sign-up")
        case .newsletterUnsubscribeAsk: ("Möchten Sie den Newsletter abbestellen?", "Do you want to unsubscribe from the newsletter?")
        case .newsletterUnsubscribeButton: ("Abbestellen", "Unsubscribe")
        case .newsletterUnsubscribed: ("Sie sind abgemeldet und erhalten keinen Newsletter mehr.", "You are unsubscribed and will receive no more newsletters.")
        case .newsletterWebsite: ("Bitte leer lassen", "Leave empty")
        case .loginTooMany: ("Zu viele Anmeldeversuche. Bitte warten Sie zehn Minuten oder setzen Sie Ihr Passwort zurück.",
                             "Too many login attempts. Please wait ten minutes or reset your password.")
        case .newsletterTooMany: ("Zu viele Anmeldungen von Ihrer Adresse. Bitte versuchen Sie es in einigen Minuten erneut.",
                                  "Too many sign-ups from your address. Please try again in a few minutes.")
        case .newsSearch: ("News durchsuchen", "Search the news")
        case .newsSearchButton: ("Suchen", "Search")
        case .newsSearchResults: ("Suchergebnisse für „%@“", "Results for \"%@\"")
        case .newsSearchNone: ("Keine Artikel gefunden.", "No articles found.")
        case .newsTitle: ("News", "News")
        case .newsLead: ("Marktberichte und Wissenswertes rund um Gold, Silber, Platin und Palladium.",
                         "Market reports and background on gold, silver, platinum and palladium (in German).")
        case .newsEmpty: ("Hier gibt es noch keine Artikel.", "No articles here yet.")
        case .newsRelated: ("Wissenswertes zum Thema", "Related reading")
        case .newsBy: ("von %@", "by %@")
        case .newsCategory: ("Kategorie: %@", "Category: %@")
        case .newsTopic: ("Thema: %@", "Topic: %@")
        case .newsTopics: ("Themen", "Topics")
        case .newsReadMore: ("Weiterlesen", "Read more")
        }
    }
}

extension OrderStatus {
    var label: CustomerText {
        switch self {
        case .awaitingIdentification: .statusAwaitingIdentification
        case .awaitingPayment: .statusAwaitingPayment
        case .onHold: .statusOnHold
        case .paid: .statusPaid
        case .packed: .statusPacked
        case .shipped: .statusShipped
        case .delivered: .statusDelivered
        case .overdue: .statusOverdue
        case .cancelled: .statusCancelled
        case .returned: .statusReturned
        }
    }
}

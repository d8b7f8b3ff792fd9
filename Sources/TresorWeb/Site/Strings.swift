import TresorCore

/// Every user-facing sentence of the shop, German first, English second. Views never hold text of their own.
enum Text: CaseIterable, Wording {
    case menuGold, menuSilver, menuPlatinum, menuPalladium, menuCharts, menuNews, menuSellBack, menuCareers, menuAbout, menuContact
    case menuAllProducts, skipToContent, languageSwitch
    case badgeHotline, badgeCustomers, badgeInsured, badgeNoReporting
    case footerNewsletter, footerImprint, footerPrivacy, footerPricesNote, footerDemoNote
    case staleBanner, demoPrices, demoShop, pricesUnavailable, priceUnavailableShort
    case homeTitle, homeLead, spotTickerTitle, perOunce, perGram, change24h, featuredProducts, spotAsOf
    case catalogueTitle, filterMetal, filterForm, filterAnyMetal, filterAnyForm, formCoin, formBar, filterMinWeight,
         filterMaxWeight, filterMint, filterAnyMint, filterInStock, filterApply, sortBy, sortWeight, sortPrice, sortPriceDesc,
         sortPricePerGram, sortPremium, sortName, resultsCount, noResults, pagePrevious, pageNext, pageOf
    case inStock, outOfStock, fewLeft, fromPrice, premiumOverSpot, perFineGram, buybackPrice, showProduct
    case productFineWeight, productGrossWeight, productFineness, productMint, productYear, productMetal, productForm,
         productSku, productTiers, productQuantityFrom, productUnitPrice, productVatNote, productStock, productPrices,
         productDetails, productNoWithdrawal
    case vatExempt, vatStandard, vatMargin, plusShipping
    case chartsTitle, chartsLead, chartRange24h, chartRange7d, chartRange30d, chartRange1y, chartNoData, chartDemoLabel,
         chartHigh, chartLow
    case reportingTitle, reportingBody1, reportingBody2, reportingBody3, reportingBody4
    case backHome
    case errorFormExpiredTitle, errorFormExpiredBody, errorTooManyTitle, errorForbiddenTitle, errorForbiddenBody
    case errorNotFoundTitle, errorNotFoundBody, errorBadRequestTitle, errorBadRequestBody, errorServerTitle, errorServerBody
    case errorUnavailableTitle, errorUnreachableBody, errorDiskFullBody

    var pair: (String, String) {
        switch self {
        case .menuGold: ("Gold", "Gold")
        case .menuSilver: ("Silber", "Silver")
        case .menuPlatinum: ("Platin", "Platinum")
        case .menuPalladium: ("Palladium", "Palladium")
        case .menuCharts: ("Charts", "Charts")
        case .menuNews: ("News", "News")
        case .menuSellBack: ("Ankauf", "Sell to us")
        case .menuCareers: ("Karriere", "Careers")
        case .menuAbout: ("Über uns", "About us")
        case .menuContact: ("Kontakt", "Contact")
        case .menuAllProducts: ("Alle Produkte", "All products")
        case .skipToContent: ("Zum Inhalt springen", "Skip to content")
        case .languageSwitch: ("English", "Deutsch")
        case .badgeHotline: ("Kostenlose Beratung: %@", "Free advice: %@")
        case .badgeCustomers: ("Über %@ zufriedene Kunden", "More than %@ happy customers")
        case .badgeInsured: ("Versicherter Versand", "Insured shipping")
        case .badgeNoReporting: ("Keine Meldepflicht – was gilt?", "No reporting to authorities – what applies?")
        case .footerNewsletter: ("Newsletter", "Newsletter")
        case .footerImprint: ("Impressum", "Imprint")
        case .footerPrivacy: ("Datenschutz", "Privacy")
        case .footerPricesNote: ("Alle Preise in Euro inkl. gesetzlicher MwSt., sofern nicht steuerfrei (Anlagegold, §25c UStG). Angezeigte Preise sind noch kein verbindliches Angebot.",
                                 "All prices in euros incl. VAT unless exempt (investment gold, §25c UStG). Prices shown are not yet a binding offer.")
        case .footerDemoNote: ("Demo-Kurse: Diese Preise stammen aus einem simulierten Kursverlauf.",
                               "Demo prices: these prices come from a simulated market.")
        case .staleBanner: ("Die Kurse sind derzeit nicht aktuell. Preise werden erst wieder angezeigt, wenn neue Kurse vorliegen.",
                            "Prices are not current right now. They are shown again as soon as fresh market prices arrive.")
        case .demoPrices: ("Demo-Kurse", "Demo prices")
        case .demoShop: ("Demo-Shop: Händlerangaben und Bankverbindung sind Beispieldaten. Bestellungen sind keine echten Käufe.",
                         "Demo shop: the dealer's details and bank account are examples. Orders are not real purchases.")
        case .pricesUnavailable: ("Preis derzeit nicht verfügbar", "Price currently unavailable")
        case .priceUnavailableShort: ("nicht verfügbar", "unavailable")
        case .homeTitle: ("Gold, Silber, Platin und Palladium zu Live-Preisen", "Gold, silver, platinum and palladium at live prices")
        case .homeLead: ("Anlagemünzen und Barren von bekannten Prägestätten – Preise laufend aus dem Spotkurs berechnet.",
                         "Bullion coins and bars from renowned mints – prices calculated continuously from the spot price.")
        case .spotTickerTitle: ("Aktuelle Kurse", "Current spot prices")
        case .perOunce: ("je Unze", "per ounce")
        case .perGram: ("je Gramm", "per gram")
        case .change24h: ("24 h", "24 h")
        case .featuredProducts: ("Beliebte Produkte", "Popular products")
        case .spotAsOf: ("Stand: %@", "As of %@")
        case .catalogueTitle: ("Produkte", "Products")
        case .filterMetal: ("Metall", "Metal")
        case .filterForm: ("Form", "Form")
        case .filterAnyMetal: ("Alle Metalle", "All metals")
        case .filterAnyForm: ("Münzen und Barren", "Coins and bars")
        case .formCoin: ("Münze", "Coin")
        case .formBar: ("Barren", "Bar")
        case .filterMinWeight: ("Feingewicht ab (g)", "Fine weight from (g)")
        case .filterMaxWeight: ("Feingewicht bis (g)", "Fine weight up to (g)")
        case .filterMint: ("Hersteller", "Mint/manufacturer")
        case .filterAnyMint: ("Alle Hersteller", "All manufacturers")
        case .filterInStock: ("Nur lieferbare", "In stock only")
        case .filterApply: ("Anwenden", "Apply")
        case .sortBy: ("Sortieren", "Sort")
        case .sortWeight: ("Gewicht", "Weight")
        case .sortPrice: ("Preis aufsteigend", "Price, low to high")
        case .sortPriceDesc: ("Preis absteigend", "Price, high to low")
        case .sortPricePerGram: ("Preis je Feingramm", "Price per fine gram")
        case .sortPremium: ("Aufgeld auf den Spotkurs", "Premium over spot")
        case .sortName: ("Name", "Name")
        case .resultsCount: ("%@ Produkte", "%@ products")
        case .noResults: ("Keine Produkte passen zu diesen Filtern.", "No products match these filters.")
        case .pagePrevious: ("Zurück", "Previous")
        case .pageNext: ("Weiter", "Next")
        case .pageOf: ("Seite %@ von %@", "Page %@ of %@")
        case .inStock: ("Sofort lieferbar", "In stock")
        case .outOfStock: ("Derzeit nicht lieferbar", "Out of stock")
        case .fewLeft: ("Nur noch %@ Stück", "Only %@ left")
        case .fromPrice: ("ab %@", "from %@")
        case .premiumOverSpot: ("Aufgeld", "Premium")
        case .perFineGram: ("je Feingramm", "per fine gram")
        case .buybackPrice: ("Ankaufspreis", "We buy at")
        case .showProduct: ("Details", "Details")
        case .productFineWeight: ("Feingewicht", "Fine weight")
        case .productGrossWeight: ("Raugewicht", "Gross weight")
        case .productFineness: ("Feingehalt", "Fineness")
        case .productMint: ("Hersteller", "Mint/manufacturer")
        case .productYear: ("Jahrgang", "Year")
        case .productMetal: ("Metall", "Metal")
        case .productForm: ("Form", "Form")
        case .productSku: ("Artikelnummer", "SKU")
        case .productTiers: ("Staffelpreise", "Quantity prices")
        case .productQuantityFrom: ("ab %@ Stück", "from %@ pieces")
        case .productUnitPrice: ("Stückpreis", "Unit price")
        case .productVatNote: ("Steuer", "Tax")
        case .productStock: ("Verfügbarkeit", "Availability")
        case .productPrices: ("Preise", "Prices")
        case .productDetails: ("Produktdaten", "Product details")
        case .productNoWithdrawal: ("Edelmetalle unterliegen Preisschwankungen am Finanzmarkt; ein Widerrufsrecht besteht nicht (§312g Abs. 2 Nr. 8 BGB).",
                                    "Precious metals are subject to market price fluctuations; there is no right of withdrawal (§312g(2) no. 8 BGB).")
        case .vatExempt: ("Anlagegold, umsatzsteuerfrei nach §25c UStG", "Investment gold, exempt from VAT (§25c UStG)")
        case .vatStandard: ("inkl. %@ MwSt.", "incl. %@ VAT")
        case .plusShipping: ("zzgl. Versandkosten", "plus shipping")
        case .vatMargin: ("differenzbesteuert nach §25a UStG, MwSt. nicht ausweisbar", "margin scheme (§25a UStG), VAT not shown")
        case .chartsTitle: ("Kurscharts", "Price charts")
        case .chartsLead: ("Mittelkurs in Euro je Feinunze.", "Mid price in euros per troy ounce.")
        case .chartRange24h: ("24 Stunden", "24 hours")
        case .chartRange7d: ("7 Tage", "7 days")
        case .chartRange30d: ("30 Tage", "30 days")
        case .chartRange1y: ("1 Jahr", "1 year")
        case .chartNoData: ("Für diesen Zeitraum liegen keine Kurse vor.", "No prices for this period.")
        case .chartDemoLabel: ("Demo-Daten: simulierter Kursverlauf", "Demo data: simulated price history")
        case .chartHigh: ("Hoch", "High")
        case .chartLow: ("Tief", "Low")
        case .reportingTitle: ("Keine Meldepflicht – und welche Pflichten trotzdem gelten",
                               "No reporting to authorities – and which duties still apply")
        case .reportingBody1: ("Für den Kauf von Edelmetallen gibt es keine allgemeine Meldepflicht: Rechtmäßige Käufe und Verkäufe melden wir keiner Behörde von uns aus. Anonym sind sie deshalb nicht.",
                               "Buying precious metals carries no general reporting duty: we do not report lawful purchases and sales to any authority of our own accord. That does not make them anonymous.")
        case .reportingBody2: ("Das Geldwäschegesetz verpflichtet uns, Kundinnen und Kunden zu identifizieren: bei Bargeschäften ab 2.000 € (auch beim Ankauf), wobei zusammenhängende Geschäfte zusammengerechnet werden. Bei Anlagegold über 15.000 € bewahren wir die Identität des Käufers auf (§ 25c Abs. 6 UStG).",
                               "The Anti-Money Laundering Act obliges us to identify customers: for cash transactions of €2,000 or more (buy-backs included), with linked transactions counted together. For investment gold over €15,000 we keep the buyer's identity (§ 25c(6) UStG).")
        case .reportingBody3: ("Ab dem 10.07.2027 gilt die EU-Geldwäscheverordnung: gelegentliche Geschäfte ab 10.000 € erfordern eine Sorgfaltsprüfung, Barzahlungen sind auf 10.000 € begrenzt.",
                               "From 10 Jul 2027 the EU Anti-Money Laundering Regulation applies: occasional transactions of €10,000 or more require due diligence, and cash is capped at €10,000.")
        case .reportingBody4: ("Verdächtige Geschäfte müssen wir der Zentralstelle für Finanztransaktionsuntersuchungen melden (§ 43 GwG), und Finanzbehörden können im Einzelfall Auskunft verlangen (§ 93 AO). Ausweisdaten bewahren wir fünf Jahre ab Ende des Kalenderjahres auf.",
                               "We must report suspicious transactions to the Financial Intelligence Unit (§ 43 GwG), and tax authorities may ask for information in individual cases (§ 93 AO). We keep identification records for five years from the end of the calendar year.")
        case .backHome: ("Zur Startseite", "To the home page")
        case .errorNotFoundTitle: ("Seite nicht gefunden", "Page not found")
        case .errorNotFoundBody: ("Diese Seite oder dieses Produkt gibt es nicht (mehr).", "This page or product does not exist (any more).")
        case .errorBadRequestTitle: ("Ungültige Angabe", "Invalid input")
        case .errorBadRequestBody: ("Der Wert „%@“ für „%@“ ist ungültig.", "The value \"%@\" for \"%@\" is invalid.")
        case .errorFormExpiredTitle: ("Formular abgelaufen", "Form expired")
        case .errorForbiddenTitle: ("Kein Zugriff", "No access")
        case .errorForbiddenBody: ("Ihre Rolle erlaubt diese Seite nicht. Wenden Sie sich an den Inhaber des Shops.",
                                   "Your role does not allow this page. Ask the shop's owner.")
        case .errorFormExpiredBody: ("Das Formular war zu lange geöffnet oder stammt nicht von dieser Seite. Bitte laden Sie die Seite neu und senden Sie es erneut.",
                                     "The form was open too long or did not come from this site. Please reload the page and send it again.")
        case .errorTooManyTitle: ("Zu viele Anfragen", "Too many requests")
        case .errorServerTitle: ("Ein Fehler ist aufgetreten", "Something went wrong")
        case .errorServerBody: ("Bitte versuchen Sie es gleich noch einmal.", "Please try again in a moment.")
        case .errorUnavailableTitle: ("Vorübergehend nicht verfügbar", "Temporarily unavailable")
        case .errorUnreachableBody: ("Der Shop ist für einen Moment nicht erreichbar. Bitte versuchen Sie es in wenigen Sekunden noch einmal.",
                                     "The shop is unavailable for a moment. Please try again in a few seconds.")
        case .errorDiskFullBody: ("Der Shop kann gerade nichts speichern; wir kümmern uns darum. Bitte versuchen Sie es später noch einmal.",
                                  "The shop cannot save anything right now; we are on it. Please try again later.")
        }
    }
}


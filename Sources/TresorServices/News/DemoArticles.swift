import Foundation
import TresorCore

/// Fifteen short market articles for the demo shop, written for Tresor. Their times are set relative to the
/// first start, so the demo news desk always looks current.
enum DemoArticles {
    struct Entry {
        var slug: String, title: String, teaser: String, category: String, tags: [String], hoursAgo: Double, body: String
    }

    static func articles(now: Date) -> [Article] {
        entries.map { entry in
            Article(slug: entry.slug, title: entry.title, teaser: entry.teaser, body: entry.body, author: "Redaktion Tresor",
                    category: entry.category, tags: entry.tags, status: .published,
                    publishAt: now.addingTimeInterval(-entry.hoursAgo * 3600), updatedAt: now)
        }
    }

    static let entries: [Entry] = [
        Entry(slug: "gold-startet-fest-in-die-woche", title: "Gold startet fest in die Woche",
              teaser: "Ein schwächerer Dollar stützt den Goldpreis im asiatischen Handel.", category: "Marktbericht",
              tags: ["Gold", "Dollar"], hoursAgo: 3, body: """
                Der Goldpreis ist mit Gewinnen in die neue Handelswoche gestartet. Händler in Singapur und Hongkong
                verwiesen auf einen **schwächeren US-Dollar**, der Edelmetalle für Käufer außerhalb der USA günstiger macht.

                Für Anleger im Euroraum fiel der Anstieg kleiner aus, weil der Euro zum Dollar zulegte. Wer in Euro rechnet,
                sollte deshalb immer beide Kurse im Blick behalten: den Goldpreis in Dollar und den Wechselkurs.
                """),
        Entry(slug: "silber-zwischen-industrie-und-anlage", title: "Silber zwischen Industrie und Anlage",
              teaser: "Mehr als die Hälfte der Silbernachfrage kommt aus der Industrie – das macht den Preis beweglich.",
              category: "Wissen", tags: ["Silber", "Industrie"], hoursAgo: 20, body: """
                Silber ist Anlagemetall und Rohstoff zugleich. Photovoltaik, Elektronik und Medizintechnik verbrauchen
                jedes Jahr große Mengen, die kaum zurückgewonnen werden.

                Deshalb schwankt der Silberpreis stärker als der Goldpreis: Läuft die Industrie, steigt die Nachfrage;
                schwächelt sie, fällt sie. Für Anleger heißt das: kleinere Beträge, längerer Atem.
                """),
        Entry(slug: "warum-anlagegold-umsatzsteuerfrei-ist", title: "Warum Anlagegold umsatzsteuerfrei ist",
              teaser: "Barren ab 995 Tausendstel und bestimmte Münzen sind nach § 25c UStG von der Umsatzsteuer befreit.",
              category: "Wissen", tags: ["Gold", "Steuern"], hoursAgo: 44, body: """
                Wer Gold als Geldanlage kauft, zahlt in Deutschland keine Umsatzsteuer – sofern es sich um **Anlagegold**
                handelt. Dazu zählen Barren mit einem Feingehalt von mindestens 995 Tausendsteln und Münzen mit mindestens
                900 Tausendsteln, die nach 1800 geprägt wurden und gesetzliches Zahlungsmittel sind.

                Silber, Platin und Palladium tragen dagegen die volle Umsatzsteuer, es sei denn, Münzen werden
                differenzbesteuert verkauft. Auf Ihrer Rechnung steht, welche Regel gilt.
                """),
        Entry(slug: "notenbanken-kaufen-weiter-gold", title: "Notenbanken kaufen weiter Gold",
              teaser: "Zentralbanken aus Schwellenländern bauen ihre Goldreserven Quartal für Quartal aus.", category: "Marktbericht",
              tags: ["Gold", "Notenbanken"], hoursAgo: 70, body: """
                Die Notenbanken bleiben verlässliche Käufer am Goldmarkt. Vor allem Zentralbanken aus Schwellenländern
                erhöhen ihre Reserven, um sich unabhängiger vom Dollar zu machen.

                Für den Markt bedeutet das eine stetige Grundnachfrage, die Rücksetzer beim Goldpreis abfedern kann.
                """),
        Entry(slug: "platin-und-palladium-im-autoabgas", title: "Platin und Palladium im Autoabgas",
              teaser: "Katalysatoren sind der größte Abnehmer der beiden Metalle – Elektroautos ändern das langsam.",
              category: "Wissen", tags: ["Platin", "Palladium", "Industrie"], hoursAgo: 95, body: """
                In jedem Benziner- und Dieselkatalysator stecken einige Gramm Platin oder Palladium. Die Metalle wandeln
                Schadstoffe im Abgas in weniger schädliche Gase um.

                Mit jedem Elektroauto sinkt dieser Bedarf. Gleichzeitig wird Platin für Brennstoffzellen und die
                Wasserstofferzeugung interessant. Die Preise beider Metalle hängen deshalb eng an der Autoindustrie.
                """),
        Entry(slug: "zinsen-und-goldpreis", title: "Was Zinsen mit dem Goldpreis zu tun haben",
              teaser: "Gold bringt keine Zinsen. Steigen die Zinsen, wird das Halten von Gold relativ teurer.", category: "Wissen",
              tags: ["Gold", "Zinsen"], hoursAgo: 120, body: """
                Gold zahlt keine Zinsen und keine Dividende. Wenn Anleihen und Festgeld gut verzinst werden, entgehen
                Goldbesitzern also Erträge – Ökonomen sprechen von Opportunitätskosten.

                Sinken die realen Zinsen, also die Zinsen nach Abzug der Inflation, wird Gold attraktiver. Deshalb
                reagiert der Goldpreis oft deutlich auf Entscheidungen der Notenbanken.
                """),
        Entry(slug: "kruegerrand-die-erste-anlagemuenze", title: "Krügerrand: die erste moderne Anlagemünze",
              teaser: "Seit 1967 geprägt, machte der Krügerrand Gold für Privatanleger in kleinen Stückelungen zugänglich.",
              category: "Münzen", tags: ["Gold", "Münzen"], hoursAgo: 150, body: """
                Der südafrikanische Krügerrand kam 1967 auf den Markt und war die erste Münze, die gezielt als
                Goldanlage für Privatleute gedacht war. Eine Unze Feingold, legiert mit Kupfer, daher die rötliche Farbe.

                Die Legierung macht die Münze kratzfester; der Goldgehalt bleibt genau eine Feinunze. Heute gehört der
                Krügerrand zu den am leichtesten handelbaren Goldmünzen weltweit.
                """),
        Entry(slug: "barren-oder-muenzen", title: "Barren oder Münzen?",
              teaser: "Barren haben meist den kleineren Aufschlag, Münzen sind leichter wieder zu verkaufen.", category: "Wissen",
              tags: ["Gold", "Barren", "Münzen"], hoursAgo: 175, body: """
                Bei größeren Beträgen sind **Barren** oft günstiger, weil der Aufschlag auf den Metallwert sinkt, je
                schwerer das Stück ist. **Münzen** kosten etwas mehr, lassen sich aber weltweit leicht verkaufen.

                Viele Anleger mischen: einige große Barren für den Grundstock, Münzen und kleine Barren, um später
                auch Teilbeträge verkaufen zu können.
                """),
        Entry(slug: "silber-faellt-nach-starken-konjunkturdaten", title: "Silber fällt nach starken Konjunkturdaten",
              teaser: "Gute Arbeitsmarktzahlen aus den USA drücken die Erwartung sinkender Zinsen.", category: "Marktbericht",
              tags: ["Silber", "Zinsen", "Dollar"], hoursAgo: 200, body: """
                Überraschend gute Arbeitsmarktdaten aus den USA haben den Silberpreis am Nachmittag belastet. Anleger
                rechneten danach mit länger hohen Zinsen, der Dollar zog an.

                Silber reagierte wie so oft stärker als Gold und gab zeitweise deutlich nach.
                """),
        Entry(slug: "aufgeld-erklaert", title: "Das Aufgeld erklärt",
              teaser: "Zwischen Spotpreis und Verkaufspreis liegen Prägung, Logistik, Versicherung und Marge.", category: "Wissen",
              tags: ["Gold", "Silber", "Preise"], hoursAgo: 230, body: """
                Der **Spotpreis** ist der Preis für große Mengen Metall am Weltmarkt. Wer eine Münze oder einen kleinen
                Barren kauft, zahlt darauf ein Aufgeld: für Prägung, Transport, Versicherung und die Marge des Händlers.

                Bei uns sehen Sie auf jeder Produktseite, wie hoch das Aufgeld über dem Spotpreis gerade ist, und den
                Preis je Gramm Feinmetall zum Vergleich verschiedener Größen.
                """),
        Entry(slug: "goldpreis-in-euro-auf-rekordniveau", title: "Goldpreis in Euro auf Rekordniveau",
              teaser: "Die Feinunze kostet in Euro so viel wie noch nie.", category: "Marktbericht", tags: ["Gold", "Euro"],
              hoursAgo: 260, body: """
                Der Goldpreis in Euro hat ein neues Rekordhoch erreicht. Geopolitische Spannungen und die Käufe der
                Notenbanken trieben den Preis.

                Für Anleger, die bereits Gold besitzen, ist das eine gute Nachricht. Wer neu einsteigen möchte, kann den
                Kauf über mehrere Monate verteilen, um den Einstiegspreis zu glätten.
                """),
        Entry(slug: "lagerung-zuhause-oder-im-schliessfach", title: "Lagerung: zu Hause oder im Schließfach?",
              teaser: "Ein Tresor zu Hause ist bequem, ein Bankschließfach sicherer – und beides sollte versichert sein.",
              category: "Wissen", tags: ["Lagerung"], hoursAgo: 290, body: """
                Edelmetalle zu Hause aufzubewahren ist bequem, verlangt aber einen zertifizierten Tresor und eine
                Hausratversicherung, die den Wert abdeckt.

                Ein Bankschließfach ist sicherer, kostet aber eine jährliche Gebühr, und der Inhalt ist meist nicht
                automatisch versichert. Fragen Sie nach – und bewahren Sie Rechnungen getrennt vom Metall auf.
                """),
        Entry(slug: "palladium-erholt-sich", title: "Palladium erholt sich",
              teaser: "Nach Monaten der Schwäche kaufen Autohersteller wieder zu.", category: "Marktbericht",
              tags: ["Palladium", "Industrie"], hoursAgo: 320, body: """
                Palladium hat sich von seinen Tiefständen gelöst. Händler berichten von neuen Käufen der Autoindustrie,
                die ihre Lager nach einem ruhigen Jahr wieder auffüllt.

                Der Markt ist klein; schon mittlere Käufe bewegen den Preis spürbar.
                """),
        Entry(slug: "geldwaesche-gesetz-beim-edelmetallkauf", title: "Was das Geldwäschegesetz beim Edelmetallkauf verlangt",
              teaser: "Ab 2.000 Euro in bar müssen Händler Ihren Ausweis prüfen – bei Überweisung gilt das nicht.",
              category: "Wissen", tags: ["Recht", "Gold"], hoursAgo: 350, body: """
                Händler von Edelmetallen sind nach dem Geldwäschegesetz verpflichtet, Kunden zu identifizieren, wenn sie
                **2.000 Euro oder mehr in bar** bezahlen oder ausgezahlt bekommen. Dazu gehört ein gültiger Ausweis.

                Wer per Vorkasse überweist, ist davon nicht betroffen; das Geld kommt von einem Konto, dessen Inhaber
                die Bank bereits identifiziert hat. Eine Meldung an Behörden erfolgt nur bei Verdacht, nicht automatisch.
                """),
        Entry(slug: "maple-leaf-mit-sicherheitsmerkmalen", title: "Maple Leaf mit Sicherheitsmerkmalen",
              teaser: "Die kanadische Münze trägt ein mikrograviertes Blatt und ein Strahlenmuster gegen Fälschungen.",
              category: "Münzen", tags: ["Gold", "Silber", "Münzen"], hoursAgo: 380, body: """
                Die Royal Canadian Mint versieht ihre Maple-Leaf-Münzen mit Sicherheitsmerkmalen: einem fein
                mikrogravierten Ahornblatt und radialen Linien im Hintergrund, die das Licht brechen.

                Diese Merkmale lassen sich mit einer Lupe prüfen und machen Fälschungen deutlich schwerer.
                """),
    ]
}

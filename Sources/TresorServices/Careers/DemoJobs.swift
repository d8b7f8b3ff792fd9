import Foundation
import TresorCore

/// Three open positions for the demo shop (#TeamGold), original text.
enum DemoJobs {
    static func jobs(now: Date) -> [JobPosting] {
        let day: TimeInterval = 86400
        return [
            JobPosting(slug: "edelmetallberater-koeln", title: "Edelmetallberater (m/w/d)", location: "Köln", employmentType: .fullTime,
                       description: """
                           Sie beraten unsere Kundinnen und Kunden am Telefon und im Ladengeschäft zu Anlagemünzen und Barren,
                           erklären Aufgeld und Rückkaufpreise und begleiten größere Käufe bis zur Auslieferung.

                           ## Was Sie mitbringen
                           - eine kaufmännische Ausbildung, gern im Bank- oder Edelmetallhandel
                           - Freude am Gespräch und Sorgfalt bei Zahlen
                           - sicheres Deutsch, gutes Englisch

                           ## Was wir bieten
                           - unbefristete Anstellung, 30 Tage Urlaub
                           - Einarbeitung durch erfahrene Händler
                           - Zuschuss zum Deutschlandticket
                           """, status: .published, publishedAt: now.addingTimeInterval(-12 * day), updatedAt: now),
            JobPosting(slug: "lager-versand-teilzeit", title: "Mitarbeiter Lager und Versand (m/w/d), Teilzeit", location: "Köln",
                       employmentType: .partTime, description: """
                           Sie verpacken Bestellungen versichert, prüfen Lieferungen unserer Prägestätten und führen den Bestand
                           im Tresor nach dem Vier-Augen-Prinzip.

                           - 20 Stunden pro Woche, vormittags
                           - Führungszeugnis ohne Einträge
                           - Genauigkeit, auch wenn es schnell gehen muss
                           """, status: .published, publishedAt: now.addingTimeInterval(-5 * day), updatedAt: now),
            JobPosting(slug: "werkstudent-marktanalyse", title: "Werkstudent Marktanalyse (m/w/d)", location: "Köln oder remote",
                       employmentType: .partTime, description: """
                           Sie werten Spot- und Prämienentwicklungen aus, bereiten Daten für unsere Marktberichte auf und
                           unterstützen die Redaktion beim täglichen Newsletter.

                           Ideal für Studierende der Volkswirtschaft, Statistik oder Informatik ab dem dritten Semester.
                           """, status: .published, publishedAt: now.addingTimeInterval(-1 * day), updatedAt: now),
        ]
    }
}

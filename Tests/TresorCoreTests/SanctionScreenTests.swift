import Foundation
import Testing
@testable import TresorCore

/// Name matching for sanctions screening: Jaro-Winkler against its textbook values, transliteration, word order,
/// birth dates.
@Suite struct SanctionScreenTests {
    func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    /// The values of Winkler's paper and every textbook since.
    @Test func jaroWinklerTextbookValues() {
        #expect(rounded(NameMatching.jaroWinkler("MARTHA", "MARHTA")) == 0.961)
        #expect(rounded(NameMatching.jaroWinkler("DWAYNE", "DUANE")) == 0.84)
        #expect(rounded(NameMatching.jaroWinkler("DIXON", "DICKSONX")) == 0.813)
        #expect(NameMatching.jaroWinkler("abc", "abc") == 1 && NameMatching.jaroWinkler("abc", "xyz") == 0)
        #expect(NameMatching.jaroWinkler("", "") == 1 && NameMatching.jaroWinkler("a", "") == 0)
    }

    @Test func keysFoldScriptsCaseAndWordOrder() {
        #expect(NameMatching.key("Борис Тестович") == "boris testovich")
        #expect(NameMatching.key("TESTOWITSCH, Boris") == "boris testowitsch")
        #expect(NameMatching.key("Jürgen Weiß") == "juergen weiss")
        #expect(NameMatching.transliterated("Щука Юлия") == "Shchuka Iuliia")
    }

    let list = SanctionScreen(entities: [
        SanctionEntity(id: "900001", subjectType: "person", programme: "RUS", names: ["Boris Testowitsch", "Борис Тестович"],
                       birthDates: ["1961-03-14"], citizenships: ["RU"]),
        SanctionEntity(id: "900002", subjectType: "person", programme: "BLR", names: ["Ivana Beispielova"], birthDates: ["1975-06-02"],
                       citizenships: ["BY"]),
        SanctionEntity(id: "900004", subjectType: "person", programme: "SYR", names: ["Karim Exempel"], birthDates: ["1968"], citizenships: []),
    ])

    @Test func namesAreFoundHoweverTheyAreWritten() {
        for name in ["Boris Testowitsch", "testowitsch boris", "Борис Тестович", "Boris Testovich", "Boris Testowitch"] {
            #expect(list.screen(name: name).first?.entityID == "900001", "\(name)")
        }
        #expect(list.screen(name: "Erika Mustermann").isEmpty)
        #expect(list.screen(name: "Boris Becker").isEmpty)
        #expect(list.screen(name: "").isEmpty)
    }

    /// "Ivana Beispilova" (one letter off) scores 0.98 on the name; the same birth day lifts it to the cap of 1,
    /// another birth year takes 0.15 off, below the threshold. A year-only entry keeps a birth date of that year.
    @Test func birthDatesMoveTheScore() throws {
        let name = try #require(list.screen(name: "Ivana Beispilova").first)
        #expect(name.score >= 0.95 && name.score < 1)
        #expect(list.screen(name: "Ivana Beispilova", birthDate: "1975-06-02").first?.score == 1)
        #expect(list.screen(name: "Ivana Beispilova", birthDate: "1990-01-01").isEmpty)
        #expect(list.screen(name: "Ivana Beispielova", birthDate: "1975-12-24").first?.entityID == "900002")
        #expect(list.screen(name: "Karim Exempel", birthDate: "1968-07-01").first?.score == 1)
        #expect(list.screen(name: "Karim Exempel", birthDate: "1999-07-01").isEmpty)
    }
}

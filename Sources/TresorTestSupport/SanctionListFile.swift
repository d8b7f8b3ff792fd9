import Foundation

/// Writes a sanctions list of any size in the official format of the EU consolidated list (the shape of the real
/// export: regulation, subject type, three name aliases with their attributes, citizenship, birth date), with
/// invented names: entry `EU-n` is also called "Person n Beispielname".
public enum SanctionListFile {
    static let first = ["Anton", "Berta", "Cäsar", "Dora", "Emil", "Frieda", "Gustav", "Heinrich", "Ida", "Julius", "Kaufmann", "Ludwig",
                        "Martha", "Nordpol", "Otto", "Paula", "Quelle", "Richard", "Samuel", "Theodor", "Ulrich", "Viktor", "Wilhelm",
                        "Xanthippe", "Ypsilon", "Zacharias"]
    static let syllables = ["ka", "lo", "mi", "ne", "su", "ra", "to", "vi", "we", "zo", "ber", "dan", "gor", "hel", "jan", "kov", "lin"]

    public static func write(entries: Int, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let out = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer { try? out.close() }
        var buffer = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<export xmlns=\"http://eu.europa.ec/fpi/fsd/export\" generationDate=\"2026-11-28T17:03:22.116+01:00\" globalFileId=\"1\">\n"
        for n in 1...entries {
            let family = (0..<3).map { syllables[(n / (1 + $0 * 17) + $0 * 5) % syllables.count] }.joined().capitalized
            let given = first[n % first.count]
            buffer += """
                <sanctionEntity designationDetails="" unitedNationId="" euReferenceNumber="EU.\(n).00" logicalId="EU-\(n)">
                <regulation regulationType="regulation" organisationType="council" publicationDate="2026-01-15" entryIntoForceDate="2026-01-16" numberTitle="2026/\(n % 900) (OJ L \(n % 900))" programme="TST" logicalId="R-\(n)"/>
                <subjectType code="person" classificationCode="P"/>
                <nameAlias firstName="\(given)" lastName="\(family)" wholeName="\(given) \(family)" gender="" nameLanguage="" strong="true" regulationLanguage="en" logicalId="A-\(n)-1"/>
                <nameAlias firstName="\(given)" lastName="\(family)ov" wholeName="\(given) \(family)ov" gender="" nameLanguage="RU" strong="false" regulationLanguage="en" logicalId="A-\(n)-2"/>
                <nameAlias wholeName="Person \(n) Beispielname" strong="false" regulationLanguage="en" logicalId="A-\(n)-3"/>
                <citizenship region="" countryIso2Code="XX" countryDescription="INVENTED" regulationLanguage="en" logicalId="C-\(n)"/>
                <birthdate circa="false" calendarType="GREGORIAN" birthdate="19\(50 + n % 50)-0\(1 + n % 9)-1\(n % 10)" year="19\(50 + n % 50)" regulationLanguage="en" logicalId="B-\(n)"/>
                </sanctionEntity>

                """
            if buffer.utf8.count > 1 << 20 {
                try out.write(contentsOf: Data(buffer.utf8))
                buffer = ""
            }
        }
        buffer += "</export>\n"
        try out.write(contentsOf: Data(buffer.utf8))
    }
}

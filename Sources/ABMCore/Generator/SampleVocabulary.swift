/// Word lists for believable sample programmes.
enum SampleVocabulary {
    static let namePrefixes = [
        "North", "Blue", "Iron", "Silver", "Cedar", "Harbor", "Summit", "Quantum", "Atlas", "Lumen",
        "Granite", "Maple", "Falcon", "Crescent", "Pioneer", "Beacon", "Vertex", "Orchid", "Copper",
        "Redwood", "Aurora", "Meridian", "Sterling", "Evergreen", "Keystone", "Nimbus", "Polar",
        "Riverside", "Stellar", "Tidal",
    ]
    static let nameSuffixes = [
        "wind", "stone", "field", "bridge", "works", "point", "gate", "line", "wave", "peak", "crest",
        "vale", "forge", "light", "path", "ridge", "mark", "port", "view", "shore",
    ]
    static let sectors = [
        "Analytics", "Logistics", "Health", "Systems", "Foods", "Energy", "Bank", "Insurance",
        "Retail", "Media", "Pharma", "Telecom", "Software", "Robotics", "Materials", "Capital",
        "Mobility", "Networks", "Labs", "Foundry",
    ]
    static let legalForms = ["Inc", "Ltd", "GmbH", "AG", "SA", "BV", "plc", "Corp", "Group", "LLC"]
    /// Names with accents, CJK and a combining character, so every screen is tried with them.
    static let internationalNames = [
        "Müller Logistik GmbH", "株式会社さくらシステムズ", "Café Olé Distribución SA",
        "Société Générale d’Énergie", "Øresund Maritime A/S", "Zürich Präzision AG",
        "北京数据科技有限公司", "Łódź Manufaktura sp. z o.o.", "São Paulo Agrícola Ltda",
        "Crème Brûle\u{301}e Foods",
    ]
    static let industries = [
        "Software", "Financial Services", "Healthcare", "Manufacturing", "Retail", "Logistics",
        "Energy", "Media", "Telecommunications", "Public Sector",
    ]
    static let regions = ["NA", "EMEA", "APAC", "LATAM"]
    static let topLevelDomains = ["NA": "com", "EMEA": "eu", "APAC": "asia", "LATAM": "lat"]
    static let aeNames = [
        "dana", "miguel", "priya", "tom", "yuki", "amara", "lars", "fatima", "noah", "chen", "ines",
        "kofi", "sofia", "ravi", "hannah", "mateo", "aiko", "omar", "elena", "jonas",
    ]
    static let sdrNames = ["alex", "sam", "jordan", "riley", "casey", "morgan", "quinn", "avery"]
    static let firstNames = [
        "Ava", "Ben", "Carla", "David", "Emma", "Felix", "Grace", "Hugo", "Isla", "Jack", "Kira",
        "Liam", "Mia", "Nora", "Oscar", "Paula", "Quentin", "Rosa", "Sven", "Tara", "Uma", "Victor",
        "Wen", "Ximena", "Yusuf", "Zoë", "José", "Søren", "Aylin", "Björn",
    ]
    static let lastNames = [
        "Adams", "Becker", "Costa", "Dubois", "Evans", "Fischer", "García", "Hansen", "Ito", "Jensen",
        "Kowalski", "Lopez", "Martin", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Schmidt",
        "Tanaka", "Usman", "Varga", "Weber", "Xu", "Yilmaz", "Zimmermann", "Müller", "Kjær",
        "O'Brien", "Nguyen",
    ]
    static let topics = [
        "data observability", "cloud cost management", "zero trust security",
        "customer data platform", "supply chain visibility", "revenue operations", "ai governance",
        "data warehouse migration", "endpoint management", "predictive maintenance",
    ]
    /// Titles by buying role (`BuyingRole.index`).
    static let titles: [[String]] = [
        ["CFO", "COO", "CIO", "VP Finance"],
        ["Head of Data", "Principal Engineer", "IT Architect", "Platform Lead"],
        ["Data Analyst", "Operations Manager", "BI Developer"],
        ["Director of Analytics", "Head of Operations", "VP Engineering"],
        ["Finance Manager", "Controller"],
        ["Procurement Lead", "Sourcing Manager"],
        ["Product Manager", "Team Lead"],
        ["Security Officer", "Compliance Manager"],
        ["Manager", "Consultant"],
    ]
    static let stages = ["Discovery", "Qualification", "Proposal", "Negotiation"]
    static let meetingNotes = [
        "Discovery call: pains confirmed", "Demo for the data team", "Pricing discussion",
        "Intro with the champion", "Security review walkthrough",
    ]
    static let decisionNotes = [
        "no response after three sequences", "budget frozen until Q2", "champion left the company",
        "strong signals, moving up", "board approved the project",
    ]

    /// ASCII-only e-mail local part for a name (accents dropped).
    static func emailPart(_ text: String) -> String {
        let folded = text.lowercased().unicodeScalars.compactMap { scalar -> Character? in
            switch scalar {
            case "a"..."z", "0"..."9": return Character(scalar)
            case "ä", "à", "á", "â", "ã", "å": return "a"
            case "ë", "è", "é", "ê": return "e"
            case "ï", "ì", "í", "î": return "i"
            case "ö", "ò", "ó", "ô", "õ", "ø": return "o"
            case "ü", "ù", "ú", "û": return "u"
            case "ç": return "c"
            case "ñ": return "n"
            case "æ": return "a"
            case "ł": return "l"
            default: return nil
            }
        }
        return String(folded)
    }
}

/// A record the in-memory programme cannot hold: it refers to something that does not exist,
/// repeats an id, or carries a time outside `CompactTime`'s range.
///
/// Import (which validates files first) reports these with file, line and column; this error
/// is the engine's own last line of defence and names the record.
public enum ProgrammeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Two accounts with one id.
    case duplicateAccount(id: String)
    /// Two contacts with one id.
    case duplicateContact(id: String)
    /// A record refers to an account id that does not exist.
    case unknownAccount(id: String, record: String)
    /// A touch refers to a contact id that does not exist.
    case unknownContact(id: String, record: String)
    /// A touch's contact works for another account.
    case contactOfAnotherAccount(contact: String, contactAccount: String, record: String)
    /// A time outside 1951-12-13 … 2088-01-19.
    case timeOutOfRange(Instant, record: String)
    /// An intent score outside 0–100.
    case scoreOutOfRange(Int, record: String)
    /// Touches or intent staged apart from the builder that do not fit it (a loader's mistake).
    case stagedRecordsDoNotFit(String)

    /// What is wrong, naming the record.
    public var description: String {
        switch self {
        case .duplicateAccount(let id):
            return "account \"\(id)\" appears twice; account ids must be unique"
        case .duplicateContact(let id):
            return "contact \"\(id)\" appears twice; contact ids must be unique"
        case .unknownAccount(let id, let record):
            return "\(record) refers to account \"\(id)\", which does not exist; import the account first"
        case .unknownContact(let id, let record):
            return "\(record) refers to contact \"\(id)\", which does not exist; import the contact first"
        case .contactOfAnotherAccount(let contact, let contactAccount, let record):
            return
                "\(record) names contact \"\(contact)\", who belongs to account \"\(contactAccount)\"; a touch's contact must belong to the touched account"
        case .timeOutOfRange(let instant, let record):
            return
                "\(record) is dated \(instant.iso8601); times must lie between \(CompactTime.earliest.isoDate) and \(CompactTime.latest.isoDate)"
        case .scoreOutOfRange(let score, let record):
            return "\(record) has score \(score); intent scores run from 0 to 100"
        case .stagedRecordsDoNotFit(let reason):
            return "staged records do not fit the programme: \(reason)"
        }
    }
}

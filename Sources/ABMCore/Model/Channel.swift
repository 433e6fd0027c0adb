/// A touch's channel (SPEC §1); the raw value is the CSV spelling.
public enum Channel: String, CaseIterable, Sendable, Hashable, Codable {
    case web, display, linkedin, email, content
    case directMail = "direct_mail"
    case webinar, event, phone
    case salesEmail = "sales_email"
    case meeting

    /// A dense index 0..<11, the order of `allCases`; used by the columnar touch store.
    public var index: Int {
        switch self {
        case .web: 0
        case .display: 1
        case .linkedin: 2
        case .email: 3
        case .content: 4
        case .directMail: 5
        case .webinar: 6
        case .event: 7
        case .phone: 8
        case .salesEmail: 9
        case .meeting: 10
        }
    }

    /// The channel with dense index `index` (see `index`).
    public init?(index: Int) {
        switch index {
        case 0: self = .web
        case 1: self = .display
        case 2: self = .linkedin
        case 3: self = .email
        case 4: self = .content
        case 5: self = .directMail
        case 6: self = .webinar
        case 7: self = .event
        case 8: self = .phone
        case 9: self = .salesEmail
        case 10: self = .meeting
        default: return nil
        }
    }

    /// The spellings, for error messages: `web, display, …, meeting`.
    public static var spellings: String {
        allCases.map(\.rawValue).joined(separator: ", ")
    }
}

/// Whether a touch is the account engaging (`inbound`) or us reaching them (`outbound`).
public enum Direction: String, CaseIterable, Sendable, Hashable, Codable {
    case inbound, outbound
}

import ABMCore

/// The log-a-touch form (`l`): channel, direction and contact are chosen with ←/→, topic and
/// note are typed; Enter logs the touch, Esc cancels.
public struct TouchForm: Sendable, Hashable {
    /// The form's fields, in order.
    public enum Field: Int, CaseIterable, Sendable, Hashable {
        case channel, direction, contact, topic, note
    }

    /// A contact that can be chosen.
    public struct ContactChoice: Sendable, Hashable {
        /// The contact's id.
        public var id: String
        /// How it is shown (`C-000551 Søren Okafor · champion`).
        public var label: String
    }

    /// The account the touch is for.
    public var accountId: String
    /// The account's name, for the title.
    public var accountName: String
    /// The channel.
    public var channel: Channel = .meeting
    /// The direction.
    public var direction: Direction = .outbound
    /// The account's active contacts.
    public var contacts: [ContactChoice]
    /// The chosen contact: an index into `contacts`, `nil` for none.
    public var contact: Int?
    /// What it was about.
    public var topic = ""
    /// A note.
    public var note = ""
    /// The field being edited.
    public var field: Field = .channel

    /// An empty form for an account.
    public init(accountId: String, accountName: String, contacts: [ContactChoice]) {
        self.accountId = accountId
        self.accountName = accountName
        self.contacts = contacts
    }

    /// The touch the form describes.
    public var request: TouchRequest {
        func optional(_ text: String) -> String? {
            let trimmed = text.trimmingCharacters(in: " ")
            return trimmed.isEmpty ? nil : trimmed
        }
        return TouchRequest(
            accountId: accountId, channel: channel, direction: direction,
            contactId: contact.map { contacts[$0].id }, topic: optional(topic), note: optional(note))
    }

    /// The field's value as shown.
    public func value(of field: Field) -> String {
        switch field {
        case .channel: return channel.rawValue
        case .direction: return direction.rawValue
        case .contact: return contact.map { contacts[$0].label } ?? "none"
        case .topic: return topic
        case .note: return note
        }
    }

    /// Steps a choice field by `delta` (wrapping); text fields are unchanged.
    mutating func step(by delta: Int) {
        func wrapped(_ value: Int, _ count: Int) -> Int { ((value % count) + count) % count }
        switch field {
        case .channel:
            let all = Channel.allCases
            channel = all[wrapped((all.firstIndex(of: channel) ?? 0) + delta, all.count)]
        case .direction:
            direction = direction == .inbound ? .outbound : .inbound
        case .contact:
            // Positions: 0 is "none", then the contacts.
            let position = wrapped((contact.map { $0 + 1 } ?? 0) + delta, contacts.count + 1)
            contact = position == 0 ? nil : position - 1
        case .topic, .note: break
        }
    }
}

/// A touch the board asks its host to log, as the board's user.
public struct TouchRequest: Sendable, Hashable {
    /// The account's id.
    public var accountId: String
    /// The channel.
    public var channel: Channel
    /// Inbound or outbound.
    public var direction: Direction
    /// The contact's id, if any.
    public var contactId: String?
    /// What it was about.
    public var topic: String?
    /// A note.
    public var note: String?
}

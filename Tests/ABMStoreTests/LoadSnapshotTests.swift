import ABMCore
import Foundation
import Testing

@testable import ABMPostgresStore
@testable import ABMSQLiteStore
@testable import ABMStore

/// The board loads touches and intent on a second core, in a read transaction of its own,
/// while it reads the rest; what it builds must still be one revision of the store.
@Suite("loading while others write")
struct LoadSnapshotTests {
    @Test("every load during a stream of logged touches is one consistent revision", arguments: Backend.all)
    func loadsDuringWrites(backend: Backend) throws {
        let fixture = try SmallProgramme.fixture(backend)
        let store = fixture.store
        let writes = 150
        let finished = DispatchSemaphore(value: 0)
        let failures = LockedList()
        Thread.detachNewThread {
            // Each touch names a topic and a person never seen before: a load that took its
            // touches from a later revision than its terms would show them empty.
            for number in 0..<writes {
                do {
                    _ = try store.logTouch(
                        NewTouch(
                            accountId: "A1", channel: .meeting, contactId: "C1", by: "person-\(number)",
                            topic: "topic-\(number)", note: "meeting \(number)"),
                        stamp: .now)
                } catch {
                    failures.append("write \(number): \(error)")
                }
            }
            finished.signal()
        }
        // On PostgreSQL a touch's `by` is the login's person, whatever `by` says.
        let recorder = backend == .postgres ? try fixture.recorder(claimed: "") : nil
        var loads = 0
        var done = false
        while !done {
            done = finished.wait(timeout: .now()) == .success
            let programme = try store.loadProgramme()
            loads += 1
            let index = try #require(programme.index(ofAccount: "A1"))
            let logged = programme.touches(of: index).filter { $0.id.hasPrefix("L-") }
            for touch in logged {
                let number = touch.note.map { $0.dropFirst("meeting ".count) } ?? "?"
                guard touch.topic == "topic-\(number)", touch.by == (recorder ?? "person-\(number)"),
                    touch.contactId == "C1"
                else {
                    failures.append("load \(loads): touch \(touch.id) came back as \(touch)")
                    break
                }
            }
        }
        #expect(failures.items.isEmpty, "\(failures.items.prefix(3))")
        let final = try store.loadProgramme()
        let index = try #require(final.index(ofAccount: "A1"))
        #expect(final.touches(of: index).filter { $0.id.hasPrefix("L-") }.count == writes)
        #expect(loads > 1)
    }
}

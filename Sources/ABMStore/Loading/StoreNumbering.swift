import ABMCore

/// What the loader learned about the store's numbering, to number staged touches the
/// builder's way.
package struct StoreNumbering {
    /// The revision read.
    package var revision: Int64
    /// Store account number → builder index (−1: none).
    package var accountIndex: [Int32]
    /// Store contact number → builder staging number (−1: none).
    package var contactStaging: [Int32]
    /// Store term number → text ("" for a number without a term).
    package var terms: [String]

    /// What the loader learned.
    package init(revision: Int64, accountIndex: [Int32], contactStaging: [Int32], terms: [String]) {
        self.revision = revision
        self.accountIndex = accountIndex
        self.contactStaging = contactStaging
        self.terms = terms
    }

    /// Adds the staged blocks to `builder` and builds the programme.
    package func finish(_ builder: consuming ProgrammeBuilder, adding blocks: StagedBlocks, phases: (String) -> Void)
        throws(StoreError) -> Programme
    {
        // Store term numbers become the builder's topic and people numbers as they are met,
        // then each staged label becomes the builder's label.
        var topics = [Int32](repeating: -1, count: terms.count)
        var people = [Int32](repeating: -1, count: terms.count)
        for term in blocks.intent.topic where term >= 0 && Int(term) < terms.count && topics[Int(term)] < 0 {
            topics[Int(term)] = builder.internTopic(terms[Int(term)])
        }
        var labels: [Int32] = []
        labels.reserveCapacity(blocks.labels.count)
        for pair in blocks.labels {
            var topic: Int32 = -1
            var by: Int32 = -1
            if pair.topic >= 0 && Int(pair.topic) < terms.count {
                if topics[Int(pair.topic)] < 0 { topics[Int(pair.topic)] = builder.internTopic(terms[Int(pair.topic)]) }
                topic = topics[Int(pair.topic)]
            }
            if pair.by >= 0 && Int(pair.by) < terms.count {
                if people[Int(pair.by)] < 0 { people[Int(pair.by)] = builder.internPerson(terms[Int(pair.by)]) }
                by = people[Int(pair.by)]
            }
            labels.append(builder.touchLabel(topic: topic, by: by))
        }
        var touches = blocks.touches
        touches.renumber(contacts: contactStaging, labels: labels)
        var intent = blocks.intent
        intent.renumber(topics: topics)
        do {
            try builder.addTouches(touches, accounts: accountIndexes(of: blocks.touchRuns, count: touches.count))
            try builder.addIntent(intent, accounts: accountIndexes(of: blocks.intentRuns, count: intent.count))
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database("\(error)")
        }
        phases("number the touches and intent")
        defer { phases("build the programme") }
        return builder.build()
    }

    /// Each row's builder account index, from runs of store account numbers.
    private func accountIndexes(of runs: [StagedBlocks.Run], count: Int) throws(StoreError) -> [Int32] {
        var accounts = [Int32](reservingCapacity: count)
        for run in runs {
            let index = run.account >= 0 && Int(run.account) < accountIndex.count ? accountIndex[Int(run.account)] : -1
            guard index >= 0 else { throw .database("records of account number \(run.account), which does not exist") }
            accounts.append(contentsOf: repeatElement(index, count: Int(run.count)))
        }
        return accounts
    }
}

import ABMCore

/// Measures the engine on a generated programme: memory a touch, evaluating every account,
/// tier health, one account after a mark, and the score histories (the engine issue's figures).
public struct EngineBenchmark {
    /// What to generate and how often to repeat each measurement.
    public var options: SampleOptions
    /// Repetitions of each whole-programme measurement (the median is reported).
    public var repetitions: Int
    /// Accounts sampled for the single-account measurement.
    public var singleAccountSamples: Int

    /// When set, only this measurement runs.
    public var only: Measurement?

    /// A measurement that can run alone.
    public enum Measurement: String, CaseIterable, Sendable {
        case evaluate, health, histories
    }

    /// A benchmark of `options`.
    public init(options: SampleOptions, repetitions: Int = 5, singleAccountSamples: Int = 1_000) {
        self.options = options
        self.repetitions = repetitions
        self.singleAccountSamples = singleAccountSamples
    }

    /// The figures measured.
    public struct Report: Sendable {
        /// Accounts generated.
        public var accounts = 0
        /// Touches generated.
        public var touches = 0
        /// Intent records generated.
        public var intentRecords = 0
        /// Contacts generated.
        public var contacts = 0
        /// Mark history records generated.
        public var historyRecords = 0
        /// Seconds to generate and build the programme.
        public var generateSeconds = 0.0
        /// Resident memory growth divided by touches.
        public var residentBytesPerTouch = 0.0
        /// The programme's own accounting of its arrays divided by touches.
        public var footprintBytesPerTouch = 0.0
        /// Bytes a touch by part of the programme.
        public var breakdown: [(part: String, bytesPerTouch: Double)] = []
        /// Evaluating every account, in milliseconds.
        public var evaluateAll: Timing = .init()
        /// Tier health from scratch, in milliseconds.
        public var health: Timing = .init()
        /// The 8-point score histories of every account, in milliseconds.
        public var scoreHistories: Timing = .init()
        /// Evaluating one account, in microseconds.
        public var singleAccount: Timing = .init()
        /// Checking and recording a mark, then evaluating its account, in microseconds.
        public var markAndEvaluate: Timing = .init()
    }

    /// A distribution of measured durations.
    public struct Timing: Sendable {
        /// The samples, sorted.
        public var samples: [Double] = []
        /// The median.
        public var median: Double { samples.isEmpty ? 0 : samples[samples.count / 2] }
        /// The smallest.
        public var minimum: Double { samples.first ?? 0 }
        /// The 90th percentile.
        public var p90: Double { samples.isEmpty ? 0 : samples[min(samples.count - 1, samples.count * 9 / 10)] }
        /// The 99th percentile.
        public var p99: Double { samples.isEmpty ? 0 : samples[min(samples.count - 1, samples.count * 99 / 100)] }
        /// The largest.
        public var maximum: Double { samples.last ?? 0 }
    }

    /// Runs every measurement.
    public func run() -> Report {
        var report = Report()
        ResidentMemory.trim()
        let before = ResidentMemory.bytes()
        let clock = ContinuousClock()
        var programme = Programme()
        let generation = clock.measure { programme = SampleGenerator.generate(options) }
        report.generateSeconds = seconds(generation)
        ResidentMemory.trim()
        let after = ResidentMemory.bytes()
        report.accounts = programme.accountCount
        report.touches = programme.touchCount
        report.intentRecords = programme.intentCount
        report.contacts = programme.contacts.count
        report.historyRecords = (0..<programme.accountCount).reduce(0) { $0 + programme.history(of: $1).count }
        report.residentBytesPerTouch = Double(after - before) / Double(max(1, report.touches))
        report.footprintBytesPerTouch = Double(programme.memoryFootprint) / Double(max(1, report.touches))
        report.breakdown = programme.memoryBreakdown.map {
            ($0.part, Double($0.bytes) / Double(max(1, report.touches)))
        }

        let evaluator = Evaluator()
        let asOf = options.asOf
        if only == nil || only == .evaluate {
            report.evaluateAll = timing(repetitions) { _ = evaluator.evaluateAll(programme, asOf: asOf) }
        }
        if only == nil || only == .health {
            report.health = timing(repetitions) { _ = evaluator.health(programme, asOf: asOf) }
        }
        if only == nil || only == .histories {
            report.scoreHistories = timing(max(1, repetitions / 2)) {
                _ = evaluator.scoreHistories(programme, asOf: asOf)
            }
        }
        if only != nil { return report }

        var random = SeededRandom(seed: 99)
        var single: [Double] = []
        var marked: [Double] = []
        let stamp = asOf
        for _ in 0..<singleAccountSamples {
            let index = random.int(0...(programme.accountCount - 1))
            single.append(micros(clock.measure { _ = evaluator.evaluate(account: index, in: programme, asOf: asOf) }))
            let account = programme.accounts[index]
            marked.append(
                micros(
                    clock.measure {
                        let event = HistoryEvent.mark(.work, note: nil)
                        let history = programme.history(of: index)
                        if (try? MarkRules.check(
                            event, at: stamp, account: account.id, history: history,
                            importedTier: account.importedTier)) != nil
                        {
                            try? programme.appendHistory(
                                HistoryRecord(accountId: account.id, at: stamp, by: "bench", event: event))
                        }
                        _ = evaluator.evaluate(account: index, in: programme, asOf: asOf)
                    }))
        }
        report.singleAccount = Timing(samples: single.sorted())
        report.markAndEvaluate = Timing(samples: marked.sorted())
        return report
    }

    private func timing(_ count: Int, _ body: () -> Void) -> Timing {
        let clock = ContinuousClock()
        var samples: [Double] = []
        for _ in 0..<max(1, count) { samples.append(millis(clock.measure(body))) }
        return Timing(samples: samples.sorted())
    }
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

func millis(_ duration: Duration) -> Double { seconds(duration) * 1e3 }

func micros(_ duration: Duration) -> Double { seconds(duration) * 1e6 }

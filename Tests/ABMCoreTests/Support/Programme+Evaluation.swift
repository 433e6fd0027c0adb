import ABMCore
import ABMTestSupport

extension Programme {
    /// The evaluation of account `id` as of `instant` under `playbook`.
    func evaluation(_ id: String, asOf instant: Instant = asOf, playbook: Playbook = Playbook()) -> AccountEvaluation {
        guard let index = index(ofAccount: id) else { preconditionFailure("no account \(id)") }
        return Evaluator(playbook: playbook).evaluate(account: index, in: self, asOf: instant)
    }
}

/// The commented default playbook, compiled into the binary (SPEC §7.8).
///
/// The same text ships as `playbook.example.toml` at the top of the repository; a test keeps
/// the two identical and checks that it parses to `Playbook()`.
public enum PlaybookExample {
    /// The text of `playbook.example.toml`.
    public static let text = """
        # abmboard playbook — the definition alignment document
        #
        # Marketing and sales sign this file. Every number the board shows is computed from these
        # rules, and the board shows the evidence behind each one (`abmboard explain ACCOUNT_ID`).
        # These are the built-in defaults. To change a rule, copy this file to `playbook.toml` beside
        # the database (or pass `--playbook FILE`) and keep only the keys you change.
        #
        # Notation: "within the last N days" means as_of - N days < t <= as_of. Records dated after
        # as-of do not exist for that computation. All times are UTC.

        [score]
        # The engagement score (0-100) measures how much an account engages with us. Only INBOUND
        # touches count: outbound touches are our activity, not theirs.
        #
        #   raw   = sum over inbound touches within lookback_days of
        #             weight[channel] * 0.5 ^ (age_days / half_life_days)
        #         + breadth_weight * clamp(stakeholders_30d - 1, 0, max_breadth)
        #         + intent_weight * peak_intent_30d / 100
        #   score = round(100 * (1 - e^(-raw / saturation)))      (half away from zero)
        lookback_days = 90            # inbound touches older than this do not count
        half_life_days = 14           # a touch counts half after two weeks, a quarter after four
        breadth_weight = 3            # points per extra stakeholder: two people beat one person twice
        max_breadth = 5               # at most 5 extra stakeholders earn points (15 points)
        stakeholder_window_days = 30  # stakeholders_30d: distinct contacts on inbound touches
        intent_weight = 10            # a peak intent score of 100 adds 10 raw points
        intent_window_days = 30       # peak_intent_30d: the highest intent score in this window
        saturation = 40               # raw 40 scores 63; raw 80 scores 86; raw 120 scores 95

        [score.weights]
        # What one inbound touch is worth on each channel, before decay.
        web = 1
        display = 1
        linkedin = 2
        email = 3
        content = 4
        direct_mail = 4
        webinar = 6
        event = 8
        phone = 8
        sales_email = 6
        meeting = 10

        [surge]
        # An account is SURGING when a third-party intent record scored at least `threshold` within
        # the last `window_days`. The board lists the surging topics.
        threshold = 65
        window_days = 7

        [states.engaged]
        # ENGAGED: within the last window_days, at least min_touches inbound touches, from at least
        # min_stakeholders distinct contacts, and (when require_surge) an intent record at or above
        # the surge threshold in the same window. Three form fills from one person are NOT engaged.
        window_days = 30
        min_touches = 3
        min_stakeholders = 2
        require_surge = true

        [states.aware]
        # AWARE: an inbound touch, or an intent record at or above the surge threshold, within the
        # last window_days. Otherwise the account is a TARGET. (Opportunity, customer and expansion
        # come from the CRM's opportunities and win over every rule above.)
        window_days = 90

        [sla]
        # Sales follow-up SLA. A surge (intent at or above the threshold, observed within the last
        # trigger_window_days) on a Tier 1 or Tier 2 account outside the holdout opens a clock; the
        # first outbound touch on one of follow_up_channels at or after it closes the clock.
        # Met = closed within the SLA; late = closed after it; due = open and within it;
        # breached = open and past it; held = open while this week's decision is hold.
        trigger_window_days = 30
        tier1_hours = 24
        tier2_hours = 48
        follow_up_channels = ["phone", "sales_email", "meeting"]
        follow_up_target = 0.60       # follow-up rate = met / (met + late + breached); aim for 60 %

        [review]
        # A TARGET account (nothing inbound, no surge in 90 days) is recommended for demotion once the
        # programme is this many weeks old. The programme starts at campaign_start, or else at the
        # earliest touch on record.
        demote_after_weeks = 6
        # campaign_start = 2026-09-01  # optional; a bare date means 00:00 UTC

        [health]
        # Tier 1 is flagged red when fewer than this share of its accounts are engaged (engaged,
        # opportunity or expansion).
        tier1_engaged_red_flag = 0.20
        # A Tier 1 account with fewer active contacts than this has thin buying-committee coverage.
        min_active_contacts_tier1 = 3
        # The buying roles a full committee has; the account card names those no active contact holds.
        committee_roles = ["economic_buyer", "champion", "technical_evaluator"]

        """
}

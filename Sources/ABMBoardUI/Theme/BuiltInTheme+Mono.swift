extension BuiltInTheme {
    /// The text of `themes/mono.toml`.
    static let monoText = """
        # abmboard theme: mono — attributes only, no colour (what NO_COLOR gives)
        #
        # A theme gives each role (what a cell on the board is: a header, a tier, an SLA status …) its
        # colours and attributes; the board's views name roles, never colours. One table per role:
        #
        #   fg, bg   a colour: "default" (the terminal's own), a name (black, red, green, yellow, blue,
        #            magenta, cyan, white, or one of them after bright_, e.g. "bright_red"), an index
        #            0–255 of the 256-colour palette, or "#rrggbb"
        #   attrs    a list of bold, dim, reverse, underline, italic
        #
        # In a table, a colour left out is the terminal's own and attrs left out means none. A role
        # left out of a theme file takes the default theme's style. A 256-colour terminal shows
        # "#rrggbb" as the nearest palette colour; an 8-colour terminal shows every colour as the
        # nearest of the eight. NO_COLOR turns colour off (the mono theme).
        #
        # To make your own: copy this file to ~/.config/abmboard/themes/NAME.toml, change it, and pick
        # it with `abmboard --theme NAME` or `theme = "NAME"` in ~/.config/abmboard/config.toml.

        # Ordinary text: account names, owners, scores.
        [text]
        attrs = []

        # Secondary text: account ids, hints, removed accounts, SLA "none".
        [dim]
        attrs = ["dim"]

        # The table header: the column titles along the top.
        [header]
        attrs = ["bold", "underline"]

        # The selected row (the whole row takes this style).
        [selected]
        attrs = ["reverse", "bold"]

        # A row another process just changed, highlighted for a moment.
        [changed]
        attrs = ["reverse"]

        # The status bar: store, as-of, review week, user, decisions made.
        [status_bar]
        attrs = ["reverse"]

        # The footer listing the keys.
        [footer]
        attrs = ["dim"]

        # A message in the status bar saying something was refused or went wrong.
        [error]
        attrs = ["reverse", "bold"]

        # The Tier 1 label (T1).
        [tier_1]
        attrs = ["bold"]

        # The Tier 2 label (T2).
        [tier_2]
        attrs = []

        # The Tier 3 label (T3).
        [tier_3]
        attrs = ["dim"]

        # Demand state "target": nothing from the account yet.
        [target]
        attrs = ["dim"]

        # Demand state "aware": an inbound touch or surging intent in the last 90 days.
        [aware]
        attrs = []

        # Demand state "engaged": several inbound touches from several people, lately.
        [engaged]
        attrs = ["bold"]

        # Demand state "opportunity": an open opportunity.
        [opportunity]
        attrs = ["bold", "underline"]

        # Demand state "customer": a won opportunity.
        [customer]
        attrs = []

        # Demand state "expansion": a customer with an open expansion opportunity.
        [expansion]
        attrs = ["underline"]

        # The surge marker (▲): intent above the surge threshold this week.
        [surge]
        attrs = ["bold"]

        # SLA "due": a sales follow-up is owed and there is still time.
        [sla_due]
        attrs = ["underline"]

        # SLA "breached": a sales follow-up is owed and overdue.
        [sla_breached]
        attrs = ["bold", "reverse"]

        # SLA "met": the follow-up came in time.
        [sla_met]
        attrs = []

        # SLA "late": the follow-up came after the deadline.
        [sla_late]
        attrs = ["bold"]

        # SLA "held": the clock is paused by this week's hold decision.
        [sla_held]
        attrs = ["dim", "italic"]

        # A red flag in tier health.
        [red_flag]
        attrs = ["bold", "reverse"]

        # The score sparkline of the last eight weeks.
        [sparkline]
        attrs = []

        # The bars in tier health.
        [bar]
        attrs = ["bold"]

        """
}

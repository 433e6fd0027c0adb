extension BuiltInTheme {
    /// The text of `themes/high-contrast.toml`.
    static let highContrastText = """
        # abmboard theme: high-contrast — bright colours on black, bars in reverse
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
        fg = "bright_white"
        bg = "black"
        attrs = []

        # Secondary text: account ids, hints, removed accounts, SLA "none".
        [dim]
        fg = "white"
        bg = "black"
        attrs = []

        # The table header: the column titles along the top.
        [header]
        fg = "black"
        bg = "bright_yellow"
        attrs = ["bold"]

        # The selected row (the whole row takes this style).
        [selected]
        fg = "black"
        bg = "bright_white"
        attrs = ["bold"]

        # A row another process just changed, highlighted for a moment.
        [changed]
        fg = "black"
        bg = "bright_cyan"
        attrs = ["bold"]

        # The status bar: store, as-of, review week, user, decisions made.
        [status_bar]
        fg = "black"
        bg = "bright_white"
        attrs = []

        # The footer listing the keys.
        [footer]
        fg = "bright_white"
        bg = "black"
        attrs = ["bold"]

        # A message in the status bar saying something was refused or went wrong.
        [error]
        fg = "bright_white"
        bg = "red"
        attrs = ["bold"]

        # The Tier 1 label (T1).
        [tier_1]
        fg = "bright_magenta"
        bg = "black"
        attrs = ["bold"]

        # The Tier 2 label (T2).
        [tier_2]
        fg = "bright_cyan"
        bg = "black"
        attrs = ["bold"]

        # The Tier 3 label (T3).
        [tier_3]
        fg = "bright_white"
        bg = "black"
        attrs = []

        # Demand state "target": nothing from the account yet.
        [target]
        fg = "white"
        bg = "black"
        attrs = []

        # Demand state "aware": an inbound touch or surging intent in the last 90 days.
        [aware]
        fg = "bright_blue"
        bg = "black"
        attrs = ["bold"]

        # Demand state "engaged": several inbound touches from several people, lately.
        [engaged]
        fg = "bright_green"
        bg = "black"
        attrs = ["bold"]

        # Demand state "opportunity": an open opportunity.
        [opportunity]
        fg = "bright_yellow"
        bg = "black"
        attrs = ["bold"]

        # Demand state "customer": a won opportunity.
        [customer]
        fg = "bright_cyan"
        bg = "black"
        attrs = ["bold"]

        # Demand state "expansion": a customer with an open expansion opportunity.
        [expansion]
        fg = "bright_magenta"
        bg = "black"
        attrs = ["bold"]

        # The surge marker (▲): intent above the surge threshold this week.
        [surge]
        fg = "bright_red"
        bg = "black"
        attrs = ["bold"]

        # SLA "due": a sales follow-up is owed and there is still time.
        [sla_due]
        fg = "bright_yellow"
        bg = "black"
        attrs = ["bold"]

        # SLA "breached": a sales follow-up is owed and overdue.
        [sla_breached]
        fg = "bright_white"
        bg = "red"
        attrs = ["bold"]

        # SLA "met": the follow-up came in time.
        [sla_met]
        fg = "bright_green"
        bg = "black"
        attrs = ["bold"]

        # SLA "late": the follow-up came after the deadline.
        [sla_late]
        fg = "bright_yellow"
        bg = "black"
        attrs = ["underline"]

        # SLA "held": the clock is paused by this week's hold decision.
        [sla_held]
        fg = "white"
        bg = "black"
        attrs = ["italic"]

        # A red flag in tier health.
        [red_flag]
        fg = "bright_white"
        bg = "red"
        attrs = ["bold"]

        # The score sparkline of the last eight weeks.
        [sparkline]
        fg = "bright_cyan"
        bg = "black"
        attrs = ["bold"]

        # The bars in tier health.
        [bar]
        fg = "bright_blue"
        bg = "black"
        attrs = ["bold"]

        """
}

extension BuiltInTheme {
    /// The text of `themes/light.toml`.
    static let lightText = """
        # abmboard theme: light — for a light terminal background (256 colours; falls back to 8)
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
        fg = "default"
        bg = "default"
        attrs = []

        # Secondary text: account ids, hints, removed accounts, SLA "none".
        [dim]
        fg = "#585858"
        bg = "default"
        attrs = []

        # The table header: the column titles along the top.
        [header]
        fg = "#ffffff"
        bg = "#005faf"
        attrs = ["bold"]

        # The selected row (the whole row takes this style).
        [selected]
        fg = "#000000"
        bg = "#afd7ff"
        attrs = ["bold"]

        # A row another process just changed, highlighted for a moment.
        [changed]
        fg = "#000000"
        bg = "#ffff5f"
        attrs = []

        # The status bar: store, as-of, review week, user, decisions made.
        [status_bar]
        fg = "#ffffff"
        bg = "#4e4e4e"
        attrs = []

        # The footer listing the keys.
        [footer]
        fg = "#585858"
        bg = "default"
        attrs = []

        # A message in the status bar saying something was refused or went wrong.
        [error]
        fg = "#ffffff"
        bg = "#d70000"
        attrs = ["bold"]

        # The Tier 1 label (T1).
        [tier_1]
        fg = "#af0087"
        bg = "default"
        attrs = ["bold"]

        # The Tier 2 label (T2).
        [tier_2]
        fg = "#005faf"
        bg = "default"
        attrs = []

        # The Tier 3 label (T3).
        [tier_3]
        fg = "#4e4e4e"
        bg = "default"
        attrs = []

        # Demand state "target": nothing from the account yet.
        [target]
        fg = "#585858"
        bg = "default"
        attrs = []

        # Demand state "aware": an inbound touch or surging intent in the last 90 days.
        [aware]
        fg = "#0000d7"
        bg = "default"
        attrs = []

        # Demand state "engaged": several inbound touches from several people, lately.
        [engaged]
        fg = "#008700"
        bg = "default"
        attrs = ["bold"]

        # Demand state "opportunity": an open opportunity.
        [opportunity]
        fg = "#d78700"
        bg = "default"
        attrs = ["bold"]

        # Demand state "customer": a won opportunity.
        [customer]
        fg = "#008787"
        bg = "default"
        attrs = []

        # Demand state "expansion": a customer with an open expansion opportunity.
        [expansion]
        fg = "#8700af"
        bg = "default"
        attrs = ["bold"]

        # The surge marker (▲): intent above the surge threshold this week.
        [surge]
        fg = "#d70000"
        bg = "default"
        attrs = ["bold"]

        # SLA "due": a sales follow-up is owed and there is still time.
        [sla_due]
        fg = "#af8700"
        bg = "default"
        attrs = []

        # SLA "breached": a sales follow-up is owed and overdue.
        [sla_breached]
        fg = "#d70000"
        bg = "default"
        attrs = ["bold"]

        # SLA "met": the follow-up came in time.
        [sla_met]
        fg = "#008700"
        bg = "default"
        attrs = []

        # SLA "late": the follow-up came after the deadline.
        [sla_late]
        fg = "#af5f00"
        bg = "default"
        attrs = []

        # SLA "held": the clock is paused by this week's hold decision.
        [sla_held]
        fg = "#585858"
        bg = "default"
        attrs = ["italic"]

        # A red flag in tier health.
        [red_flag]
        fg = "#ffffff"
        bg = "#d70000"
        attrs = ["bold"]

        # The score sparkline of the last eight weeks.
        [sparkline]
        fg = "#005faf"
        bg = "default"
        attrs = []

        # The bars in tier health.
        [bar]
        fg = "#0087af"
        bg = "default"
        attrs = []

        """
}

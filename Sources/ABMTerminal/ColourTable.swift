import ABMBoardUI
import CNcursesw

/// The default dark theme's colours and attributes by role, as ncurses colour pairs (the
/// 8 basic colours, so they work on every terminal). With colour off, attributes only.
struct ColourTable {
    /// How a role is drawn.
    struct Style {
        var attributes: attr_t
        var pair: Int32
    }

    private var styles: [Role: Style] = [:]

    init(enabled: Bool) {
        let plan: [(Role, Int32, Int32, attr_t)] = [
            (.text, -1, -1, abm_a_normal()), (.dim, -1, -1, abm_a_dim()),
            (.header, Int32(COLOR_WHITE), Int32(COLOR_BLUE), abm_a_bold()),
            (.selected, Int32(COLOR_BLACK), Int32(COLOR_CYAN), abm_a_reverse()),
            (.changed, Int32(COLOR_BLACK), Int32(COLOR_YELLOW), abm_a_bold()),
            (.statusBar, Int32(COLOR_BLACK), Int32(COLOR_WHITE), abm_a_reverse()),
            (.footer, -1, -1, abm_a_dim()), (.error, Int32(COLOR_WHITE), Int32(COLOR_RED), abm_a_bold()),
            (.tier1, Int32(COLOR_MAGENTA), -1, abm_a_bold()), (.tier2, Int32(COLOR_CYAN), -1, abm_a_normal()),
            (.tier3, -1, -1, abm_a_normal()), (.target, -1, -1, abm_a_dim()),
            (.aware, Int32(COLOR_BLUE), -1, abm_a_normal()), (.engaged, Int32(COLOR_GREEN), -1, abm_a_bold()),
            (.opportunity, Int32(COLOR_YELLOW), -1, abm_a_bold()), (.customer, Int32(COLOR_CYAN), -1, abm_a_normal()),
            (.expansion, Int32(COLOR_MAGENTA), -1, abm_a_normal()), (.surge, Int32(COLOR_RED), -1, abm_a_bold()),
            (.slaDue, Int32(COLOR_YELLOW), -1, abm_a_normal()), (.slaBreached, Int32(COLOR_RED), -1, abm_a_bold()),
            (.slaMet, Int32(COLOR_GREEN), -1, abm_a_normal()), (.slaLate, Int32(COLOR_YELLOW), -1, abm_a_dim()),
            (.slaHeld, -1, -1, abm_a_dim()), (.redFlag, Int32(COLOR_RED), -1, abm_a_bold()),
            (.sparkline, Int32(COLOR_GREEN), -1, abm_a_normal()), (.bar, Int32(COLOR_BLUE), -1, abm_a_normal()),
        ]
        if enabled {
            start_color()
            use_default_colors()
        }
        var next: Int32 = 1
        for (role, foreground, background, attributes) in plan {
            guard enabled else {
                let plain: attr_t =
                    [Role.selected, .statusBar, .changed, .error].contains(role) ? abm_a_reverse() : attributes
                styles[role] = Style(attributes: plain, pair: 0)
                continue
            }
            init_pair(Int16(next), Int16(foreground), Int16(background))
            let keep: attr_t = role == .selected || role == .statusBar ? abm_a_bold() : attributes
            styles[role] = Style(attributes: keep, pair: next)
            next += 1
        }
    }

    func style(for role: Role) -> Style {
        styles[role] ?? Style(attributes: abm_a_normal(), pair: 0)
    }
}

/// The report's one style sheet, inline: a single column at most 760 px wide for mail clients,
/// system fonts only, and print rules for one or two A4 or Letter pages.
enum HTMLStyle {
    static let css = """
        body { margin: 0; background: #ffffff; color: #1a1a1a;
          font: 14px/1.4 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Helvetica, Arial, sans-serif; }
        .page { max-width: 760px; margin: 0 auto; padding: 16px 20px 24px; }
        h1 { font-size: 22px; margin: 4px 0 2px; color: #14285f; }
        h2 { font-size: 17px; margin: 22px 0 6px; padding-bottom: 2px; border-bottom: 2px solid #14285f;
          color: #14285f; }
        h3 { font-size: 14px; margin: 14px 0 4px; }
        p { margin: 4px 0 8px; }
        .sub { color: #444444; margin-top: 0; }
        .quiet { color: #555555; font-weight: normal; }
        ul.glance { margin: 8px 0 4px; padding-left: 20px; }
        ul.glance li { margin: 2px 0; }
        .alert { color: #b00020; font-weight: 600; }
        li.alert { color: inherit; font-weight: normal; }
        li.alert strong { color: #b00020; }
        table { border-collapse: collapse; width: 100%; margin: 4px 0 10px; font-size: 12.5px; }
        th, td { text-align: left; vertical-align: top; padding: 2px 6px; border-bottom: 1px solid #dddddd;
          overflow-wrap: break-word; }
        thead th { border-bottom: 1.5px solid #555555; font-weight: 600; vertical-align: bottom; white-space: nowrap; }
        td.note, .acct { overflow-wrap: anywhere; }
        .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.id, td.when, .id { white-space: nowrap; }
        table.decisions th.owner { width: 92px; font-weight: 600; }
        table.decisions th.owner .quiet { font-size: 11.5px; white-space: nowrap; }
        table.decisions div { margin: 1px 0; padding-left: 76px; text-indent: -76px; }
        .acct { white-space: normal; }
        .kind { display: inline-block; width: 72px; margin-right: 4px; text-indent: 0; font-weight: 600;
          white-space: nowrap; }
        .kind-promote, .kind-demote { color: #14285f; }
        .note { color: #333333; font-style: italic; }
        table.health thead th { font-size: 11.5px; white-space: normal; }
        table.health td, table.health th { padding: 2px 4px; }
        table.health .sep { border-left: 1px solid #999999; }
        table.health th.span { text-align: center; font-weight: normal; color: #444444; border-bottom: 1px solid #bbbbbb; }
        table.health thead th:first-child { font-size: 12.5px; color: #14285f; }
        table.narrow { width: auto; min-width: 50%; }
        .new { font-weight: 600; color: #b00020; }
        .none { color: #555555; font-style: italic; }
        figure { margin: 8px 0 12px; }
        figcaption { font-size: 12px; color: #444444; margin-bottom: 2px; }
        svg { display: block; max-width: 100%; height: auto; }
        .foot { margin-top: 18px; padding-top: 6px; border-top: 1px solid #cccccc; font-size: 11px;
          color: #555555; }
        @media print {
          @page { margin: 9mm 11mm; }
          body { font-size: 8pt; line-height: 1.2; }
          .page { max-width: none; padding: 0; }
          h1 { font-size: 14pt; margin: 0; }
          h2 { font-size: 10.5pt; margin: 6px 0 2px; break-after: avoid; page-break-after: avoid; }
          h3 { font-size: 8.5pt; margin: 5px 0 2px; break-after: avoid; page-break-after: avoid; }
          p { margin: 2px 0 4px; }
          p.lead { break-after: avoid; page-break-after: avoid; }
          ul.glance { margin: 4px 0 2px; }
          ul.glance li { margin: 0; }
          table { font-size: 7.2pt; margin: 2px 0 4px; }
          th, td { padding: 0.5px 4px; }
          table.decisions th.owner { width: 64px; }
          table.decisions th.owner .quiet { font-size: 7pt; }
          table.decisions div { padding-left: 52px; text-indent: -52px; }
          .kind { width: 50px; margin-right: 2px; }
          table.health, table.moves, figure { break-inside: avoid; page-break-inside: avoid; }
          table.health thead th, table.health thead th:first-child { font-size: 7.5pt; }
          tr { break-inside: avoid; page-break-inside: avoid; }
          figure { margin: 2px 0 4px; }
          figure svg { max-width: 128mm; }
          figcaption { font-size: 7.5pt; }
          .foot { font-size: 7pt; margin-top: 6px; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}

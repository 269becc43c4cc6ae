"""The statistics as one SVG picture, drawn on the server from the already-protected tables.

Two panels: cases opened per month stacked by risk level, and the share of response targets met
on time per lead agency and level. Only what the tables show is drawn: where a month's level
counts are withheld, the part of its (visible) total they make up is drawn hatched as
"withheld"; where the total itself is withheld, nothing is drawn for that month. Every text is
XML-escaped; the picture has a <title> and <desc> for screen readers.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

COLOURS = {"standard": "#4c78a8", "medium": "#f2a541", "high": "#c0392b"}
WIDTH = 880
LEFT, RIGHT = 70, 20


def _attr(value: object) -> str:
    return escape(str(value), {'"': "&quot;"})


def _bars(table: dict, top: int) -> tuple[list[str], int]:
    out: list[str] = []
    months, levels = table["rows"], table["columns"]
    height = 220
    totals = [t if isinstance(t, int) else None for t in table.get("row_totals", [])]
    peak = max([t for t in totals if t] + [1])
    n = max(len(months), 1)
    plot_w = WIDTH - LEFT - RIGHT
    step = plot_w / n
    bar_w = max(step * 0.7, 1.0)
    base = top + height
    out.append(f'<text x="{LEFT}" y="{top - 12}" class="h">{escape(table["title"])}</text>')
    for frac in (0, 0.5, 1):
        y = base - frac * height
        out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
                   'class="grid"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" class="axis" text-anchor="end">'
                   f'{round(peak * frac)}</text>')
    for i, month in enumerate(months):
        x = LEFT + i * step + (step - bar_w) / 2
        total = totals[i] if i < len(totals) else None
        label = [f"{month}: total {table['row_totals'][i]}"]
        if total is None:
            out.append(f'<text x="{x + bar_w / 2:.1f}" y="{base - 4}" class="axis" '
                       f'text-anchor="middle">?</text>')
        else:
            y = base
            shown = 0
            for level, value in zip(levels, table["cells"][i], strict=True):
                label.append(f"{level} {value}")
                if not isinstance(value, int) or value == 0:
                    continue
                h = value / peak * height
                y -= h
                shown += value
                out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                           f'fill="{COLOURS.get(level, "#888")}"/>')
            rest = total - shown
            if rest > 0:
                h = rest / peak * height
                out.append(f'<rect x="{x:.1f}" y="{y - h:.1f}" width="{bar_w:.1f}" '
                           f'height="{h:.1f}" fill="url(#withheld)" stroke="#666"/>')
        out.append(f'<rect x="{x:.1f}" y="{top}" width="{bar_w:.1f}" height="{height}" '
                   f'fill="transparent"><title>{escape("; ".join(label))}</title></rect>')
        if n <= 24 or i % max(n // 12, 1) == 0:
            out.append(f'<text x="{x + bar_w / 2:.1f}" y="{base + 14}" class="axis" '
                       f'text-anchor="middle">{escape(month)}</text>')
    lx = LEFT
    for level in levels:
        out.append(f'<rect x="{lx}" y="{base + 24}" width="12" height="12" '
                   f'fill="{COLOURS.get(level, "#888")}"/>')
        out.append(f'<text x="{lx + 16}" y="{base + 34}" class="axis">{escape(level)}</text>')
        lx += 100
    out.append(f'<rect x="{lx}" y="{base + 24}" width="12" height="12" fill="url(#withheld)" '
               'stroke="#666"/>')
    out.append(f'<text x="{lx + 16}" y="{base + 34}" class="axis">withheld (small numbers)'
               '</text>')
    return out, base + 50


def _shares(table: dict, top: int) -> tuple[list[str], int]:
    out = [f'<text x="{LEFT}" y="{top}" class="h">Response targets met on time, by lead agency '
           'and level</text>']
    y = top + 14
    row_h = 20
    label_w = 260
    plot_w = WIDTH - LEFT - RIGHT - label_w
    for row, share, total in zip(table["rows"], table["share_met_on_time"],
                                 table["row_totals"], strict=True):
        out.append(f'<text x="{LEFT + label_w - 8}" y="{y + 14}" class="axis" '
                   f'text-anchor="end">{escape(row)}</text>')
        if share is None:
            out.append(f'<text x="{LEFT + label_w}" y="{y + 14}" class="axis">withheld '
                       f'(targets: {escape(str(total))})</text>')
        else:
            w = share * plot_w
            level = row.rsplit(" / ", 1)[-1]
            out.append(f'<rect x="{LEFT + label_w}" y="{y + 3}" width="{w:.1f}" height="14" '
                       f'fill="{COLOURS.get(level, "#888")}"><title>{escape(row)}: '
                       f'{share:.0%} of {total}</title></rect>')
            out.append(f'<text x="{LEFT + label_w + w + 4:.1f}" y="{y + 14}" class="axis">'
                       f'{share:.0%} of {total}</text>')
        y += row_h
    if not table["rows"]:
        out.append(f'<text x="{LEFT}" y="{y + 14}" class="axis">no targets with an outcome yet'
                   '</text>')
        y += row_h
    return out, y + 10


def render_svg(stats: dict) -> str:
    tables = stats["tables"]
    period = stats["period"]
    scope = f"{period['from'] or 'start'} to {period['to'] or 'now'}"
    if period.get("area"):
        scope += f", area {period['area']}"
    bars, y = _bars(tables["cases_by_month_level"], 70)
    shares, y = _shares(tables["target_performance"], y + 20)
    desc = (f"Cases opened per month by current risk level, and the share of response targets "
            f"met on time by lead agency and level ({scope}). Counts of 1 to 4 are withheld.")
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{y}" '
        f'viewBox="0 0 {WIDTH} {y}" role="img" aria-labelledby="t d">',
        '<title id="t">ASB casework: cases by month and level; targets met on time</title>',
        f'<desc id="d">{escape(desc)}</desc>',
        "<defs><pattern id=\"withheld\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
        "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#eee\"/>"
        "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#999\" stroke-width=\"3\"/>"
        "</pattern></defs>",
        "<style>text{font-family:system-ui,sans-serif;fill:#222}.h{font-size:15px;"
        "font-weight:600}.axis{font-size:11px}.grid{stroke:#ddd}</style>",
        f'<text x="{LEFT}" y="28" class="h">{_attr("Countywide ASB statistics — " + scope)}'
        "</text>",
        *bars,
        *shares,
        "</svg>",
    ])

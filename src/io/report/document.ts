/**
 * A report as data (headline figures, sections with charts and tables), rendered to a single
 * self-contained HTML page or to Markdown. The same model feeds both, so `report.md` and
 * `report.html` never disagree.
 *
 * @module
 */
import { localeFormat, type Locale } from "../locale/index.js";

/** One headline figure, e.g. `{ label: "cost per contact", value: "USD 3.12" }`. */
export interface HeadlineFigure {
  readonly label: string;
  readonly value: string;
  /** A short note under the value, e.g. `"80% within 20 s target"`. */
  readonly note?: string;
}

/** A table of pre-formatted cells. */
export interface ReportTable {
  readonly title?: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Column indexes aligned right (numbers). */
  readonly numeric?: readonly number[];
  /**
   * Background colour per cell (`#rrggbb`, same shape as `rows`; undefined: none), e.g. a roster
   * grid coloured by shift type. HTML only: Markdown shows the cell text.
   */
  readonly cellColours?: readonly (readonly (string | undefined)[])[];
}

/** A chart rendered to SVG (see `charts.ts`). */
export interface ReportChart {
  readonly id: string;
  readonly title: string;
  readonly svg: string;
  /** A sentence under the chart saying how to read it. */
  readonly caption?: string;
}

/** One section of the report. */
export interface ReportSection {
  readonly id: string;
  readonly title: string;
  /** Paragraphs of plain text (escaped when rendered). */
  readonly paragraphs?: readonly string[];
  readonly charts?: readonly ReportChart[];
  readonly tables?: readonly ReportTable[];
  /** Notes shown as a list, e.g. KPIs disabled for missing columns. */
  readonly notes?: readonly string[];
}

/** The whole report. */
export interface ReportDocument {
  readonly title: string;
  readonly subtitle?: string;
  readonly headline: readonly HeadlineFigure[];
  readonly sections: readonly ReportSection[];
  /** A line at the bottom, e.g. the tool version and the inputs. */
  readonly footer?: string;
  /**
   * The language the report is written in: `lang` and `dir` of the HTML page (`fa` is right to
   * left) and the words the renderers add (the Markdown headline table, chart pointers).
   * @defaultValue "en"
   */
  readonly locale?: Locale;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const styles = `
:root { color-scheme: light; --ink: #111827; --muted: #6b7280; --line: #e5e7eb; --accent: #2563eb; --card: #f9fafb; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1000px; margin: 0 auto; padding: 32px 24px 64px; }
header h1 { font-size: 26px; margin: 0 0 4px; }
header p { margin: 0; color: var(--muted); }
.headline { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 12px; margin: 24px 0 8px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; }
.card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.card .value { font-size: 22px; font-weight: 600; margin-top: 2px; font-variant-numeric: tabular-nums; }
.card .note { color: var(--muted); font-size: 12px; }
nav { margin: 16px 0 0; font-size: 13px; }
nav a { color: var(--accent); text-decoration: none; margin-right: 14px; }
section { margin-top: 36px; }
section h2 { font-size: 19px; border-bottom: 1px solid var(--line); padding-bottom: 6px; }
figure { margin: 16px 0; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 12px; margin-top: 4px; }
table { border-collapse: collapse; margin: 12px 0; font-size: 13px; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--line); text-align: left; white-space: nowrap; }
th { background: var(--card); font-weight: 600; }
td.num, th.num { text-align: right; }
.notes { color: var(--muted); }
[dir="rtl"] body, body[dir="rtl"] { font-family: Vazirmatn, Tahoma, "Segoe UI", system-ui, sans-serif; }
[dir="rtl"] th, [dir="rtl"] td, [dir="rtl"] td.num, [dir="rtl"] th.num, [dir="rtl"] caption { text-align: right; }
[dir="rtl"] nav a { margin-right: 0; margin-left: 14px; }
[dir="rtl"] .card .label { text-transform: none; letter-spacing: 0; }
[dir="rtl"] figure svg { direction: ltr; }
footer { margin-top: 48px; color: var(--muted); font-size: 12px; }
`;

function tableHtml(table: ReportTable): string {
  const numeric = new Set(table.numeric ?? []);
  const cls = (i: number) => (numeric.has(i) ? ' class="num"' : "");
  const head = table.columns.map((c, i) => `<th${cls(i)}>${escapeHtml(c)}</th>`).join("");
  const colour = (r: number, i: number) => {
    const c = table.cellColours?.[r]?.[i];
    return c !== undefined && /^#[0-9a-fA-F]{6}$/.test(c) ? ` style="background:${c}"` : "";
  };
  const body = table.rows.map((row, r) => `<tr>${row.map((cell, i) => `<td${cls(i)}${colour(r, i)}>${escapeHtml(cell)}</td>`).join("")}</tr>`).join("\n");
  const caption = table.title === undefined ? "" : `<caption>${escapeHtml(table.title)}</caption>`;
  return `<table>${caption}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * Renders the report as one self-contained HTML page: inline CSS, inline SVG charts, no scripts,
 * no external resources, so it opens offline and from an e-mail attachment.
 */
export function renderReportHtml(report: ReportDocument): string {
  const { lang, dir } = localeFormat(report.locale ?? "en");
  const headline = report.headline
    .map(
      (h) =>
        `<div class="card"><div class="label">${escapeHtml(h.label)}</div><div class="value">${escapeHtml(h.value)}</div>${
          h.note === undefined ? "" : `<div class="note">${escapeHtml(h.note)}</div>`
        }</div>`,
    )
    .join("\n");
  const nav = report.sections.map((s) => `<a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a>`).join("");
  const sections = report.sections
    .map((s) => {
      const parts = [`<section id="${escapeHtml(s.id)}">`, `<h2>${escapeHtml(s.title)}</h2>`];
      for (const p of s.paragraphs ?? []) parts.push(`<p>${escapeHtml(p)}</p>`);
      for (const c of s.charts ?? []) {
        parts.push(`<figure>${c.svg}${c.caption === undefined ? "" : `<figcaption>${escapeHtml(c.caption)}</figcaption>`}</figure>`);
      }
      for (const t of s.tables ?? []) parts.push(tableHtml(t));
      if (s.notes !== undefined && s.notes.length > 0) {
        parts.push(`<ul class="notes">${s.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>`);
      }
      parts.push("</section>");
      return parts.join("\n");
    })
    .join("\n");
  return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style>${styles}</style>
</head>
<body>
<main>
<header><h1>${escapeHtml(report.title)}</h1>${report.subtitle === undefined ? "" : `<p>${escapeHtml(report.subtitle)}</p>`}</header>
<div class="headline">
${headline}
</div>
<nav>${nav}</nav>
${sections}
${report.footer === undefined ? "" : `<footer>${escapeHtml(report.footer)}</footer>`}
</main>
</body>
</html>
`;
}

function markdownTable(table: ReportTable): string {
  const numeric = new Set(table.numeric ?? []);
  const esc = (t: string) => t.replace(/\|/g, "\\|");
  const lines = [
    `| ${table.columns.map(esc).join(" | ")} |`,
    `|${table.columns.map((_, i) => (numeric.has(i) ? " ---: " : " --- ")).join("|")}|`,
    ...table.rows.map((r) => `| ${r.map(esc).join(" | ")} |`),
  ];
  return `${table.title === undefined ? "" : `**${table.title}**\n\n`}${lines.join("\n")}`;
}

/**
 * Renders the report as Markdown: the headline as a table, each section's text and tables; charts
 * are named with a pointer to the HTML report, which holds them.
 */
export function renderReportMarkdown(report: ReportDocument, options: { htmlFile?: string } = {}): string {
  const { htmlFile = "report.html" } = options;
  const { messages, dir } = localeFormat(report.locale ?? "en");
  const out: string[] = [`# ${report.title}`];
  if (report.subtitle !== undefined) out.push(report.subtitle);
  out.push(markdownTable({ columns: [messages.document.headline, messages.document.value, messages.document.note], rows: report.headline.map((h) => [h.label, h.value, h.note ?? ""]) }));
  for (const s of report.sections) {
    out.push(`## ${s.title}`);
    for (const p of s.paragraphs ?? []) out.push(p);
    for (const c of s.charts ?? []) out.push(messages.document.chartPointer(c.title, htmlFile));
    for (const t of s.tables ?? []) out.push(markdownTable(t));
    if (s.notes !== undefined && s.notes.length > 0) out.push(s.notes.map((n) => `- ${n}`).join("\n"));
  }
  if (report.footer !== undefined) out.push(`---\n${report.footer}`);
  // Markdown has no direction of its own: a right-to-left report is wrapped in an HTML block that
  // GitHub, GitLab and most viewers honour (the blank lines keep the Markdown inside rendered).
  if (dir === "rtl") return `<div dir="rtl" lang="${report.locale}">\n\n${out.join("\n\n")}\n\n</div>\n`;
  return `${out.join("\n\n")}\n`;
}

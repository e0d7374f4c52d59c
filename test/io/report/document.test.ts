import { describe, expect, it } from "vitest";
import { escapeHtml, renderReportHtml, renderReportMarkdown, type ReportDocument } from "../../../src/io/report/document.js";

const report: ReportDocument = {
  title: "Plan <December>",
  subtitle: "Example & co",
  headline: [{ label: "FTE", value: "42.5", note: "160 h per FTE" }],
  sections: [
    {
      id: "cost",
      title: "Cost",
      paragraphs: ["Money is decimal."],
      charts: [{ id: "breakdown", title: "Breakdown", svg: '<svg data-chart="breakdown"></svg>', caption: "Bars" }],
      tables: [{ title: "Lines", columns: ["line", "amount"], rows: [["agents | wages", "1,000.00"]], numeric: [1] }],
      notes: ["FCR disabled: no ticket export"],
    },
  ],
  footer: "wfm-kit",
};

describe("report document", () => {
  it("escapes text in HTML", () => {
    expect(escapeHtml(`<a href="x">&</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
  });

  it("renders a self-contained page: no scripts, no external resources", () => {
    const html = renderReportHtml(report);
    expect(html).toContain("<title>Plan &lt;December&gt;</title>");
    expect(html).toContain('<svg data-chart="breakdown"></svg>');
    expect(html).toContain('<td class="num">1,000.00</td>');
    expect(html).not.toMatch(/<script|<link |src="http|href="http/);
  });

  it("renders the same content as Markdown, pointing to the HTML for charts", () => {
    const md = renderReportMarkdown(report);
    expect(md).toContain("# Plan <December>");
    expect(md).toContain("| agents \\| wages | 1,000.00 |");
    expect(md).toContain("| line | amount |\n| --- | ---: |");
    expect(md).toContain("_Chart: Breakdown (see report.html)._");
    expect(md).toContain("- FCR disabled: no ticket export");
  });
});

describe("toJsonRows", () => {
  it("writes rows one per line and parses back to the same value (law)", async () => {
    const { toJsonRows } = await import("../../../src/io/render.js");
    const fc = (await import("fast-check")).default;
    fc.assert(
      fc.property(
        fc.record({
          name: fc.string(),
          rows: fc.array(fc.record({ t: fc.string(), v: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null)), tags: fc.array(fc.integer()) })),
          nested: fc.record({ deep: fc.array(fc.record({ x: fc.integer() })) }),
        }),
        (value) => {
          expect(JSON.parse(toJsonRows(value))).toEqual(JSON.parse(JSON.stringify(value)));
        },
      ),
    );
    expect(toJsonRows({ rows: [{ a: 1 }, { a: Infinity }] })).toBe('{\n  "rows": [\n    {"a":1},\n    {"a":null}\n  ]\n}\n');
  });
});

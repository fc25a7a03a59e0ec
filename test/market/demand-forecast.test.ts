import { describe, expect, it } from "vitest";
import { forecastQuantiles, quantileThrough, TAIL_LIMIT } from "../../src/market/demand-forecast";
import { protectCounts } from "../../src/report/small-counts";
import { overviewHtml } from "../../src/write/overview";

describe("quantileThrough", () => {
  // Quantiles of N(100, 10²): qnorm(c(0.025, 0.1, 0.9, 0.975), 100, 10) in R.
  const normal = quantileThrough([{ p: 0.025, q: 80.40036 }, { p: 0.1, q: 87.18448 }, { p: 0.5, q: 100 }, { p: 0.9, q: 112.8155 }, { p: 0.975, q: 119.5996 }]);
  it("returns a normal forecast's quantiles", () => {
    expect(normal(0.5)).toBeCloseTo(100, 6);
    expect(normal(0.95)).toBeCloseTo(116.4485, 3); // qnorm(0.95, 100, 10)
    expect(normal(0.05)).toBeCloseTo(83.5515, 3);
    expect(normal(0.999)).toBeCloseTo(130.9023, 2); // linear in z beyond the outer bound
  });
  it("is monotone and never negative", () => {
    const f = quantileThrough([{ p: 0.1, q: 2 }, { p: 0.5, q: 1 }, { p: 0.9, q: 5 }]);
    expect(f(0.2)).toBeGreaterThanOrEqual(f(0.1));
    expect(quantileThrough([{ p: 0.1, q: 0 }, { p: 0.5, q: 1 }])(0.0001)).toBe(0);
  });
  it("drops 95% bounds far out of proportion with the 80% bounds", () => {
    const q = forecastQuantiles(10, { 80: 8, 95: 7 }, { 80: 12, 95: 1000 });
    expect(q.dropped).toBe(1);
    expect(q.points.map((p) => Math.round(p.p * 1000) / 1000).sort()).toEqual([0.025, 0.1, 0.5, 0.9]);
    expect(forecastQuantiles(10, { 80: 8 }, { 80: 12, 95: 10 + TAIL_LIMIT * 2 }).dropped).toBe(0);
  });
});

describe("protectCounts", () => {
  it("suppresses counts 1 to 4 through the disclosure machinery, with secondary suppression", () => {
    expect(protectCounts([12, 3, 9], [{ total: 0, parts: [1, 2] }])).toEqual([12, "c", "c"]);
    expect(protectCounts([0, 5, null])).toEqual([0, 5, "x"]);
  });
});

describe("overviewHtml", () => {
  it("is a self-contained page with one row per report", () => {
    const html = overviewHtml([{ name: "England", kind: "england", code: "E92000001", href: "england/report.html", year: 2025, children: 81770, forecastYear: 2028, forecast: 83000, forecastLo80: 81000, forecastHi80: 85000, placesYear: 2025, places: 15742, gapYear: 2028, probShortfall: 0, expectedShortfall: 0, hhi: 120 }], { generated: "2026-01-01" });
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<a href="england/report.html">England</a>');
    expect(html).toContain("81,770");
    expect(html).toContain('aria-live="polite"');
    expect(html).not.toMatch(/src="http|<script src/);
  });
});

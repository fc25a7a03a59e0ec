/**
 * Write docs/footprints.md: how `suff footprints compare` measures and ranks footprint designs,
 * with the comparison it gives on the embedded data (data/published ingested as `npm start`
 * does) for the regions, the combined authorities and an example grouping of one's own
 * (docs/examples/footprints/north-west-three-consortia.csv). Every figure in the document is
 * written by this script from the computed comparison.
 *
 * Run: npx tsx scripts/footprints-doc.ts
 */
import { writeFileSync } from "node:fs";
import { ingestPublished } from "../src/main.ts";
import { parseCandidates } from "../src/footprints/candidates.ts";
import { compareFootprints, type FootprintComparison } from "../src/footprints/compare.ts";
import { headlines, metricDefinitions } from "../src/footprints/outputs.ts";

const USER = "docs/examples/footprints/north-west-three-consortia.csv";

const pct = (v: number | null | undefined) => (v === null || v === undefined ? "–" : `${(100 * v).toFixed(0)}%`);
const num = (v: number | null | undefined, d = 2) => (v === null || v === undefined ? "–" : v.toLocaleString("en-GB", { minimumFractionDigits: d, maximumFractionDigits: d }));

export function footprintsMarkdown(c: FootprintComparison): string {
  const rows = c.candidateRows;
  const cand = rows.map((r) => {
    const f = (m: string) => r.figures[m] ?? { value: null, lower: null, upper: null };
    return `| ${r.rank} | ${r.candidate} | ${r.footprints} | ${r.las_covered} | ${num(f("forecast_mase").value)} | ${pct(f("forecast_coverage_80").value)} | ${num(f("specialist_demand").value, 0)} | ${num(f("void_empty_beds").value, 1)} | ${pct(f("void_turn_away_prob").value)} | ${pct(f("own_children_placed_inside_share").value)} (${pct(f("own_children_placed_inside_share").lower)} to ${pct(f("own_children_placed_inside_share").upper)}) | ${pct(f("placed_over_20_miles_share").value)} | ${num(f("hhi").value, 0)} | ${num(f("large_providers_elsewhere").value, 1)} |`;
  });
  // The North West, like for like: the region, the combined authorities in it and the example consortia.
  const nw = ["E12000002", "GMCA", "LCRCA", "LCCA", "NW-GM", "NW-CM", "NW-LC"];
  const fps = [...new Map(c.metrics.filter((m) => nw.includes(m.footprint_code)).map((m) => [`${m.candidate}|${m.footprint_code}`, m])).values()];
  const get = (cand: string, code: string, metric: string) => c.metrics.find((m) => m.candidate === cand && m.footprint_code === code && m.metric === metric);
  const nwRows = fps.map((x) => {
    const g = (m: string) => get(x.candidate, x.footprint_code, m);
    return `| ${x.footprint_name} | ${x.candidate} | ${num(g("las")?.value ?? null, 0)} | ${num(g("children")?.value ?? null, 0)} | ${num(g("forecast_mase")?.value ?? null)} | ${pct(g("forecast_coverage_80")?.value)} | ${num(g("specialist_demand")?.value ?? null, 1)} (${num(g("specialist_demand")?.lower ?? null, 1)} to ${num(g("specialist_demand")?.upper ?? null, 1)}) | ${num(g("void_empty_beds")?.value ?? null, 1)} | ${pct(g("void_turn_away_prob")?.value)} | ${num(g("places_per_own_child")?.value ?? null)} | ${pct(g("own_children_placed_inside_share")?.value)} (${pct(g("own_children_placed_inside_share")?.lower)} to ${pct(g("own_children_placed_inside_share")?.upper)}) | ${pct(g("placed_over_20_miles_share")?.value)} | ${num(g("hhi")?.value ?? null, 0)} |`;
  });
  const defs = metricDefinitions(c).map((d) => `| \`${d.metric}\` | ${d.definition} | ${d.candidate_figure} | ${d.better || "–"} |`);
  return `# Footprint design: which grouping of LAs forecasts, fills and shares homes best

\`suff footprints compare\` measures every footprint of every candidate grouping of LAs the same way
and ranks the candidates. A candidate is a footprint file (\`new_la_code,footprint_code,footprint_name\`;
an LA may be in several footprints and a footprint may cross regions). Built in: \`regions\` (the nine
regions) and \`combined-authorities\` (the 15 combined and combined county authorities of 2025,
\`data/footprints/combined-authorities-2025.csv\`, sources in \`data/footprints/README.md\`).

\`\`\`sh
npx suff ingest data/published --out ds
npx suff footprints compare --dataset ds --include regions,combined-authorities \\
  --candidates mine=${USER} --beds 4 --out footprints
\`\`\`

Writes \`footprint_metrics.csv\` (tidy: \`candidate, footprint_code, footprint_name, metric, value, lower, upper\`),
\`candidates.csv\` (one row per candidate: rank, the candidate's figures with intervals, the rank on each
question and the reasons), \`footprints.xlsx\` (the same tables, definitions and what is uncertain) and
\`footprints.html\` (accessible page: the ranking, small multiples per measure, what is uncertain).

## How each footprint is measured

- **Forecastability.** The default forecast plan (\`defaultPlan\`: LA forecasts by DfE placement group,
  reconciled LA → region → England, footprints summed from their LAs, conformal intervals) is built for
  each candidate's footprints, run, and re-run at past origins by \`evaluate\` (the plan refitted on the
  data up to each origin), scored by \`accuracy\`: MASE and 80% interval coverage of the footprint's
  total and of each placement group (\`forecast_mase_<group>\`). The interval of a coverage is a 95% Wilson
  interval for the share. Each candidate has its own plan, so its footprints' intervals are calibrated on
  its own footprints and adding a candidate never changes another's figures.
- **Specialist scale and void risk.** Specialist demand is the plan's forecast, one year ahead, of
  children in the DfE placement group "Residential schools" (plus secure children's homes where a
  dataset has that placement type, e.g. from SSDA903). The published LA data have no count of children
  needing secure or disabled children's places, so this is a proxy. The void risk of an N-bed
  specialist home (\`--beds\`) is simulated from the forecast distribution with a fixed seed (common
  random numbers for every footprint): draws of the children needing a place D, empty beds max(0, N − D)
  and a child turned away when D > N. \`void_empty_beds\` is the expected number of empty beds (lower and
  upper: the 10% and 90% points over draws), \`void_turn_away_prob\` the chance of turning a child away.
- **Self-sufficiency.** Ofsted-registered places in the footprint (latest register) per own child forecast
  one year ahead, by type: children's homes (\`places_per_own_child\`), residential special schools,
  supported accommodation. The share of own children placed inside the footprint and the flows to and
  from the rest of England use DfE's LA-of-placement figures (exports, imports, net gain; the latest year
  with imports) and the placements outside the LA within 20 miles. Moves between member LAs are not
  published, so they are bounded: none (lower) up to what members can send each other, no LA placing
  into itself (upper). The value assumes children placed outside their LA but within 20 miles are in
  another member, as far as the members take children in (\`src/footprints/self-sufficiency.ts\`).
- **Market power.** HHI of children's home places by Ofsted's owning organisation (latest register;
  above 1,800 is highly concentrated in the US merger guidelines, the CMA sets no threshold), the number
  of its five largest owners, and how many of them also hold places in LAs outside the footprint that
  belong to another candidate's footprint.
- **Distance.** Children placed more than 20 miles from home (DfE, latest year) and placed outside the
  footprint (1 − the share placed inside).
- **Size.** LAs, children looked after at 31 March, child population (ONS).

## How candidates are compared and ranked

A candidate's figure combines its footprints: counts are summed, the empty beds, turn-away chance and
provider counts are plain means over footprints (one home in each), other figures are means weighted by
children looked after. Candidates are ranked on four questions: which forecasts best (lowest MASE),
which can fill an N-bed specialist home (fewest empty beds), which keeps children closest (highest share
placed inside) and where providers hold least power (lowest HHI); the overall rank is the mean of the
four ranks. The reasons in \`candidates.csv\` quote each figure and its rank. A candidate covering only
some LAs is compared on its own footprints; the reasons say how many LAs it covers.

| metric | definition | candidate figure | better |
|---|---|---|---|
${defs.join("\n")}

## The comparison on the embedded data

Generated by \`npx tsx scripts/footprints-doc.ts\` from \`suff ingest data/published\`: the regions, the
combined authorities and an example grouping of one's own, the North West as three consortia
(\`${USER}\`: Greater Manchester, Cheshire and Merseyside, Lancashire and Cumbria; illustrative, not a
real grouping), with a ${c.beds}-bed specialist home. Forecast from ${c.years.forecastOrigin} for ${c.years.forecastFor}; backtest origins
${c.years.backtestOrigins.join(", ")}; flows of ${c.years.flows}; distance of ${c.years.distance}; Ofsted places at 31 March ${c.years.register}.

${headlines(c).map((h) => `- ${h}`).join("\n")}

| rank | candidate | footprints | LAs | MASE | 80% coverage | specialist demand | empty beds | turn-away | own children placed inside (bounds) | over 20 miles | HHI | large owners elsewhere |
|---|---|---|---|---|---|---|---|---|---|---|---|---|
${cand.join("\n")}

Reasons (candidates.csv):

${rows.map((r) => `${r.rank}. **${r.candidate}**: ${r.reasons}.`).join("\n")}

### The North West, like for like

The three candidates cut the North West differently: one region, three combined authorities (Greater
Manchester, Liverpool City Region, Lancashire) that leave Cheshire and Cumbria out, and the example's
three consortia that cover all of it.

| footprint | candidate | LAs | children | MASE | 80% coverage | specialist demand (80% interval) | empty beds | turn-away | home places per own child | own children placed inside (bounds) | over 20 miles | HHI |
|---|---|---|---|---|---|---|---|---|---|---|---|---|
${nwRows.join("\n")}

### What is uncertain

${c.uncertain.map((u) => `- ${u}`).join("\n")}
`;
}

const dataset = await ingestPublished("data/published");
const candidates = parseCandidates(`mine=${USER}`, "regions,combined-authorities");
const comparison = compareFootprints(dataset.rows, candidates, { beds: 4 });
writeFileSync("docs/footprints.md", footprintsMarkdown(comparison));
console.log("wrote docs/footprints.md");

/**
 * The report model: everything a sufficiency report says, as data. Built by
 * src/report/ from the dataset and the forecasting engine; rendered by src/write/ to
 * HTML, PDF, XLSX and CSV. Nothing in it is typed in by hand.
 */

export type Cell = string | number | null;

export interface ReportColumn {
  key: string;
  label: string;
  /** Numbers are right-aligned and written as numbers in XLSX/CSV. */
  numeric?: boolean;
  /** Decimal places shown in HTML (default 0 for numbers). */
  decimals?: number;
}

export interface ReportTable {
  /** Stable id, used as the CSV file name and XLSX sheet name (<= 31 chars). */
  id: string;
  caption: string;
  columns: ReportColumn[];
  rows: Array<Record<string, Cell>>;
  notes?: string[];
}

export interface ReportChart {
  id: string;
  title: string;
  /** Text alternative: what the chart shows, in one or two sentences. */
  alt: string;
  /** A vega-lite TopLevelSpec (kept as unknown here so spec/ stays free of vega types). */
  spec: unknown;
  /** The data behind the chart, shown as a table beside it. */
  table: ReportTable;
}

export interface HeadlineFigure {
  label: string;
  value: string;
  note?: string;
}

export interface ReportSection {
  id: string;
  heading: string;
  paragraphs: string[];
  headlines?: HeadlineFigure[];
  charts: ReportChart[];
  tables: ReportTable[];
}

export interface ReportScope {
  kind: "england" | "region" | "footprint" | "la";
  code: string;
  name: string;
}

export interface ReportModel {
  scope: ReportScope;
  year: number;
  horizon: number;
  title: string;
  /** ISO date the report was generated. */
  generated: string;
  sections: ReportSection[];
}

/**
 * The public API of the Sufficiency Toolkit: grouped re-exports only.
 */

// Types and guards
export * from "./spec/diagnostic";
export * from "./spec/dataset";
export * from "./spec/errors";
export * from "./spec/footprint";
export * from "./spec/template";
export { diagnostic, MESSAGES } from "./spec/messages/index";

// Reference data
export * from "./reference/code-lists";
export * from "./reference/code-tree";

// The national template
export { TEMPLATE, TEMPLATE_VERSION, SECTIONS, MEASURES, findMeasure } from "./template/measures";
export * from "./reference/las";
export * from "./reference/regions";
export * from "./reference/boundary-changes";
export * from "./reference/markers";

// forecast: exponential smoothing (ETS) kernels and models
export { nelderMead, type NelderMeadOptions, type NelderMeadResult } from "./stats/nelder-mead";
export { isSchurStable } from "./stats/is-schur-stable";
export { polynomialRootModulus } from "./stats/polynomial-root-modulus";
export type { EtsComponents, EtsParameters, EtsFitResult, EtsErrorType, EtsTrendType, EtsSeasonType } from "./forecast/kernels/ets-types";
export { etsFit, etsName, type EtsFitOptions } from "./forecast/kernels/ets-fit";
export { etsSelect, type EtsSelectOptions } from "./forecast/kernels/ets-select";
export { etsForecast, type EtsForecastResult } from "./forecast/kernels/ets-forecast";
export { etsAdmissible } from "./forecast/kernels/ets-admissible";
export { etsInitialState } from "./forecast/kernels/ets-initial-state";
export { etsModel, type EtsModelOptions } from "./forecast/models/ets";
export { etsFitted, type EtsFittedParameters } from "./forecast/models/ets-fitted";
export { sesModel } from "./forecast/models/ses";
export { holtModel } from "./forecast/models/holt";
export { dampedModel } from "./forecast/models/damped";

// template generators, return readers (template xlsx, long CSV, legacy), sniffing and validation
export { blankWorkbook, TEMPLATE_DATE } from "./template/blank-workbook";
export { templateCsvHeader } from "./template/template-csv-header";
export { templateJsonSchema } from "./template/template-json-schema";
export { templateFiles, parseTemplateFormats, TEMPLATE_FILE_NAMES, type TemplateFormat } from "./template/template-files";
export { prefillRows, sectionColumns, sectionDimensions } from "./template/prefill-rows";
export { MISSING_REASONS, parseMissingReason, type MissingReason } from "./template/missing-reasons";
export { readTemplateWorkbook, TEMPLATE_XLSX_KIND } from "./ingest/from-template-xlsx";
export { readLongCsv, LONG_CSV_KIND } from "./ingest/from-long-csv";
export { readLegacyWorkbook, LEGACY_KIND } from "./ingest/from-legacy";
export { legacyMapping, legacyMappingSchema, type LegacyMapping } from "./ingest/legacy-mapping";
export { sniffFile, type SniffResult } from "./ingest/sniff";
export { zipGuard, unzipGuarded, readZipDirectory, DEFAULT_ZIP_LIMITS, type ZipLimits } from "./ingest/zip-guard";
export { decodeText } from "./ingest/decode-text";
export { openWorkbook } from "./ingest/open-workbook";
export { readXlsxGrid, type Grid, type GridSheet } from "./ingest/xlsx-grid";
export { RULES, runRules } from "./validate/run-rules";
export { validateFile, type FileValidation } from "./validate/validate-file";
export type { Rule, ValidationContext } from "./validate/rule";

// forecast: reconciliation, hierarchies, the pooled LA model and dataset forecasts
export { reconcile, RECONCILE_METHODS, type ReconcileMethod, type ReconcileOptions } from "./forecast/reconcile";
export { hierarchy, seriesKey, ENGLAND_CODE, type HierarchyOptions } from "./forecast/hierarchy";
export { pooledRate, fitPooledRate, type PooledRateOptions, type PooledRateParameters } from "./forecast/models/pooled-rate";
export { panelBacktest, type PanelBacktestOptions, type PanelAccuracy, type PanelBacktestResult } from "./forecast/panel-backtest";
export { forecastDataset, forecastDatasetColumns, type ForecastDatasetOptions, type ForecastDatasetRow, type ForecastDatasetResult } from "./forecast/forecast-dataset";
export { cholesky } from "./stats/cholesky";
export { solveSymmetric } from "./stats/solve-symmetric";
export { shrinkageCovariance } from "./stats/shrinkage-covariance";
export { splitConformalQuantile } from "./stats/split-conformal-quantile";

// aggregate: footprints, roll-ups with coverage and rates, disclosure control; tables -> xlsx
export { aggregateDataset, POPULATION_MEASURE } from "./aggregate/aggregate-dataset";
export { parseFootprints, type ParsedFootprints } from "./aggregate/parse-footprints";
export { builtInFootprints } from "./aggregate/built-in-footprints";
export { membersInYear, type YearMembers } from "./aggregate/members-in-year";
export { comparePublished } from "./aggregate/compare-published";
export { aggregateOutput, type AggregateOutput, type OutputSheet } from "./aggregate/aggregate-output";
export { aggregateSummary } from "./aggregate/aggregate-summary";
export { applyDisclosureControl } from "./aggregate/disclosure/apply-disclosure-control";
export { suppressCells } from "./aggregate/disclosure/suppress-cells";
export { tableRelations } from "./aggregate/disclosure/table-relations";
export { recoverableCells } from "./aggregate/disclosure/recoverable-cells";
export type { DisclosureCell, DisclosureRelation, DisclosureOutcome, CellOutcome } from "./aggregate/disclosure/types";
export { AGGREGATE_COLUMNS, type AggregateOptions, type AggregateResult, type AggregateRow, type AggregateTarget, type PublishOptions, type DisclosureSummary, type PublishedComparison } from "./aggregate/types";
export { loadFootprints } from "./ingest/load-footprints";
export { integerRowEchelon, type SparseIntegerMatrix } from "./stats/integer-row-echelon";
export { matrixRank } from "./stats/matrix-rank";
export { determinedColumns } from "./stats/determined-columns";
export { tablesToXlsx, type XlsxSheet, type XlsxColumn } from "./write/xlsx";

// ingest: published DfE/ONS/Ofsted/MHCLG files, the dispatcher, dataset folders
export { ingestFiles, ingestExitCode, mergeRows, routeFile, precedenceOf, rowKey, TOOLKIT_VERSION, type InputFile, type IngestOptions, type IngestResult } from "./ingest/ingest-files";
export { loadFiles, listInputFiles } from "./ingest/load-files";
export { loadDataset, parseDatasetCsv } from "./ingest/load-dataset";
export { readPublished, findPublishedReader, PUBLISHED_READERS, type PublishedReader } from "./ingest/from-published/read-published";
export { readOfstedProviders, type OfstedProvider, type OfstedProviderList } from "./ingest/from-published/read-ofsted-providers";
export { writeDataset, datasetCsv } from "./write/dataset";

// forecast: the grammar (forecast, crossValidate, backtest, accuracy, conformal), Theta and simple models, long series CSV
export type { Series, SeriesSet, FitOptions, ForecastBand, Fitted, ModelSpec, ForecastRow, ForecastTable, GlobalModelSpec } from "./spec/forecast";
export { forecast, type ForecastOptions } from "./forecast/forecast";
export { forecastSeries, type ForecastSeriesOptions } from "./forecast/forecast-series";
export { crossValidate, type CrossValidateOptions } from "./forecast/cross-validate";
export { backtest, type BacktestOptions } from "./forecast/backtest";
export { accuracy, type AccuracyRow, type AccuracyTable, type AccuracyOptions, type IntervalAccuracy } from "./forecast/accuracy";
export { conformal, applyConformal, seriesScale, type ConformalOptions, type ConformalCalibration } from "./forecast/conformal";
export { autoSelect, type AutoSelection } from "./forecast/auto-select";
export { modelByName, MODEL_NAMES } from "./forecast/model-registry";
export { readSeriesCsv, forecastColumns, forecastRecords, type ReadSeriesOptions, type ReadSeriesResult } from "./forecast/series-io";
export { parsePeriodLabel, formatPeriodLabel, periodLabelAfter, type PeriodPosition } from "./forecast/period-label";
export { prepareSeries, type PreparedSeries } from "./forecast/prepare-series";
export { naive, type NaiveParams } from "./forecast/models/naive";
export { seasonalNaive, type SeasonalNaiveParams } from "./forecast/models/seasonal-naive";
export { drift, type DriftParams } from "./forecast/models/drift";
export { theta, optimisedTheta, type ThetaParams } from "./forecast/models/theta";
export { combination, type CombinationParams } from "./forecast/models/combination";
export { auto, sesLeastSquares } from "./forecast/models/auto";
export { ensemble } from "./forecast/models/ensemble";
export { seasonallyAdjusted } from "./forecast/models/seasonally-adjusted";
export { normalBand, clampBand } from "./forecast/models/normal-band";
export { theta as thetaKernel, fitSes, type ThetaKernelFit, type SesFit } from "./forecast/kernels/theta";
export { classicalDecomposition } from "./forecast/kernels/classical-decomposition";
export { seasonalityTest } from "./forecast/kernels/seasonality-test";
export { normalQuantile } from "./stats/normal-quantile";
export { minimiseScalar } from "./stats/minimise-scalar";
export { naiveScale } from "./stats/naive-scale";
export { intervalScore } from "./stats/interval-score";
export { symmetricPercentageError } from "./stats/symmetric-percentage-error";

// forecast: the stock-flow (Markov) model of the looked-after population, scenarios, unit costs
export { markovTransition } from "./forecast/kernels/markov-transition";
export { markovPropagate, type MarkovPropagateInput, type MarkovPropagateResult, type MarkovCombination } from "./forecast/kernels/markov-propagate";
export { markovSimulate, type MarkovSimulateInput, type MarkovSimulateResult } from "./forecast/kernels/markov-simulate";
export { seededRandom, type SeededRandom } from "./stats/seeded-random";
export { sampleQuantile } from "./stats/sample-quantile";
export { stateSpace, bandOfAge, DFE_AGE_BANDS, NOT_LOOKED_AFTER, type StateSpace, type StateSpaceOptions, type AgeBandDefinition } from "./forecast/stock-flow/state-space";
export { episodeSelection, dataEndOf, type EpisodeSelection, type EpisodeSelectionCounts } from "./forecast/stock-flow/episode-selection";
export { estimateRates, type EstimateRatesOptions, type RateEstimate, type RateEstimator } from "./forecast/stock-flow/estimate-rates";
export { observedStock, type ObservedStock } from "./forecast/stock-flow/observed-stock";
export { entryProjection, type EntryProjection, type EntryMethod } from "./forecast/stock-flow/entry-projection";
export { populationPath, populationOn, type PopulationPath } from "./forecast/stock-flow/population-path";
export { scenario, activeChanges, applyEntryChanges, applyRateChanges, type Scenario, type ScenarioChange } from "./forecast/stock-flow/scenario";
export { projectStockFlow, type ProjectStockFlowOptions, type StockFlowProjection, type StockSeries, type ProjectionRun, type LinearOutputs, type UncertaintyMethod } from "./forecast/stock-flow/project-stock-flow";
export { backtestStockFlow, type BacktestOptions as StockFlowBacktestOptions, type BacktestResult as StockFlowBacktestResult, type BacktestAccuracy as StockFlowBacktestAccuracy } from "./forecast/stock-flow/backtest-stock-flow";
export { stockFlowTables, type StockFlowTables } from "./forecast/stock-flow/stock-flow-tables";
export { unitCosts, spendOutputs, costRows, type UnitCostTable } from "./market/unit-costs";
export { loadUnitCosts, type UnitCostSource, type UnitCostRow, type PublishedCostInputs } from "./ingest/load-unit-costs";

// ssda903: the child-level SSDA903 return read, cleaned and turned into template measures (nothing child-level leaves)
export { type EpisodeTable, type CleaningCounts, dayToIso, isoToDay } from "./spec/ssda903";
export {
  detectSsda903Kind, ingestSsda903, loadEpisodeTable, loadProviderLocations, loadSsda903, loadSsda903Files, readSsda903, looksLikeXml, isSsda903Xml,
  cleanSsda903, deriveTemplate, type Ssda903Kind, type IngestSsda903Options, type LoadedEpisodeTable, type Ssda903File, type ReadSsda903Options, type CleanSsda903Options,
} from "./ingest/ssda903/index";

// market analysis and the annual sufficiency report
export * from "./spec/report";
export { hhi } from "./stats/hhi";
export { concentration, type Concentration, type OwnerShare, type SupplierPlaces } from "./market/concentration";
export { demandSupplyGap, type GapRow } from "./market/gap";
export { buildReport, type ReportInput, type ScopeForecast, type Comparator, type SupplyProvider, type CoverageRow } from "./report/build-report";
export { prepareReportContext, scopeInput, resolveScope, type ReportContext, type ReportContextOptions } from "./report/report-context";
export { claSummary, formatClaSummary, latestClaYear, type ClaSummary, type ClaSummaryLine } from "./report/cla-summary";
export { ScopeView } from "./report/scope-view";
export { trendFanChart, type TrendRow } from "./report/charts/trend-fan-chart";
export { categoryBarChart, type CategoryRow } from "./report/charts/category-bar-chart";
export { comparisonChart, type ComparisonRow } from "./report/charts/comparison-chart";
export { multiLineChart, type MultiLineRow } from "./report/charts/multi-line-chart";
export { stackedBarChart, type StackedRow } from "./report/charts/stacked-bar-chart";
export { renderChart, type RenderedChart } from "./write/chart";
export { reportToHtml, escapeHtml } from "./write/html";
export { printPdf, printPdfs, findChromium } from "./write/pdf";
export { writeReport, reportTables, type ReportFormat, type WrittenReport } from "./write/report-files";
export { toCsv } from "./write/csv";
export { writeFileAtomic } from "./write/atomic";

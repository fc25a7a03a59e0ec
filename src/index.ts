/**
 * The public API of the Sufficiency Toolkit: grouped re-exports only.
 */

// Types and guards
export * from "./spec/diagnostic.ts";
export * from "./spec/dataset.ts";
export * from "./spec/errors.ts";
export * from "./spec/footprint.ts";
export * from "./spec/template.ts";
export { diagnostic, MESSAGES } from "./spec/messages/index.ts";

// Reference data
export * from "./reference/code-lists.ts";
export * from "./reference/code-tree.ts";

// The national template
export { TEMPLATE, TEMPLATE_VERSION, SECTIONS, MEASURES, REQUIRED_MEASURES, findMeasure } from "./template/measures.ts";
export { templateMeasuresCsv, MEASURE_DICTIONARY_COLUMNS } from "./template/template-measures-csv.ts";
export * from "./reference/las.ts";
export * from "./reference/regions.ts";
export * from "./reference/boundary-changes.ts";
export * from "./reference/markers.ts";

// forecast: exponential smoothing (ETS) kernels and models
export { nelderMead, type NelderMeadOptions, type NelderMeadResult } from "./stats/nelder-mead.ts";
export { isSchurStable } from "./stats/is-schur-stable.ts";
export { polynomialRootModulus } from "./stats/polynomial-root-modulus.ts";
export type { EtsComponents, EtsParameters, EtsFitResult, EtsErrorType, EtsTrendType, EtsSeasonType } from "./forecast/kernels/ets-types.ts";
export { etsFit, etsName, type EtsFitOptions } from "./forecast/kernels/ets-fit.ts";
export { etsSelect, type EtsSelectOptions } from "./forecast/kernels/ets-select.ts";
export { etsForecast, type EtsForecastResult } from "./forecast/kernels/ets-forecast.ts";
export { etsAdmissible } from "./forecast/kernels/ets-admissible.ts";
export { etsInitialState } from "./forecast/kernels/ets-initial-state.ts";
export { etsModel, type EtsModelOptions } from "./forecast/models/ets.ts";
export { etsFitted, type EtsFittedParameters } from "./forecast/models/ets-fitted.ts";
export { sesModel } from "./forecast/models/ses.ts";
export { holtModel } from "./forecast/models/holt.ts";
export { dampedModel } from "./forecast/models/damped.ts";

// template generators, return readers (template xlsx, long CSV, legacy), sniffing and validation
export { blankWorkbook, templateWorkbook, TEMPLATE_DATE, type WorkbookFill, type PrefilledValue } from "./template/blank-workbook.ts";
export { prefillValues } from "./template/prefill-values.ts";
export { templateCsvHeader } from "./template/template-csv-header.ts";
export { templateJsonSchema } from "./template/template-json-schema.ts";
export { templateFiles, parseTemplateFormats, TEMPLATE_FILE_NAMES, MEASURE_DICTIONARY_FILE_NAME, type TemplateFormat } from "./template/template-files.ts";
export { prefillRows, sectionColumns, sectionDimensions } from "./template/prefill-rows.ts";
export { MISSING_REASONS, parseMissingReason, type MissingReason } from "./template/missing-reasons.ts";
export { readTemplateWorkbook, TEMPLATE_XLSX_KIND } from "./ingest/from-template-xlsx.ts";
export { readLongCsv, LONG_CSV_KIND } from "./ingest/from-long-csv.ts";
export { readLegacyWorkbook, LEGACY_KIND } from "./ingest/from-legacy.ts";
export { legacyMapping, legacyMappingSchema, type LegacyMapping } from "./ingest/legacy-mapping.ts";
export { sniffFile, type SniffResult } from "./ingest/sniff.ts";
export { zipGuard, unzipGuarded, readZipDirectory, DEFAULT_ZIP_LIMITS, type ZipLimits } from "./ingest/zip-guard.ts";
export { decodeText } from "./ingest/decode-text.ts";
export { openWorkbook } from "./ingest/open-workbook.ts";
export { readXlsxGrid, type Grid, type GridSheet } from "./ingest/xlsx-grid.ts";
export { RULES, runRules } from "./validate/run-rules.ts";
export { validateFile, type FileValidation } from "./validate/validate-file.ts";
export { completeness, fromSsda903, type Completeness } from "./validate/required-values.ts";
export type { Rule, ValidationContext } from "./validate/rule.ts";

// forecast: reconciliation, hierarchies, the pooled LA model and dataset forecasts
export { reconcile, RECONCILE_METHODS, type ReconcileMethod, type ReconcileOptions } from "./forecast/reconcile.ts";
export { hierarchy, seriesKey, ENGLAND_CODE, type HierarchyOptions } from "./forecast/hierarchy.ts";
export { pooledRate, fitPooledRate, type PooledRateOptions, type PooledRateParameters } from "./forecast/models/pooled-rate.ts";
export { rateToRegion, fitRateToRegion, type RateToRegionOptions, type RateToRegionCoefficients } from "./forecast/models/rate-to-region.ts";
export { datasetPlan, DEFAULT_RECONCILE, type DatasetPlan, type DatasetPlanInput, type DatasetPlanGeography } from "./forecast/dataset-plan.ts";
export { defaultPlan, type DefaultPlanOptions } from "./forecast/default-plan.ts";
export { forecastDataset, forecastDatasetColumns, datasetForecastRows, type ForecastDatasetOptions, type ForecastDatasetRow, type ForecastDatasetResult } from "./forecast/forecast-dataset.ts";
export { cholesky } from "./stats/cholesky.ts";
export { solveSymmetric } from "./stats/solve-symmetric.ts";
export { shrinkageCovariance } from "./stats/shrinkage-covariance.ts";

// aggregate: footprints, roll-ups with coverage and rates, disclosure control; tables -> xlsx
export { aggregateDataset, POPULATION_MEASURE } from "./aggregate/aggregate-dataset.ts";
export { parseFootprints, type ParsedFootprints } from "./aggregate/parse-footprints.ts";
export { builtInFootprints } from "./aggregate/built-in-footprints.ts";
export { membersInYear, type YearMembers } from "./aggregate/members-in-year.ts";
export { ownerTotalsOnly } from "./aggregate/owner-totals-only.ts";
export { comparePublished } from "./aggregate/compare-published.ts";
export { aggregateOutput, type AggregateOutput, type OutputSheet } from "./aggregate/aggregate-output.ts";
export { eesOutput, eesTimePeriod, EES_META_COLUMNS, EES_SYMBOLS, type EesFile, type EesCell, type EesOutput } from "./aggregate/ees-output.ts";
export { aggregateSummary } from "./aggregate/aggregate-summary.ts";
export { applyDisclosureControl } from "./aggregate/disclosure/apply-disclosure-control.ts";
export { suppressCells } from "./aggregate/disclosure/suppress-cells.ts";
export { tableRelations } from "./aggregate/disclosure/table-relations.ts";
export { recoverableCells } from "./aggregate/disclosure/recoverable-cells.ts";
export type { DisclosureCell, DisclosureRelation, DisclosureOutcome, CellOutcome } from "./aggregate/disclosure/types.ts";
export { AGGREGATE_COLUMNS, type AggregateOptions, type AggregateResult, type AggregateRow, type AggregateTarget, type PublishOptions, type DisclosureSummary, type PublishedComparison } from "./aggregate/types.ts";
export { loadFootprints } from "./ingest/load-footprints.ts";
export { integerRowEchelon, type SparseIntegerMatrix } from "./stats/integer-row-echelon.ts";
export { matrixRank } from "./stats/matrix-rank.ts";
export { determinedColumns } from "./stats/determined-columns.ts";
export { tablesToXlsx, type XlsxSheet, type XlsxColumn } from "./write/xlsx.ts";

// ingest: published DfE/ONS/Ofsted/MHCLG files, the dispatcher, dataset folders
export { ingestFiles, ingestExitCode, mergeRows, routeFile, precedenceOf, effectivePrecedence, parsePreference, sourceClass, SOURCE_CLASSES, rowKey, TOOLKIT_VERSION, type InputFile, type IngestOptions, type IngestResult } from "./ingest/ingest-files.ts";
export { loadFiles, listInputFiles } from "./ingest/load-files.ts";
export { PUBLISHED_DATA_DIR, FOOTPRINTS_DIR } from "./ingest/package-data.ts";
export { loadDataset, parseDatasetCsv } from "./ingest/load-dataset.ts";
export { readPublished, findPublishedReader, PUBLISHED_READERS, type PublishedReader } from "./ingest/from-published/read-published.ts";
export { readOfstedRegisterList, isOfstedRegisterList, OFSTED_REGISTER_LIST_KIND } from "./ingest/from-published/read-ofsted-register-list.ts";
export { readOfstedJoinersLeavers, isOfstedJoinersLeavers, OFSTED_JOINERS_LEAVERS_KIND } from "./ingest/from-published/read-ofsted-joiners-leavers.ts";
export { assembleRegister, snapshotPeriod, laInYear, PROVISION_TYPES_WITH_PLACES, OFSTED_REGISTER_KIND, type AssembledRegister, type RegisterInput } from "./ingest/from-published/assemble-register.ts";
export type { RegisterEntry, RegisterList, RegisterEvent, RegisterEvents, RegisterPayload, RegisterYearSummary } from "./spec/register.ts";
export { ownerKey, ownerName } from "./reference/owner-name.ts";
export { writeDataset, datasetCsv } from "./write/dataset.ts";

// forecast: the grammar (forecast, crossValidate, backtest, accuracy, conformal), Theta and simple models, long series CSV
export type {
  Series, SeriesSet, FitOptions, ForecastBand, Fitted, ModelSpec, ForecastRow, ForecastTable, GlobalModelSpec, GlobalForecastOptions, AnyModelSpec,
  ForecastDistribution, ForecastPlan, Panel, PanelCovariates, PanelSum, PanelParts, Calibration, ModelChoice, ModelFailure,
} from "./spec/forecast.ts";
export { isGlobal } from "./spec/forecast.ts";
export { forecast, type ForecastOptions } from "./forecast/forecast.ts";
export { run, type PlanForecast } from "./forecast/run.ts";
export { evaluate, type PlanEvaluation } from "./forecast/evaluate.ts";
export { seriesPlan, isAligned, type SeriesPlanOptions } from "./forecast/series-plan.ts";
export { forecastQuantile, forecastProbabilityAbove } from "./forecast/forecast-quantile.ts";
export { forecastSeries, type ForecastSeriesOptions } from "./forecast/forecast-series.ts";
export { crossValidate, type CrossValidateOptions } from "./forecast/cross-validate.ts";
export { accuracy, type AccuracyRow, type AccuracyTable, type AccuracyOptions, type IntervalAccuracy } from "./forecast/accuracy.ts";
export { conformalPools, conformalDistribution, distributionQuantile, withDistribution, nestIntervals, seriesScale, type CalibrationError, type ConformalPools } from "./forecast/conformal.ts";
export { modelByName, MODEL_NAMES } from "./forecast/model-registry.ts";
export { readSeriesCsv, forecastColumns, forecastRecords, type ReadSeriesOptions, type ReadSeriesResult } from "./forecast/series-io.ts";
export { parsePeriodLabel, formatPeriodLabel, periodLabelAfter, type PeriodPosition } from "./forecast/period-label.ts";
export { prepareSeries, type PreparedSeries } from "./forecast/prepare-series.ts";
export { naive, type NaiveParams } from "./forecast/models/naive.ts";
export { seasonalNaive, type SeasonalNaiveParams } from "./forecast/models/seasonal-naive.ts";
export { drift, type DriftParams } from "./forecast/models/drift.ts";
export { theta, optimisedTheta, type ThetaParams } from "./forecast/models/theta.ts";
export { combination, type CombinationParams } from "./forecast/models/combination.ts";
export { auto, sesLeastSquares } from "./forecast/models/auto.ts";
export { ensemble } from "./forecast/models/ensemble.ts";
export { seasonallyAdjusted } from "./forecast/models/seasonally-adjusted.ts";
export { normalBand, clampBand } from "./forecast/models/normal-band.ts";
export { theta as thetaKernel, fitSes, type ThetaKernelFit, type SesFit } from "./forecast/kernels/theta.ts";
export { classicalDecomposition } from "./forecast/kernels/classical-decomposition.ts";
export { seasonalityTest } from "./forecast/kernels/seasonality-test.ts";
export { normalQuantile } from "./stats/normal-quantile.ts";
export { minimiseScalar } from "./stats/minimise-scalar.ts";
export { naiveScale } from "./stats/naive-scale.ts";
export { intervalScore } from "./stats/interval-score.ts";
export { symmetricPercentageError } from "./stats/symmetric-percentage-error.ts";

// forecast: the stock-flow (Markov) model of the looked-after population, scenarios, unit costs
export { markovTransition } from "./forecast/kernels/markov-transition.ts";
export { markovPropagate, type MarkovPropagateInput, type MarkovPropagateResult, type MarkovCombination } from "./forecast/kernels/markov-propagate.ts";
export { markovSimulate, type MarkovSimulateInput, type MarkovSimulateResult } from "./forecast/kernels/markov-simulate.ts";
export { seededRandom, type SeededRandom } from "./stats/seeded-random.ts";
export { sampleQuantile } from "./stats/sample-quantile.ts";
export { stateSpace, bandOfAge, DFE_AGE_BANDS, NOT_LOOKED_AFTER, type StateSpace, type StateSpaceOptions, type AgeBandDefinition } from "./forecast/stock-flow/state-space.ts";
export { episodeSelection, dataEndOf, type EpisodeSelection, type EpisodeSelectionCounts } from "./forecast/stock-flow/episode-selection.ts";
export { estimateRates, type EstimateRatesOptions, type RateEstimate, type RateEstimator } from "./forecast/stock-flow/estimate-rates.ts";
export { observedStock, type ObservedStock } from "./forecast/stock-flow/observed-stock.ts";
export { entryProjection, type EntryProjection, type EntryMethod } from "./forecast/stock-flow/entry-projection.ts";
export { populationPath, populationOn, type PopulationPath } from "./forecast/stock-flow/population-path.ts";
export { scenario, activeChanges, applyEntryChanges, applyRateChanges, type Scenario, type ScenarioChange } from "./forecast/stock-flow/scenario.ts";
export { projectStockFlow, type ProjectStockFlowOptions, type StockFlowProjection, type StockSeries, type ProjectionRun, type LinearOutputs, type UncertaintyMethod } from "./forecast/stock-flow/project-stock-flow.ts";
export { backtestStockFlow, type BacktestOptions as StockFlowBacktestOptions, type BacktestResult as StockFlowBacktestResult, type BacktestAccuracy as StockFlowBacktestAccuracy } from "./forecast/stock-flow/backtest-stock-flow.ts";
export { stockFlowTables, type StockFlowTables } from "./forecast/stock-flow/stock-flow-tables.ts";
export { stockFlowPlan, runStockFlow, evaluateStockFlow, type StockFlowPlan, type StockFlowPlanOptions, type StockFlowEvaluation } from "./forecast/stock-flow/stock-flow-plan.ts";
export { addMonths } from "./forecast/stock-flow/calendar.ts";
export { unitCosts, spendOutputs, costRows, type UnitCostTable } from "./market/unit-costs.ts";
export { loadUnitCosts, type UnitCostSource, type UnitCostRow, type PublishedCostInputs } from "./ingest/load-unit-costs.ts";

// ssda903: the child-level SSDA903 return read, cleaned and turned into template measures (nothing child-level leaves)
export { type EpisodeTable, type CleaningCounts, dayToIso, isoToDay } from "./spec/ssda903.ts";
export {
  detectSsda903Kind, ingestSsda903, loadEpisodeTable, loadProviderLocations, loadSsda903, loadSsda903Files, readSsda903, looksLikeXml, isSsda903Xml,
  cleanSsda903, deriveTemplate, collectionYearStatement, type Ssda903Kind, type IngestSsda903Options, type LoadedEpisodeTable, type Ssda903File, type ReadSsda903Options, type CleanSsda903Options,
  type CollectionYearConvention, type YearReading,
} from "./ingest/ssda903/index.ts";
export { templateFromSsda903, type TemplateFromSsda903, type TemplateFromSsda903Options } from "./ingest/ssda903/template-from-ssda903.ts";

// market analysis and the annual sufficiency report
export * from "./spec/report.ts";
export { hhi } from "./stats/hhi.ts";
export { scopeMembers, scopeLabel, type MarketScope } from "./market/market-scope.ts";
export { supplyPanel, type SupplyPanel, type SupplyPanelRow, type SupplyFlowRow, type SupplyPanelOptions } from "./market/supply-panel.ts";
export { placementFlows, type PlacementFlowRow, type Bounded } from "./market/placement-flows.ts";
export { fosteringCapacity, fosteringDefinition, FOSTERING_MEASURES, type FosteringCapacityRow } from "./market/fostering-capacity.ts";
export { realUnitCosts, cpiByFinancialYear, type RealUnitCostRow } from "./market/real-unit-costs.ts";
// market: supply over time and projected, where children live vs places, the gap by type with uncertainty,
// concentration, providers at risk, stress tests, foster carers, costs and scenarios (docs/market.md)
export { MarketData, type LookedUp, type RegisterCell, type RegisterFlowCell } from "./market/market-data.ts";
export { marketAreas, englandArea, regionArea, laArea, footprintArea, areaMembers, areaOfReport, type MarketArea } from "./market/market-area.ts";
export { MARKET_TYPES, marketType, marketTypeOfProvision, SPECIALIST_PROVISION, CHILDRENS_HOME_PROVISION, PLACE_PROVISION, type MarketType, type MarketTypeCode } from "./market/market-types.ts";
export { supplyTable, areaSupply, placesOf, SUPPLY_COLUMNS, type SupplyRow, type AreaSupply } from "./market/supply-table.ts";
export { SupplyModel, summarise as summariseSamples, type SupplyModelOptions, type SupplySummary } from "./market/supply-projection.ts";
export { supplyBacktest, SUPPLY_BACKTEST_COLUMNS, type SupplyBacktestOptions, type SupplyBacktestResult, type SupplyBacktestRow } from "./market/supply-backtest.ts";
export { areaFlows, areaFlowsTable, flowRowsOf, panelScope, latestCompleteFlows, FLOW_COLUMNS, type FlowRow } from "./market/area-flows.ts";
export { quantileThrough, forecastQuantiles, TAIL_LIMIT, demandFromForecastRows, demandIndex, type DemandCell, type DemandForecast } from "./market/demand-forecast.ts";
export { marketDemand, regionsAndFootprints, type MarketDemandResult } from "./market/market-demand.ts";
export { gapCell, gapColumns, type GapCell, type GapRow } from "./market/gap.ts";
export { concentration, concentrationBand, concentrationTable, ownerHoldings, HHI_THRESHOLDS, CONCENTRATION_COLUMNS, type Concentration, type OwnerShare, type SupplierPlaces, type OwnerHolding, type ConcentrationRow } from "./market/concentration.ts";
export { childrensHomeOccupancy, type Occupancy } from "./market/occupancy.ts";
export { providersAtRisk, englandOwnerRanks, riskCriteriaText, RISK_CRITERIA, RISK_COLUMNS, type RiskOptions, type RiskRow } from "./market/providers-at-risk.ts";
export { stressTest, matchOwners, largestOwners, STRESS_COLUMNS, type StressRow } from "./market/stress-test.ts";
export { fosterSupply, type FosterSupply } from "./market/foster-supply.ts";
export { fosterRates, fosterCarersNeeded, INDEPENDENT_REVIEW_CARERS, CARER_COLUMNS, type FosterRates, type CarerRow } from "./market/foster-carers.ts";
export { marketScenario, applyDemandChanges, changeApplies, amountIn, type MarketScenario, type MarketChange, type DemandDistribution } from "./market/market-scenario.ts";
export { cpiDeflator, scopeUnitCost, realGrowth, costOutliers, defaultGroupCosts, annualCost, DEFAULT_COST_SOURCES, WEEKS_PER_YEAR, type CostCategory, type CpiDeflator, type UnitCostPoint, type CostOutlier, type GroupCost } from "./market/market-costs.ts";
export { marketAnalysis, MarketContext, type MarketAnalysisOptions, type MarketResult, type ScopeMarket, type MarketReferences, type SupplyForecastRow, type CostRow, type ScenarioRow, type ScopeHeadline } from "./market/market-analysis.ts";
export { marketTables, marketSummary, stressTable, type MarketTable, type TableCell } from "./market/market-tables.ts";
export { buildReport } from "./report/build-report.ts";
export type { ReportInput, ReportMarket, ScopeForecast, Comparator, ScopeSupply, CoverageRow, ForecastPoint, BacktestSummary } from "./report/report-input.ts";
export { overviewEntry, type OverviewEntry } from "./report/overview-entry.ts";
export { protectCounts } from "./report/small-counts.ts";
export { prepareReportContext, scopeInput, resolveScope, type ReportContext, type ReportContextOptions } from "./report/report-context.ts";
export { claSummary, formatClaSummary, latestClaYear, type ClaSummary, type ClaSummaryLine } from "./report/cla-summary.ts";
export { ScopeView } from "./report/scope-view.ts";
export { trendFanChart, type TrendRow } from "./report/charts/trend-fan-chart.ts";
export { categoryBarChart, type CategoryRow } from "./report/charts/category-bar-chart.ts";
export { comparisonChart, type ComparisonRow } from "./report/charts/comparison-chart.ts";
export { multiLineChart, type MultiLineRow } from "./report/charts/multi-line-chart.ts";
export { stackedBarChart, type StackedRow } from "./report/charts/stacked-bar-chart.ts";
export { renderChart, type RenderedChart } from "./write/chart.ts";
export { reportToHtml, escapeHtml } from "./write/html.ts";
export { overviewHtml, writeOverview, writeOverviewEntry } from "./write/overview.ts";
export { printPdf, printPdfs, findChromium } from "./write/pdf.ts";
export { writeReport, reportTables, type ReportFormat, type WrittenReport } from "./write/report-files.ts";
export { toCsv } from "./write/csv.ts";
export { writeFileAtomic } from "./write/atomic.ts";
// footprint design: compare groupings of LAs on forecastability, specialist void risk,
// self-sufficiency, market power, distance and size (docs/footprints.md)
export { compareFootprints, wilson, METRICS as FOOTPRINT_METRICS, type FootprintComparison, type CompareOptions as FootprintCompareOptions, type MetricRow as FootprintMetricRow, type CandidateRow as FootprintCandidateRow } from "./footprints/compare.ts";
export { parseCandidates, BUILT_IN_CANDIDATES, type Candidate as FootprintCandidate } from "./footprints/candidates.ts";
export { footprintFlows, type MemberFlows, type FootprintFlows } from "./footprints/self-sufficiency.ts";
export { voidRisk, type VoidRisk } from "./footprints/void-risk.ts";
export { loadFootprintSet } from "./aggregate/load-footprint-set.ts";

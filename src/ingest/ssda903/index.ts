/**
 * The SSDA903 reader's public face, used by the `suff ingest` dispatcher
 * (src/ingest/ingest-files.ts) and the stock-flow model.
 */
export { detectSsda903Kind, type Ssda903Kind } from "./detect-ssda903-kind.ts";
export { collectionYearStatement, ingestSsda903, type IngestSsda903Options } from "./ingest-ssda903.ts";
export { loadEpisodeTable, loadProviderLocations, loadSsda903, loadSsda903Files, type LoadedEpisodeTable } from "./load-ssda903.ts";
export { readSsda903, looksLikeXml, isSsda903Xml, type CollectionYearConvention, type Ssda903File, type ReadSsda903Options, type YearReading } from "./read-ssda903.ts";
export { cleanSsda903, type CleanSsda903Options } from "./clean-ssda903.ts";
export { deriveTemplate } from "./derive-template.ts";

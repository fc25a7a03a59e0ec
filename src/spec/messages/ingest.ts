import type { Catalogue } from "./types";

/** Diagnostics raised by the ingest stage. */
export const ingestMessages: Catalogue = {
};

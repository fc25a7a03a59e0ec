import type { Catalogue } from "./types";

/** Diagnostics raised by the ssda903 stage. */
export const ssda903Messages: Catalogue = {
};

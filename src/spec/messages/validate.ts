import type { Catalogue } from "./types";

/** Diagnostics raised by the validate stage. */
export const validateMessages: Catalogue = {
};

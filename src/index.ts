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

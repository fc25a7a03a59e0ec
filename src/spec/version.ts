/** The toolkit's version, written into manifests and printed by `suff --version`. */
export const TOOLKIT_VERSION = "0.1.0";

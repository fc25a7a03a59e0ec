import tseslint from "typescript-eslint";
import layers from "./eslint-rules/layers.js";

export default tseslint.config(
  { ignores: ["node_modules/**", "reports/**", "bench/out/**", "data-templates/**", "notebooks/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    plugins: { layers },
    rules: {
      "layers/layer-direction": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
      "no-console": "off",
    },
  },
);

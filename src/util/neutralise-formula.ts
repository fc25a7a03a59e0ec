/**
 * Make a text cell safe for spreadsheets: text beginning with `=`, `+`, `-`, `@`, tab or
 * carriage return is prefixed with a single quote so Excel/LibreOffice never evaluate it
 * (OWASP "CSV injection"). Numbers are never passed here: only text.
 * @example neutraliseFormula("=SUM(A1)") // "'=SUM(A1)"
 * @example neutraliseFormula("-5 children") // "'-5 children"
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

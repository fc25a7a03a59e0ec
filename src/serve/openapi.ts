/**
 * The API's OpenAPI 3.1 description, served at /api/openapi.json and summarised at
 * /api/docs.
 */
import { esc, page, table } from "./pages/layout.ts";
import type { User } from "./storage/people.ts";

const error = { description: "", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
const err = (description: string) => ({ ...error, description });
const json = (description: string, schema: object = { type: "object" }) => ({ description, content: { "application/json": { schema } } });
const idParam = { name: "id", in: "path", required: true, schema: { type: "integer" } };
const periodQuery = (required: boolean) => ({ name: "period", in: "query", required, schema: { type: "string", pattern: "^[0-9]{4}$" }, description: "Collection year, the year ending 31 March (e.g. 2026)." });
const common = { 401: err("Not signed in, or the token is not valid."), 403: err("Signed in, but the role or LA does not allow this."), 404: err("No such resource that you can read (another LA's return is not found).") };

export const OPENAPI = {
  openapi: "3.1.0",
  info: { title: "Sufficiency Toolkit collection service", version: "1", description: "LAs submit their sufficiency returns; regional leads and DfE read them. Authenticate with POST /api/session (cookie) or a token: Authorization: Bearer suff_..." },
  components: {
    securitySchemes: { cookie: { type: "apiKey", in: "cookie", name: "suff_session" }, token: { type: "http", scheme: "bearer" } },
    schemas: {
      Error: { type: "object", required: ["error"], properties: { error: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" }, hint: { type: "string" } } } } },
      Diagnostic: { type: "object", required: ["code", "severity", "message"], properties: { code: { type: "string" }, severity: { enum: ["error", "warning", "info"] }, file: { type: "string" }, sheet: { type: "string" }, cell: { type: "string", description: "A1 reference in the workbook" }, row: { type: "integer", description: "CSV line (header = 1)" }, column: { type: "string" }, message: { type: "string" }, hint: { type: "string" } } },
      Upload: { type: "object", required: ["id", "status", "diagnostics"], properties: { id: { type: "integer" }, version: { type: "integer" }, la: { type: "string" }, period: { type: "string" }, status: { enum: ["draft", "submitted"] }, errors: { type: "integer" }, warnings: { type: "integer" }, diagnostics: { type: "array", items: { $ref: "#/components/schemas/Diagnostic" } } } },
      Version: { type: "object", properties: { id: { type: "integer" }, la_code: { type: "string" }, period: { type: "string" }, version: { type: "integer" }, status: { enum: ["draft", "submitted", "superseded"] }, file_name: { type: "string" }, file_kind: { type: "string" }, sha256: { type: "string" }, uploaded_by: { type: "string" }, uploaded_at: { type: "string", format: "date-time" }, submitted_by: { type: ["string", "null"] }, submitted_at: { type: ["string", "null"], format: "date-time" }, errors: { type: "integer" }, warnings: { type: "integer" }, rows_stored: { type: "integer" } } },
    },
  },
  security: [{ cookie: [] }, { token: [] }],
  paths: {
    "/api/session": {
      post: { summary: "Sign in: sets the HTTP-only session cookie", security: [], requestBody: { required: true, content: { "application/json": { schema: { type: "object", required: ["email", "password"], properties: { email: { type: "string" }, password: { type: "string" } } } } } }, responses: { 200: json("Signed in; the body repeats who you are and the CSRF token for forms."), 401: err("Wrong email or password."), 429: err("Too many attempts.") } },
      delete: { summary: "Sign out", responses: { 204: { description: "Signed out." } } },
    },
    "/api/me": { get: { summary: "Who you are", responses: { 200: json("The signed-in user."), 401: common[401] } } },
    "/api/tokens": { post: { summary: "Create a machine token for yourself (session only; shown once)", requestBody: { content: { "application/json": { schema: { type: "object", properties: { name: { type: "string" } } } } } }, responses: { 201: json("The token."), 401: common[401], 403: common[403] } } },
    "/api/users": {
      post: { summary: "Add a person (admins)", requestBody: { required: true, content: { "application/json": { schema: { type: "object", required: ["email", "role", "password"], properties: { email: { type: "string" }, role: { enum: ["submitter", "lead", "analyst", "admin"] }, la: { type: "string" }, footprint: { type: "string" }, password: { type: "string", minLength: 12 } } } } } }, responses: { 201: json("{id}"), 401: common[401], 403: common[403], 409: err("The email is taken."), 422: err("Bad role, LA, footprint or password.") } },
      get: { summary: "The people (admins)", responses: { 200: json("{users}"), 401: common[401], 403: common[403] } },
    },
    "/api/periods": {
      get: { summary: "Collection periods and their due dates", responses: { 200: json("{periods: [{period, due}]}"), 401: common[401] } },
      post: { summary: "Set a collection period's due date (admins)", requestBody: { required: true, content: { "application/json": { schema: { type: "object", required: ["period", "due"], properties: { period: { type: "string", pattern: "^[0-9]{4}$" }, due: { type: "string", format: "date" } } } } } }, responses: { 201: json("{period, due}"), 401: common[401], 403: common[403], 422: err("Bad period or date.") } },
    },
    "/api/returns": {
      post: {
        summary: "Upload a return (submitter): a template workbook, a long CSV, or the tables of an SSDA903 extract",
        requestBody: { required: true, content: { "multipart/form-data": { schema: { type: "object", required: ["file", "period"], properties: { file: { type: "string", format: "binary", description: "Repeat for the tables of an SSDA903 extract." }, period: { type: "string" }, submit: { type: "string", enum: ["true", "false"], description: "Submit at once if there are no errors (default false: kept as a draft)." } } } } } },
        responses: { 201: json("Stored: a draft, or submitted with submit=true.", { $ref: "#/components/schemas/Upload" }), 422: json("Stored as a draft with errors (body as for 201), or not readable at all (Error).", { oneOf: [{ $ref: "#/components/schemas/Upload" }, { $ref: "#/components/schemas/Error" }] }), 413: err("The file is larger than the limit, or would expand beyond the zip limits."), ...common },
      },
      get: { summary: "Versions you may read, newest first", parameters: [periodQuery(false), { name: "la", in: "query", schema: { type: "string" }, description: "Old DfE LA code" }], responses: { 200: json("{returns: Version[]}"), 401: common[401], 403: common[403], 422: err("Bad period.") } },
    },
    "/api/returns/{id}": { get: { summary: "One version", parameters: [idParam], responses: { 200: json("The version.", { $ref: "#/components/schemas/Version" }), ...common } } },
    "/api/returns/{id}/diagnostics": { get: { summary: "A version's diagnostics, each pointing at its sheet and cell (or CSV line)", parameters: [idParam], responses: { 200: json("{id, status, errors, warnings, diagnostics}"), ...common } } },
    "/api/returns/{id}/submit": { post: { summary: "Submit a draft with no errors", parameters: [idParam], responses: { 200: json("The submitted version.", { $ref: "#/components/schemas/Version" }), 409: err("Not a draft, or it has errors."), ...common } } },
    "/api/returns/{id}/diff": { get: { summary: "Cells that differ from the previous version (or ?from=ID)", parameters: [idParam, { name: "from", in: "query", schema: { type: "integer" } }], responses: { 200: json("{from, to, changes}"), ...common } } },
    "/api/board": { get: { summary: "Status board of a period (leads, analysts, admins)", parameters: [periodQuery(true)], responses: { 200: json("{period, due, rows, counts}"), 401: common[401], 403: common[403], 422: err("Bad period.") } } },
    "/api/footprints/{code}/aggregate": { get: { summary: "The footprint's aggregate with disclosure control, from the latest submitted returns and the published data", parameters: [{ name: "code", in: "path", required: true, schema: { type: "string" } }, periodQuery(true), { name: "format", in: "query", schema: { enum: ["json", "csv", "xlsx"] } }], responses: { 200: json("The aggregate (JSON, CSV or Excel)."), ...common, 422: err("Bad period.") } } },
    "/api/footprints/{code}/report": { get: { summary: "The footprint's annual report with its forecast (HTML, or the Excel annex)", parameters: [{ name: "code", in: "path", required: true, schema: { type: "string" } }, periodQuery(true), { name: "format", in: "query", schema: { enum: ["html", "xlsx"] } }], responses: { 200: { description: "The report file." }, ...common, 422: err("Too little data for a report, or bad period.") } } },
    "/api/audit": { get: { summary: "The audit log (admins); ?format=csv to export", parameters: [{ name: "format", in: "query", schema: { enum: ["json", "csv"] } }], responses: { 200: json("{entries}"), 401: common[401], 403: common[403] } } },
  },
} as const;

/** A page listing the API's operations. */
export function apiDocsPage(user: User | null, csrf: string | null): string {
  const rows: string[][] = [];
  for (const [path, ops] of Object.entries(OPENAPI.paths)) {
    for (const [method, op] of Object.entries(ops as Record<string, { summary: string; responses: Record<string, unknown> }>)) {
      rows.push([`<code>${method.toUpperCase()}</code>`, `<code>${esc(path)}</code>`, esc(op.summary), esc(Object.keys(op.responses).join(", "))]);
    }
  }
  const body = `<p>The same operations as these pages, for scripts. The full description is <a href="/api/openapi.json">OpenAPI 3.1 JSON</a>. Sign in with <code>POST /api/session</code> (a cookie) or send a token as <code>Authorization: Bearer suff_...</code> (<code>suff users token --email ...</code>).</p>
<pre><code>curl -H "Authorization: Bearer $TOKEN" -F period=2026 -F file=@return.xlsx -F submit=true http://localhost:8080/api/returns</code></pre>
${table("Operations", ["Method", "Path", "What it does", "Responses"], rows)}`;
  return page({ title: "API", user, csrf: csrf ?? undefined, path: "/api/docs", body });
}

// Small builders for SSDA903 test inputs.
import type { Ssda903File } from "../../../src/ingest/ssda903/read-ssda903";

export const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

export const EPISODE_COLUMNS = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN";

/** A header file for children given as [CHILD, DOB]. */
export function header(name: string, children: [string, string][], extra = ""): Ssda903File {
  const lines = [`CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB${extra ? "," + extra.split("=")[0] : ""}`];
  for (const [child, dob] of children) lines.push(`${child},1,${dob},WBRI,A123456789012,,${extra ? "," + extra.split("=")[1] : ""}`);
  return { name, bytes: bytes(lines.join("\n") + "\n") };
}

/** An episodes file from rows "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC" (postcodes and URN added). */
export function episodes(name: string, rows: string[], extraColumns = "", extraValues: string[] = []): Ssda903File {
  const lines = [EPISODE_COLUMNS + (extraColumns ? "," + extraColumns : "")];
  rows.forEach((row, i) => lines.push(`${row},,AB1 2CD,XY9 8ZZ,SC123456${extraValues[i] !== undefined ? "," + extraValues[i] : ""}`));
  return { name, bytes: bytes(lines.join("\n") + "\n") };
}

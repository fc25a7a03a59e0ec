/**
 * Provider-level records of the Ofsted register, as the published-file readers hand them
 * to the cross-file register stage (src/ingest/from-published/assemble-register.ts). No
 * provider names or addresses are kept; nothing here is personal data.
 */

/** One provider as one Ofsted list (or joiners and leavers sheet) records it. */
export interface RegisterEntry {
  /** 1-based row in the file (CSV line of the record). */
  row: number;
  urn: string;
  /** PROVISION_TYPE code. */
  provisionType: string;
  /** SECTOR code. */
  sector: string;
  /** Registered places; null where the list gives none (agencies; the 2015 list). */
  places: number | null;
  /** Old DfE code of the LA the provider is located in, as it was at the list's date. */
  laOldCode: string;
  /** Parliamentary constituency (used only to place a provider across the 2019 Dorset reorganisation). */
  constituency: string;
  /** Owning organisation as written, "" when the list has no owner or gives none. */
  owner: string;
  /** Registration date (ISO), when the list gives one. */
  registrationDate: string | null;
}

/** A list of providers at one date (31 March, or 30 September for the 2014 snapshot). */
export interface RegisterList {
  /** The date the list describes (ISO). */
  date: string;
  /** Whether the list is the whole register (true) or inspected providers only (false), decided from its content. */
  complete: boolean;
  /** Why `complete` was decided so, in words. */
  completeness: string;
  /** Whether the list has an owner column at all. */
  hasOwner: boolean;
  entries: RegisterEntry[];
}

/** A provider that joined or left the register during a year (Ofsted joiners and leavers). */
export interface RegisterEvent extends RegisterEntry {
  /** Date it became active (ISO), if given. */
  activeDate: string | null;
  /** Date it left (resigned, closed or cancelled, the earliest given; ISO), if it is a leaver. */
  leftDate: string | null;
  joiner: boolean;
  leaver: boolean;
}

/** One joiners and leavers sheet: the year ending 31 March it covers and its events. */
export interface RegisterEvents {
  yearEnding: number;
  events: RegisterEvent[];
}

/** What a register reader hands over beside its (empty) dataset rows. */
export type RegisterPayload = { kind: "list"; list: RegisterList } | { kind: "events"; events: RegisterEvents };

/** Per snapshot, what the register stage built: for the manifest and the docs. */
export interface RegisterYearSummary {
  time_period: string;
  time_identifier: string;
  /** "complete" (a whole-register list), "rebuilt" (inspected-only list plus rebuilt providers). */
  basis: "complete" | "rebuilt";
  providers_listed: number;
  providers_rebuilt: number;
  places_rebuilt: number;
  childrens_homes_listed: number;
  childrens_homes_rebuilt: number;
  /** Listed providers whose places were taken from the nearest other list (the list gave none). */
  places_imputed: number;
  /** The files the year's list came from. */
  files: string[];
  /** Openings and closures in the year ending 31 March (reporting years only): their source and counts. */
  openings_source?: string;
  providers_opened?: number;
  providers_closed?: number;
}

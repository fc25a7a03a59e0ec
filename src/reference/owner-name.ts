/**
 * The owning organisation of an Ofsted-registered provider, as a stable dimension value.
 * Ofsted writes the same organisation with different case, spacing and company suffixes
 * across years ("Keys Group Limited", "KEYS GROUP LTD ", "Keys Group Ltd."). The value is
 * the name with spacing collapsed and a trailing Limited/Ltd/PLC/LLP written one way;
 * `ownerKey` is the case-insensitive key used to group spellings, and the most recent
 * spelling of a key is shown. This does not find the ultimate parent company: subsidiaries
 * of one group stay separate, as Ofsted records them.
 *
 * Reference: Ofsted, Children's social care data in England, provider-level data
 * ("Organisation which owns the provider").
 */
import { OWNER_NOT_RECORDED, TOTAL } from "./code-lists.ts";

/**
 * The grouping key of an owner name: lower case, punctuation and company suffixes dropped.
 * @throws never
 * @example ownerKey("KEYS GROUP LTD. ") // "keys group"
 */
export function ownerKey(name: string): string {
  let text = name.normalize("NFKC").toLowerCase().replace(/[\u2018\u2019`]/g, "'").replace(/&/g, " and ");
  text = text.replace(/[.,()"]/g, " ").replace(/\s+/g, " ").trim();
  for (;;) {
    const shorter = text.replace(/\s+(limited|ltd|plc|llp|uk|cic)$/, "").trim();
    if (shorter === text) break;
    text = shorter;
  }
  return text;
}

/**
 * The owning_group value of an owner as written in a list: trimmed, spacing collapsed,
 * or OWNER_NOT_RECORDED when blank or a placeholder. The reserved word "total" is never
 * returned for a real owner.
 * @throws never
 * @example ownerName("  Keys  Group Ltd ") // "Keys Group Ltd"
 */
export function ownerName(raw: string): string {
  const text = raw.normalize("NFKC").replace(/\s+/g, " ").trim();
  if (text === "" || /^(-|n\/?a|none|not known|unknown|redacted)$/i.test(text)) return OWNER_NOT_RECORDED;
  if (text.toLowerCase() === TOTAL || text === OWNER_NOT_RECORDED) return `${text} (owner)`;
  return text;
}

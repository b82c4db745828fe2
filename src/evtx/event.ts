/**
 * The normalised event: what `dump --format jsonl` prints and what ingest loads.
 * Built from a record's tree by the reader, and from `<Event>` XML exports by ingest,
 * so both sources produce identical rows.
 */

/** JSON-compatible value. u64 numbers beyond 2^53 are decimal strings. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface EvtxEvent {
  /** System/Provider/@Name */
  provider: string | null;
  /** System/Provider/@Guid, `{UPPERCASE}` */
  providerGuid: string | null;
  /** System/Provider/@EventSourceName (classic providers) */
  eventSourceName: string | null;
  eventId: number | null;
  /** System/EventID/@Qualifiers */
  qualifiers: number | null;
  version: number | null;
  level: number | null;
  task: number | null;
  opcode: number | null;
  /** System/Keywords as written by Windows: `0x8080000000000000` */
  keywords: string | null;
  /** System/TimeCreated/@SystemTime as FILETIME ticks (100 ns since 1601-01-01 UTC) */
  timeCreated: bigint | null;
  /** System/EventRecordID (the event's own number; may differ from the record header id) */
  eventRecordId: bigint | null;
  activityId: string | null;
  relatedActivityId: string | null;
  processId: number | null;
  threadId: number | null;
  channel: string | null;
  computer: string | null;
  /** System/Security/@UserID */
  userSid: string | null;
  /**
   * EventData flattened by `Name`; unnamed `<Data>` elements are keyed by their 1-based
   * position among the Data elements as `"#1"`, `"#2"`…; EventData `<Binary>` is key `"Binary"`
   * (hex). UserData is kept as a tree: `{ [rootElement]: { child: value | tree, … } }`, repeated
   * names become arrays, attributes are under `"#attributes"`. Null when neither is present.
   */
  data: { [key: string]: JsonValue } | null;
  /**
   * Every EventData/UserData leaf value in document order as display text
   * (the `%1…%n` insertion strings of classic message templates).
   */
  values: string[];
}

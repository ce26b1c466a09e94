// Generated from the Rust types in rapport-core by `make bindings`. Do not edit by hand.

export type ErrorCode = "key_missing" | "keyring_unavailable" | "wrong_passphrase" | "passphrase_required" | "passphrase_too_short" | "not_a_rapport_database" | "corrupt_database" | "header_missing" | "database_missing" | "store_exists" | "store_locked" | "schema_too_new" | "invalid_input" | "not_found" | "import_invalid" | "store_not_empty" | "io" | "storage";

export type ErrorBody = { code: ErrorCode, message: string, };

export type KeyBackend = "keyring" | "passphrase";

export type StoreState = "needs_setup" | "locked" | "unlocked";

export type AppStatus = { state: StoreState, data_dir: string, keyring_available: boolean, key_backend: KeyBackend | null, 
/**
 * Why a present store is not open, when it is not a plain passphrase prompt.
 */
problem: ErrorBody | null, };

export type SetupRequest = { backend: KeyBackend, passphrase: string | null, with_demo: boolean, };

export type Level = "junior" | "confirmed" | "senior" | "staff_plus";

export type Cadence = "weekly" | "biweekly" | "monthly";

export type PersonSummary = { id: string, name: string, email: string | null, role: string, level: Level, archived: boolean, };

export type Person = { id: string, name: string, email: string | null, role: string, level: Level, start_date: string | null, focus_areas: Array<string>, 
/**
 * The manager's override of the level's proposed cadence.
 */
cadence: Cadence | null, career_talk_every_days: number | null, default_template_id: string | null, archived: boolean, created_at: string, updated_at: string, };

export type DemoSummary = { people: number, meetings: number, action_items: number, highlights: number, };

// The only module that talks to the Rust side. Every command is typed with the
// generated bindings, and every failure comes out as an ErrorBody.
import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import type { AppStatus, ErrorBody, PersonSummary, SetupRequest } from './bindings';

const FALLBACK_MESSAGE = 'Something went wrong while talking to Rapport.';
const NO_BRIDGE_MESSAGE =
  'This window is not connected to Rapport. Open it from the Rapport application.';

/** True when `value` already has the `{ code, message }` shape the backend sends. */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return typeof code === 'string' && code !== '' && typeof message === 'string';
}

/**
 * Turns anything a failed call can produce into an ErrorBody. Backend errors pass
 * through unchanged; anything else becomes an "io" error with a readable message.
 */
export function toErrorBody(error: unknown): ErrorBody {
  if (isErrorBody(error)) return { code: error.code, message: error.message };
  let message = FALLBACK_MESSAGE;
  if (error instanceof Error && error.message.trim() !== '') {
    message = error.message;
  } else if (typeof error === 'string' && error.trim() !== '') {
    message = error;
  } else if (typeof error === 'object' && error !== null) {
    const text = (error as Record<string, unknown>).message;
    if (typeof text === 'string' && text.trim() !== '') message = text;
  }
  return { code: 'io', message };
}

function bridgeAvailable(): boolean {
  const internals = (window as unknown as { __TAURI_INTERNALS__?: { invoke?: unknown } })
    .__TAURI_INTERNALS__;
  return typeof internals?.invoke === 'function';
}

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  if (!bridgeAvailable()) {
    throw { code: 'io', message: NO_BRIDGE_MESSAGE } satisfies ErrorBody;
  }
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toErrorBody(error);
  }
}

/** Where the store is, and whether it needs setting up, unlocking, or is open. */
export function appStatus(): Promise<AppStatus> {
  return call<AppStatus>('app_status');
}

/** Creates the encrypted store. Never overwrites an existing one. */
export function createStore(request: SetupRequest): Promise<AppStatus> {
  return call<AppStatus>('create_store', { request });
}

/** Opens a passphrase-protected store. */
export function unlockStore(passphrase: string): Promise<AppStatus> {
  return call<AppStatus>('unlock_store', { passphrase });
}

/** Everyone the manager holds 1:1s with, archived people included. */
export function listPeople(): Promise<PersonSummary[]> {
  return call<PersonSummary[]>('list_people');
}

import { mockIPC } from '@tauri-apps/api/mocks';
import type { AppStatus, PersonSummary } from '../lib/bindings';

export const DATA_DIR = '/home/sam/.local/share/rapport';

export function status(overrides: Partial<AppStatus> = {}): AppStatus {
  return {
    state: 'needs_setup',
    data_dir: DATA_DIR,
    keyring_available: true,
    key_backend: null,
    has_recovery_key: false,
    recovery_key_pending: false,
    needs_new_key: false,
    session_locked: false,
    problem: null,
    ...overrides,
  };
}

export const PEOPLE: PersonSummary[] = [
  {
    id: 'p-ada',
    name: 'Ada Okafor',
    email: 'ada@example.com',
    role: 'Backend engineer',
    level: 'senior',
    archived: false,
  },
  {
    id: 'p-ben',
    name: 'Ben Moreau',
    email: null,
    role: 'Frontend engineer',
    level: 'junior',
    archived: false,
  },
  {
    id: 'p-chen',
    name: 'Chen Li',
    email: 'chen@example.com',
    role: 'Platform engineer',
    level: 'staff_plus',
    archived: false,
  },
  {
    id: 'p-dana',
    name: 'Dana Kowalski',
    email: 'dana@example.com',
    role: 'QA engineer',
    level: 'confirmed',
    archived: true,
  },
];

/** The invoke calls a mocked backend received, in order. */
export type Call = { cmd: string; args: unknown };

/**
 * Mocks the Rust side with one handler per command and records every call.
 * A handler that throws makes the invoke reject with what it threw.
 *
 * Events are mocked too: `emit` from '@tauri-apps/api/event' reaches the
 * screens' `listen`ers, and neither shows up in the calls.
 */
export function mockBackend(handlers: Record<string, (args: unknown) => unknown>): Call[] {
  const calls: Call[] = [];
  mockIPC(
    (cmd, args) => {
      calls.push({ cmd, args });
      const handler = handlers[cmd];
      if (!handler) throw { code: 'io', message: `Unexpected command ${cmd}` };
      return handler(args);
    },
    { shouldMockEvents: true },
  );
  return calls;
}

export function commands(calls: Call[]): string[] {
  return calls.map((call) => call.cmd);
}

import { mockIPC } from '@tauri-apps/api/mocks';
import type { AppStatus, FirstScreen, PersonSummary, StartUp, Today } from '../lib/bindings';

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

/**
 * The window's first call, answered the way the app answers it: the status
 * from `app_status` and, when the window opens on its main screens, the
 * people and Today from `list_people` and `get_today`. Without those two
 * handlers, or when either throws, the screens ask for their own data.
 */
function startUpFrom(handlers: Record<string, (args: unknown) => unknown>): () => StartUp {
  return () => {
    const appStatus = handlers.app_status;
    if (!appStatus) throw { code: 'io', message: 'Unexpected command start_up' };
    const current = appStatus(undefined) as AppStatus;
    const opensMain =
      current.state === 'unlocked' && !current.needs_new_key && !current.recovery_key_pending;
    const { list_people: people, get_today: today } = handlers;
    let firstScreen: FirstScreen | null = null;
    if (opensMain && people && today) {
      try {
        firstScreen = {
          people: people(undefined) as PersonSummary[],
          today: today(undefined) as Today,
        };
      } catch {
        firstScreen = null;
      }
    }
    return { status: current, first_screen: firstScreen, desktop_font: null };
  };
}

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
  const withStartUp: Record<string, (args: unknown) => unknown> = {
    start_up: startUpFrom(handlers),
    ...handlers,
  };
  mockIPC(
    (cmd, args) => {
      calls.push({ cmd, args });
      const handler = withStartUp[cmd];
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

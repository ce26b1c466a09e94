// A command has to be named in four places before the window can call it: the
// build script (which makes its permission), the handler list, the window's
// capability, and the UI's api module. A name missing from any of them fails only
// at run time, as a "not allowed" or "not found" error, so this test compares them.
import { describe, expect, it } from 'vitest';
import buildScript from '../../../src-tauri/build.rs?raw';
import appCapability from '../../../src-tauri/capabilities/main.json?raw';
import appLib from '../../../src-tauri/src/lib.rs?raw';
import apiModule from '../lib/api.ts?raw';

/** The text between `start` and the first `end` after it. */
function between(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  if (from < 0) throw new Error(`"${start}" not found`);
  const to = text.indexOf(end, from + start.length);
  if (to < 0) throw new Error(`no "${end}" after "${start}"`);
  return text.slice(from + start.length, to);
}

function matches(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((match) => match[1] ?? '');
}

function buildScriptCommands(source: string): string[] {
  return matches(between(source, 'const COMMANDS', '];'), /"([a-z0-9_]+)"/g);
}

function handlerCommands(source: string): string[] {
  return matches(
    between(source, 'tauri::generate_handler![', ']'),
    /(?:[a-z0-9_]+::)*([a-z0-9_]+)\s*,?/g,
  );
}

/** Permissions are kebab-case (`allow-get-today` for `get_today`). */
function capabilityCommands(json: string): string[] {
  const { permissions } = JSON.parse(json) as { permissions: unknown[] };
  return permissions
    .filter((entry): entry is string => typeof entry === 'string')
    .filter((entry) => entry.startsWith('allow-'))
    .map((entry) => entry.slice('allow-'.length).replaceAll('-', '_'));
}

function apiCommands(source: string): string[] {
  return matches(source, /\bcall(?:<[^(]*>)?\(\s*'([a-z0-9_]+)'/g);
}

const lists: Record<string, string[]> = {
  'src-tauri/build.rs COMMANDS': buildScriptCommands(buildScript),
  'src-tauri/src/lib.rs generate_handler!': handlerCommands(appLib),
  'src-tauri/capabilities/main.json permissions': capabilityCommands(appCapability),
  'ui/src/lib/api.ts calls': apiCommands(apiModule),
};

/** One line per list that lacks a name some other list has. */
function disagreements(named: Record<string, string[]>): string[] {
  const everyName = new Set(Object.values(named).flat());
  const lines: string[] = [];
  for (const [where, names] of Object.entries(named)) {
    const present = new Set(names);
    const missing = [...everyName].filter((name) => !present.has(name)).sort();
    if (missing.length > 0) lines.push(`${where} lacks: ${missing.join(', ')}`);
  }
  return lines;
}

describe('app command lists', () => {
  it('finds commands in every list', () => {
    for (const [where, names] of Object.entries(lists)) {
      expect(names.length, where).toBeGreaterThan(10);
    }
  });

  it('names each command once per list', () => {
    for (const [where, names] of Object.entries(lists)) {
      const repeated = names.filter((name, index) => names.indexOf(name) !== index);
      expect(repeated, where).toEqual([]);
    }
  });

  it('agree on the same commands in all four places', () => {
    expect(disagreements(lists)).toEqual([]);
  });

  it('reports which list lacks which name', () => {
    expect(disagreements({ one: ['a', 'b'], two: ['a'], three: ['a', 'b', 'c'] })).toEqual([
      'one lacks: c',
      'two lacks: b, c',
    ]);
  });
});

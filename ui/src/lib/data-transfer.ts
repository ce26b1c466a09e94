// What Settings → Data says once an export or an import is done, and while a
// vault is written.
import type { ImportedData, ImportedSeries, VaultProgress, VaultWritten } from './bindings';
import { describeSeries } from './labels';
import { peopleCount } from './people';
import { firstName } from './session-format';
import { formatWhen } from './time';

// Counts read the same in every line of the app: "4,321".
const COUNT = new Intl.NumberFormat('en-US');

/** "Exported to /home/sam/rapport.json". */
export function exportedLine(path: string): string {
  return `Exported to ${path}`;
}

/** "Wrote 4,321 files to /home/sam/Notes/Rapport". */
export function vaultLine(written: VaultWritten): string {
  const files = written.files === 1 ? '1 file' : `${COUNT.format(written.files)} files`;
  return `Wrote ${files} to ${written.folder}`;
}

/** "Writing 120 of 4,321 files". */
export function writingLine(progress: VaultProgress): string {
  return `Writing ${COUNT.format(progress.done)} of ${COUNT.format(progress.total)} files`;
}

/** "Imported 6 people and 120 1:1s". */
export function importedLine(imported: ImportedData): string {
  const meetings = imported.meetings === 1 ? '1 1:1' : `${COUNT.format(imported.meetings)} 1:1s`;
  return `Imported ${peopleCount(imported.people)} and ${meetings}`;
}

/**
 * "Set up Ada's recurring 1:1 from "Weekly sync": weekly on Thursday at
 * 2:00 PM (Europe/Paris), 30 min. Next: Tomorrow 2:00 PM."
 */
export function seriesLine(
  personName: string,
  imported: ImportedSeries,
  now: string | Date = new Date(),
): string {
  const summary = imported.source_summary.trim();
  const source = summary === '' ? 'the calendar file' : `"${summary}"`;
  const described = describeSeries(imported.series);
  // The description opens a sentence on its own; here it follows a colon.
  const rhythm = described.charAt(0).toLowerCase() + described.slice(1);
  const next = imported.next_meeting;
  const after = next ? ` Next: ${formatWhen(next.scheduled_start, next.time_zone, now)}.` : '';
  return `Set up ${firstName(personName)}'s recurring 1:1 from ${source}: ${rhythm}.${after}`;
}

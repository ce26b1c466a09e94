// Words and small rules for the coaching toolkit: feedback in the SBI form,
// growth plans and their checkpoints, mood check-ins, the question bank.
import type {
  AgendaItem,
  AgendaItemInput,
  Checkpoint,
  CheckpointStatus,
  Feedback,
  FeedbackInput,
  FeedbackStatus,
  FeedbackTone,
  GrowthPlan,
  Mood,
  MoodCheck,
  PlanStatus,
  PlanText,
  Sbi,
} from './bindings';
import type { IconName } from './icons';
import { daysBetween, type PlainDate } from './time';

export const TONE_LABELS: Record<FeedbackTone, string> = {
  positive: 'Positive',
  constructive: 'Constructive',
};

export const TONES: FeedbackTone[] = Object.keys(TONE_LABELS) as FeedbackTone[];

export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = {
  planned: 'Planned',
  given: 'Given',
};

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  active: 'Active',
  achieved: 'Achieved',
  dropped: 'Dropped',
};

export const PLAN_STATUSES: PlanStatus[] = Object.keys(PLAN_STATUS_LABELS) as PlanStatus[];

export const CHECKPOINT_STATUS_LABELS: Record<CheckpointStatus, string> = {
  pending: 'Pending',
  met: 'Met',
  missed: 'Missed',
};

export const CHECKPOINT_STATUSES: CheckpointStatus[] = Object.keys(
  CHECKPOINT_STATUS_LABELS,
) as CheckpointStatus[];

/** The icon in front of a checkpoint, read with its status label beside it. */
export const CHECKPOINT_ICONS: Record<CheckpointStatus, IconName> = {
  pending: 'circle',
  met: 'circle-check',
  missed: 'circle-x',
};

const NO_WORDS: Sbi = { situation: '', behaviour: '', impact: '', request: null };

/** The words of a feedback entry, whichever side of the privacy line they are on. */
export function feedbackWords(feedback: Feedback): Sbi {
  return feedback.sbi ?? feedback.private_sbi ?? NO_WORDS;
}

export function isPrivateFeedback(feedback: Feedback): boolean {
  return feedback.private_sbi !== undefined && feedback.private_sbi !== null;
}

/** The form's input for an entry as it stands, with `changes` on top. */
export function feedbackInput(feedback: Feedback, changes: Partial<FeedbackInput> = {}): FeedbackInput {
  const words = feedbackWords(feedback);
  return {
    tone: feedback.tone,
    status: feedback.status,
    situation: words.situation,
    behaviour: words.behaviour,
    impact: words.impact,
    request: words.request,
    private: isPrivateFeedback(feedback),
    meeting_id: feedback.meeting_id,
    given_on: feedback.given_on,
    ...changes,
  };
}

const NO_PLAN: PlanText = { goal: '', support: '', evidence: '', checkpoints: [] };

export function planText(plan: GrowthPlan): PlanText {
  return plan.plan ?? plan.private_plan ?? NO_PLAN;
}

export function isPrivatePlan(plan: GrowthPlan): boolean {
  return plan.private_plan !== undefined && plan.private_plan !== null;
}

/** The pending checkpoint due first: the one to talk about next. */
export function nextCheckpoint(checkpoints: readonly Checkpoint[]): Checkpoint | null {
  let next: Checkpoint | null = null;
  for (const checkpoint of checkpoints) {
    if (checkpoint.status !== 'pending') continue;
    if (next === null || checkpoint.due_on < next.due_on) next = checkpoint;
  }
  return next;
}

function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`;
}

/**
 * How a pending checkpoint stands against today: "due today", "due in 3 days",
 * "missed 2 days ago" (still pending past its date).
 */
export function checkpointTiming(dueOn: PlainDate, today: PlainDate): string {
  const ahead = daysBetween(today, dueOn);
  if (ahead === 0) return 'due today';
  if (ahead > 0) return `due in ${days(ahead)}`;
  return `missed ${days(-ahead)} ago`;
}

export function moodOf(check: MoodCheck): Mood | null {
  return check.mood ?? check.private_mood ?? null;
}

export function isPrivateMood(check: MoodCheck): boolean {
  return check.private_mood !== undefined && check.private_mood !== null;
}

/** Lower case without accents, so "resume" finds "Résumé". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** `notes` with `line` as a new last line. */
export function appendLine(notes: string, line: string): string {
  if (notes === '') return line;
  return notes.endsWith('\n') ? `${notes}${line}` : `${notes}\n${line}`;
}

/**
 * A question to avoid carries why in brackets at its end; split it off so the
 * reason reads as a hint under the words.
 */
export function splitHint(text: string): { words: string; hint: string | null } {
  const match = /^(.*\S)\s*\(([^()]+)\)$/s.exec(text);
  if (!match || match[1] === undefined || match[2] === undefined) return { words: text, hint: null };
  return { words: match[1], hint: match[2] };
}

/**
 * The GROW model (seed 000) as a section of the notes: a heading and one
 * line per step to write after.
 */
export const GROW_SECTION = '## GROW\n- Goal: \n- Reality: \n- Options: \n- Will: ';

/**
 * The agenda with a question added as its last item: what `setAgenda` is
 * sent, every item kept as it is.
 */
export function agendaWithQuestion(agenda: readonly AgendaItem[], question: string): AgendaItemInput[] {
  return [
    ...agenda.map((item) => ({
      id: item.id,
      title: item.title,
      minutes: item.minutes,
      prompts: [...item.prompts],
      done: item.done,
    })),
    { id: null, title: question, minutes: 0, prompts: [], done: false },
  ];
}

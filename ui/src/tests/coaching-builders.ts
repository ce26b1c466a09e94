// Typed builders for the coaching toolkit: feedback, growth plans, mood
// check-ins and the question bank.
import type { Checkpoint, Feedback, GrowthPlan, MoodCheck, Question } from '../lib/bindings';

export function feedback(overrides: Partial<Feedback> = {}): Feedback {
  return {
    id: 'f-1',
    person_id: 'p-ada',
    meeting_id: null,
    tone: 'positive',
    status: 'planned',
    given_on: null,
    sbi: {
      situation: 'In Tuesday’s design review',
      behaviour: 'You walked the team through the trade-offs',
      impact: 'We chose in ten minutes instead of an hour',
      request: 'Do it again for the roadmap review',
    },
    created_at: '2024-11-20T10:00:00Z',
    updated_at: '2024-11-20T10:00:00Z',
    ...overrides,
  };
}

export function checkpoint(overrides: Partial<Checkpoint> = {}): Checkpoint {
  return {
    id: 'c-1',
    due_on: '2024-12-15',
    title: 'Runs the design review alone',
    status: 'pending',
    note: '',
    checked_on: null,
    ...overrides,
  };
}

export function growthPlan(overrides: Partial<GrowthPlan> = {}): GrowthPlan {
  return {
    id: 'g-1',
    person_id: 'p-ada',
    status: 'active',
    plan: {
      goal: 'Lead a cross-team project',
      support: 'Introductions to the platform leads',
      evidence: 'The billing migration ships with two teams',
      checkpoints: [
        checkpoint({ id: 'c-met', due_on: '2024-10-15', title: 'Writes the proposal', status: 'met' }),
        checkpoint({ id: 'c-next', due_on: '2024-12-15', title: 'Runs the kick-off' }),
        checkpoint({ id: 'c-later', due_on: '2025-01-15', title: 'First milestone shipped' }),
      ],
    },
    created_at: '2024-09-01T10:00:00Z',
    updated_at: '2024-09-01T10:00:00Z',
    ...overrides,
  };
}

export function moodCheck(score: number, overrides: Partial<MoodCheck> = {}): MoodCheck {
  return {
    id: `mood-${score}`,
    person_id: 'p-ada',
    meeting_id: null,
    recorded_on: '2024-11-21',
    private_mood: { score, word: null },
    created_at: '2024-11-21T13:05:00Z',
    ...overrides,
  };
}

/** A few check-ins, oldest first, one a week. */
export function moodSeries(scores: number[]): MoodCheck[] {
  return scores.map((score, index) =>
    moodCheck(score, {
      id: `mood-${index}`,
      recorded_on: `2024-10-${String(3 + index * 7).padStart(2, '0')}`,
    }),
  );
}

export function question(overrides: Partial<Question> = {}): Question {
  return {
    id: 'cur-going-well',
    category: 'Current state',
    text: "What's been going well recently?",
    source: '001',
    avoid: false,
    builtin: true,
    edited: false,
    hidden: false,
    ...overrides,
  };
}

export const QUESTIONS: Question[] = [
  question(),
  question({ id: 'cur-challenging', text: "What's been challenging?" }),
  question({
    id: 'asp-resume',
    category: 'Career aspirations',
    text: 'What would you like your résumé to say next year?',
  }),
  question({
    id: 'wrk-hardest',
    category: 'Questions that work',
    text: 'What is the hardest part of your job right now?',
    source: '004',
  }),
  question({
    id: 'avd-okay',
    category: 'Questions to avoid',
    text: '"Everything going okay?" (invites a yes; ask what is hardest instead)',
    source: '004',
    avoid: true,
  }),
  question({
    id: 'q-own',
    category: 'Current state',
    text: 'What did you learn this week?',
    source: null,
    builtin: false,
  }),
];

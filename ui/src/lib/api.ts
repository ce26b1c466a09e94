// The only module that talks to the Rust side. Every command is typed with the
// generated bindings, and every failure comes out as an ErrorBody.
import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import { emit, listen, type UnlistenFn } from '@tauri-apps/api/event';
import type {
  ActionEdit,
  ActionInput,
  ActionItemView,
  ActionStatus,
  AgendaItem,
  AgendaItemInput,
  AppStatus,
  BackupInfo,
  BackupStatus,
  AutoLock,
  CancelledBy,
  DetailRequest,
  StatsDetail,
  StatsPeriod,
  TeamStats,
  EndSummary,
  ErrorBody,
  FinishRequest,
  FinishResult,
  HistoryPage,
  HistoryRequest,
  Highlight,
  HighlightInput,
  LocalSlot,
  Meeting,
  MeetingFormat,
  MeetingView,
  NextPlan,
  NextProposal,
  NotesPatch,
  OneOffInput,
  Person,
  PersonInput,
  PersonPage,
  PersonSummary,
  Prep,
  ReminderOffsets,
  RestorePreview,
  ReviewPacket,
  ReviewRequest,
  SearchRequest,
  SearchResults,
  Series,
  SeriesInput,
  SessionView,
  Settings,
  KeyChangeRequest,
  SetupRequest,
  TemplateInput,
  TemplateView,
  Today,
  Checklists,
  ImportedData,
  ImportedSeries,
  InviteTarget,
  NotesFormat,
  VaultProgress,
  VaultWritten,
  Topic,
  TopicInput,
  Feedback,
  FeedbackInput,
  GrowthPlan,
  GrowthPlanInput,
  MoodCheck,
  MoodInput,
  Question,
  QuestionInput,
  StartUp,
} from './bindings';

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

// Who wants to know that a command found the store locked (the app then
// shows the unlock screen, whichever screen made the call).
const lockedWatchers = new Set<() => void>();

/** Calls `handler` whenever a command answers `store_locked`. Returns the function that stops it. */
export function onStoreLockedError(handler: () => void): () => void {
  lockedWatchers.add(handler);
  return () => lockedWatchers.delete(handler);
}

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  if (!bridgeAvailable()) {
    throw { code: 'io', message: NO_BRIDGE_MESSAGE } satisfies ErrorBody;
  }
  return answerOf(invoke<T>(command, args));
}

/** A command's answer, or its refusal as an `ErrorBody`. */
async function answerOf<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    const body = toErrorBody(error);
    if (body.code === 'store_locked') lockedWatchers.forEach((watcher) => watcher());
    throw body;
  }
}

/** Where the store is, and whether it needs setting up, unlocking, or is open. */
export function appStatus(): Promise<AppStatus> {
  return call<AppStatus>('app_status');
}

/** The window's first call: the status and, when the window opens on its
 * main screens, the people and Today, so the first screen is drawn in one go. */
export function startUp(): Promise<StartUp> {
  const early = takeEarlyStartUp();
  return early ? answerOf(early) : call<StartUp>('start_up');
}

/** Tells the app the page has its code, styles and theme, so the window
 * comes up while the first screen is drawn. Should the call fail, the page's
 * finished load shows the window instead. */
export function windowReady(): Promise<void> {
  return call<void>('window_ready');
}

/** Tells the app the 12- or 24-hour clock the window writes times with, so
 * what the app writes for the manager (shared notes, invites, the tray's
 * next 1:1) says times the same way. */
export function setClockHours(twelve: boolean): Promise<void> {
  return call<void>('set_clock_hours', { twelve });
}

/** The `start_up` call public/start-up.js made as the page began: taken
 * once, so a later start-up (after a lock) asks afresh. */
function takeEarlyStartUp(): Promise<StartUp> | undefined {
  const page = window as unknown as { __RAPPORT_START_UP__?: Promise<StartUp> };
  const early = page.__RAPPORT_START_UP__;
  delete page.__RAPPORT_START_UP__;
  return early;
}

/** Creates the encrypted store. Never overwrites an existing one. */
export function createStore(request: SetupRequest): Promise<AppStatus> {
  return call<AppStatus>('create_store', { request });
}

/** Opens a passphrase-protected store. */
export function unlockStore(passphrase: string): Promise<AppStatus> {
  return call<AppStatus>('unlock_store', { passphrase });
}

/** Opens the store with its recovery key, typed or pasted. */
export function unlockWithRecoveryKey(recoveryKey: string): Promise<AppStatus> {
  return call<AppStatus>('unlock_with_recovery_key', { recoveryKey });
}

/** Opens a locked keyring store again: reads the keyring once more. */
export function unlockWithKeyring(): Promise<AppStatus> {
  return call<AppStatus>('unlock_with_keyring');
}

/** Saves pending typing, closes the store (its key leaves memory) and answers the locked status. */
export function lockApp(): Promise<AppStatus> {
  return call<AppStatus>('lock_app');
}

/** Tells the app the manager is at the keyboard (idle locking counts from the last one). */
export function noteActivity(): Promise<void> {
  return call<void>('note_activity');
}

/** How long the window may stay idle before it locks. */
export function getAutoLock(): Promise<AutoLock> {
  return call<AutoLock>('get_auto_lock');
}

/** Sets the idle time in minutes; null: never lock by itself. */
export function setAutoLock(idleMinutes: number | null): Promise<AutoLock> {
  return call<AutoLock>('set_auto_lock', { idleMinutes });
}

/** The store's recovery key, in groups of four, for the manager to copy. */
export function getRecoveryKey(): Promise<string> {
  return call<string>('get_recovery_key');
}

/** Writes the recovery key to an owner-only file the manager chose. */
export function saveRecoveryKey(path: string): Promise<void> {
  return call<void>('save_recovery_key', { path });
}

/** The manager says the recovery key is stored somewhere safe. */
export function confirmRecoveryKey(): Promise<AppStatus> {
  return call<AppStatus>('confirm_recovery_key');
}

/** Makes a new recovery key; the old one no longer opens the store. */
export function replaceRecoveryKey(): Promise<AppStatus> {
  return call<AppStatus>('replace_recovery_key');
}

/** Unlock with a passphrase or the keyring from now on (rewraps; nothing re-encrypted). */
export function changeKey(request: KeyChangeRequest): Promise<AppStatus> {
  return call<AppStatus>('change_key', { request });
}

/** A new data key for every page; a passphrase store confirms with its passphrase. */
export function reencryptStore(passphrase: string | null): Promise<void> {
  return call<void>('reencrypt_store', { passphrase });
}

/** Everyone the manager holds 1:1s with, archived people included. */
export function listPeople(): Promise<PersonSummary[]> {
  return call<PersonSummary[]>('list_people');
}

// --- The 1:1 loop -------------------------------------------------------------

/** Upcoming 1:1s, overdue action items, and who is past their cadence. */
export function getToday(): Promise<Today> {
  return call<Today>('get_today');
}

/** The running document of a person; `historyLimit` null gives the full history. */
export function getPersonPage(personId: string, historyLimit: number | null): Promise<PersonPage> {
  return call<PersonPage>('get_person_page', { personId, historyLimit });
}

// --- Between the meetings ------------------------------------------------------

/** Searches every note, agenda, action item, highlight and focus area. */
export function search(request: SearchRequest): Promise<SearchResults> {
  return call<SearchResults>('search', { request });
}

/** A page of a person's past 1:1s, newest first. */
export function getHistory(request: HistoryRequest): Promise<HistoryPage> {
  return call<HistoryPage>('get_history', { request });
}

/** One 1:1 in full, for reading. */
export function getMeetingView(meetingId: string): Promise<MeetingView> {
  return call<MeetingView>('get_meeting_view', { meetingId });
}

/** A person's review packet for a period; manager-only unless `shareable`. */
export function getReviewPacket(request: ReviewRequest): Promise<ReviewPacket> {
  return call<ReviewPacket>('get_review_packet', { request });
}

/** Writes the review packet (Markdown, or a printable page when `html`) at `path`. */
export function saveReviewPacket(request: ReviewRequest, html: boolean, path: string): Promise<void> {
  return call<void>('save_review_packet', { request, html, path });
}

export function getPrep(personId: string): Promise<Prep> {
  return call<Prep>('get_prep', { personId });
}

export function savePrepNotes(meetingId: string, notes: string): Promise<void> {
  return call<void>('save_prep_notes', { meetingId, notes });
}

export function getSession(meetingId: string): Promise<SessionView> {
  return call<SessionView>('get_session', { meetingId });
}

/** Starts a scheduled 1:1 (or returns it if it is already running). */
export function startSession(meetingId: string): Promise<SessionView> {
  return call<SessionView>('start_session', { meetingId });
}

/** "Start 1:1 Now": resumes, holds the prepared 1:1 now, or starts an ad-hoc one. */
export function startSessionNow(personId: string): Promise<SessionView> {
  return call<SessionView>('start_session_now', { personId });
}

/** Saves the given notes fields; resolves to the time of the save (RFC 3339). */
export function saveNotes(meetingId: string, patch: NotesPatch): Promise<string> {
  return call<string>('save_notes', { meetingId, patch });
}

export function setMeetingFormat(meetingId: string, format: MeetingFormat): Promise<Meeting> {
  return call<Meeting>('set_meeting_format', { meetingId, format });
}

export function setAgenda(meetingId: string, items: AgendaItemInput[]): Promise<AgendaItem[]> {
  return call<AgendaItem[]>('set_agenda', { meetingId, items });
}

export function checkAgendaItem(meetingId: string, itemId: string, done: boolean): Promise<void> {
  return call<void>('check_agenda_item', { meetingId, itemId, done });
}

export function addActionItem(personId: string, input: ActionInput): Promise<ActionItemView> {
  return call<ActionItemView>('add_action_item', { personId, input });
}

/** "End Session": stops the clock and returns the summary. */
export function endSession(meetingId: string): Promise<EndSummary> {
  return call<EndSummary>('end_session', { meetingId });
}

/** Back from the summary to the running session. */
export function resumeSession(meetingId: string): Promise<SessionView> {
  return call<SessionView>('resume_session', { meetingId });
}

/** "Save Session & Schedule Next". */
export function finishSession(meetingId: string, request: FinishRequest): Promise<FinishResult> {
  return call<FinishResult>('finish_session', { meetingId, request });
}

// --- Scheduling ----------------------------------------------------------------

export function createSeries(personId: string, input: SeriesInput): Promise<Series> {
  return call<Series>('create_series', { personId, input });
}

export function updateSeries(seriesId: string, input: SeriesInput): Promise<Series> {
  return call<Series>('update_series', { seriesId, input });
}

/** Stops a recurring 1:1 after `lastDay` (YYYY-MM-DD). */
export function endSeries(seriesId: string, lastDay: string): Promise<Series> {
  return call<Series>('end_series', { seriesId, lastDay });
}

export function scheduleOneOff(personId: string, input: OneOffInput): Promise<Meeting> {
  return call<Meeting>('schedule_one_off', { personId, input });
}

export function rescheduleMeeting(meetingId: string, slot: LocalSlot): Promise<Meeting> {
  return call<Meeting>('reschedule_meeting', { meetingId, slot });
}

export function cancelMeeting(meetingId: string, reason: string, by: CancelledBy): Promise<Meeting> {
  return call<Meeting>('cancel_meeting', { meetingId, reason, by });
}

/** The next 1:1 the rhythm suggests after the given one. */
export function proposeNext(meetingId: string): Promise<NextProposal> {
  return call<NextProposal>('propose_next', { meetingId });
}

export function scheduleNext(meetingId: string, plan: NextPlan): Promise<Meeting | null> {
  return call<Meeting | null>('schedule_next', { meetingId, plan });
}

// --- People, action items, highlights, templates, settings --------------------

export function createPerson(input: PersonInput): Promise<Person> {
  return call<Person>('create_person', { input });
}

export function updatePerson(personId: string, input: PersonInput): Promise<Person> {
  return call<Person>('update_person', { personId, input });
}

export function setPersonArchived(personId: string, archived: boolean): Promise<Person> {
  return call<Person>('set_person_archived', { personId, archived });
}

export function setActionStatus(itemId: string, status: ActionStatus): Promise<ActionItemView> {
  return call<ActionItemView>('set_action_status', { itemId, status });
}

export function deleteActionItem(itemId: string): Promise<void> {
  return call<void>('delete_action_item', { itemId });
}

export function editActionItem(itemId: string, edit: ActionEdit): Promise<ActionItemView> {
  return call<ActionItemView>('edit_action_item', { itemId, edit });
}

export function addTopic(personId: string, input: TopicInput): Promise<Topic> {
  return call<Topic>('add_topic', { personId, input });
}

export function editTopic(topicId: string, input: TopicInput): Promise<Topic> {
  return call<Topic>('edit_topic', { topicId, input });
}

export function setTopicDiscussed(
  topicId: string,
  meetingId: string,
  discussed: boolean,
): Promise<Topic> {
  return call<Topic>('set_topic_discussed', { topicId, meetingId, discussed });
}

export function deleteTopic(topicId: string): Promise<void> {
  return call<void>('delete_topic', { topicId });
}

export function addFeedback(personId: string, input: FeedbackInput): Promise<Feedback> {
  return call<Feedback>('add_feedback', { personId, input });
}

export function editFeedback(feedbackId: string, input: FeedbackInput): Promise<Feedback> {
  return call<Feedback>('edit_feedback', { feedbackId, input });
}

export function deleteFeedback(feedbackId: string): Promise<void> {
  return call<void>('delete_feedback', { feedbackId });
}

export function addGrowthPlan(personId: string, input: GrowthPlanInput): Promise<GrowthPlan> {
  return call<GrowthPlan>('add_growth_plan', { personId, input });
}

export function editGrowthPlan(planId: string, input: GrowthPlanInput): Promise<GrowthPlan> {
  return call<GrowthPlan>('edit_growth_plan', { planId, input });
}

export function deleteGrowthPlan(planId: string): Promise<void> {
  return call<void>('delete_growth_plan', { planId });
}

export function recordMood(meetingId: string, input: MoodInput): Promise<MoodCheck> {
  return call<MoodCheck>('record_mood', { meetingId, input });
}

export function clearMood(meetingId: string): Promise<void> {
  return call<void>('clear_mood', { meetingId });
}

export function listQuestions(): Promise<Question[]> {
  return call<Question[]>('list_questions');
}

export function addQuestion(input: QuestionInput): Promise<Question> {
  return call<Question>('add_question', { input });
}

export function editQuestion(questionId: string, input: QuestionInput): Promise<Question> {
  return call<Question>('edit_question', { questionId, input });
}

export function setQuestionHidden(questionId: string, hidden: boolean): Promise<Question> {
  return call<Question>('set_question_hidden', { questionId, hidden });
}

export function getChecklists(): Promise<Checklists> {
  return call<Checklists>('get_checklists');
}

/** The team's numbers for a period of days in the manager's zone. */
export function getTeamStats(period: StatsPeriod): Promise<TeamStats> {
  return call<TeamStats>('get_team_stats', { period });
}

/** The 1:1s or action items behind one number of the Team screen. */
export function getStatsDetail(request: DetailRequest): Promise<StatsDetail> {
  return call<StatsDetail>('get_stats_detail', { request });
}

export function resetQuestion(questionId: string): Promise<void> {
  return call<void>('reset_question', { questionId });
}

export function addHighlight(personId: string, input: HighlightInput): Promise<Highlight> {
  return call<Highlight>('add_highlight', { personId, input });
}

export function deleteHighlight(highlightId: string): Promise<void> {
  return call<void>('delete_highlight', { highlightId });
}

export function listTemplates(): Promise<TemplateView[]> {
  return call<TemplateView[]>('list_templates');
}

export function createTemplate(input: TemplateInput): Promise<TemplateView> {
  return call<TemplateView>('create_template', { input });
}

export function updateTemplate(templateId: string, input: TemplateInput): Promise<TemplateView> {
  return call<TemplateView>('update_template', { templateId, input });
}

export function duplicateTemplate(templateId: string): Promise<TemplateView> {
  return call<TemplateView>('duplicate_template', { templateId });
}

export function deleteTemplate(templateId: string): Promise<void> {
  return call<void>('delete_template', { templateId });
}

export function getSettings(): Promise<Settings> {
  return call<Settings>('get_settings');
}

export function saveSettings(settings: Settings): Promise<Settings> {
  return call<Settings>('save_settings', { settings });
}

/**
 * Puts text on the system clipboard (through the app, not the web view). Text
 * taken from a meeting's notes names the meeting, so the copy is logged as
 * shared with the report.
 */
export function copyToClipboard(text: string, sharedFrom?: string): Promise<void> {
  return call<void>('copy_to_clipboard', sharedFrom === undefined ? { text } : { text, sharedFrom });
}

// --- Reminders and the desktop app ---------------------------------------------

/**
 * With no person, the default for everyone (never null). With a person, their
 * own offsets, or null when they follow the default.
 */
export function getReminderOffsets(personId: string | null): Promise<ReminderOffsets | null> {
  return call<ReminderOffsets | null>('get_reminder_offsets', { personId });
}

/** Null offsets for a person go back to the default; an empty list means no reminders. */
export function setReminderOffsets(
  personId: string | null,
  offsets: ReminderOffsets | null,
): Promise<void> {
  return call<void>('set_reminder_offsets', { personId, offsets });
}

/** Whether Rapport starts when the manager logs in. */
export function getAutostart(): Promise<boolean> {
  return call<boolean>('get_autostart');
}

/** Resolves to the state the system actually reports afterwards. */
export function setAutostart(enabled: boolean): Promise<boolean> {
  return call<boolean>('set_autostart', { enabled });
}

/** Closes the window; Rapport keeps running in the tray. */
export async function closeWindow(): Promise<void> {
  if (!bridgeAvailable()) return;
  const { getCurrentWindow } = await import('@tauri-apps/api/window');
  await getCurrentWindow().close();
}

/** Quits for real: closing the window only hides Rapport in the tray. */
export function quitApp(): Promise<void> {
  return call<void>('quit_app');
}

/**
 * Opens a web or mail address in the default browser or mail app, through the
 * opener plugin. Its command is allowed by the window's capability for http,
 * https and mailto addresses only, so the shell refuses anything else too.
 */
export function openInBrowser(url: string): Promise<void> {
  return call<void>('plugin:opener|open_url', { url });
}

// --- Backups -------------------------------------------------------------------

/** Where backups go, and the latest ones there. */
export function backupStatus(): Promise<BackupStatus> {
  return call<BackupStatus>('backup_status');
}

/** An encrypted backup in the backup folder, now. */
export function backUpNow(): Promise<BackupInfo> {
  return call<BackupInfo>('back_up_now');
}

/** Asks for the backup folder in the system's dialog; null when it was closed. */
export function chooseBackupFolder(): Promise<BackupStatus | null> {
  return call<BackupStatus | null>('choose_backup_folder');
}

/** Backups go back to the `backups` folder in the data folder. */
export function useDefaultBackupFolder(): Promise<BackupStatus> {
  return call<BackupStatus>('use_default_backup_folder');
}

/**
 * Asks for a backup file in the system's dialog and says what restoring it would
 * replace; null when the dialog was closed.
 */
export function chooseBackupFile(): Promise<RestorePreview | null> {
  return call<RestorePreview | null>('choose_backup_file');
}

/**
 * Restores the file chosen last (checked fully first), opened with the backup's
 * passphrase, or with its recovery key, or with neither through this computer's
 * keyring.
 */
export function restoreBackup(
  passphrase: string | null,
  recoveryKey: string | null,
  replaceOtherStore: boolean,
): Promise<AppStatus> {
  return call<AppStatus>('restore_backup', { passphrase, recoveryKey, replaceOtherStore });
}

/** Where the app asks the window to go, e.g. after "Prepare" on a notification. */
export type NavigateRequest = { screen: 'prepare'; personId: string };

function isNavigateRequest(value: unknown): value is NavigateRequest {
  if (typeof value !== 'object' || value === null) return false;
  const { screen, personId } = value as Record<string, unknown>;
  return screen === 'prepare' && typeof personId === 'string' && personId !== '';
}

function release(unlisten: UnlistenFn): void {
  // Unlistening is asynchronous and fails once the bridge is gone (the window
  // closing, or a test tearing its mock down first); nothing is left to stop then.
  Promise.resolve()
    .then(unlisten)
    .catch(() => undefined);
}

/**
 * Listens to an event from the app until the returned function is called.
 * Without the bridge (a plain browser, a test with no mock) it listens to
 * nothing rather than failing.
 */
function listenUntilStopped(event: string, handler: (payload: unknown) => void): () => void {
  if (!bridgeAvailable()) return () => undefined;
  let stopped = false;
  let unlisten: UnlistenFn | null = null;
  listen<unknown>(event, (received) => {
    if (!stopped) handler(received.payload);
  })
    .then((stop) => {
      // Stopped before the listener was even registered: release it at once.
      if (stopped) release(stop);
      else unlisten = stop;
    })
    // Without the listener the window still works; only what the event
    // brings (a notification's "Prepare", saving before a quit) is missed.
    .catch(() => undefined);
  return () => {
    stopped = true;
    if (unlisten) release(unlisten);
  };
}

/**
 * Calls `handler` each time the app sends the window somewhere. Returns the
 * function that stops listening.
 */
export function onNavigateRequest(handler: (request: NavigateRequest) => void): () => void {
  return listenUntilStopped('navigate', (payload) => {
    if (isNavigateRequest(payload)) handler(payload);
  });
}

/**
 * Calls `handler` when the tray's "Add topic for…" asks for the quick topic
 * form. Returns the function that stops listening.
 */
export function onQuickTopicRequest(handler: () => void): () => void {
  return listenUntilStopped('quick-topic', () => handler());
}

/**
 * Calls `handler` each time a reminder notification is shown, so Today can
 * show it too. Returns the function that stops listening.
 */
export function onReminderShown(handler: () => void): () => void {
  return listenUntilStopped('reminder-shown', () => handler());
}

/**
 * Calls `handler` when the app locked the store by itself (the tray's "Lock
 * now", idle time). Returns the function that stops listening.
 */
export function onLocked(handler: () => void): () => void {
  return listenUntilStopped('store-locked', () => handler());
}

/**
 * Before it quits, hides or locks, the app asks the window to save what is
 * still being typed and waits for the answer. `flush` does the saving; the
 * answer goes back once it has ended, saved or not, so the app never waits
 * longer than it must. Returns the function that stops listening.
 */
export function onFlushRequest(flush: () => Promise<unknown>): () => void {
  return listenUntilStopped('flush-autosave', (request) => {
    void flush()
      .catch(() => undefined)
      .then(() => emit('autosave-flushed', request))
      // The app stops waiting on its own after a few seconds.
      .catch(() => undefined);
  });
}

// --- Sharing with the IC ---------------------------------------------------------

/** Writes the e-mail draft of a held 1:1 and opens it in the default mail app. */
export function shareEmailDraft(meetingId: string): Promise<string> {
  return call<string>('share_email_draft', { meetingId });
}

/** Puts the shared notes of a held 1:1 on the clipboard (HTML and Markdown). */
export function copySharedNotes(meetingId: string): Promise<void> {
  return call<void>('copy_shared_notes', { meetingId });
}

/**
 * Saves a held 1:1's shared notes (Markdown, HTML or text) where the manager
 * picks in the system's dialog; the path, or null when the dialog was closed.
 */
export function saveSharedNotes(meetingId: string, format: NotesFormat): Promise<string | null> {
  return call<string | null>('save_shared_notes', { meetingId, format });
}

/**
 * Opens an e-mail draft with the calendar invite attached: a person's 1:1s
 * (with the planned agenda and the open shareable topics), or one 1:1, which
 * for a moved 1:1 is the update and for a cancelled one the cancellation.
 */
export function emailInvite(target: InviteTarget): Promise<string> {
  return call<string>('email_invite', { target });
}

/** Saves the same invite as an .ics file; the path, or null when the dialog was closed. */
export function saveInvite(target: InviteTarget): Promise<string | null> {
  return call<string | null>('save_invite', { target });
}

// --- Data (Settings → Data) -------------------------------------------------------

/** Everything, private notes included, as JSON; the path, or null when the dialog was closed. */
export function exportJsonFile(): Promise<string | null> {
  return call<string | null>('export_json_file');
}

/**
 * The Markdown vault in a new folder named in the system's dialog; with
 * `sharedOnly`, every private field is left out. Null when the dialog was closed.
 */
export function exportVaultFolder(sharedOnly: boolean): Promise<VaultWritten | null> {
  return call<VaultWritten | null>('export_vault_folder', { sharedOnly });
}

/** A JSON export into this (empty) store; null when the dialog was closed. */
export function importJsonFile(): Promise<ImportedData | null> {
  return call<ImportedData | null>('import_json_file');
}

/** A person's recurring 1:1 from a calendar file; null when the dialog was closed. */
export function importSeriesFile(personId: string): Promise<ImportedSeries | null> {
  return call<ImportedSeries | null>('import_series_file', { personId });
}

function isVaultProgress(value: unknown): value is VaultProgress {
  if (typeof value !== 'object' || value === null) return false;
  const { done, total } = value as Record<string, unknown>;
  return typeof done === 'number' && typeof total === 'number';
}

/**
 * Calls `handler` as a vault export writes its files. Returns the function
 * that stops listening.
 */
export function onVaultProgress(handler: (progress: VaultProgress) => void): () => void {
  return listenUntilStopped('data-progress', (payload) => {
    if (isVaultProgress(payload)) handler(payload);
  });
}

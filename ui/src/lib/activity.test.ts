import { describe, expect, it } from 'vitest';
import { ActivityReporter } from './activity';

describe('activity reports', () => {
  function reporter() {
    let now = 1_000_000;
    let sent = 0;
    const activity = new ActivityReporter(
      () => {
        sent += 1;
        return Promise.resolve();
      },
      () => now,
      20_000,
    );
    return {
      activity,
      sent: () => sent,
      advance: (ms: number) => {
        now += ms;
      },
    };
  }

  it('sends at most once a period while the manager is busy', () => {
    const r = reporter();
    // Just opened: the app counted that already.
    r.activity.note();
    r.activity.note();
    expect(r.sent()).toBe(0);
    r.activity.tick();
    expect(r.sent()).toBe(1);
    r.advance(5_000);
    r.activity.note();
    expect(r.sent()).toBe(1);
    r.activity.tick();
    expect(r.sent()).toBe(2);
    // No activity since: nothing to send.
    r.activity.tick();
    expect(r.sent()).toBe(2);
  });

  it('sends at once when the manager comes back after a pause', () => {
    const r = reporter();
    r.advance(60_000);
    r.activity.note();
    expect(r.sent()).toBe(1);
    r.activity.note();
    r.activity.tick();
    expect(r.sent()).toBe(2);
  });
});

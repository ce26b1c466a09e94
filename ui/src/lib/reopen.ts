// After a restore the window starts over, so that the app's status decides
// again what it shows: the restored notes, or the unlock screen.
export function reopenWindow(): void {
  window.location.reload();
}

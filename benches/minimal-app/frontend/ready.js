// The bench's "ready" moment for this page, taken the way it takes Rapport's:
// the control is in the document and laid out (asking for its boxes forces
// the first layout), not merely parsed.
document.getElementById('ready').getClientRects();
// Only in a window on screen, as for Rapport's control.
if (document.visibilityState === 'visible') window.__readyAt = performance.now();

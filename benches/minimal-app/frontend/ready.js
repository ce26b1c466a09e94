// The bench's "ready" moment for this page, taken the way it takes Rapport's:
// the control is in the document and laid out (asking for its boxes forces
// the first layout), not merely parsed.
document.getElementById('ready').getClientRects();
window.__readyAt = performance.now();

import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { setClockHours, windowReady } from './lib/api';
import { holdLongListsUntilFirstFrame } from './lib/first-screen.svelte';
import { applyTheme, loadTheme } from './lib/theme';
import { localeUsesTwelveHours } from './lib/time';

// Apply the saved theme before the first paint of the app.
applyTheme(loadTheme());

// Every module and style sheet is in: the window may come up while the first
// screen is drawn (src-tauri/src/first_show.rs). The page's finished load has
// usually brought it up already; this stands in should that come late.
windowReady().catch(() => {});

// The app writes times for the manager too (shared notes, invites, the
// tray): with the window's clock. The locale's answer is cached for the
// times Today draws, so this costs the first screen one small call.
setClockHours(localeUsesTwelveHours()).catch(() => {});

// The first frame comes sooner without the rows below the fold.
holdLongListsUntilFirstFrame();

const target = document.getElementById('app');
if (!target) throw new Error('Rapport: the #app element is missing from index.html.');

export default mount(App, { target });

import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { applyTheme, loadTheme } from './lib/theme';

// Apply the saved theme before the first paint of the app.
applyTheme(loadTheme());

const target = document.getElementById('app');
if (!target) throw new Error('Rapport: the #app element is missing from index.html.');

export default mount(App, { target });

import './dashboard.css';
import { pickLang, type Lang } from '../shared/lang';
import { applyTexts, TEXTS } from './i18n';
import { fetchStatus, renderStatus, type ServerStatus } from './status';

const summary = document.getElementById('status');
const list = document.getElementById('checks');
const toggle = document.getElementById('lang-toggle');
const refresh = document.getElementById('refresh');

let lang: Lang = pickLang(navigator.language);
let status: ServerStatus = { kind: 'checking' };

function render(): void {
  applyTexts(document, lang);
  toggle?.setAttribute('lang', lang === 'th' ? 'en' : 'th');
  if (summary && list) renderStatus(summary, list, status, TEXTS[lang]);
}

async function check(): Promise<void> {
  status = { kind: 'checking' };
  render();
  status = await fetchStatus();
  render();
}

toggle?.addEventListener('click', () => {
  lang = lang === 'th' ? 'en' : 'th';
  render();
});
refresh?.addEventListener('click', () => void check());

void check();

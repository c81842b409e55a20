import type { Lang } from '../shared/lang';

/** Texts of the dashboard placeholder page. */
export interface DashboardTexts {
  tagline: string;
  coming: string;
  linksLabel: string;
  docs: string;
  demo: string;
  statusHeading: string;
  checking: string;
  ready: string;
  notReady: string;
  unreachable: string;
  checksLabel: string;
  refresh: string;
  /** Label of the language button: the name of the *other* language. */
  switchTo: string;
}

/** All dashboard texts by language. */
export const TEXTS: Record<Lang, DashboardTexts> = {
  en: {
    tagline: 'AI chat for your business',
    coming: 'The dashboard is coming soon. Meanwhile, explore the API or try the chat widget.',
    linksLabel: 'Useful links',
    docs: 'API documentation',
    demo: 'Widget demo',
    statusHeading: 'Server status',
    checking: 'Checking the server…',
    ready: 'Ready: the server and its dependencies are working.',
    notReady: 'Not ready: some dependencies are unavailable.',
    unreachable: 'The server could not be reached.',
    checksLabel: 'Dependency checks',
    refresh: 'Check again',
    switchTo: 'ภาษาไทย',
  },
  th: {
    tagline: 'แชท AI สำหรับธุรกิจของคุณ',
    coming: 'แดชบอร์ดกำลังจะมาเร็ว ๆ นี้ ระหว่างนี้คุณสามารถดูเอกสาร API หรือทดลองใช้วิดเจ็ตแชทได้',
    linksLabel: 'ลิงก์ที่เป็นประโยชน์',
    docs: 'เอกสาร API',
    demo: 'ตัวอย่างวิดเจ็ต',
    statusHeading: 'สถานะเซิร์ฟเวอร์',
    checking: 'กำลังตรวจสอบเซิร์ฟเวอร์…',
    ready: 'พร้อมใช้งาน: เซิร์ฟเวอร์และระบบที่เกี่ยวข้องทำงานปกติ',
    notReady: 'ยังไม่พร้อม: ระบบที่เกี่ยวข้องบางส่วนใช้งานไม่ได้',
    unreachable: 'ไม่สามารถเชื่อมต่อเซิร์ฟเวอร์ได้',
    checksLabel: 'ผลการตรวจสอบระบบที่เกี่ยวข้อง',
    refresh: 'ตรวจสอบอีกครั้ง',
    switchTo: 'English',
  },
};

/**
 * Fills every element carrying `data-i18n="<key>"` with the text of that key and sets the
 * document language.
 *
 * @param doc - the page
 * @param lang - the language to show
 */
export function applyTexts(doc: Document, lang: Lang): void {
  const texts = TEXTS[lang];
  doc.documentElement.lang = lang;
  for (const node of doc.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = node.dataset.i18n as keyof DashboardTexts | undefined;
    if (key && key in texts) node.textContent = texts[key];
  }
  for (const node of doc.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const key = node.dataset.i18nLabel as keyof DashboardTexts | undefined;
    if (key && key in texts) node.setAttribute('aria-label', texts[key]);
  }
}

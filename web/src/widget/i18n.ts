import type { Lang } from '../shared/lang';

/** Every label the chat panel shows or announces. */
export interface WidgetLabels {
  close: string;
  title: string;
  input: string;
  placeholder: string;
  send: string;
  you: string;
  bot: string;
  /** Who a team member's message is from: announced, and shown on the message. */
  team: string;
  system: string;
  sorry: string;
  failed: string;
  offline: string;
  /** Label of the PIN input of a private widget. */
  pin: string;
  /** The PIN step's submit button. */
  pinStart: string;
  /** Shown when the PIN is not 4–12 digits. */
  pinInvalid: string;
  /** Shown when the business's plan allows no more messages this month. */
  planLimit: string;
  /** Shown when the chat refuses a message's content (blocked words, moderation, length). */
  notAccepted: string;
  /** Marks a message that was changed after it was sent. */
  edited: string;
  /** Announced while a team member writes. */
  teamTyping: string;
  /** Announced while the bot writes an answer asked for elsewhere (e.g. another tab). */
  botTyping: string;
  /** Shown once when a person takes the conversation over from the bot. */
  teamJoined: string;
  /** Text alternative of the header's "team online" dot. */
  teamOnline: string;
}

/**
 * The launcher button's accessible name. Kept apart from {@link labels} so that the loader
 * does not carry the panel's texts.
 *
 * @param lang - the UI language
 */
export function launcherLabel(lang: Lang): string {
  return lang === 'th' ? 'เปิดแชท' : 'Open chat';
}

const LABELS: Record<Lang, WidgetLabels> = {
  en: {
    close: 'Close chat',
    title: 'Chat',
    input: 'Your message',
    placeholder: 'Type a message…',
    send: 'Send',
    you: 'You',
    bot: 'Assistant',
    team: 'Team',
    system: 'Notice',
    sorry: 'Sorry:',
    failed: 'Sorry, something went wrong. Please try again.',
    offline: 'Sorry, we could not reach the chat service. Please try again in a moment.',
    pin: 'This chat is private. Enter its PIN to start.',
    pinStart: 'Start chat',
    pinInvalid: 'The PIN is 4 to 12 digits.',
    planLimit:
      'Sorry, this chat has reached its message limit for this month. Please contact the business another way.',
    notAccepted: "Sorry, this message can't be sent here. Please rephrase it.",
    edited: 'edited',
    teamTyping: 'A team member is typing…',
    botTyping: 'The assistant is typing…',
    teamJoined: "You're now chatting with our team",
    teamOnline: 'Team online',
  },
  th: {
    close: 'ปิดแชท',
    title: 'แชท',
    input: 'ข้อความของคุณ',
    placeholder: 'พิมพ์ข้อความ…',
    send: 'ส่ง',
    you: 'คุณ',
    bot: 'ผู้ช่วย',
    team: 'ทีมงาน',
    system: 'ประกาศ',
    sorry: 'ขออภัย:',
    failed: 'ขออภัย เกิดข้อผิดพลาด กรุณาลองใหม่อีกครั้ง',
    offline: 'ขออภัย ไม่สามารถเชื่อมต่อบริการแชทได้ กรุณาลองใหม่อีกสักครู่',
    pin: 'แชทนี้เป็นแบบส่วนตัว กรุณากรอกรหัส PIN เพื่อเริ่มแชท',
    pinStart: 'เริ่มแชท',
    pinInvalid: 'รหัส PIN ต้องเป็นตัวเลข 4–12 หลัก',
    planLimit: 'ขออภัย แชทนี้ใช้ข้อความครบตามจำนวนของเดือนนี้แล้ว กรุณาติดต่อร้านค้าทางช่องทางอื่น',
    notAccepted: 'ขออภัย ไม่สามารถส่งข้อความนี้ได้ กรุณาเรียบเรียงข้อความใหม่',
    edited: 'แก้ไขแล้ว',
    teamTyping: 'ทีมงานกำลังพิมพ์…',
    botTyping: 'ผู้ช่วยกำลังพิมพ์…',
    teamJoined: 'คุณกำลังคุยกับทีมงาน',
    teamOnline: 'ทีมงานออนไลน์',
  },
};

/**
 * Returns the chat panel's labels in one language.
 *
 * @param lang - the UI language, usually from {@link pickLang}
 */
export function labels(lang: Lang): WidgetLabels {
  return LABELS[lang];
}

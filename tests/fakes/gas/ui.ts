/**
 * Fake of `SpreadsheetApp.getUi()`: menus (recorded as a tree), alerts and
 * prompts (answered from scripted queues), sidebars and dialogs (kept with
 * their HTML so tests can read them).
 */
import type { GasCore } from './core';
import type { FakeHtmlOutput } from './services';

export const ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;
export const Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
export type FakeButton = (typeof Button)[keyof typeof Button];
export type FakeButtonSet = (typeof ButtonSet)[keyof typeof ButtonSet];

export type MenuEntry =
  | { readonly kind: 'item'; readonly caption: string; readonly functionName: string }
  | { readonly kind: 'separator' }
  | { readonly kind: 'submenu'; readonly caption: string; readonly entries: readonly MenuEntry[] };

/** No-break spaces (French typography) read as plain spaces, so tests quote messages as people read them; `shown` keeps the exact text. */
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

export interface AlertRecord {
  readonly title: string | null;
  /** The text with its no-break spaces as plain spaces (see `shown`). */
  readonly message: string;
  /** The text exactly as Google would show it. */
  readonly shown: string;
  readonly buttons: FakeButtonSet | null;
  readonly answer: FakeButton;
}

export interface PromptRecord {
  readonly title: string | null;
  /** The text with its no-break spaces as plain spaces (see `shown`). */
  readonly message: string;
  readonly shown: string;
  readonly buttons: FakeButtonSet | null;
  readonly answer: { text: string; button: FakeButton };
}

export interface DialogRecord {
  readonly kind: 'sidebar' | 'modal' | 'modeless';
  readonly title: string | null;
  readonly output: FakeHtmlOutput;
}

export class FakeMenu {
  readonly entries: MenuEntry[] = [];
  constructor(
    private readonly core: GasCore,
    private readonly ui: FakeUi,
    readonly caption: string,
  ) {}

  addItem(caption: string, functionName: string): FakeMenu {
    this.core.record('Menu', 'addItem', { detail: `${caption} → ${functionName}` });
    this.entries.push({ kind: 'item', caption, functionName });
    return this;
  }
  addSeparator(): FakeMenu {
    this.core.record('Menu', 'addSeparator');
    this.entries.push({ kind: 'separator' });
    return this;
  }
  addSubMenu(menu: FakeMenu): FakeMenu {
    this.core.record('Menu', 'addSubMenu', { detail: menu.caption });
    this.entries.push({ kind: 'submenu', caption: menu.caption, entries: menu.entries });
    return this;
  }
  addToUi(): void {
    this.core.record('Menu', 'addToUi', { detail: this.caption });
    this.ui.menus.push({ caption: this.caption, entries: this.entries });
  }
}

export class FakePromptResponse {
  constructor(
    private readonly text: string,
    private readonly button: FakeButton,
  ) {}
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): FakeButton {
    return this.button;
  }
}

export class FakeUi {
  readonly ButtonSet = ButtonSet;
  readonly Button = Button;
  /** Menus added with `addToUi()`, in order (a second onOpen adds a second record). */
  readonly menus: Array<{ caption: string; entries: readonly MenuEntry[] }> = [];
  readonly alerts: AlertRecord[] = [];
  readonly prompts: PromptRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  private readonly promptAnswers: Array<{ text: string; button: FakeButton }> = [];
  private readonly alertAnswers: FakeButton[] = [];

  constructor(private readonly core: GasCore) {}

  // ---- Scripting (tests) ----

  /** Queues the answer of the next `prompt()`: the text typed and the button clicked (OK by default). */
  queuePrompt(text: string, button: FakeButton = Button.OK): this {
    this.promptAnswers.push({ text, button });
    return this;
  }
  /** Queues the button of the next `alert()` (OK, or YES for YES_NO sets, when nothing is queued). */
  queueAlert(button: FakeButton): this {
    this.alertAnswers.push(button);
    return this;
  }
  /** Scripted prompt answers not consumed yet. */
  get pendingPrompts(): number {
    return this.promptAnswers.length;
  }
  /** The last menu added with this caption. */
  menu(caption: string): { caption: string; entries: readonly MenuEntry[] } | undefined {
    return [...this.menus].reverse().find((m) => m.caption === caption);
  }
  /** Every item of a menu, submenus flattened, with its path (`Générer › Présentation COPIL`). */
  static items(entries: readonly MenuEntry[], prefix = ''): Array<{ path: string; caption: string; functionName: string }> {
    const out: Array<{ path: string; caption: string; functionName: string }> = [];
    for (const e of entries) {
      if (e.kind === 'item') out.push({ path: prefix + e.caption, caption: e.caption, functionName: e.functionName });
      if (e.kind === 'submenu') out.push(...FakeUi.items(e.entries, `${prefix}${e.caption} › `));
    }
    return out;
  }
  get lastAlert(): AlertRecord | undefined {
    return this.alerts[this.alerts.length - 1];
  }

  // ---- Apps Script API ----

  createMenu(caption: string): FakeMenu {
    this.core.record('Ui', 'createMenu', { detail: caption });
    return new FakeMenu(this.core, this, caption);
  }
  createAddonMenu(): FakeMenu {
    this.core.record('Ui', 'createAddonMenu');
    return new FakeMenu(this.core, this, '(add-on)');
  }

  /** alert(message) | alert(message, buttons) | alert(title, message, buttons). */
  alert(a: string, b?: string, c?: string): FakeButton {
    this.core.record('Ui', 'alert');
    this.core.requireAuth('Ui.alert');
    this.core.refuseWaitWhileLocked('Ui.alert');
    const [title, message, buttons] = c !== undefined ? [a, b!, c] : b !== undefined ? [null, a, b] : [null, a, null];
    const fallback = buttons === ButtonSet.YES_NO || buttons === ButtonSet.YES_NO_CANCEL ? Button.YES : Button.OK;
    const answer = this.alertAnswers.shift() ?? fallback;
    this.alerts.push({ title: title === null ? null : plain(title), message: plain(message), shown: message, buttons: buttons as FakeButtonSet | null, answer });
    return answer;
  }

  /** prompt(message) | prompt(message, buttons) | prompt(title, message, buttons). Throws when no answer is scripted. */
  prompt(a: string, b?: string, c?: string): FakePromptResponse {
    this.core.record('Ui', 'prompt');
    this.core.requireAuth('Ui.prompt');
    this.core.refuseWaitWhileLocked('Ui.prompt');
    const [title, message, buttons] = c !== undefined ? [a, b!, c] : b !== undefined ? [null, a, b] : [null, a, null];
    const answer = this.promptAnswers.shift();
    if (!answer) throw new Error(`FakeUi.prompt: no scripted answer for « ${message} » (call env.ui.queuePrompt first)`);
    this.prompts.push({ title: title === null ? null : plain(title), message: plain(message), shown: message, buttons: buttons as FakeButtonSet | null, answer });
    return new FakePromptResponse(answer.text, answer.button);
  }

  showSidebar(output: FakeHtmlOutput): void {
    this.core.record('Ui', 'showSidebar');
    this.core.requireAuth('Ui.showSidebar');
    this.dialogs.push({ kind: 'sidebar', title: output.getTitle() || null, output });
  }
  showModalDialog(output: FakeHtmlOutput, title: string): void {
    this.core.record('Ui', 'showModalDialog');
    this.core.requireAuth('Ui.showModalDialog');
    this.dialogs.push({ kind: 'modal', title, output });
  }
  showModelessDialog(output: FakeHtmlOutput, title: string): void {
    this.core.record('Ui', 'showModelessDialog');
    this.core.requireAuth('Ui.showModelessDialog');
    this.dialogs.push({ kind: 'modeless', title, output });
  }
}

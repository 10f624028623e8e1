import { expect, type Locator, type Page } from '@playwright/test';
import { SoftKeyboard } from './pages/soft-keyboard';

/** Press `key` until `target` has focus (at most `limit` times), failing with a clear message. */
export async function pressUntilFocused(page: Page, key: string, target: Locator, limit = 40) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target, `${key} pressed ${limit} times without reaching the element`).toBeFocused();
}

/** Press Tab until `target` has focus (at most `limit` times), as a keyboard user would. */
export async function tabTo(page: Page, target: Locator, limit = 40) {
  await pressUntilFocused(page, 'Tab', target, limit);
}

/** Press Shift+Tab until `target` has focus (at most `limit` times). */
export async function shiftTabTo(page: Page, target: Locator, limit = 40) {
  await pressUntilFocused(page, 'Shift+Tab', target, limit);
}

/** Tab to a text field, select what it holds (Ctrl+A) and type `text` over it. */
export async function typeOver(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
  await expect(field).toHaveValue(text);
}

/**
 * Select the radio button `target` of a group as a keyboard user does: Tab into the group
 * (it stops on the checked radio, or the first), then ArrowDown until `target` has focus
 * (the arrows check the radio they move to; disabled ones are skipped).
 */
export async function chooseRadio(page: Page, first: Locator, target: Locator, limit = 40) {
  await tabTo(page, first);
  await pressUntilFocused(page, 'ArrowDown', target, limit);
  await expect(target).toBeChecked();
}

/**
 * Set an `<input type="date">` to `iso` (yyyy-mm-dd) with the arrow keys on its segments,
 * whatever order the browser shows them in: Tab reaches the field's first segment; each
 * segment is identified by the part ArrowUp (or, at the top of the field's range, ArrowDown)
 * changes, put back, then stepped to the target; Tab moves to the next segment. A segment
 * the field's min and max leave only one value for is the part not identified yet.
 */
export async function setDateByKeyboard(page: Page, input: Locator, iso: string) {
  await tabTo(page, input);
  const target = iso.split('-').map(Number);
  const parts = async () => (await input.inputValue()).split('-').map(Number);
  const changed = (a: number[], b: number[]) => [0, 1, 2].find((i) => a[i] !== b[i]);
  const done: number[] = [];
  for (let segment = 0; segment < 3; segment++) {
    const before = await parts();
    let which: number | undefined;
    for (const [step, back] of [
      ['ArrowUp', 'ArrowDown'],
      ['ArrowDown', 'ArrowUp'],
    ]) {
      await page.keyboard.press(step);
      which = changed(before, await parts());
      if (which !== undefined) {
        await page.keyboard.press(back);
        break;
      }
    }
    which ??= [0, 1, 2].find((i) => !done.includes(i));
    done.push(which!);
    const diff = target[which!] - before[which!];
    for (let i = 0; i < Math.abs(diff); i++) await page.keyboard.press(diff > 0 ? 'ArrowUp' : 'ArrowDown');
    if (segment < 2) await page.keyboard.press('Tab');
  }
  await expect(input).toHaveValue(iso);
}

/**
 * Type `text` on an open software keyboard with the keyboard alone: the arrow keys move
 * between the character keys, Enter presses one; 「英大文字」/「英小文字」 are reached with
 * Shift+Tab and pressed with Enter when the case must change.
 */
export async function typeOnSoftKeyboard(page: Page, kb: SoftKeyboard, text: string) {
  for (const c of text) {
    if (/[A-Za-z]/.test(c)) {
      const mode = /[A-Z]/.test(c) ? kb.upper : kb.lower;
      if ((await mode.getAttribute('aria-pressed')) !== 'true') {
        await shiftTabTo(page, mode, 50);
        await page.keyboard.press('Enter');
        await expect(mode).toHaveAttribute('aria-pressed', 'true');
        await tabTo(page, kb.characterKeys.first());
      }
    }
    const key = kb.panel.getByRole('button', { name: SoftKeyboard.keyName(c), exact: true });
    await pressUntilFocused(page, 'ArrowRight', key, 40);
    await page.keyboard.press('Enter');
  }
}

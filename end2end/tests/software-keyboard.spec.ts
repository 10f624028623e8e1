import { test, expect } from './fixtures';
import { certificateOf } from './env';
import { SoftKeyboard } from './pages/soft-keyboard';

test.use({ clientCertificates: certificateOf('user01') });

/** Whether the password appears in any attribute, the URL or web storage. */
async function leaks(page: import('@playwright/test').Page, secret: string) {
  return page.evaluate((s) => {
    const inAttributes = [...document.querySelectorAll('*')].some((el) =>
      [...el.attributes].some((a) => a.value.includes(s)),
    );
    const inStorage = [localStorage, sessionStorage].some((st) =>
      Object.keys(st).some((k) => k.includes(s) || (st.getItem(k) ?? '').includes(s)),
    );
    return inAttributes || inStorage || location.href.includes(s);
  }, secret);
}

test('ソフトウェアキーボードだけでパスワードを入力してログインできる', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  const kb = new SoftKeyboard(page, 'ログインパスワード');
  await expect(kb.toggle).toHaveAttribute('aria-expanded', 'false');
  await kb.open();
  await expect(kb.toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(kb.characterKeys).toHaveCount(36);

  await kb.type('Demo1234');
  await expect(loginPage.password).toHaveValue('Demo1234');
  expect(await leaks(page, 'Demo1234')).toBe(false);

  // A pressed key looks exactly like the others (no echo, no highlight).
  const d = kb.panel.getByRole('button', { name: '数字の4', exact: true });
  const other = kb.panel.getByRole('button', { name: '数字の5', exact: true });
  const look = (l: typeof d) => l.evaluate((el) => { const s = getComputedStyle(el); return `${s.backgroundColor}|${s.color}|${s.borderColor}`; });
  await d.click();
  expect(await look(d)).toBe(await look(other));
  await kb.deleteOne.click();
  await expect(loginPage.password).toHaveValue('Demo1234');

  await kb.close.click();
  await expect(kb.panel).toHaveCount(0);
  await expect(loginPage.password).toBeFocused();

  // Clicking 「ログイン」 while the keyboard is open logs in at once (the keyboard
  // closing must not move the button away from under the pointer).
  await kb.open();
  await loginPage.submit.click();
  await frame.expectScreen('トップページ', 'BTOP001');
  expect(await leaks(page, 'Demo1234')).toBe(false);
});

test('物理キーボードとの併用でも入力位置が保たれる', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.password.fill('Demo34');
  await loginPage.password.press('ArrowLeft');
  await loginPage.password.press('ArrowLeft');
  const kb = new SoftKeyboard(page, 'ログインパスワード');
  await kb.open();
  await kb.type('12');
  await expect(loginPage.password).toHaveValue('Demo1234');
  await kb.clearAll.click();
  await expect(loginPage.password).toHaveValue('');
  await loginPage.password.pressSequentially('Demo1234');
  await expect(kb.panel).toBeVisible();
  // Submitting with Enter while the keyboard is open (the screen goes away under it).
  await loginPage.password.press('Enter');
  await frame.expectScreen('トップページ', 'BTOP001');
});

test('キーボードだけで操作でき、Escapeで閉じる', async ({ page, loginPage }) => {
  await loginPage.goto();
  await loginPage.password.focus();
  await page.keyboard.press('Tab');
  const kb = new SoftKeyboard(page, 'ログインパスワード');
  await expect(kb.toggle).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(kb.panel).toBeVisible();
  const first = kb.characterKeys.nth(0);
  const second = kb.characterKeys.nth(1);
  const below = kb.characterKeys.nth(11);
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(second).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(below).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  const typed = (await below.textContent()) ?? '';
  await expect(loginPage.password).toHaveValue(typed + typed);
  await page.keyboard.press('Escape');
  await expect(kb.panel).toHaveCount(0);
  await expect(loginPage.password).toBeFocused();

  // Focus leaving the field and its keyboard closes it.
  await kb.toggle.click();
  await expect(kb.panel).toBeVisible();
  await loginPage.submit.focus();
  await expect(kb.panel).toHaveCount(0);
});

test('開くたびにキー配列が変わり、「キー配列を固定」で固定できる', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  const kb = new SoftKeyboard(page, 'ログインパスワード');
  await kb.open();
  const first = await kb.order();
  await kb.close.click();
  await kb.open();
  const second = await kb.order();
  expect(first).not.toBe(second);
  expect([...first].sort().join('')).toBe([...second].sort().join(''));

  await kb.fixedOrder.check();
  const canonical = '1234567890abcdefghijklmnopqrstuvwxyz';
  expect(await kb.order()).toBe(canonical);
  await kb.close.click();
  await kb.open();
  await expect(kb.fixedOrder).toBeChecked();
  expect(await kb.order()).toBe(canonical);
  await kb.upper.click();
  expect(await kb.order()).toBe(canonical.toUpperCase());

  // At 文字サイズ「大」 the keyboard sits below the field without covering it.
  await frame.textSize('大').click();
  await expect(kb.panel).toHaveCount(0);
  await kb.open();
  const field = await loginPage.password.boundingBox();
  const panel = await kb.panel.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(field && panel && panel.y >= field.y + field.height).toBe(true);
  expect(panel && panel.x + panel.width <= width).toBe(true);
});

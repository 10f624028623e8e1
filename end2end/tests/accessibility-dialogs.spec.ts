import { test, expect } from './fixtures';
import { certificateOf } from './env';
import { expectNoAxeViolations } from './axe';
import { inject } from './faults/inject';
import { IDLE, IdleDialog } from './pages/session-pages';

test.use({ clientCertificates: certificateOf('master01') });

test('延長に失敗した警告ダイアログは、どの文字サイズでもaxe-coreの違反がない', async ({ page, loginPage, frame }) => {
  await page.clock.install();
  await loginPage.goto();
  await loginPage.withCertificate();
  await frame.expectScreen('トップページ', 'BTOP001');
  const idle = new IdleDialog(page);
  // The dialog is modal (the 文字サイズ buttons behind it are inert): choose the size first.
  for (const size of ['小', '中', '大'] as const) {
    await frame.textSize(size).click();
    await page.clock.fastForward(IDLE.toWarning);
    await expect(idle.extend).toBeFocused();
    const cut = await inject(page, { method: 'POST', path: '/api/session/keep-alive' }, { kind: 'reset' });
    await idle.extend.click();
    await expect(idle.dialog.getByRole('alert')).toContainText('延長できませんでした');
    await expectNoAxeViolations(page, `警告ダイアログ（延長の失敗） at 文字サイズ ${size}`);
    await cut.remove();
    await idle.extend.click();
    await expect(idle.dialog).toHaveCount(0);
  }
});

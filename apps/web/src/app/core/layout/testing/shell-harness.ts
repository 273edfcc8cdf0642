import { ComponentHarness } from '@angular/cdk/testing';

/** `jx-shell`: the navigation and who is signed in. */
export class ShellHarness extends ComponentHarness {
  static hostSelector = 'jx-shell';

  /** The navigation's links as read aloud (待我处理（3 项）, 绩效目标 …). */
  async getNavigation(): Promise<string[]> {
    const links = await this.locatorForAll('nav.nav a')();
    return Promise.all(links.map(async (a) => (await a.text({ exclude: '.nav-badge' })).replace(/\s+/g, '')));
  }

  /** The number on 待我处理, or null when none is shown. */
  async getInboxBadge(): Promise<string | null> {
    const badge = await this.locatorForOptional('a.inbox-link .nav-badge')();
    return badge === null ? null : (await badge.text()).trim();
  }

  async signOut(): Promise<void> {
    await (await this.locatorFor('button.logout')()).click();
  }
}

import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';

/** Work typed but not saved yet, registered by the component that holds it. */
export interface UnsavedWork {
  /** What would be lost, for the question: 「医保重点工作经费」的修改. */
  label: string;
  /** Called when the user chooses to leave it: forget the kept draft too. */
  discard(): void;
}

/** The question asked before leaving unsaved work, answered by the leave dialog (jx-leave-dialog in the shell). */
export interface LeaveQuestion {
  labels: string[];
  /** 离开 (or 放弃修改) / 继续编辑. */
  answer(leave: boolean): void;
  /** The wording of the confirming button. */
  leaveText: string;
}

/**
 * Work is never lost: components register what they hold unsaved; leaving it — navigating away (the
 * route guard), closing its panel, reloading or closing the tab (beforeunload) — asks first. A draft
 * the component keeps in storage survives a reload and a lost session; choosing to leave discards it.
 */
@Injectable({ providedIn: 'root' })
export class UnsavedChanges {
  private readonly works = signal<ReadonlyMap<object, UnsavedWork>>(new Map());
  private pending: Promise<boolean> | null = null;

  readonly hasUnsaved = computed(() => this.works().size > 0);
  /** The open question, or null. */
  readonly question = signal<LeaveQuestion | null>(null);
  /** How many leave dialogs are on the page (the shell hosts one); without one, leaving is not asked about in the page. */
  private hosts = 0;

  constructor() {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!this.hasUnsaved()) return;
      event.preventDefault();
      event.returnValue = ''; // older browsers ask only when a value is set
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    inject(DestroyRef).onDestroy(() => window.removeEventListener('beforeunload', onBeforeUnload));
  }

  /** Registers (or, with null, releases) the unsaved work of `owner`. */
  set(owner: object, work: UnsavedWork | null): void {
    this.works.update((works) => {
      const next = new Map(works);
      if (work === null) next.delete(owner);
      else next.set(owner, work);
      return next;
    });
  }

  /** True when `owner` has unsaved work registered. */
  holds(owner: object): boolean {
    return this.works().has(owner);
  }

  /**
   * Asks before leaving the unsaved work of `owner` (or of everyone): resolves true — and discards the
   * work — when the user leaves, false when the user goes on editing. True at once when nothing is unsaved.
   */
  confirmLeave(owner?: object, leaveText = '放弃修改并离开'): Promise<boolean> {
    const works = [...this.works()].filter(([o]) => owner === undefined || o === owner).map(([, work]) => work);
    if (works.length === 0) return Promise.resolve(true);
    if (this.hosts === 0) return Promise.resolve(false); // nobody can be asked: keep the work
    if (this.pending !== null) return this.pending;
    this.pending = new Promise<boolean>((resolve) => {
      this.question.set({
        labels: works.map((w) => w.label),
        leaveText,
        answer: (leave) => {
          this.question.set(null);
          this.pending = null;
          if (leave) for (const work of works) work.discard();
          resolve(leave);
        },
      });
    });
    return this.pending;
  }

  /** Called by a leave dialog while it is on the page. */
  attachHost(): () => void {
    this.hosts += 1;
    return () => {
      this.hosts -= 1;
    };
  }
}

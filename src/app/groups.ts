// Linked elements: <nn-explorable> elements on one page with the same `group` attribute share one explorable —
// one store, one worker, one network — so a drawing in a pad element shows in an output element beside it and
// Play in a controls element trains the network every element shows. The page is the scope of a group, so the
// registry is the page's: it lives with this module, and a group ends when its last element leaves.
import type { StartedExplorable } from "./startExplorable.ts";

/** A claim on an explorable: release it when the element that holds it goes. */
export interface Lease {
  readonly explorable: StartedExplorable;
  release(): void;
}

/** The page's groups by name, each with how many elements hold it. */
export class Groups {
  private readonly groups = new Map<string, { explorable: StartedExplorable; holders: number }>();

  /** The group's explorable, started by `start` for its first element (whose settings it takes). */
  join(name: string, start: () => StartedExplorable): Lease {
    let group = this.groups.get(name);
    if (!group) this.groups.set(name, (group = { explorable: start(), holders: 0 }));
    group.holders++;
    let held = true;
    const entry = group;
    return {
      explorable: entry.explorable,
      release: () => {
        if (!held) return;
        held = false;
        if (--entry.holders > 0) return;
        this.groups.delete(name);
        entry.explorable.dispose();
      },
    };
  }

  /** How many elements hold `name` (0 when it has ended). */
  holders(name: string): number {
    return this.groups.get(name)?.holders ?? 0;
  }
}

/** This page's groups. */
export const PAGE_GROUPS = new Groups();

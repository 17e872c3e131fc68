/**
 * User ids are case-insensitive (auth/user-ids.ts), but the store names each
 * user by its stored id. A chat request may name another user in any case; the
 * chat service turns each such name into the stored id here, once, before the
 * request reaches a store — so `Alice`, `ALICE` and `alice` reach one user, one
 * direct conversation (`d:<a>:<b>` is built from stored ids), one friendship.
 *
 * - An id stored as typed is that user (one lookup by primary key; it also keeps
 *   users from before case-insensitive ids, stored as `Bob`, reachable as typed).
 * - Otherwise the user whose login name is the typed id's canonical form.
 * - Otherwise the name stays as typed: the store's own check then answers
 *   USER_NOT_FOUND (or leaves the user out, for presence), as for any unknown id.
 *
 * Users are never deleted or renamed, so a name once resolved stays resolved:
 * the answers are kept in a bounded cache and a repeated name costs no query.
 * Unknown names are not kept (the user may register a moment later).
 */
import { Limits } from '@parley/protocol';
import { canonicalUserId } from '../auth/user-ids.ts';
import { BoundedMap } from '../bounded-map.ts';
import { checkUserId } from './input-checks.ts';

/** What the resolver reads of the store. */
export interface UserLookup {
  getUser(id: string): Promise<unknown | undefined>;
  userByLogin(loginId: string): Promise<{ id: string } | undefined>;
}

/** Names resolved to stored ids that one node keeps (least recently used dropped first). */
const RESOLVED_MAX = 50_000;

export class UserResolver {
  private readonly resolved = new BoundedMap<string, string>(RESOLVED_MAX);

  constructor(private readonly store: UserLookup) {}

  /**
   * Checks `typed` as a user id (INVALID_ARGUMENT naming `field`) without reading
   * the store. A name outside the id characters that folds into them (full-width
   * letters) is taken in its canonical form, as at login; the form returned is
   * what `resolve` takes.
   */
  check(typed: string, field: string): string {
    if (Limits.USER_ID.test(typed)) return typed;
    const canonical = canonicalUserId(typed);
    if (Limits.USER_ID.test(canonical)) return canonical;
    checkUserId(typed, field);
    return typed;
  }

  /** The stored id `name` (as `check` returned it) names, or `name` itself when no user has it. */
  async resolve(name: string): Promise<string> {
    const cached = this.resolved.get(name);
    if (cached !== undefined) return cached;
    let id: string | undefined;
    if ((await this.store.getUser(name)) !== undefined) id = name;
    else {
      const login = canonicalUserId(name);
      id = (await this.store.userByLogin(login))?.id;
    }
    if (id === undefined) return name;
    this.resolved.set(name, id);
    return id;
  }

  /**
   * `resolve` for each of `names`, in order: one after another, so that a request
   * naming hundreds of new names does not take the whole store connection pool.
   */
  async resolveAll(names: readonly string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const name of names) ids.push(await this.resolve(name));
    return ids;
  }
}

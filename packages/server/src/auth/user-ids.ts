/**
 * User ids are case-insensitive: each has one canonical form, NFKC then
 * lowercase, and that is the form a new user is stored under and the login name
 * every user is found by. So `Alice`, `ALICE` and `alice` (and the full-width
 * `ａｌｉｃｅ`, which NFKC folds to ASCII) are one user.
 *
 * The form is taken before the id is checked against Limits.USER_ID (ASCII
 * only), so a name that folds into the allowed characters is accepted in its
 * folded form. Users created before ids were case-insensitive keep their stored
 * id (history names them by it); their login name is its lowercase form (see
 * the stores' accounts migration).
 */
export function canonicalUserId(id: string): string {
  return id.normalize('NFKC').toLowerCase();
}

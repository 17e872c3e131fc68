/**
 * One browser, two tabs: both are the same device, so the newer tab takes the
 * connection and the older one says so (with a way to take it back) instead of
 * silently going stale.
 */
import { DESKTOP, online, signUp, webTest } from './harness.ts';

webTest('a second tab of the same browser takes over; the first says so and can take it back', async (w) => {
  const first = await w.person(DESKTOP);
  await signUp(first.page, 'alice');
  const second = await first.context.newPage();
  await second.goto(w.server.httpUrl + '/');
  await online(second);
  await first.page.getByText(/opened in another tab or window of this browser/).waitFor();
  await first.page.getByRole('button', { name: 'Reload' }).click();
  await online(first.page);
  await second.getByText(/opened in another tab or window of this browser/).waitFor();
});

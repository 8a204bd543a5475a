// Waits until the page's transitions (a dialog fading, a section unfolding) have run, so a
// screenshot shows where things end up; endless ones such as a spinner are not waited for.
export async function settled(page) {
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity),
  );
}

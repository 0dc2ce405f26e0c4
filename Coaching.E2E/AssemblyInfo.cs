// One browser-driven class at a time: each starts its own app and Chromium, and on a 2-core CI machine several at once
// make timings (and so the tests) flaky for no gain.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

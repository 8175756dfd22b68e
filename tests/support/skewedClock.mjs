// Loaded with --import into a relay process (NODE_OPTIONS): its wall clock, as Date.now reads
// it, runs WAYMARK_TEST_CLOCK_SKEW_MS ahead (or behind, when negative) of the host's, as on a
// host whose clock is off from the Redis server's.
const skew = Number(process.env.WAYMARK_TEST_CLOCK_SKEW_MS ?? 0);
const hostNow = Date.now;
Date.now = () => hostNow() + skew;

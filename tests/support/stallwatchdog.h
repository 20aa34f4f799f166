#pragma once

namespace vermilion::test {

// Tells the stall watchdog (stallwatchdog.cpp) that the running test function makes the UI
// thread busy on purpose, for a reason of the test's own (e.g. QAbstractItemModelTester checking
// a large model on every insertion): its gaps are still printed, but do not fail it. Use it for
// test instrumentation only, never to excuse the application.
void excuseStallsInThisTest(const char* reason);

// How many gaps over the limit the watchdog has seen so far, excused ones included: the
// watchdog's own test checks with it that a stall is caught.
int stallsOverLimit();

} // namespace vermilion::test

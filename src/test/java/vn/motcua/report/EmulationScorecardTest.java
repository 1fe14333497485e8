package vn.motcua.report;

import vn.motcua.MotcuaTest;

/** The emulation scorecard's contract on the embedded H2 database. */
@MotcuaTest
class EmulationScorecardTest extends EmulationScorecardContract {
}

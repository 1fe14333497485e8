package vn.motcua.engine;

import vn.motcua.MotcuaTest;

/** The task page contract on the embedded H2 database. */
@MotcuaTest
class TaskPageTest extends TaskPageContract {
}

package vn.motcua;

/** The end-to-end contract on the embedded default database. */
@MotcuaTest
class H2EndToEndTest extends EndToEndContract {
}

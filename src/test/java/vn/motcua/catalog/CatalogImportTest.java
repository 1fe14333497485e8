package vn.motcua.catalog;

import vn.motcua.MotcuaTest;

/** The import contract on H2, in the shared application context (whose demo start-up imported the sample). */
@MotcuaTest
class CatalogImportTest extends CatalogImportContract {
}

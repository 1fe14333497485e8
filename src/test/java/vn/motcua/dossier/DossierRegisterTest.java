package vn.motcua.dossier;

import vn.motcua.MotcuaTest;

/** The register contract on the embedded H2 database. */
@MotcuaTest
class DossierRegisterTest extends DossierRegisterContract {
}

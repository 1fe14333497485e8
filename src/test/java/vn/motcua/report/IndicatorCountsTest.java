package vn.motcua.report;

import vn.motcua.MotcuaTest;

/** The daily counts' contract ({@link IndicatorCountsContract}) on the embedded H2 database. */
@MotcuaTest
class IndicatorCountsTest extends IndicatorCountsContract {
}

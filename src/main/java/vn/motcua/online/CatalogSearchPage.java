package vn.motcua.online;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.web.util.UriUtils;

import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureQuery;
import vn.motcua.catalog.Unit;
import vn.motcua.catalog.UnitLevel;
import vn.motcua.text.PlainTexts;

/**
 * One page of the citizens' catalog: the search as typed, the procedures found, the choices of the filters
 * and the links to the other pages (which keep the search). Built here so that the template only prints.
 */
record CatalogSearchPage(String q, String sector, String unit, String level, Page<Procedure> found,
        Map<String, Long> sectors, Map<Unit, Long> units, String problem) {

    static final int PAGE_SIZE = 20;
    static final int MAX_QUERY = 200;
    /** How many page numbers the pager shows around the current one. */
    private static final int AROUND = 2;

    static CatalogSearchPage of(Catalog catalog, String q, String sector, String unit, String level, String page) {
        String problem = null;
        String text = q == null ? "" : q.strip();
        if (text.length() > MAX_QUERY) {
            problem = "catalog.query.size";
            text = text.substring(0, MAX_QUERY);
        }
        if (PlainTexts.firstRefused(text, false).isPresent()) {
            problem = "catalog.page.query.character";
            text = PlainTexts.strip(text).replaceAll("[\\t\\r\\n]", " ");
        }
        Map<String, Long> sectors = catalog.sectors();
        Map<Unit, Long> units = catalog.receivingUnits();
        String s = sector != null && sectors.containsKey(sector) ? sector : "";
        String u = unit != null && units.keySet().stream().anyMatch(x -> x.getKey().equals(unit)) ? unit : "";
        UnitLevel l = "TINH".equals(level) ? UnitLevel.PROVINCE : "XA".equals(level) ? UnitLevel.COMMUNE : null;
        int number = 1;
        try {
            number = page == null ? 1 : Math.max(1, Math.min(100_000, Integer.parseInt(page.strip())));
        } catch (NumberFormatException e) {
            number = 1;
        }
        ProcedureQuery query = new ProcedureQuery(problem == null ? text : "", s.isEmpty() ? null : s, null,
                u.isEmpty() ? null : u, l, null);
        Page<Procedure> found = catalog.search(query, number - 1, PAGE_SIZE);
        if (found.getTotalPages() > 0 && number > found.getTotalPages()) {
            found = catalog.search(query, found.getTotalPages() - 1, PAGE_SIZE);
        }
        return new CatalogSearchPage(text, s, u, l == null ? "" : level, found, sectors, units, problem);
    }

    Map<String, Object> model(String problemText) {
        Map<String, Object> model = new HashMap<>();
        model.put("procedures", found.getContent());
        model.put("total", found.getTotalElements());
        model.put("pageNumber", found.getNumber() + 1);
        model.put("pageCount", Math.max(1, found.getTotalPages()));
        model.put("q", q);
        model.put("sector", sector);
        model.put("unit", unit);
        model.put("level", level);
        model.put("sectors", sectors);
        model.put("units", units);
        model.put("filtered", !q.isEmpty() || !sector.isEmpty() || !unit.isEmpty() || !level.isEmpty());
        model.put("pages", pages());
        model.put("previous", found.hasPrevious() ? url(found.getNumber()) : "");
        model.put("next", found.hasNext() ? url(found.getNumber() + 2) : "");
        model.put("problem", problemText == null ? "" : problemText);
        return model;
    }

    /** The page links: the first, the last, and a few around the current one; null marks a gap. */
    private List<Map<String, Object>> pages() {
        List<Map<String, Object>> links = new ArrayList<>();
        int current = found.getNumber() + 1;
        int count = found.getTotalPages();
        int last = 0;
        for (int n = 1; n <= count; n++) {
            if (n == 1 || n == count || Math.abs(n - current) <= AROUND) {
                if (last > 0 && n > last + 1) {
                    links.add(Map.of("gap", true));
                }
                Map<String, Object> link = new LinkedHashMap<>();
                link.put("gap", false);
                link.put("number", n);
                link.put("url", url(n));
                link.put("current", n == current);
                links.add(link);
                last = n;
            }
        }
        return links;
    }

    /** The address of page {@code n} (from 1) of this search. */
    String url(int n) {
        StringBuilder url = new StringBuilder("/");
        param(url, "q", q);
        param(url, "linh-vuc", sector);
        param(url, "don-vi", unit);
        param(url, "cap", level);
        if (n > 1) {
            param(url, "trang", Integer.toString(n));
        }
        return url.toString();
    }

    private static void param(StringBuilder url, String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        url.append(url.length() == 1 ? '?' : '&').append(name).append('=')
                .append(UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8).replace("+", "%2B"));
    }
}
